using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>The whole product on its own server for the report dashboard test (its own database).</summary>
public sealed class ReportDashboardServer() : BrowserBotServer(bot: null);

/// <summary>
/// Chromium: the demo supervisor signs in to the console, follows the link to the takeover report, sees a chart and
/// the figure of a takeover a user just reported, and downloads the CSV; a plain agent sees no link and is refused.
/// </summary>
public sealed class ReportDashboardBrowserTests(ReportDashboardServer server, ChromiumBrowser chromium) : IClassFixture<ReportDashboardServer>, IAsyncLifetime
{
    private BrowserPage _supervisor = null!;
    private BrowserPage _agent = null!;

    public async ValueTask InitializeAsync()
    {
        _supervisor = await BrowserPage.OpenAsync(chromium.Browser, server.BaseAddress);
        _agent = await BrowserPage.OpenAsync(chromium.Browser, server.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _supervisor.DisposeAsync();
    }

    [Fact]
    public async Task Supervisor_SeesTheChart_AndDownloadsTheCsv_AgentIsRefused()
    {
        await ReportTakeoverAsync("report-browser-user");
        var page = _supervisor.Page;
        await SignInAsync(page, "demo.supervisor", "demo-supervisor-2026");
        var link = page.GetByTestId("report-link");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agent/report$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Takeover report", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chart").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("1 takeover reported");
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("1 conversation");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-csv").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        Assert.StartsWith("period,period_start,period_end,country,language,conversations,", lines[0], StringComparison.Ordinal);
        var header = lines[0].Split(',');
        var total = lines.Last(l => l.Contains(",ALL,ALL,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("1", total[Array.IndexOf(header, "takeover_reports")]);
        Assert.Empty(_supervisor.Errors);

        // A plain agent: no link in the console, and the page itself answers 403.
        var agent = _agent.Page;
        await SignInAsync(agent, "demo.agent", "demo-agent-2026");
        await Assertions.Expect(agent.GetByTestId("report-link")).ToBeHiddenAsync();
        var refused = await agent.GotoAsync("/agent/report");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(agent.GetByRole(AriaRole.Alert)).ToContainTextAsync("Only supervisors");
    }

    private static async Task SignInAsync(IPage page, string username, string password)
    {
        await page.GotoAsync("/agent/");
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("live")).ToHaveTextAsync("Live");
    }

    // A user on /api/messages says their account was hacked: one conversation, one takeover report.
    private async Task ReportTakeoverAsync(string conversationId)
    {
        using var http = server.CreateClient();
        foreach (var activity in new object[]
        {
            new { type = "conversationUpdate", membersAdded = new[] { new { id = "u-" + conversationId } } },
            new { type = "message", text = "My account was hacked", value = new { action = "problem:account_hacked" } },
        })
        {
            var body = JsonSerializer.SerializeToElement(activity);
            var full = new Dictionary<string, object?>
            {
                ["id"] = Guid.NewGuid().ToString("N"),
                ["channelId"] = "test",
                ["serviceUrl"] = "http://127.0.0.1:9/",
                ["deliveryMode"] = "expectReplies",
                ["locale"] = "en-US",
                ["from"] = new { id = "u-" + conversationId, role = "user" },
                ["recipient"] = new { id = "supportbot", role = "bot" },
                ["conversation"] = new { id = conversationId },
            };
            foreach (var property in body.EnumerateObject())
            {
                full[property.Name] = property.Value;
            }

            using var response = await http.PostAsJsonAsync("/api/messages", full, TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }
}
