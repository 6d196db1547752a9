using System.Globalization;
using System.Text;
using System.Text.Json;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.CodeEntry;

/// <summary>Which box a code came from: the one for a code the bot sent, or the one for a saved recovery code.</summary>
public enum CodeBox
{
    SentCode,
    RecoveryCode,
}

/// <summary>What is wrong with a submitted value; each has its own localised reply.</summary>
public enum CodeSubmissionProblem
{
    None,

    /// <summary>No <c>code</c> field, or only blanks in it.</summary>
    Missing,

    /// <summary>Longer than any code with separators could be (a paste of something else, or an attack on the parser).</summary>
    TooLong,

    /// <summary>Not a string, or a string that is not a code of the box's shape.</summary>
    Malformed,
}

/// <summary>
/// A code submitted through the code box: <c>{"action":"verify.code","code":"…"}</c>, the value Web Chat sends for the
/// card's <c>Action.Submit</c> (its data merged with the inputs). The code is normalised here, so the verifier gets
/// canonical digits (any script's digits become ASCII) or a canonical recovery code, and nothing else.
/// </summary>
public sealed record CodeSubmission(CodeBox Box, string? Code, CodeSubmissionProblem Problem)
{
    /// <summary>The submit action of the box for a code the bot sent.</summary>
    public const string SentCodeAction = "verify.code";

    /// <summary>The submit action of the box for a saved recovery code.</summary>
    public const string RecoveryCodeAction = "verify.recovery-code";

    /// <summary>The id of the card's input, hence the field of the submitted value.</summary>
    public const string CodeField = "code";

    /// <summary>More than this many characters is no code, whatever the separators.</summary>
    public const int MaxInputLength = 32;

    /// <summary>The box an action value names, or <see langword="null"/> when the activity is no code submission.</summary>
    public static CodeBox? BoxOf(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } element
            || !element.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return action.GetString() switch
        {
            SentCodeAction => CodeBox.SentCode,
            RecoveryCodeAction => CodeBox.RecoveryCode,
            _ => null,
        };
    }

    /// <summary>Reads a submission; never throws on what a client sent.</summary>
    /// <param name="value">The activity's <c>value</c>.</param>
    /// <param name="codeDigits">The number of digits of the codes the bot sends.</param>
    public static CodeSubmission? Read(JsonElement? value, int codeDigits)
    {
        if (BoxOf(value) is not { } box)
        {
            return null;
        }

        if (!value!.Value.TryGetProperty(CodeField, out var field) || field.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new(box, null, CodeSubmissionProblem.Missing);
        }

        if (field.ValueKind != JsonValueKind.String)
        {
            return new(box, null, CodeSubmissionProblem.Malformed);
        }

        var typed = field.GetString()!;
        if (typed.Length > MaxInputLength)
        {
            return new(box, null, CodeSubmissionProblem.TooLong);
        }

        if (string.IsNullOrWhiteSpace(typed))
        {
            return new(box, null, CodeSubmissionProblem.Missing);
        }

        var code = box == CodeBox.SentCode ? NormalizeDigits(typed, codeDigits) : RecoveryCodeFormat.Normalize(Compact(typed));
        return code is null ? new(box, null, CodeSubmissionProblem.Malformed) : new(box, code, CodeSubmissionProblem.None);
    }

    // "1234 5678", "1234-5678" or "١٢٣٤٥٦٧٨" are the same code; anything but digits and those separators is not one.
    private static string? NormalizeDigits(string typed, int codeDigits)
    {
        var digits = new StringBuilder(codeDigits);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '\u00A0' or '\u2009')
            {
                continue;
            }

            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit < 0)
            {
                return null;
            }

            digits.Append((char)('0' + digit));
        }

        return digits.Length == codeDigits ? digits.ToString() : null;
    }

    // People copy saved codes from paper with spaces between the groups; in the box (unlike in chat) that is safe to forgive.
    private static string Compact(string typed) => string.Concat(typed.Where(c => !char.IsWhiteSpace(c)));
}
