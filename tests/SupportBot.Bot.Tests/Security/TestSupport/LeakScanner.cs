using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportBot.Bot.Tests.Security.TestSupport;

/// <summary>
/// Looks for secrets where they must never be: every file of the data folder byte by byte (the SQLite database, its
/// WAL and shared memory), captured logs, and transcripts. A secret counts in every spelling storage could give it:
/// as typed, JSON-escaped, and, for numbers, as bare digits with no other digit or letter around them.
/// </summary>
internal static class LeakScanner
{
    public static IReadOnlyList<string> Spellings(string secret)
    {
        var spellings = new List<string> { secret, JsonSerializer.Serialize(secret)[1..^1] };
        spellings.Add(spellings[1].ToLowerInvariant());
        var digits = new string([.. secret.Where(char.IsDigit).Select(c => (char)('0' + (int)char.GetNumericValue(c)))]);
        if (digits.Length >= 6 && digits.Length == secret.Count(c => char.IsDigit(c) || c is ' ' or '-' or '.') - secret.Count(c => c is ' ' or '-' or '.'))
        {
            spellings.Add(digits);
        }

        return [.. spellings.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Which of <paramref name="secrets"/> occur in <paramref name="text"/>, with the spelling found.</summary>
    public static IReadOnlyList<string> Find(string text, IEnumerable<string> secrets) =>
        [.. secrets.SelectMany(secret => Spellings(secret).Where(spelling => Occurs(text, spelling)).Select(spelling => $"{secret} (as '{spelling}')"))];

    /// <summary>Every file under <paramref name="folder"/> (database, WAL, keys…) read as UTF-8 and as Latin-1.</summary>
    public static IReadOnlyList<string> FindInFiles(string folder, IEnumerable<string> secrets)
    {
        var list = secrets.ToList();
        var leaks = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var memory = new MemoryStream())
            {
                stream.CopyTo(memory);
                bytes = memory.ToArray();
            }

            var utf8 = Encoding.UTF8.GetString(bytes);
            var latin1 = Encoding.Latin1.GetString(bytes);
            leaks.AddRange(Find(utf8 + "\n" + latin1, list).Select(leak => $"{Path.GetFileName(file)}: {leak}"));
        }

        return leaks;
    }

    private static bool Occurs(string text, string spelling) =>
        spelling.All(char.IsAsciiDigit)
            ? Regex.IsMatch(text, $"(?<![0-9A-Za-z]){spelling}(?![0-9A-Za-z])")
            : text.Contains(spelling, StringComparison.Ordinal);
}
