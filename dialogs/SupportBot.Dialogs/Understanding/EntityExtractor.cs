using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// Finds the identifiers a locked-out user types: email addresses, phone numbers, numeric codes, and usernames
/// or profile links.
/// </summary>
/// <remarks>
/// <para>Extraction is context-free: "2019" is reported as a code whether or not the bot asked for one. The
/// conversation decides which entity it expects in which state; this class only has to find every candidate
/// and never read one entity as another, above all never part of a phone number as a code.</para>
/// <para>Passes run from the most to the least specific (emails, profile links, @handles, then numbers), each
/// blanking what it took, so that digits inside <c>jo123456@mail.com</c> or <c>profile.php?id=1000123</c> are
/// not read again as a code or a phone number.</para>
/// <para>Numbers: a leading <c>+</c> (or <c>00</c>) makes an international phone number of 7–15 digits,
/// written with spaces, dashes, dots or parentheses, and an optional <c>(0)</c> trunk prefix. Without one, an
/// unbroken run of 4–8 digits is a code and of 9–15 digits a national phone number; digits in groups are a
/// split code when they form two equal groups of 3 or 4 ("123 456", "1234-5678") or three pairs, and otherwise a
/// national phone number when they total 7–15 digits. Dates such as 07.05.2024 or 2024-05-07 and numbers
/// touching letters or slashes are ignored. Country-specific numbering plans come later from data; for now a
/// calling-code hint, or a country profile's numbering plan (<see cref="INationalNumberPlan"/>), turns national numbers into international ones.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to call concurrently.</threadsafety>
public static partial class EntityExtractor
{
    private static readonly string[] s_reservedFacebookPaths =
    [
        "ads", "business", "checkpoint", "events", "friends", "gaming", "groups", "hashtag", "help", "l.php", "legal",
        "login", "login.php", "marketplace", "messages", "notifications", "pages", "permalink.php", "photo", "photo.php",
        "photos", "policies", "privacy", "recover", "reel", "reels", "settings", "share", "sharer", "sharer.php",
        "stories", "story.php", "watch",
    ];

    private static readonly string[] s_reservedInstagramPaths =
    [
        "about", "accounts", "challenge", "developer", "direct", "explore", "legal", "p", "reel", "reels", "stories", "tv", "web",
    ];

    private static readonly string[] s_reservedXPaths =
    [
        "compose", "explore", "hashtag", "home", "i", "intent", "login", "messages", "notifications", "privacy", "search",
        "settings", "share", "signup", "tos",
    ];

    /// <summary>Extracts every entity of <paramref name="text"/>, keeping national phone numbers as written.</summary>
    /// <param name="text">The user's message.</param>
    public static ExtractedEntities Extract(string text) => Extract(text, callingCode: null);

    /// <summary>Extracts every entity of <paramref name="text"/>.</summary>
    /// <param name="text">The user's message.</param>
    /// <param name="callingCode">
    /// The country calling code of the user's country (<c>44</c> or <c>+44</c>), or <see langword="null"/>.
    /// When given, national phone numbers lose one leading trunk <c>0</c> and gain <c>+</c> and the code, so
    /// <c>07700 900123</c> becomes <c>+447700900123</c>; without it they are returned as digits only.
    /// </param>
    /// <returns>Emails (lower-cased), phone numbers (<c>+</c> and digits, or digits), codes (digits), and usernames
    /// (handles lower-cased without <c>@</c>, numeric profile ids as <c>id:</c> and digits), each in order of
    /// appearance without repeats.</returns>
    /// <exception cref="ArgumentException"><paramref name="callingCode"/> is not one to three digits.</exception>
    public static ExtractedEntities Extract(string text, string? callingCode) =>
        Extract(text, ParseCallingCode(callingCode) is { } code ? new CallingCodePlan(code) : null);

