using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Conversation;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Dialogs.Understanding;
using Xunit;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>
/// Every script of <c>tests/conversations/</c> in every language that has a message catalog, through the real
/// host: <c>/api/messages</c> with <c>expectReplies</c>, SQLite, the trained recognizers and language choice.
/// </summary>
public sealed class ConversationScriptTests(ScriptedConversationHosts hosts) : IClassFixture<ScriptedConversationHosts>
{
    private static readonly string s_folder = Path.Combine(RepositoryFiles.Root, "tests", "conversations");

    /// <summary>The scenarios every language must pass.</summary>
    private static readonly string[] s_required =
        ["hacked-verified-queued", "locked-out-self-help", "scam-check", "language-switch", "after-hours", "detected-language"];

    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        foreach (var script in Scripts())
        {
            foreach (var language in CatalogLanguages())
            {
                data.Add(script, language);
            }
        }

        return data;
    }

    [Fact]
    public void EveryLaunchLanguage_RunsEveryRequiredScenario()
    {
        var missingLanguages = RepositoryFiles.LaunchLanguages().Except(CatalogLanguages()).ToList();
        Assert.True(missingLanguages.Count == 0, $"Launch languages without locales/<lang>/messages.json, so no scripted conversation runs in them: {string.Join(", ", missingLanguages)}");
        Assert.Empty(s_required.Except(Scripts()));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Script_InLanguage_GoesAsWritten(string script, string language)
    {
        var conversation = ConversationScript.Load(Path.Combine(s_folder, script + ".json"));
        var other = language == "en" ? "es" : "en";
        string Resolve(string value) => value.Replace("$language", language, StringComparison.Ordinal).Replace("$other", other, StringComparison.Ordinal);

        var (app, http, renderer) = hosts.For(conversation.Settings);
        var conversationId = $"script-{script}-{language}-{Guid.NewGuid():N}";
        var user = new ExpectRepliesClient(http, conversationId, conversation.Locale is null ? null : Resolve(conversation.Locale));
        var destinations = conversation.Steps.Where(s => s.Code is not null).Select(s => s.Code!).Distinct(StringComparer.Ordinal).ToList();

        // Codes delivered to each destination before the previous step: a code step types the one that step sent.
        var sentBeforePrevious = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var index = 0; index < conversation.Steps.Count; index++)
        {
            var step = conversation.Steps[index];
            var where = $"{script} in {language}, step {index + 1} ({step})";
            var sentBeforeThis = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var destination in destinations)
            {
                sentBeforeThis[destination] = await DevOutbox.CountCodeMessagesAsync(http, destination);
            }

            renderer.Take();
            var said = await PerformAsync(step, user, http, language, Resolve, sentBeforePrevious);
            var rendered = renderer.Take();
            sentBeforePrevious = sentBeforeThis;

            Assert.False(rendered.Any(item => item.Key == "error.generic"), $"{where}: the turn failed (the user got the apology). Said: \"{said}\"");
            if (step.Expect is not { } expect)
            {
                continue;
            }

            var keys = rendered.Select(item => item.Key).ToList();
            var position = 0;
            foreach (var expected in expect.Replies)
            {
                var found = keys.IndexOf(expected, position);
                Assert.True(found >= 0, $"{where}: expected reply {expected} (in order); rendered {string.Join(", ", keys)}. Said: \"{said}\"");
                position = found + 1;
            }

            if (expect.State is { } state)
            {
                var stored = await app.Services.GetRequiredService<IConversationStateStore>().GetAsync(conversationId, TestContext.Current.CancellationToken);
                var snapshot = ConversationStateJson.Deserialize(stored!.StateJson)!.Snapshot;
                Assert.True(snapshot.State.ToString() == state, $"{where}: expected state {state}, stored {snapshot.State}. Said: \"{said}\"; rendered {string.Join(", ", keys)}");
            }

            if (expect.Language is { } expectedLanguage)
            {
                var wanted = Resolve(expectedLanguage);
                Assert.NotEmpty(user.LastReplies);
                var locales = user.LastReplies.Select(reply => reply.GetProperty("locale").GetString()).ToList();
                Assert.True(locales.All(locale => locale == wanted), $"{where}: expected every reply in {wanted}; got {string.Join(", ", locales)}. Said: \"{said}\"");
                Assert.True(rendered.Where(item => expect.Replies.Contains(item.Key)).All(item => item.Language == wanted), $"{where}: replies rendered in another language than {wanted}");
            }
        }
    }

    private static async Task<string> PerformAsync(
        ScriptStep step, ExpectRepliesClient user, HttpClient http, string language, Func<string, string> resolve, Dictionary<string, int> sentBeforePrevious)
    {
        if (step.Start)
        {
            await user.StartAsync();
            return "(start)";
        }

        if (step.Say is { } label)
        {
            var intent = IntentLabels.FromLabel(label) ?? throw new InvalidDataException($"Unknown intent '{label}' in a script.");
            var text = ScriptUtterances.For(step.In is null ? language : resolve(step.In), intent);
            await user.SayAsync(text);
            return text;
        }

        if (step.Press is { } action)
        {
            await user.PressAsync(resolve(action));
            return "(pressed " + resolve(action) + ")";
        }

        if (step.Type is { } data)
        {
            await user.SayAsync(data);
            return data;
        }

        var destination = step.Code ?? throw new InvalidDataException("A step needs start, say, press, type or code.");
        var nth = sentBeforePrevious.GetValueOrDefault(destination) + 1;
        var code = await DevOutbox.WaitForCodeAsync(http, destination, nth);
        await user.SubmitCodeAsync(code);
        return code;
    }

    private static IEnumerable<string> Scripts() =>
        Directory.GetFiles(s_folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);

    private static IReadOnlyList<string> CatalogLanguages() =>
        [.. Directory.GetDirectories(RepositoryFiles.Locales)
            .Where(folder => File.Exists(Path.Combine(folder, "messages.json")))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
