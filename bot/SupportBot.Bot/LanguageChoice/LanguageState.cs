namespace SupportBot.Bot.LanguageChoice;

/// <summary>What the host remembers about a conversation's language between turns, beside the engine's snapshot.</summary>
/// <param name="Source">Where the current language came from.</param>
/// <param name="ChannelLanguage">The language of the channel locale last seen, to notice when the user changes it.</param>
/// <param name="Pending">A language question waiting for an answer.</param>
/// <param name="Declined">Languages the user was offered and did not take; they are not offered again.</param>
public sealed record LanguageState(
    LanguageSource Source = LanguageSource.Default,
    string? ChannelLanguage = null,
    PendingLanguageQuestion? Pending = null,
    IReadOnlyList<string>? Declined = null)
{
    public static LanguageState Initial { get; } = new();

    public bool HasDeclined(string language) => Declined?.Contains(language, StringComparer.Ordinal) == true;

    public LanguageState Decline(IEnumerable<string> languages) =>
        this with { Declined = [.. (Declined ?? []).Union(languages, StringComparer.Ordinal)] };
}

/// <summary>A language question the bot asked instead of answering a message.</summary>
/// <param name="Candidates">The languages offered, the proposed one first; the conversation's language is among them.</param>
/// <param name="Current">The language the conversation was in when the question was asked.</param>
/// <param name="HeldText">
/// The message that raised the question, with secrets redacted, answered once the language is settled; absent when it
/// held an identifier or a code (those are never stored), and the user is then asked again by the flow.
/// </param>
public sealed record PendingLanguageQuestion(IReadOnlyList<string> Candidates, string Current, string? HeldText);
