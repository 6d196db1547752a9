using System.Globalization;

namespace SupportBot.Dialogs.Localization;

/// <summary>The operands a CLDR plural rule tests: n, i, v, w, f, t and e (alias c).</summary>
/// <remarks>
/// <para>
/// The plural category depends on how a number is written, not only on its value: English "1 item" but "1.0 items",
/// because "1.0" shows one fraction digit (v = 1). So a <see cref="decimal"/> keeps its scale (1.50m has v = 2),
/// and <see cref="Parse(string)"/> reads the written form, including CLDR's compact exponent ("1.2c3" is 1200 with e = 3),
/// which is how the CLDR samples are written.
/// </para>
/// <para>Operands are computed with decimal arithmetic, so building them does not allocate.</para>
/// </remarks>
/// <threadsafety>Immutable value; safe to share.</threadsafety>
internal readonly record struct PluralOperands
{
    private const int MaxFractionDigits = 28;

    private static readonly decimal[] PowersOfTen = CreatePowersOfTen();

    private PluralOperands(decimal value, int visibleFractionDigits, int exponent)
    {
        var v = Math.Clamp(visibleFractionDigits, 0, MaxFractionDigits);
        var n = decimal.Round(Math.Abs(value), v, MidpointRounding.ToEven);
        var i = decimal.Truncate(n);
        var f = decimal.Truncate((n - i) * PowersOfTen[v]);

        // t and w are f and v without trailing zeros: "1.50" has f = 50, t = 5, v = 2, w = 1.
        var t = f;
        var w = t == 0 ? 0 : v;
        while (t != 0 && t % 10 == 0)
        {
            t /= 10;
            w--;
        }

        N = n;
        I = i;
        V = v;
        W = w;
        F = f;
        T = t;
        E = exponent;
    }

    /// <summary>The absolute value of the number (n).</summary>
    public decimal N { get; }

    /// <summary>The integer digits (i).</summary>
    public decimal I { get; }

    /// <summary>The number of visible fraction digits, with trailing zeros (v).</summary>
    public int V { get; }

    /// <summary>The number of visible fraction digits, without trailing zeros (w).</summary>
    public int W { get; }

    /// <summary>The visible fraction digits as an integer, with trailing zeros (f).</summary>
    public decimal F { get; }

    /// <summary>The visible fraction digits as an integer, without trailing zeros (t).</summary>
    public decimal T { get; }

    /// <summary>The compact decimal exponent (e, also spelled c); 0 unless the number was written as e.g. "1.2c3".</summary>
    public int E { get; }

    /// <summary>Operands of an integer.</summary>
    public static PluralOperands From(long value) => new(value, 0, 0);

    /// <summary>Operands of a decimal whose scale gives the visible fraction digits (1.50m has v = 2).</summary>
    public static PluralOperands From(decimal value) => new(value, value.Scale, 0);

    /// <summary>Operands of a number shown with exactly <paramref name="visibleFractionDigits"/> fraction digits.</summary>
    /// <param name="value">The number.</param>
    /// <param name="visibleFractionDigits">How many fraction digits are displayed; clamped to 0..28.</param>
    public static PluralOperands From(decimal value, int visibleFractionDigits) => new(value, visibleFractionDigits, 0);

    /// <summary>Reads a number written the CLDR way: <c>-12</c>, <c>1.50</c>, <c>1.2c3</c> or <c>1.2e3</c>.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not such a number.</exception>
    public static PluralOperands Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var operands)
            ? operands
            : throw new FormatException($"'{text}' is not a number in CLDR sample notation (e.g. 1.50 or 1.2c3).");
    }

    /// <summary>Reads a number written the CLDR way; returns false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PluralOperands operands)
    {
        operands = default;
        text = text.Trim();
        var exponent = 0;
        var marker = text.IndexOfAny('c', 'e');
        if (marker >= 0)
        {
            if (!int.TryParse(text[(marker + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out exponent)
                || exponent > MaxFractionDigits)
            {
                return false;
            }

            text = text[..marker];
        }

        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (text.IsEmpty || !decimal.TryParse(text, styles, CultureInfo.InvariantCulture, out var mantissa))
        {
            return false;
        }

        var point = text.IndexOf('.');
        var fractionDigits = point < 0 ? 0 : text.Length - point - 1;
        try
        {
            operands = new PluralOperands(mantissa * PowersOfTen[exponent], Math.Max(0, fractionDigits - exponent), exponent);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The value of the operand named by <paramref name="operand"/> (one of n i v w f t c e).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not an operand letter.</exception>
    public decimal Get(char operand) => operand switch
    {
        'n' => N,
        'i' => I,
        'v' => V,
        'w' => W,
        'f' => F,
        't' => T,
        'c' or 'e' => E,
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand, "Plural operands are n, i, v, w, f, t, c and e."),
    };

    private static decimal[] CreatePowersOfTen()
    {
        var powers = new decimal[MaxFractionDigits + 1];
        powers[0] = 1m;
        for (var k = 1; k < powers.Length; k++)
        {
            powers[k] = powers[k - 1] * 10m;
        }

        return powers;
    }
}
