using System.Globalization;

namespace SupportBot.Dialogs.Tests.Localization;

/// <summary>Expands the <c>@integer</c>/<c>@decimal</c> samples of a CLDR rule into the numbers they list.</summary>
/// <remarks>
/// "0.0~1.5" steps by the unit of the last written digit (0.0, 0.1, … 1.5); "…" marks an open list and is skipped.
/// Numbers are returned as written, so "1.0" keeps its visible fraction digit.
/// </remarks>
internal static class CldrSamples
{
    private const int MaxPerRange = 2000;

    public static IEnumerable<string> Expand(string rule)
    {
        var at = rule.IndexOf('@');
        if (at < 0)
        {
            yield break;
        }

        foreach (var part in rule[at..].Split('@', StringSplitOptions.RemoveEmptyEntries))
        {
            var body = part.Trim();
            var space = body.IndexOf(' ');
            if (space < 0)
            {
                continue;
            }

            foreach (var item in body[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (item is "…" or "...")
                {
                    continue;
                }

                var tilde = item.IndexOf('~');
                if (tilde < 0)
                {
                    yield return item;
                    continue;
                }

                foreach (var value in ExpandRange(item[..tilde], item[(tilde + 1)..]))
                {
                    yield return value;
                }
            }
        }
    }

    private static IEnumerable<string> ExpandRange(string start, string end)
    {
        if (start.Contains('c') || start.Contains('e'))
        {
            throw new NotSupportedException($"Exponent in sample range {start}~{end}.");
        }

        var point = start.IndexOf('.');
        var digits = point < 0 ? 0 : start.Length - point - 1;
        var step = 1m;
        for (var k = 0; k < digits; k++)
        {
            step /= 10m;
        }

        var from = decimal.Parse(start, CultureInfo.InvariantCulture);
        var to = decimal.Parse(end, CultureInfo.InvariantCulture);
        var format = "F" + digits.ToString(CultureInfo.InvariantCulture);
        var count = 0;
        for (var value = from; value <= to && count < MaxPerRange; value += step, count++)
        {
            yield return value.ToString(format, CultureInfo.InvariantCulture);
        }
    }
}