    /// <summary>Extracts every entity of <paramref name="text"/>, writing national phone numbers in E.164 by a country's numbering plan.</summary>
    /// <param name="text">The user's message.</param>
    /// <param name="numberPlan">The user's country's plan (from its profile), or null to keep national numbers as digits.</param>
    /// <returns>As <see cref="Extract(string, string?)"/>; a national number the plan does not recognise stays digits only.</returns>
    public static ExtractedEntities Extract(string text, INationalNumberPlan? numberPlan)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plan = numberPlan;
        if (text.Length == 0)
        {
            return ExtractedEntities.None;
        }

        var masked = text.ToCharArray();
        var emails = new List<string>();
        foreach (var match in EmailPattern().EnumerateMatches(text))
        {
            emails.Add(text.Substring(match.Index, match.Length).ToLowerInvariant());
            Blank(masked, match.Index, match.Length);
        }

        var usernames = new List<(int Index, string Name)>();
        var afterEmails = new string(masked);
        foreach (Match match in ProfileLinkPattern().Matches(afterEmails))
        {
            if (ProfileName(match.Groups["host"].Value, match.Groups["path"].Value) is { } name)
            {
                usernames.Add((match.Index, name));
            }

            Blank(masked, match.Index, match.Length);
        }

        var afterLinks = new string(masked);
        foreach (Match match in HandlePattern().Matches(afterLinks))
        {
            usernames.Add((match.Index, match.Groups["handle"].Value.ToLowerInvariant()));
            Blank(masked, match.Index, match.Length);
        }

        var phones = new List<string>();
        var codes = new List<string>();
        NumberScanner.Scan(masked, plan, phones, codes);

