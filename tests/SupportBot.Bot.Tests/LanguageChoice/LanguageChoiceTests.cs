using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Understanding;
using Xunit;

namespace SupportBot.Bot.Tests.LanguageChoice;

/// <summary>
/// The language of a conversation through the real host (SPEC §6): explicit choice > channel locale > detected
/// (confirmed when unsure or against the channel) > country default; sticky once chosen.
/// </summary>
public sealed class LanguageChoiceTests : IDisposable
{
    private readonly BotApplication _app = new(settings: new() { ["LanguageChoice:CountryDefaults:US"] = "fr" });
    private readonly HttpClient _http;

    public LanguageChoiceTests() => _http = _app.CreateClient();

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task SpanishTypedOnAnEnglishPage_AsksInSpanish_ThenAnswersTheHeldMessageInSpanish()
    {
        var user = new ExpectRepliesClient(_http, "lang-confirm", "en-US");
        await user.StartAsync();
        await user.SayAsync("no puedo entrar a mi cuenta desde ayer");

        // The question is in the detected language, with a button for it and one to keep the page's language.
        Assert.Equal(["es"], Locales(user));
        Assert.Equal(["lang:es", "lang:en"], user.LastButtons);
        Assert.Contains("español", user.LastText, StringComparison.OrdinalIgnoreCase);

        await user.PressAsync("lang:es", "Español");
        Assert.All(Locales(user), locale => Assert.Equal("es", locale));
        var text = _app.Services.GetRequiredService<ITextRenderer>();
        Assert.Contains(text.Render("es", "language.changed"), user.LastText, StringComparison.Ordinal);
        Assert.Contains(text.Render("es", "help.locked_out"), user.LastText, StringComparison.Ordinal); // the held message, answered

        // Sticky: an English message does not flip it back or ask again.
        await user.SayAsync("I still cannot get into my account at all");
        Assert.All(Locales(user), locale => Assert.Equal("es", locale));
        Assert.DoesNotContain("lang:en", user.LastButtons);
    }

    [Fact]
    public async Task KeepingThePageLanguage_IsRemembered_AndNotAskedAgain()
    {
        var user = new ExpectRepliesClient(_http, "lang-keep", "en-US");
        await user.StartAsync();
        await user.SayAsync("no puedo entrar a mi cuenta desde ayer");
        await user.PressAsync("lang:en", "English");
        Assert.All(Locales(user), locale => Assert.Equal("en", locale));

        await user.SayAsync("olvidé mi contraseña y no me llega el código");
        Assert.All(Locales(user), locale => Assert.Equal("en", locale));
        Assert.DoesNotContain("lang:es", user.LastButtons);
    }

    [Fact]
    public async Task AskingForFrenchInSpanish_SwitchesToFrench()
    {
        var user = new ExpectRepliesClient(_http, "lang-request", "en-US");
        await user.StartAsync();
        await user.SayAsync("¿podemos hablar en francés?");

        Assert.All(Locales(user), locale => Assert.Equal("fr", locale));

        // A choice is sticky against detection, not against another request, in whatever language it is written.
        await user.SayAsync("can we speak Spanish please");
        Assert.All(Locales(user), locale => Assert.Equal("es", locale));
    }

    [Fact]
    public async Task ChangingWebChatsLocale_SwitchesTheConversation()
    {
        var english = new ExpectRepliesClient(_http, "lang-page", "en-US");
        await english.StartAsync();
        await english.SayAsync("my account was hacked");
        Assert.All(Locales(english), locale => Assert.Equal("en", locale));

        var german = new ExpectRepliesClient(_http, "lang-page", "de-DE");
        await german.SayAsync("thanks");
        Assert.All(Locales(german), locale => Assert.Equal("de", locale));
    }

    [Fact]
    public async Task WithoutAChannelLocale_TheCountryDefaultGreets_AndAConfidentMessageSwitches()
    {
        var user = new ExpectRepliesClient(_http, "lang-country", locale: null);
        await user.StartAsync();
        Assert.All(Locales(user), locale => Assert.Equal("fr", locale)); // LanguageChoice:CountryDefaults:US = fr in this test

        await user.SayAsync("mi hanno hackerato l'account e cambiato la password");
        Assert.All(Locales(user), locale => Assert.Equal("it", locale));
    }

    [Fact]
    public async Task RomanisedHindiOrUrdu_TheDetectorIsUnsureOf_AsksInBothScripts()
    {
        var detector = ShippedNluModels.Models.Detector;
        var ambiguous = new[] { "hi", "ur" }
            .SelectMany(language => HeldOutSet.Read(language) ?? [])
            .Where(item => item.Romanized && item.IsChatLength)
            .Select(item => item.Text)
            .FirstOrDefault(text => detector.Detect(text) is { IsSure: false } detected
                && detected.Candidates.Select(c => c.Language).Order().SequenceEqual(["hi", "ur"]));
        Assert.NotNull(ambiguous);

        var user = new ExpectRepliesClient(_http, "lang-hi-ur", "en-US");
        await user.StartAsync();
        await user.SayAsync(ambiguous);

        Assert.Equal(["hi", "ur"], Locales(user).Order());
        Assert.Equal(["lang:en", "lang:hi", "lang:ur"], user.LastButtons.Order());

        await user.PressAsync("lang:ur", "اردو");
        Assert.All(Locales(user), locale => Assert.Equal("ur", locale));
    }

    private static IReadOnlyList<string?> Locales(ExpectRepliesClient user) =>
        [.. user.LastReplies.Select(reply => reply.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String ? locale.GetString() : null)];
}
