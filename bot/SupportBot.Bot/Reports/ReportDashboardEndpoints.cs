using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using SupportBot.Bot.Agents;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Web;

namespace SupportBot.Bot.Reports;

/// <summary>
/// The supervisors' report under the agent console: <c>/agent/report</c> (the page), <c>/agent/report.csv</c> and
/// <c>/agent/report.json</c> (downloads with the same filters). The console's cookie sign-in, then the supervisor role:
/// an agent without it gets 403. Downloads are audited (<c>report_exported</c>): the figures are aggregate, but who
/// took them out is worth knowing.
/// </summary>
internal static class ReportDashboardEndpoints
{
    // The console's page policy, plus a GET form back to this origin; no script at all.
    private const string PagePolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

    public static IEndpointRouteBuilder MapReportDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/agent/report", PageAsync).ExcludeFromDescription();
        endpoints.MapGet("/agent/report.csv", (HttpContext context, CancellationToken ct) => DownloadAsync(context, "csv", ct)).ExcludeFromDescription();
        endpoints.MapGet("/agent/report.json", (HttpContext context, CancellationToken ct) => DownloadAsync(context, "json", ct)).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, ReportBuilder builder, ITextRenderer text, LanguageCatalog languages, SupportedLanguages supported, TimeProvider time,
        CancellationToken ct)
    {
        var agent = await SignedInAgentAsync(context);
        if (agent is null)
        {
            return Results.Redirect("/agent/");
        }

        var query = DashboardQuery.FromRequest(context.Request.Query, time.GetUtcNow());
        var language = supported.Resolve(query.Display) ?? supported.Resolve(agent.ConsoleLanguage) ?? supported.Default;
        var rtl = languages.Find(language)?.Dir == "rtl";
        var page = new ReportDashboardPage(text, language, rtl);
        context.Response.Headers.ContentSecurityPolicy = PagePolicy;
        context.Response.Headers.CacheControl = "no-store";
        if (!agent.IsSupervisor)
        {
            return Html(page.Message("report.forbidden"), StatusCodes.Status403Forbidden);
        }

        if (query.ToRequest() is not { } request)
        {
            return Html(page.Message("report.error.invalid"), StatusCodes.Status400BadRequest);
        }

        var report = await builder.BuildAsync(request, ct);
        var monthly = await builder.BuildAsync(request with { By = ReportGranularity.Month }, ct, materialize: false);
        var display = languages.GetAvailable().Where(l => supported.Resolve(l.Code) == l.Code).Select(l => (l.Code, l.NativeName)).ToList();
        return Html(page.Render(report, monthly, query, display), StatusCodes.Status200OK);
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, string format, CancellationToken ct)
    {
        var agent = await SignedInAgentAsync(context);
        if (agent is null)
        {
            return TypedResults.Json(new { error = "unauthenticated" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!agent.IsSupervisor)
        {
            return TypedResults.Json(new { error = "forbidden" }, statusCode: StatusCodes.Status403Forbidden);
        }

        var services = context.RequestServices;
        var time = services.GetRequiredService<TimeProvider>();
        if (DashboardQuery.FromRequest(context.Request.Query, time.GetUtcNow()).ToRequest() is not { } request)
        {
            return TypedResults.Json(
                new { error = "invalid", detail = "Dates as yyyy-MM-dd with to after from, by week or month, country of two letters, language of two or three, at most 300 periods." },
                statusCode: StatusCodes.Status400BadRequest);
        }

        var report = await services.GetRequiredService<ReportBuilder>().BuildAsync(request, ct);
        await services.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEvent("report_exported", time.GetUtcNow(), "agent:" + agent.AgentId, null, null, null,
                JsonSerializer.Serialize(new { format, by = report.By, from = report.From, to = report.To, country = report.Country, language = report.Language })),
            ct);
        var name = $"takeover-report-{report.By}-{request.From:yyyyMMdd}-{request.To:yyyyMMdd}.{format}";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        context.Response.Headers.CacheControl = "no-store";
        return format == "csv"
            ? Results.Text(ReportWriters.ToCsv(report), "text/csv; charset=utf-8", Encoding.UTF8)
            : Results.Text(ReportWriters.ToJson(report), "application/json; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The signed-in console account, loaded afresh so a role change applies at once; null when not signed in.</summary>
    private static async Task<AgentAccount?> SignedInAgentAsync(HttpContext context)
    {
        var authentication = await context.AuthenticateAsync(AgentEndpoints.Scheme);
        var agentId = authentication.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        return agentId is null ? null : await context.RequestServices.GetRequiredService<IAgentStore>().GetAsync(agentId, context.RequestAborted);
    }

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