        return new ExtractedEntities(
            Distinct(emails),
            Distinct(phones),
            Distinct(codes),
            Distinct(usernames.OrderBy(u => u.Index).Select(u => u.Name)));
    }

    private static string? ParseCallingCode(string? callingCode)
    {
        if (callingCode is null)
        {
            return null;
        }

        var digits = callingCode.Trim().TrimStart('+');
        return digits.Length is >= 1 and <= 3 && digits.All(char.IsAsciiDigit)
            ? digits
            : throw new ArgumentException($"'{callingCode}' is not a country calling code such as 44 or +44.", nameof(callingCode));
    }

    /// <summary>A plan that knows only a calling code: one leading trunk 0 is dropped.</summary>
    private sealed class CallingCodePlan(string callingCode) : INationalNumberPlan
    {
        public string ToInternational(string nationalDigits) =>
            "+" + callingCode + (nationalDigits.StartsWith('0') ? nationalDigits[1..] : nationalDigits);
    }

    /// <summary>The username a profile link points to, or <see langword="null"/> for links to posts, help pages and the like.</summary>
    private static string? ProfileName(string host, string path)
    {
        host = host.ToLowerInvariant();
        var (pathPart, query) = path.IndexOf('?') is var q and >= 0 ? (path[..q], path[(q + 1)..]) : (path, string.Empty);
        var segments = pathPart.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (host is "facebook.com" or "fb.com")
        {
            if (segments is ["profile.php", ..])
            {
                return QueryValue(query, "id") is { Length: > 0 } id && id.All(char.IsAsciiDigit) ? "id:" + id : null;
            }

            // facebook.com/people/Some-Name/100012345678/
            if (segments is ["people", _, var peopleId, ..] && peopleId.All(char.IsAsciiDigit))
            {
                return "id:" + peopleId;
            }

            return segments is [var first, ..] && !s_reservedFacebookPaths.Contains(first, StringComparer.OrdinalIgnoreCase)
                ? Handle(first, allowAt: false)
                : null;
        }

        var reserved = host switch
        {
            "instagram.com" or "instagr.am" => s_reservedInstagramPaths,
            "x.com" or "twitter.com" => s_reservedXPaths,
            _ => [],
        };

        // threads.net/@name and tiktok.com/@name mark profiles with '@'; their other paths are not profiles.
        var requiresAt = host is "threads.net" or "threads.com" or "tiktok.com";
        return segments is [var segment, ..]
            && !reserved.Contains(segment, StringComparer.OrdinalIgnoreCase)
            && (!requiresAt || segment.StartsWith('@'))
            ? Handle(segment, allowAt: true)
            : null;
    }

    private static string? Handle(string segment, bool allowAt)
    {
        var name = allowAt ? segment.TrimStart('@') : segment;
        name = name.TrimEnd('.');
        return name.Length is > 0 and <= 50 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_')
            && name.Any(char.IsAsciiLetterOrDigit)
            ? name.ToLowerInvariant()
            : null;
    }

    private static string? QueryValue(string query, string key)
    {
        foreach (var pair in query.Split('&'))
        {
            if (pair.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return pair[(key.Length + 1)..];
            }
        }

        return null;
    }

    private static void Blank(char[] text, int index, int length) => text.AsSpan(index, length).Fill(' ');

    private static string[] Distinct(IEnumerable<string> items) => [.. items.Distinct(StringComparer.Ordinal)];

    // Local part and domain labels of letters and digits in any script; the top-level domain is letters only.
    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // A link to one of the platform's hosts, with or without scheme and mobile or www prefix, up to whitespace.
    [GeneratedRegex(@"(?<![\p{L}\p{N}.\-])(?:https?://)?(?:(?:www|m|mobile|web)\.)?(?<host>facebook\.com|fb\.com|instagram\.com|instagr\.am|x\.com|twitter\.com|threads\.net|threads\.com|tiktok\.com)/(?<path>[^\s<>""')\]]*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ProfileLinkPattern();

    // @name, not inside a word or an address; a trailing dot ends the sentence, not the handle.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.@/])@(?<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,48}[A-Za-z0-9_])?)(?![A-Za-z0-9_@])", RegexOptions.CultureInvariant)]
    private static partial Regex HandlePattern();

    /// <summary>Reads digit groups and classifies each run as a phone number or a code.</summary>
    private static class NumberScanner
    {
        public static void Scan(ReadOnlySpan<char> text, INationalNumberPlan? callingCode, List<string> phones, List<string> codes)
        {
            var groups = new List<Group>();
            var i = 0;
            while (i < text.Length)
            {
                if (!StartsNumber(text, i))
                {
                    i++;
                    continue;
                }

                var end = ReadGroups(text, i, groups, out var international);
                var touchesWord = (i > 0 && IsWordOrSlash(text[i - 1])) || (end < text.Length && IsWordOrSlash(text[end]));
                if (!touchesWord && groups.Count > 0)
                {
                    Classify(groups, international, callingCode, phones, codes);
                }

                // A rejected run is skipped whole, so its tail is not read as a number on its own.
                i = Math.Max(end, i + 1);
            }
        }

        private static bool StartsNumber(ReadOnlySpan<char> text, int i)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                return i == 0 || !char.IsAsciiDigit(text[i - 1]);
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var afterSpace = next == ' ' && i + 2 < text.Length ? text[i + 2] : next;
            return (c == '+' && (char.IsAsciiDigit(afterSpace) || afterSpace == '('))
                || (c == '(' && char.IsAsciiDigit(next));
        }

        private static bool IsWordOrSlash(char c) => char.IsLetterOrDigit(c) || c is '/' or '_' or '\\';

        /// <summary>Reads "+44 (0) 7700-900 123" style runs; returns the index after the last digit or parenthesis.</summary>
        private static int ReadGroups(ReadOnlySpan<char> text, int start, List<Group> groups, out bool international)
        {
            groups.Clear();
            var i = start;
            international = text[i] == '+';
            if (international)
            {
                i++;
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }
            }

            var end = i;
            var separators = new StringBuilder();
            while (i < text.Length)
            {
                var parenthesised = text[i] == '(';
                var digitsStart = parenthesised ? i + 1 : i;
                var j = digitsStart;
                while (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                if (j == digitsStart || (parenthesised && (j >= text.Length || text[j] != ')')))
                {
                    break;
                }

                groups.Add(new Group(text[digitsStart..j].ToString(), parenthesised, separators.ToString()));
                separators.Clear();
                end = i = parenthesised ? j + 1 : j;

                // Up to three separator characters (" - ", ". ") may join this group to the next.
                var k = i;
                while (k < text.Length && k - i < 3 && text[k] is ' ' or '-' or '.' or '\u00A0')
                {
                    separators.Append(text[k]);
                    k++;
                }

                if (k < text.Length && (char.IsAsciiDigit(text[k]) || text[k] == '('))
                {
                    i = k;
                }
                else
                {
                    break;
                }
            }

            return end;
        }

        private static void Classify(List<Group> groups, bool international, INationalNumberPlan? callingCode, List<string> phones, List<string> codes)
        {
            var digits = string.Concat(groups.Select(g => g.Digits));
            if (!international && digits.StartsWith("00", StringComparison.Ordinal) && digits.Length >= 9)
            {
                // 00 is the international dialling prefix in most countries: 0044 7700 900123.
                international = true;
                digits = digits[2..];
                groups = [new Group(digits, false, string.Empty)];
            }

            if (international)
            {
                // "+44 (0) 7700 900123": the parenthesised trunk zero is not dialled from abroad.
                var dialled = groups.Where((g, index) => !(index > 0 && g.Parenthesised && g.Digits == "0")).ToList();

                // Longer than E.164 allows: the number ends where 15 digits are reached, and a code may follow.
                var taken = 0;
                var length = 0;
                while (taken < dialled.Count && length + dialled[taken].Digits.Length <= 15)
                {
                    length += dialled[taken++].Digits.Length;
                }

                if (length >= 7)
                {
                    phones.Add("+" + string.Concat(dialled.Take(taken).Select(g => g.Digits)));
                }

                if (length >= 7 && taken < dialled.Count)
                {
                    Classify(dialled[taken..], false, callingCode, phones, codes);
                }

                return;
            }

            if (groups.Count == 1)
            {
                AddSingle(digits, callingCode, phones, codes);
                return;
            }

            if (IsSplitCode(groups))
            {
                codes.Add(digits);
            }
            else if (IsDate(groups))
            {
                // Neither a phone number nor a code.
            }
            else if (digits.Length is >= 7 and <= 15)
            {
                phones.Add(NationalPhone(digits, callingCode));
            }
            else if (digits.Length > 15)
            {
                // Too long for one number: several numbers written next to each other.
                foreach (var group in groups)
                {
                    AddSingle(group.Digits, callingCode, phones, codes);
                }
            }
        }

        private static void AddSingle(string digits, INationalNumberPlan? callingCode, List<string> phones, List<string> codes)
        {
            if (digits.Length is >= 4 and <= 8)
            {
                codes.Add(digits);
            }
            else if (digits.Length is >= 9 and <= 15)
            {
                phones.Add(NationalPhone(digits, callingCode));
            }
        }

        private static bool IsSplitCode(List<Group> groups) =>
            !groups.Any(g => g.Parenthesised)
            && ((groups.Count == 2 && groups[0].Digits.Length == groups[1].Digits.Length && groups[0].Digits.Length is 3 or 4)
                || (groups.Count == 3 && groups.All(g => g.Digits.Length == 2)));

        /// <summary>07.05.2024, 7-5-24 or 2024-05-07: day, month and year joined by dots or dashes.</summary>
        private static bool IsDate(List<Group> groups) =>
            groups.Count == 3
            && groups[1].Separators.Trim() is "." or "-" && groups[2].Separators.Trim() == groups[1].Separators.Trim()
            && groups[1].Digits.Length <= 2
            && ((groups[0].Digits.Length <= 2 && groups[2].Digits.Length is 2 or 4)
                || (groups[0].Digits.Length == 4 && groups[2].Digits.Length <= 2));

        private static string NationalPhone(string digits, INationalNumberPlan? plan) =>
            plan?.ToInternational(digits) ?? digits;

        /// <summary>One run of digits, whether it was in parentheses, and the separators written before it.</summary>
        private readonly record struct Group(string Digits, bool Parenthesised, string Separators);
    }
}
