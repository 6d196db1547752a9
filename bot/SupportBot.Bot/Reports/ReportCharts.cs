using System.Globalization;
using System.Net;
using System.Text;

namespace SupportBot.Bot.Reports;

/// <summary>One series of a bar chart: its label, its CSS class (colour) and a value per category.</summary>
internal sealed record ChartSeries(string Label, string CssClass, IReadOnlyList<long> Values);

/// <summary>
/// Small server-side SVG charts, no script and no library: grouped columns per period and horizontal bars per
/// category. Each is an image with a text alternative; the figures are also in a table next to it for screen readers.
/// Right-to-left pages mirror the axis so time and bars run the way the page reads.
/// </summary>
internal static class ReportCharts
{
    private const int Width = 720;
    private const int Height = 240;
    private const int Gutter = 44;

    public static string Columns(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, CultureInfo culture, bool rtl)
    {
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var plotWidth = Width - (2 * Gutter);
        var plotHeight = Height - 60;
        var slot = categories.Count == 0 ? plotWidth : (double)plotWidth / categories.Count;
        var bar = Math.Max(2, (slot * 0.8) / Math.Max(1, series.Count));
        var svg = Open(title, Width, Height);
        foreach (var tick in new[] { 0, max / 2, max }.Distinct())
        {
            var y = 20 + plotHeight - (plotHeight * tick / (double)max);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Gutter}\" x2=\"{Width - Gutter}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{(rtl ? Width - Gutter + 6 : Gutter - 6):0.#}\" y=\"{y + 4:0.#}\" text-anchor=\"{(rtl ? "start" : "end")}\">{Encode(tick.ToString("N0", culture))}</text>");
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var slotStart = Gutter + (slot * (rtl ? categories.Count - 1 - i : i));
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[i];
                var h = plotHeight * value / (double)max;
                var index = rtl ? series.Count - 1 - s : s;
                var x = slotStart + (slot * 0.1) + (bar * index);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{series[s].CssClass}\" x=\"{x:0.#}\" y=\"{20 + plotHeight - h:0.#}\" width=\"{bar - 1:0.#}\" height=\"{h:0.#}\"><title>{Encode(categories[i])}: {Encode(series[s].Label)} {Encode(value.ToString("N0", culture))}</title></rect>");
            }

            // Label every category when few, else every few, so they never overlap.
            var every = Math.Max(1, (int)Math.Ceiling(categories.Count / 6.0));
            if (i % every == 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"label\" x=\"{slotStart + (slot / 2):0.#}\" y=\"{Height - 22}\" text-anchor=\"middle\">{Encode(categories[i])}</text>");
            }
        }

        // The legend.
        var legendX = rtl ? Width - Gutter : Gutter;
        for (var s = 0; s < series.Count; s++)
        {
            var x = rtl ? legendX - (s * 160) - 12 : legendX + (s * 160);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{series[s].CssClass}\" x=\"{x}\" y=\"{Height - 12}\" width=\"12\" height=\"10\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"legend\" x=\"{(rtl ? x - 4 : x + 16)}\" y=\"{Height - 3}\" text-anchor=\"{(rtl ? "end" : "start")}\">{Encode(series[s].Label)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Bars(string title, IReadOnlyList<(string Label, long Value)> items, CultureInfo culture, bool rtl)
    {
        const int row = 26;
        const int labelWidth = 230;
        var height = Math.Max(row, items.Count * row) + 10;
        var max = Math.Max(1, items.Select(i => i.Value).DefaultIfEmpty(0).Max());
        var plot = Width - labelWidth - 70;
        var svg = Open(title, Width, height);
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var y = 5 + (i * row);
            var w = plot * value / (double)max;
            var barX = rtl ? Width - labelWidth - w : labelWidth;
            var labelX = rtl ? Width - labelWidth + 8 : labelWidth - 8;
            var valueX = rtl ? barX - 6 : barX + w + 6;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"label\" x=\"{labelX:0.#}\" y=\"{y + 16}\" text-anchor=\"{(rtl ? "start" : "end")}\">{Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"series-2\" x=\"{barX:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{row - 8}\"><title>{Encode(label)}: {Encode(value.ToString("N0", culture))}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"value\" x=\"{valueX:0.#}\" y=\"{y + 16}\" text-anchor=\"{(rtl ? "end" : "start")}\">{Encode(value.ToString("N0", culture))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, int width, int height) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" data-testid=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" aria-label=\"{Encode(title)}\">")
            .Append("<title>").Append(Encode(title)).Append("</title>");

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
