using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Conversation;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using SupportBot.Dialogs.Understanding;
using Xunit;
using static SupportBot.Bot.Tests.Security.Adversarial.AdversarialChecks;

namespace SupportBot.Bot.Tests.CodeEntry;

/// <summary>
/// Codes go in the code box, not in free chat (security.md A3): the box appears whenever a code is awaited, in the
/// user's language; what it submits reaches the verifier and nothing else; a code typed in a card channel's chat is
/// neither checked nor kept; text-only channels still take typed codes.
/// </summary>
public sealed partial class CodeEntryTests
{
    public static TheoryData<string> Languages => new() { "en", "fr", "ar", "hi", "sw" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task CodeBox_AppearsWhenACodeIsAwaited_LabelledInTheUsersLanguage(string language)
    {
        using var app = new BotApplication();
        using var http = app.CreateClient();
        var user = new ExpectRepliesClient(http, "box-" + language, locale: language);
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        Assert.Null(user.LastCodeBox); // choosing a method is no place for a code

        await user.PressAsync("method:email");
        var card = user.LastCodeBox ?? throw new Xunit.Sdk.XunitException("No code box on the code prompt: " + user.LastText);
        var catalog = Catalog(language);

        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal(language, card.GetProperty("lang").GetString());
        Assert.Equal(language == "ar", card.GetProperty("rtl").GetBoolean());
        var texts = card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "TextBlock").Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Contains(catalog["code-entry.card.sent.title"], texts);
        var input = Assert.Single(card.GetProperty("body").EnumerateArray(), e => e.GetProperty("type").GetString() == "Input.Text");
        Assert.Equal("code", input.GetProperty("id").GetString());
        Assert.Equal(catalog["code-entry.card.sent.label"], input.GetProperty("label").GetString());
        Assert.Equal(catalog["code-entry.card.sent.error"], input.GetProperty("errorMessage").GetString());
        Assert.Contains("8", input.GetProperty("placeholder").GetString(), StringComparison.Ordinal);
        Assert.Equal("tel", input.GetProperty("style").GetString());
        Assert.True(input.GetProperty("isRequired").GetBoolean());
        Assert.InRange(input.GetProperty("maxLength").GetInt32(), 8, 16);
        var submit = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.Submit", submit.GetProperty("type").GetString());
        Assert.Equal(catalog["code-entry.card.submit"], submit.GetProperty("title").GetString());
        Assert.Equal("verify.code", submit.GetProperty("data").GetProperty("action").GetString());

        // The resend and other-method buttons stay as they were.
        Assert.Equal(["resend", "no"], user.LastButtons);
    }

