using Microsoft.Extensions.Options;
using SupportBot.Bot.Localization;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.LanguageDetection;
using SupportBot.Dialogs.Redaction;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.LanguageChoice;

/// <summary>
/// Settles the language of each turn before the engine decides it (SPEC §6): an explicit choice beats the
/// channel's locale, which beats the language detected from the text, which beats the country's default.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A choice is sticky: once the user picked a language (by name, button, answering a language question, or
/// changing the page's language) detection no longer moves it; only another explicit request does.</item>
/// <item>With nothing but a default to go on, a confident detection switches at once: the user wrote in that
/// language, and the answer comes in it.</item>
/// <item>When the detected language differs from the channel's locale or from a language already detected, or
/// the detector is unsure (romanised Hindi and Urdu often are), the bot asks — in the detected language(s), with
/// a button per language — and answers the held message once the user has picked. One message never flips
/// the language on its own.</item>
/// <item>A language offered and not taken is not offered again in the same conversation.</item>
/// </list>
/// </remarks>
public sealed class LanguageNegotiator(
    LanguageDetector detector,
    SupportedLanguages languages,
    ICountryLanguageDefault countryDefault,
    ITextRenderer text,
    Redactor redactor,
    IOptions<LanguageChoiceOptions> options)
{
    public const string ConfirmKey = "language.detect.confirm";
    public const string WhichKey = "language.detect.which";
    public const string ChangedKey = "language.changed";
    public const string SelfNameKey = "language.self-name";

    private readonly LanguageChoiceOptions _options = options.Value;

    /// <summary>The language of a conversation's opening (a join event or a members-added update).</summary>
    public LanguageNegotiation Start(ConversationSnapshot snapshot, LanguageState? state, string? locale)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        (snapshot, state) = Settle(snapshot, state ?? LanguageState.Initial, locale);
        return new LanguageNegotiation(snapshot, state, null, []);
    }

    /// <summary>The language of a message turn, and what the engine should make of the message.</summary>
    /// <param name="interpret">
    /// Understands a message in a language: <c>(text, buttonValue, language) → understanding</c>, the host's
    /// <see cref="UtteranceInterpreter"/> with whatever else it needs (a country's phone rules).
    /// </param>
    public LanguageNegotiation Message(
        ConversationSnapshot snapshot, LanguageState? state, string? messageText, string? actionValue, string? locale,
        Func<string?, string?, string, MessageUnderstanding> interpret)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(interpret);
        (snapshot, state) = Settle(snapshot, state ?? LanguageState.Initial, locale);

        if (state.Pending is { } pending)
        {
            state = state with { Pending = null };
            if (Picked(pending, messageText, actionValue, interpret) is { } picked)
            {
                snapshot = snapshot with { Language = picked, LanguageChosen = true };
                state = state with { Source = LanguageSource.Chosen };
                state = state.Decline(pending.Candidates.Where(candidate => candidate != picked));
                return pending.HeldText is { } held
                    ? new LanguageNegotiation(snapshot, state, interpret(held, null, picked), [(Reply.Of(ChangedKey), picked)])
                    : new LanguageNegotiation(snapshot, state, new MessageUnderstanding(null, ExtractedEntities.None, UserCommand.ChangeLanguage, picked), []);
            }

            // The user went on without answering: keep the language, and do not ask about these again.
            state = state.Decline(pending.Candidates.Where(candidate => candidate != snapshot.Language));
        }

        var understanding = interpret(messageText, actionValue, snapshot.Language);
        if (!string.IsNullOrEmpty(actionValue) || understanding.Command != UserCommand.None
            || string.IsNullOrWhiteSpace(messageText) || WordCount(messageText) < _options.MinWordsToDetect)
        {
            return new LanguageNegotiation(snapshot, state, understanding, []);
        }

        var detected = detector.Detect(messageText, languages.All);
        if (detected.Language is not { } language || language == snapshot.Language)
        {
            return new LanguageNegotiation(snapshot, state, understanding, []);
        }

        if (detected.IsSure)
        {
            var inDetected = interpret(messageText, null, language);
            if (inDetected.Command == UserCommand.ChangeLanguage && inDetected.RequestedLanguage is not null)
            {
                // "¿podemos hablar en francés?" in an English conversation: an explicit request, whatever it was
                // written in, and even after an earlier choice.
                return new LanguageNegotiation(snapshot, state, inDetected, []);
            }

            if (state.Source == LanguageSource.Chosen || state.HasDeclined(language))
            {
                return new LanguageNegotiation(snapshot, state, understanding, []);
            }

            if (state.Source is LanguageSource.Default or LanguageSource.Country)
            {
                snapshot = snapshot with { Language = language };
                return new LanguageNegotiation(snapshot, state with { Source = LanguageSource.Detected }, inDetected, []);
            }

            return Ask(snapshot, state, [language, snapshot.Language], messageText, understanding.Entities, confirm: true);
        }

        // Unsure, and the conversation's language is not even a candidate: ask which, offering the candidates.
        if (state.Source == LanguageSource.Chosen)
        {
            return new LanguageNegotiation(snapshot, state, understanding, []);
        }

        var candidates = detected.Candidates.Select(candidate => candidate.Language).Where(candidate => !state.HasDeclined(candidate)).ToList();
        return candidates.Count == 0 || candidates.Contains(snapshot.Language, StringComparer.Ordinal)
            ? new LanguageNegotiation(snapshot, state, understanding, [])
            : Ask(snapshot, state, [.. candidates, snapshot.Language], messageText, understanding.Entities, confirm: false);
    }

    /// <summary>Applies the channel locale and the country default, weaker sources giving way to stronger ones.</summary>
    private (ConversationSnapshot, LanguageState) Settle(ConversationSnapshot snapshot, LanguageState state, string? locale)
    {
        if (snapshot.LanguageChosen && state.Source != LanguageSource.Chosen)
        {
            state = state with { Source = LanguageSource.Chosen, Pending = null }; // the engine switched on a request by name or button
        }

        if (languages.Resolve(locale) is { } channel)
        {
            if (state.ChannelLanguage is { } previous && previous != channel && channel != snapshot.Language)
            {
                // The user changed the page's language (Web Chat's locale): that is a choice.
                snapshot = snapshot with { Language = channel, LanguageChosen = true };
                state = state with { Source = LanguageSource.Chosen, Pending = null };
            }
            else if (state.Source < LanguageSource.Channel)
            {
                snapshot = snapshot with { Language = channel };
                state = state with { Source = LanguageSource.Channel };
            }

            state = state with { ChannelLanguage = channel };
        }
        else if (state.Source == LanguageSource.Default
            && countryDefault.DefaultLanguage(snapshot.Country) is { } national && languages.All.Contains(national, StringComparer.Ordinal))
        {
            snapshot = snapshot with { Language = national };
            state = state with { Source = LanguageSource.Country };
        }

        return (snapshot, state);
    }

    private LanguageNegotiation Ask(
        ConversationSnapshot snapshot, LanguageState state, IReadOnlyList<string> offered, string messageText, ExtractedEntities entities, bool confirm)
    {
        var candidates = offered.Distinct(StringComparer.Ordinal).ToList();
        var buttons = candidates.Select(code => new ReplyAction(SelfNameKey, "lang:" + code, code)).ToArray();

        // Identifiers and codes are never stored; such a message is not held, and the flow asks for it again.
        var held = entities.FirstIdentifier is null && entities.Codes.Count == 0 ? redactor.Redact(messageText).Text : null;
        state = state with { Pending = new PendingLanguageQuestion(candidates, snapshot.Language, held) };

        var replies = new List<(Reply, string)>();
        if (confirm)
        {
            var proposed = candidates[0];
            var name = text.Render(proposed, SelfNameKey);
            replies.Add((Reply.Of(ConfirmKey, new Dictionary<string, object?> { ["language"] = name }, buttons), proposed));
        }
        else
        {
            // Asked in every candidate language the user may be writing in, so they can read at least one.
            var asking = candidates.Where(candidate => candidate != snapshot.Language).ToList();
            for (var i = 0; i < asking.Count; i++)
            {
                replies.Add((i == asking.Count - 1 ? Reply.Of(WhichKey, buttons) : Reply.Of(WhichKey), asking[i]));
            }
        }

        return new LanguageNegotiation(snapshot, state, null, replies);
    }

    /// <summary>The language the user picked in answer to <paramref name="pending"/>, or <see langword="null"/>.</summary>
    private string? Picked(PendingLanguageQuestion pending, string? messageText, string? actionValue, Func<string?, string?, string, MessageUnderstanding> interpret)
    {
        var proposed = pending.Candidates[0];
        var answer = interpret(messageText, actionValue, proposed);
        if (answer.Command == UserCommand.ChangeLanguage && answer.RequestedLanguage is { } requested && languages.All.Contains(requested, StringComparer.Ordinal))
        {
            return requested;
        }

        // "Sí" / "yes" to "Continue in Español?" takes it; "no" keeps the conversation's language.
        return answer.Command switch
        {
            UserCommand.Yes => proposed,
            UserCommand.No => pending.Current,
            _ => null,
        };
    }

    private static int WordCount(string value) =>
        value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(word => word.Any(char.IsLetter));
}
