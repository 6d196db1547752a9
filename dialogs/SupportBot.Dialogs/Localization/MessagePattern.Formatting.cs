using System.Globalization;
using System.Text;

namespace SupportBot.Dialogs.Localization;

/// <content>Per-call formatting state and value rendering.</content>
internal sealed partial class MessagePattern
{
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    // "N0".."N28": decimal scale is at most 28, so every shown precision has a ready-made format string.
    private static readonly string[] FixedFormats = [.. Enumerable.Range(0, 29).Select(k => "N" + k.ToString(CultureInfo.InvariantCulture))];

    private enum NumberStyle
    {
        /// <summary>Grouped, with exactly the fraction digits the value carries (1.50m shows "1.50").</summary>
        Default,

        /// <summary>Grouped, rounded to an integer.</summary>
        Integer,

        /// <summary>The culture's percent format, value × 100, no decimals.</summary>
        Percent,
    }

    /// <summary>Reads a numeric argument; a decimal keeps its scale as the number of visible fraction digits.</summary>
    /// <remarks>Numeric text in invariant form ("1.50") is accepted too, so a caller can fix the visible digits.</remarks>
    private static bool TryGetNumber(object? value, out decimal number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case decimal d: number = d; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case ushort us: number = us; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            case double db when double.IsFinite(db) && Math.Abs(db) < 7.9e27:
                number = (decimal)db;
                return true;
            case float fl when float.IsFinite(fl) && Math.Abs(fl) < 7.9e27f:
                number = (decimal)fl;
                return true;
            case string text:
                return decimal.TryParse(
                    text,
                    NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture,
                    out number);
            default:
                number = 0;
                return false;
        }
    }

    private static void AppendNumber(ref FormatState state, decimal number, NumberStyle style)
    {
        var (value, format) = style switch
        {
            NumberStyle.Integer => (decimal.Round(number, 0, MidpointRounding.AwayFromZero), FixedFormats[0]),
            NumberStyle.Percent => (number, "P0"),
            _ => (number, FixedFormats[number.Scale]),
        };

        Span<char> buffer = stackalloc char[128];
        if (value.TryFormat(buffer, out var written, format, state.Culture))
        {
            state.Builder.Append(buffer[..written]);
        }
        else
        {
            state.Builder.Append(value.ToString(format, state.Culture));
        }
    }

    private static void AppendValue(ref FormatState state, object value)
    {
        switch (value)
        {
            case string text:
                state.Builder.Append(text);
                break;
            case int or long or decimal or short or byte or sbyte or ushort or uint or ulong or double or float
                when TryGetNumber(value, out var number):
                AppendNumber(ref state, number, NumberStyle.Default);
                break;
            case IFormattable formattable:
                state.Builder.Append(formattable.ToString(null, state.Culture));
                break;
            default:
                state.Builder.Append(value.ToString());
                break;
        }
    }

    private static string SelectKey(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The number a plural branch shows for <c>#</c>: the argument minus the offset.</summary>
    private readonly struct PluralNumber(decimal value)
    {
        public bool HasValue { get; } = true;

        public decimal Value { get; } = value;
    }

    private ref struct FormatState(
        StringBuilder builder,
        CultureInfo culture,
        PluralRuleSet cardinal,
        PluralRuleSet ordinal,
        MessageArguments arguments,
        bool isolate)
    {
        public readonly StringBuilder Builder = builder;
        public readonly CultureInfo Culture = culture;
        public readonly PluralRuleSet Cardinal = cardinal;
        public readonly PluralRuleSet Ordinal = ordinal;
        public readonly MessageArguments Arguments = arguments;
        private readonly bool _isolate = isolate;

        public List<string>? Missing { get; private set; }

        public readonly void OpenIsolate()
        {
            if (_isolate)
            {
                Builder.Append(FirstStrongIsolate);
            }
        }

        public readonly void CloseIsolate()
        {
            if (_isolate)
            {
                Builder.Append(PopDirectionalIsolate);
            }
        }

        /// <summary>Shows <c>{name}</c> where the value should be, so the gap is visible but the sentence survives.</summary>
        public void AppendPlaceholder(string name)
        {
            ReportMissing(name);
            Builder.Append('{').Append(name).Append('}');
        }

        public void ReportMissing(string name)
        {
            Missing ??= [];
            if (!Missing.Contains(name))
            {
                Missing.Add(name);
            }
        }
    }
}