    [Fact]
    public async Task CodeBox_IsTheSameForExistingMissingLockedAndDisabledAccounts()
    {
        using var app = new BotApplication();
        using var http = app.CreateClient();
        var cards = new List<string>();
        foreach (var identifier in new[] { "maria@example.com", "nobody-here@example.com", "locked@example.com", "disabled@example.com" })
        {
            var user = new ExpectRepliesClient(http, "enum-box-" + identifier);
            await user.StartAsync();
            await user.PressAsync("human");
            await user.SayAsync(identifier);
            await user.PressAsync("method:email");
            cards.Add(user.LastCodeBox?.GetRawText() ?? "none");
        }

        Assert.DoesNotContain("none", cards);
        Assert.Single(cards.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubmittingTheBox_Verifies_WithoutTheCodeReachingTheRecognizer_TranscriptStorageOrLogs()
    {
        var recognizer = new List<string>();
        await using var host = new SecurityHost();
        using var http = WithRecordingRecognizer(host, recognizer).CreateClient();
        var user = await ToCodePromptAsync(http, "en-US", "maria@example.com");
        Assert.NotNull(user.LastCodeBox);
        var code = await DevOutbox.WaitForCodeAsync(http, "maria@example.com");

        await user.SubmitCodeAsync(code);
        AssertCaseNumber(user);

        Assert.DoesNotContain(recognizer, text => text.Contains(code, StringComparison.Ordinal));
        var transcript = await user.TranscriptAsync();
        var submitted = Assert.Single(transcript, a => a.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Object
            && v.TryGetProperty("action", out var action) && action.GetString() == "verify.code");
        Assert.Equal("[code hidden]", submitted.GetProperty("value").GetProperty("code").GetString());
        AssertNeverKept(host, transcript, code);
    }

    [Fact]
    public async Task TypedCode_OnACardChannel_IsNotChecked_NotKept_NotAFailure_AndTheBoxComesBack()
    {
        var recognizer = new List<string>();
        await using var host = new SecurityHost();
        using var http = WithRecordingRecognizer(host, recognizer).CreateClient();
        var user = await ToCodePromptAsync(http, "en-US", "maria@example.com");
        var code = await DevOutbox.WaitForCodeAsync(http, "maria@example.com");
        var refused = Catalog("en")["code-entry.typed.refused"];

        // More times than a code survives wrong tries: none of them is a try, and the code is still good afterwards.
        foreach (var typed in new[] { code, code[..4] + " " + code[4..], "my code is " + code, code, code, code })
        {
            await user.SayAsync(typed);
            Assert.Contains(refused, user.LastText, StringComparison.Ordinal);
            Assert.NotNull(user.LastCodeBox);
            Assert.Contains("resend", user.LastButtons);
            AssertNoCaseNumber(user);
        }

        await AssertNotEscalatedAsync(host, user.ConversationId);
        var audit = await host.Services.GetRequiredService<IAuditLog>().ReadAsync(0, 100_000, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(audit, record => record.Event.ConversationId == user.ConversationId && record.Event.Type == "code_failed");

        // A message that is nothing but a code is not even read by the recognizer.
        Assert.DoesNotContain(recognizer, text => text.Trim() == code);
        AssertNeverKept(host, await user.TranscriptAsync(), code);

        await user.SubmitCodeAsync(code);
        AssertCaseNumber(user);
    }

    [Fact]
    public async Task TextOnlyChannel_StillAcceptsATypedCode_AndShowsNoBox()
    {
        using var app = new BotApplication(settings: new() { ["CodeEntry:TextOnlyChannels:0"] = "test" });
        using var http = app.CreateClient();
        var user = new ExpectRepliesClient(http, "text-only");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:email");
        Assert.Null(user.LastCodeBox);

        await user.SayAsync(await DevOutbox.WaitForCodeAsync(http, "maria@example.com"));
        Assert.Matches(CaseNumber(), user.LastText);
    }

    public static TheoryData<string, string> MalformedValues => new()
    {
        { """{"action":"verify.code"}""", "code-entry.invalid.missing" },
        { """{"action":"verify.code","code":null}""", "code-entry.invalid.missing" },
        { """{"action":"verify.code","code":"   "}""", "code-entry.invalid.missing" },
        { """{"action":"verify.code","code":12345678}""", "code-entry.invalid.sent" },
        { """{"action":"verify.code","code":{"digits":"12345678"}}""", "code-entry.invalid.sent" },
        { """{"action":"verify.code","code":"one two three"}""", "code-entry.invalid.sent" },
        { """{"action":"verify.code","code":"1234"}""", "code-entry.invalid.sent" },
        { "{\"action\":\"verify.code\",\"code\":\"" + new string('7', 10_240) + "\"}", "code-entry.invalid.too-long" },
        { """{"action":"verify.recovery-code","code":"7KQM-4XPD-9RTA-WB2F"}""", "code-entry.stale" },
    };

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public async Task MalformedSubmission_GetsAClearReply_AndTheBoxAgain_WithoutCostingATry(string value, string key)
    {
        using var app = new BotApplication();
        using var http = app.CreateClient();
        var user = new ExpectRepliesClient(http, "malformed-" + Guid.NewGuid().ToString("N"));
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:email");

        for (var i = 0; i < 6; i++)
        {
            await user.SendValueAsync(JsonDocument.Parse(value).RootElement);
            Assert.Contains(Rendered("en", key), user.LastText, StringComparison.Ordinal);
            Assert.NotNull(user.LastCodeBox);
        }

        await user.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(http, "maria@example.com"));
        Assert.Matches(CaseNumber(), user.LastText);
    }

    [Fact]
    public async Task Submission_WhenNoCodeIsAwaited_IsNotChecked()
    {
        using var app = new BotApplication();
        using var http = app.CreateClient();
        var user = new ExpectRepliesClient(http, "not-awaited");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.SendValueAsync(new { action = "verify.code", code = "12345678" });
        Assert.Equal(Catalog("en")["code-entry.not-awaited"], user.LastText);
        Assert.Null(user.LastCodeBox);
    }

    [Fact]
    public async Task SavedRecoveryCode_HasItsOwnBox_AndSubmittingItVerifies()
    {
        using var app = new BotApplication();
        using var http = app.CreateClient();
        var user = new ExpectRepliesClient(http, "recovery-box");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("ade@example.com");
        await user.PressAsync("method:email");
        await user.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(http, "ade@example.com"));
        Assert.True(user.LastCodeBox is null, user.LastText); // the second proof starts with a method choice

        await user.PressAsync("method:recovery-code");
        var card = user.LastCodeBox ?? throw new Xunit.Sdk.XunitException("No recovery-code box: " + user.LastText);
        Assert.Equal("verify.recovery-code", CodeBox.SubmitAction(card));
        var input = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Input.Text");
        Assert.Equal("text", input.GetProperty("style").GetString());
        Assert.Equal(Catalog("en")["code-entry.card.recovery.label"], input.GetProperty("label").GetString());

        // A sent-code submission where a saved code is awaited is out of date, and costs nothing.
        await user.SendValueAsync(new { action = "verify.code", code = "12345678" });
        Assert.Contains(Catalog("en")["code-entry.stale"], user.LastText, StringComparison.Ordinal);

        await user.SubmitCodeAsync("hn3v 8cze 2mwq 6tjr"); // copied from paper, with spaces: the box forgives them
        Assert.Matches(CaseNumber(), user.LastText);
    }

    [Fact]
    public void OverlappingChannelLists_StopStartUp()
    {
        using var app = new BotApplication(settings: new() { ["CodeEntry:CardChannels:0"] = "webchat", ["CodeEntry:TextOnlyChannels:0"] = "webchat" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("CodeEntry", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("webchat", error.ToString(), StringComparison.Ordinal);
    }

    private static void AssertNeverKept(SecurityHost host, IEnumerable<JsonElement> transcript, string code)
    {
        Assert.Empty(LeakScanner.Find(string.Join('\n', transcript.Select(a => a.GetRawText())), [code]));
        Assert.Empty(LeakScanner.FindInFiles(host.DataDirectory, [code]));
        // The demo sink's own "delivered" line is where the code is meant to go (a stand-in for the user's inbox).
        Assert.Empty(LeakScanner.Find(string.Join('\n', host.Logs.Lines.Where(line => !line.Contains(".DevOutboxSender:", StringComparison.Ordinal))), [code]));
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithRecordingRecognizer(SecurityHost host, List<string> seen) =>
        host.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(IIntentRecognizer));
            services.Replace(ServiceDescriptor.Singleton<IIntentRecognizer>(provider =>
                new RecordingRecognizer((IIntentRecognizer)real.ImplementationFactory!(provider), seen)));
        }));

    private static Dictionary<string, string> Catalog(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(RepositoryFiles.Locales, language, "code-entry.json")))!;

    // The English catalog with its one ICU argument filled in (8 digits, the default), for the keys that have one.
    private static string Rendered(string language, string key)
    {
        var message = Catalog(language)[key];
        var plural = PluralOther().Match(message);
        return plural.Success ? plural.Groups[1].Value.Replace("#", "8", StringComparison.Ordinal) : message;
    }

    [GeneratedRegex(@"other \{(.*)\}\}$")]
    private static partial Regex PluralOther();

    [GeneratedRegex(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex CaseNumber();

    private sealed class RecordingRecognizer(IIntentRecognizer inner, List<string> seen) : IIntentRecognizer
    {
        public IReadOnlyCollection<string> Languages => inner.Languages;

        public IntentPrediction Recognize(string text, string language)
        {
            lock (seen)
            {
                seen.Add(text);
            }

            return inner.Recognize(text, language);
        }
    }
}
