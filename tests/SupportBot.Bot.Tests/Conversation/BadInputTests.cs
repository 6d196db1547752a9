using System.Net;
using System.Text;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Conversation;

/// <summary>What a careless or hostile client sends to the real bot: a clear 4xx or a polite reply, never a 500.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly BotApplication _app = new();
    private readonly HttpClient _http;

    public BadInputTests() => _http = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("xx-YY")]
    [InlineData("klingon")]
    [InlineData("../../etc/passwd")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    public async Task UnknownLocale_GetsAPoliteReplyInTheDefaultLanguage(string locale)
    {
        var user = new ExpectRepliesClient(_http, "locale-" + Guid.NewGuid().ToString("N"), locale);

        await user.StartAsync();
        await user.SayAsync("I can't log in");

        Assert.Contains("Forgot password?", user.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeMessage_IsRefusedWith413_AndTheConversationGoesOn()
    {
        var user = new ExpectRepliesClient(_http, "huge");
        await user.StartAsync();

        var body = "{\"type\":\"message\",\"conversation\":{\"id\":\"huge\"},\"from\":{\"id\":\"u\"},\"deliveryMode\":\"expectReplies\",\"text\":\"" + new string('a', 1_048_576) + "\"}";
        using var response = await _http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        await user.SayAsync("I forgot my password");
        Assert.Contains("Forgot password?", user.LastText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task MalformedActivity_Gets400WithoutInternals(string body)
    {
        using var response = await _http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageWithoutText_IsAnsweredPolitely()
    {
        var user = new ExpectRepliesClient(_http, "empty-text");
        await user.StartAsync();

        var replies = await user.SayAsync("   ");

        Assert.NotEmpty(replies);
        Assert.Contains("Which of these is closest?", user.LastText, StringComparison.Ordinal);
    }
}
