using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.LanguageChoice;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Verification;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Redaction;
using SupportBot.Dialogs.Understanding;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.CodeEntry;

/// <summary>
/// Codes are entered in the code box, not in free chat (security.md A3). The turn pipeline asks this gate, in order:
/// <list type="number">
/// <item><see cref="Intercept"/>, before anything reads the message: a box submission becomes structured input for the
/// verifier (no language detection, no recogniser, no LLM), and on card channels a message that is nothing but a code
/// is set aside unread, with the explanation and the box again;</item>
/// <item><see cref="Screen"/>, after understanding: a code inside a longer message is not checked on card channels either;</item>
/// <item><see cref="Attach"/>, on the replies: while a code is awaited, the last reply carries the box.</item>
/// </list>
/// A code set aside is never a failed attempt; it is redacted from what is stored like any other secret.
/// </summary>
public sealed class CodeEntryGate(CodeEntryCard card, IOptions<CodeEntryOptions> options, IOptions<VerificationOptions> verification)
{
    /// <summary>What the stored and echoed copy of a submission holds instead of the code.</summary>
    public const string RedactedCode = SecretRedactor.CodeMask;

    private readonly CodeEntryOptions _options = options.Value;
    private readonly int _codeDigits = verification.Value.CodeDigits;

    /// <summary>
    /// The language step's outcome for a message this gate takes over, or <see langword="null"/> to let the
    /// message go the usual way (language negotiation, then understanding).
    /// </summary>
    public LanguageNegotiation? Intercept(ConversationSnapshot snapshot, LanguageState? state, Activity activity, string channelId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        state ??= LanguageState.Initial;
        if (CodeSubmission.Read(activity.Value, _codeDigits) is { } submission)
        {
            return Submit(snapshot, state, submission);
        }

        return snapshot.State == RecoveryState.AwaitCode && !_options.AcceptsTypedCodes(channelId) && IsOnlyACode(activity.Text)
            ? SetAside(snapshot, state, "code-entry.typed.refused")
            : null;
    }

    /// <summary>On card channels, takes the code out of a message that would have been read as one.</summary>
    public LanguageNegotiation Screen(LanguageNegotiation negotiated, Activity activity, string channelId)
    {
        ArgumentNullException.ThrowIfNull(negotiated);
        ArgumentNullException.ThrowIfNull(activity);
        var snapshot = negotiated.Snapshot;
        if (CodeSubmission.BoxOf(activity.Value) is not null // the box's own code, already structured
            || snapshot.State != RecoveryState.AwaitCode || _options.AcceptsTypedCodes(channelId)
            || negotiated.Understanding is not { } understanding || !WouldBeReadAsCode(understanding))
        {
            return negotiated;
        }

        var refused = SetAside(snapshot, negotiated.State, "code-entry.typed.refused");
        return refused with { Replies = [.. negotiated.Replies, .. refused.Replies] };
    }

    /// <summary>Puts the code box on the last reply while the conversation waits for a code (card channels only).</summary>
    public void Attach(IReadOnlyList<Activity> replies, ConversationSnapshot snapshot, string channelId)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (replies.Count == 0 || snapshot.State != RecoveryState.AwaitCode || _options.AcceptsTypedCodes(channelId))
        {
            return;
        }

