using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SupportBot.Bot.Localization;

namespace SupportBot.Bot.Agents;

/// <summary>
/// The JSON API behind the agent console (<c>/agent/api</c>, docs/agent-api.md). Cookie sign-in; every
/// state-changing call needs the antiforgery token in <c>X-CSRF-TOKEN</c>; every case call is checked by <see cref="AgentDesk"/>.
/// </summary>
internal static class AgentEndpoints
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CsrfHeader = "X-CSRF-TOKEN";
    private const string AgentItem = "SupportBot.Agent";

    public static IEndpointRouteBuilder MapAgentConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // The console page at /agent and /agent/ (wwwroot/agent/index.html, which holds no data): served here because a
        // matched endpoint makes the static-file middleware step aside.
        endpoints.MapGet("/agent", (HttpContext context, IWebHostEnvironment environment) =>
        {
            var page = environment.WebRootFileProvider.GetFileInfo("agent/index.html");
            if (!page.Exists)
            {
                return Results.NotFound();
            }

            context.Response.Headers.ContentSecurityPolicy = Web.SecurityHeaders.ForPage(context.Request.Host);
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8");
        }).ExcludeFromDescription();

        var open = endpoints.MapGroup("/agent/api").WithTags("Agent console");
        open.AddEndpointFilter(RequireAntiforgeryOnChanges);
        open.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new { token = tokens.RequestToken, headerName = CsrfHeader });
        });
        open.MapGet("/strings", ConsoleStringsAsync);
        open.MapPost("/session", SignInAsync);

        // Whether this browser is signed in, without a 401 (which browsers log as an error) for a console just opened.
        open.MapGet("/session", async (HttpContext context, IAgentStore store, AgentEventHub hub, CancellationToken ct) =>
        {
            var authentication = await context.AuthenticateAsync(Scheme);
            var agentId = authentication.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
            var agent = agentId is null ? null : await store.GetAsync(agentId, ct);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new { signedIn = agent is not null, agent = agent is null ? null : Describe(agent, hub.OnlineAgentIds()) });
        });

        var api = endpoints.MapGroup("/agent/api").WithTags("Agent console");
        api.AddEndpointFilter(RequireAgentAsync);
        api.AddEndpointFilter(RequireAntiforgeryOnChanges);
        api.MapDelete("/session", async (HttpContext context) =>
        {
            await context.SignOutAsync(Scheme);
            return TypedResults.NoContent();
        });
        api.MapGet("/me", (HttpContext context, AgentEventHub hub) => TypedResults.Ok(Describe(Agent(context), hub.OnlineAgentIds())));
        api.MapGet("/agents", async (AgentEventHub hub, IAgentStore store, CancellationToken ct) =>
        {
            var online = hub.OnlineAgentIds();
            return TypedResults.Ok((await store.ListAsync(ct)).Select(a => Describe(a, online)));
        });
        api.MapGet("/queue", async (HttpContext context, AgentDesk desk, CancellationToken ct) =>
        {
            var items = await desk.QueueAsync(Agent(context), ct);
            return TypedResults.Ok(new
            {
                waiting = items.Count(i => i.HeldBy is null),
                mine = items.Count(i => i.HeldByMe),
                cases = items,
            });
        });
        api.MapGet("/events", StreamEventsAsync);
        api.MapGet("/cases/{caseId}", async (string caseId, HttpContext context, AgentDesk desk, CancellationToken ct) =>
            ToResult(await desk.GetCaseAsync(Agent(context), caseId, ct)));
        api.MapGet("/cases/{caseId}/transcript", async (string caseId, HttpContext context, AgentDesk desk, CancellationToken ct) =>
        {
            var result = await desk.TranscriptAsync(Agent(context), caseId, ct);
            if (result.Error is null)
            {
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{caseId}.transcript\"";
            }

            return ToResult(result);
        });
        api.MapPost("/cases/{caseId}/accept", async (string caseId, HttpContext context, AgentDesk desk, CancellationToken ct) =>
            ToResult(await desk.AcceptAsync(Agent(context), caseId, ct)));
        api.MapPost("/cases/{caseId}/messages", async (string caseId, MessageRequest body, HttpContext context, AgentDesk desk, CancellationToken ct) =>
            ToResult(await desk.SendAsync(Agent(context), caseId, body.Text, ct)));
        api.MapPost("/cases/{caseId}/typing", async (string caseId, HttpContext context, AgentDesk desk, CancellationToken ct) =>
            ToResult(await desk.TypingAsync(Agent(context), caseId, ct)));
        api.MapPost("/cases/{caseId}/transfer", async (string caseId, TransferRequest body, HttpContext context, AgentDesk desk, CancellationToken ct) =>
            ToResult(await desk.TransferAsync(Agent(context), caseId, body.Language, body.Country, body.AgentId, ct)));
        api.MapPost("/cases/{caseId}/resolve", async (string caseId, ResolveRequest body, HttpContext context, AgentDesk desk, CancellationToken ct) =>
            ToResult(await desk.ResolveAsync(Agent(context), caseId, body.Outcome, ct, body.Cause)));
        api.MapPost("/cases/{caseId}/return", async (string caseId, HttpContext context, AgentDesk desk, CancellationToken ct) =>
            ToResult(await desk.ReturnToBotAsync(Agent(context), caseId, ct)));

        endpoints.MapPost("/api/hub/activities", (HttpRequest request, HubStatusHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithTags("Hub");
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(
        SignInRequest body, HttpContext context, AgentAccounts accounts, Storage.IAuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var result = await accounts.SignInAsync(body.Username ?? string.Empty, body.Password ?? string.Empty, ct);
        if (result.LockedUntil is { } until)
        {
            return TypedResults.Json(new { error = "locked", lockedUntil = until }, statusCode: StatusCodes.Status423Locked);
        }

        if (result.Account is not { } agent)
        {
            return TypedResults.Json(new { error = "invalid" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, agent.AgentId), new Claim(ClaimTypes.Name, agent.Username), new Claim(ClaimTypes.Role, agent.Role)],
            Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));

        // Staffing and hours in the takeover report (docs/security.md F2) count sign-ins with accepts and resolves.
        await audit.AppendAsync(new Storage.AuditEvent("agent_signed_in", time.GetUtcNow(), "agent:" + agent.AgentId, null, null, null, "{}"), ct);
        return TypedResults.Ok(Describe(agent, new HashSet<string>()));
    }

    private static async Task StreamEventsAsync(HttpContext context, AgentEventHub hub, AgentDesk desk, CancellationToken ct)
    {
        var agent = Agent(context);
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        using var subscription = hub.Subscribe(agent);

        // Online now: the users kept waiting for someone like this agent are queued again.
        await desk.OpenBacklogAsync(agent, ct);
        await context.Response.WriteAsync("retry: 2000\n\nevent: hello\ndata: {}\n\n", ct);
        await context.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(ct);
                keepAlive.CancelAfter(TimeSpan.FromSeconds(20));
                try
                {
                    if (await subscription.Reader.WaitToReadAsync(keepAlive.Token))
                    {
                        while (subscription.Reader.TryRead(out var item))
                        {
                            var data = JsonSerializer.Serialize(new { caseId = item.CaseId, data = item.Data }, JsonSerializerOptions.Web);
                            await context.Response.WriteAsync($"event: {item.Type}\ndata: {data}\n\n", ct);
                        }
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", ct);
                }

                await context.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The console closed.
        }
    }

    private static async Task<IResult> ConsoleStringsAsync(string? lang, LocaleFolder locales, CancellationToken ct)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var language = Web.LanguageCatalog.NormalizeTag(lang ?? "en")?.Split('-')[0] ?? "en";
        foreach (var candidate in language == "en" ? ["en"] : new[] { "en", language })
        {
            // The report's strings too: the resolve form offers its cause taxonomy, the bar links to it.
            foreach (var file in new[] { "console.json", "report.json" })
            {
                var path = Path.Combine(locales.Root, candidate, file);
                if (!File.Exists(path))
                {
                    continue;
                }

                await using var stream = File.OpenRead(path);
                foreach (var (key, value) in await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(stream, cancellationToken: ct) ?? [])
                {
                    strings[key] = value;
                }
            }
        }

        return TypedResults.Ok(strings);
    }

    /// <summary>Signed in, and the account still exists: the current account is loaded for every call, so role changes apply at once.</summary>
    private static async ValueTask<object?> RequireAgentAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var authentication = await context.AuthenticateAsync(Scheme);
        var agentId = authentication.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var agent = agentId is null ? null : await context.RequestServices.GetRequiredService<IAgentStore>().GetAsync(agentId, context.RequestAborted);
        if (agent is null)
        {
            return TypedResults.Json(new { error = "unauthenticated" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        context.User = authentication.Principal!;
        context.Items[AgentItem] = agent;
        return await next(invocation);
    }

    private static async ValueTask<object?> RequireAntiforgeryOnChanges(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            var authentication = await context.AuthenticateAsync(Scheme);
            if (authentication.Principal is { } principal)
            {
                context.User = principal;
            }

            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.Json(new { error = "csrf" }, statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(invocation);
    }

    private static AgentAccount Agent(HttpContext context) => (AgentAccount)context.Items[AgentItem]!;

    private static object Describe(AgentAccount agent, IReadOnlySet<string> online) => new
    {
        id = agent.AgentId,
        username = agent.Username,
        displayName = agent.DisplayName,
        role = agent.Role,
        languages = agent.Languages,
        countries = agent.Countries,
        consoleLanguage = agent.ConsoleLanguage,
        online = online.Contains(agent.AgentId),
    };

    private static IResult ToResult<T>(DeskResult<T> result) => result.Error switch
    {
        null => TypedResults.Ok(result.Value),
        DeskError.NotFound => TypedResults.Json(new { error = "not_found" }, statusCode: StatusCodes.Status404NotFound),
        DeskError.Forbidden => TypedResults.Json(new { error = "forbidden" }, statusCode: StatusCodes.Status403Forbidden),
        DeskError.Conflict => TypedResults.Json(new { error = "conflict" }, statusCode: StatusCodes.Status409Conflict),
        DeskError.NotHeld => TypedResults.Json(new { error = "not_held" }, statusCode: StatusCodes.Status409Conflict),
        DeskError.SecurityHold => TypedResults.Json(new { error = "security_hold" }, statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Json(new { error = "invalid" }, statusCode: StatusCodes.Status400BadRequest),
    };

    internal sealed record SignInRequest(string? Username, string? Password);

    internal sealed record MessageRequest(string? Text);

    internal sealed record TransferRequest(string? Language, string? Country, string? AgentId);

    internal sealed record ResolveRequest(string? Outcome, string? Cause = null);
}
