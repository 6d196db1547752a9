using System.Net;
using System.Text;
using SupportBot.Bot.Tests.Agents;
using SupportBot.Bot.Tests.BotConnector;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Privacy;

/// <summary>
/// security.md G2: a photo of an ID sent in chat is dropped before anything is stored, echoed, relayed or logged;
/// the user is told support never needs it in chat and where documents are asked for; the agent sees only a marker.
/// </summary>
public sealed class AttachmentTests
{
    private const string FileName = "passport-X12345678.jpg";
    private static readonly string s_imageBytes = Convert.ToBase64String(Encoding.ASCII.GetBytes("JFIF-FAKE-PASSPORT-SCAN-Q7Z9-selfie-pixels"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object[] Attachments =>
    [
        new { contentType = "image/jpeg", contentUrl = "data:image/jpeg;base64," + s_imageBytes, name = FileName },
        new { contentType = "application/pdf", contentUrl = "https://files.example.invalid/upload/" + FileName + "?sig=abc", name = FileName },
    ];

    [Fact]
    public async Task DirectLine_ImageAttachment_IsNeverStoredOrEchoed_AndTheUserIsToldTheSafeRoute()
    {
        await using var host = new SecurityHost();
        var client = host.CreateClient();
        var user = await DirectLineUser.StartAsync(client);

        await user.SendActivityAsync(new { type = "message", attachments = Attachments });

        Assert.Contains("never needs a photo of your ID", user.LastText, StringComparison.Ordinal);
        Assert.Contains("Need more help?", user.LastText, StringComparison.Ordinal);
        var transcript = string.Join('\n', (await user.TranscriptAsync()).Select(activity => activity.GetRawText()));
        Assert.Contains("[attachment removed]", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("attachments", transcript, StringComparison.Ordinal);
        string[] secrets = [s_imageBytes, FileName];
        Assert.Empty(LeakScanner.Find(transcript, secrets));
        Assert.Empty(LeakScanner.Find(host.Logs.All, secrets));
        Assert.Empty(LeakScanner.FindInFiles(host.DataDirectory, secrets));

        // The conversation goes on: the next message is understood as usual.
        await user.SayAsync("I want to talk to a human");
        Assert.DoesNotContain("never needs a photo", user.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLine_UploadEndpoint_PersistsNothing()
    {
        await using var host = new SecurityHost();
        var client = host.CreateClient();
        var user = await DirectLineUser.StartAsync(client);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.ASCII.GetBytes(s_imageBytes)), "file", FileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{user.ConversationId}/upload?userId=x") { Content = form };
        request.Headers.Authorization = new("Bearer", SecurityHost.DirectLineSecret);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(LeakScanner.FindInFiles(host.DataDirectory, [s_imageBytes, FileName]));
    }

    [Fact]
    public async Task BotConnector_AttachmentWhileWithAnAgent_AgentSeesOnlyTheMarker_NothingReachesTheDatabase()
    {
        using var app = new BotApplication();
        await using var channel = await LocalChannelServer.StartAsync();
        var http = app.CreateClient();
        var user = new ChannelUser(http, "attachment-agent", channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        var agent = new AgentConsoleClient(app.CreateClient());
        using (var signedIn = await agent.SignInAsync("demo.agent", "demo-agent-2026"))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        using (var accepted = await agent.PostAsync($"/agent/api/cases/{caseId}/accept"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await user.SendActivityAsync(new { type = "message", text = "here is my passport", attachments = Attachments });

        Assert.Contains("never needs a photo of your ID", user.LastText, StringComparison.Ordinal);
        var view = (await agent.GetJsonAsync($"/agent/api/cases/{caseId}")).GetRawText();
        Assert.Contains("here is my passport [attachment removed]", view, StringComparison.Ordinal);
        Assert.DoesNotContain(s_imageBytes, view, StringComparison.Ordinal);
        Assert.DoesNotContain(FileName, view, StringComparison.Ordinal);
        using var export = await agent.Http.GetAsync($"/agent/api/cases/{caseId}/transcript", Ct);
        var exported = await export.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(FileName, exported, StringComparison.Ordinal);
        Assert.Empty(LeakScanner.FindInFiles(app.DataDirectory, [s_imageBytes, FileName]));
    }
}