        var last = replies[^1];
        last.Attachments = [.. last.Attachments ?? [], card.Render(BoxFor(snapshot), snapshot.Language, _codeDigits)];
        last.InputHint = "expectingInput";
    }

    /// <summary>
    /// Hides a box submission's code in the copy of an activity that is stored and echoed: <c>value.code</c> becomes
    /// <see cref="RedactedCode"/>, and so does an empty text, so the agent's transcript shows that a code was entered
    /// (Web Chat does not show postBack messages). Returns whether it changed anything.
    /// </summary>
    public static bool RedactSubmission(Activity copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var value = RedactedValue(copy.Value);
        if (Equals(value, copy.Value))
        {
            return false;
        }

        copy.Value = value;
        if (string.IsNullOrEmpty(copy.Text))
        {
            copy.Text = RedactedCode;
        }

        return true;
    }

    /// <summary>Whether an activity carries a code from the box (its stored copy must go through <see cref="RedactSubmission"/>).</summary>
    public static bool IsSubmission(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return CodeSubmission.BoxOf(activity.Value) is not null;
    }

    /// <summary>
    /// The value to store and echo for a received activity's: a box submission's code replaced by
    /// <see cref="RedactedCode"/>; any other value unchanged.
    /// </summary>
    public static JsonElement? RedactedValue(JsonElement? value)
    {
        if (CodeSubmission.BoxOf(value) is null || !value!.Value.TryGetProperty(CodeSubmission.CodeField, out _))
        {
            return value;
        }

        var copy = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.Value.EnumerateObject())
        {
            copy[property.Name] = property.Name == CodeSubmission.CodeField ? JsonSerializer.SerializeToElement(RedactedCode) : property.Value.Clone();
        }

        return JsonSerializer.SerializeToElement(copy);
    }

    private LanguageNegotiation Submit(ConversationSnapshot snapshot, LanguageState state, CodeSubmission submission)
    {
        if (snapshot.State != RecoveryState.AwaitCode)
        {
            return Say(snapshot, state, Reply.Of("code-entry.not-awaited"));
        }

        var expected = BoxFor(snapshot);
        if (submission.Box != expected)
        {
            return SetAside(snapshot, state, "code-entry.stale");
        }

        if (submission.Problem != CodeSubmissionProblem.None || submission.Code is not { } code)
        {
            var key = submission.Problem switch
            {
                CodeSubmissionProblem.Missing => "code-entry.invalid.missing",
                CodeSubmissionProblem.TooLong => "code-entry.invalid.too-long",
                _ => expected == CodeBox.SentCode ? "code-entry.invalid.sent" : "code-entry.invalid.recovery",
            };
            return SetAside(snapshot, state, key);
        }

        // Structured input, as the recogniser would have produced it from a typed code: the engine's rules (and the
        // verifier's throttles) apply unchanged, but nothing about the code was read by the understanding step.
        var understanding = expected == CodeBox.SentCode
            ? new MessageUnderstanding(null, ExtractedEntities.None with { Codes = [code] })
            : new MessageUnderstanding(null, ExtractedEntities.None) { RecoveryCodes = [code] };
        return new LanguageNegotiation(snapshot, state, understanding, []);
    }

    private LanguageNegotiation SetAside(ConversationSnapshot snapshot, LanguageState state, string key) =>
        Say(snapshot, state, Reply.Of(key, new Dictionary<string, object?> { ["digits"] = _codeDigits }, ActionsFor(BoxFor(snapshot))));

    private static LanguageNegotiation Say(ConversationSnapshot snapshot, LanguageState state, Reply reply) =>
        new(snapshot, state, null, [(reply, snapshot.Language)]);

    // The same buttons the flow shows under its code prompts (a new code, another method); a saved code is never resent.
    private static ReplyAction[] ActionsFor(CodeBox box) => box == CodeBox.SentCode
        ? [new("action.resend", "resend"), new("action.other-method", "no")]
        : [new("action.other-method", "no")];

    private static CodeBox BoxFor(ConversationSnapshot snapshot) =>
        snapshot.CodeMethod == VerificationService.RecoveryCodeMethod ? CodeBox.RecoveryCode : CodeBox.SentCode;

    // The trigger mapper's order: commands, claims and problems win over a code in the same message.
    private static bool WouldBeReadAsCode(MessageUnderstanding understanding) =>
        understanding.Command == UserCommand.None && understanding.Claim == UserClaim.None && understanding.Problem is null
        && (understanding.Entities.Codes.Count > 0 || understanding.RecoveryCodes.Count > 0);

    // "12345678", "1234 5678", "٤٨٢١٣٩٥٠" or "7KQM-4XPD-9RTA-WB2F" and nothing else: no need to read such a message at all.
    private static bool IsOnlyACode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > CodeSubmission.MaxInputLength)
        {
            return false;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '-'));
        return (compact.Length is >= 4 and <= 10 && compact.All(c => CharUnicodeInfo.GetDecimalDigitValue(c) >= 0))
            || (compact.Length == RecoveryCodeFormat.Length && RecoveryCodeFormat.Find(text.Trim()).Count == 1);
    }
}
