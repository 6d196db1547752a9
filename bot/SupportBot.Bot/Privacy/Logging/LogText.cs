using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Bot.Privacy.Logging;

/// <summary>
/// What a log line may contain (security.md F3): one line, whatever a user or client put in a conversation id,
/// locale, channel id, header or exception message, and no tokens, codes or card numbers.
/// </summary>
/// <remarks>
/// <para>
/// Line breaks (CR, LF, NEL, LS, PS) and every other control character are written as escapes (<c>\r</c>,
/// <c>\n</c>, <c>\u2028</c>), so a value can never start a line of its own that looks like a log entry.
/// </para>
/// <para>
/// Secrets are masked by shape, because the call sites log values they do not control: JWTs (Direct Line and
/// connector tokens) and the value after <c>Bearer</c>; any run of 32 or more base64/hex characters (secrets, keys,
/// signed URLs — a Direct Line conversation id, 24 characters, and a GUID stay readable); runs of 13–19 digits (card numbers;
/// the last four kept) and standalone runs of 6–10 digits (verification codes). Nothing the bot logs on purpose
/// has those shapes; the demo sink's codes are therefore only at <c>/dev/outbox</c>, never on the console.
/// </para>
/// </remarks>
public static partial class LogText
{
    public const string TokenHidden = "[token hidden]";
    public const string SecretHidden = "[secret hidden]";
    public const string DigitsHidden = "[digits hidden]";

    /// <summary>The value as it may appear in a log line.</summary>
    public static string Sanitize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? string.Empty;
        }

        var masked = Jwt().Replace(value, TokenHidden);
        masked = Bearer().Replace(masked, "Bearer " + TokenHidden);
        masked = LongSecret().Replace(masked, SecretHidden);
        masked = CardNumber().Replace(masked, match => "[card •••" + match.Value[^4..] + "]");
        masked = Code().Replace(masked, DigitsHidden);
        return EscapeControls(masked);
    }

    private static string EscapeControls(string value)
    {
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    // C0 and C1 controls (NEL among them), DEL, and the Unicode line and paragraph separators.
    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?i)bearer\s+[^\s""',;]+")]
    private static partial Regex Bearer();

    // '/' is left out so paths and URLs stay readable; a 32-character lowercase hex run is a GUID ("N": message and
    // activity ids), which an operator needs to find a row.
    [GeneratedRegex(@"(?<![A-Za-z0-9+_=-])(?![0-9a-f]{32}(?![A-Za-z0-9+_=-]))[A-Za-z0-9+_-]{32,}={0,2}(?![A-Za-z0-9+_=-])")]
    private static partial Regex LongSecret();

    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{6,10}(?![0-9A-Za-z])")]
    private static partial Regex Code();
}
