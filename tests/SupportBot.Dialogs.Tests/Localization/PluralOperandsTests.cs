using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class PluralOperandsTests
{
    [Theory]
    [InlineData("1", "1", "1", 0, 0, "0", "0", 0)]
    [InlineData("1.50", "1.5", "1", 2, 1, "50", "5", 0)]
    [InlineData("0.00", "0", "0", 2, 0, "0", "0", 0)]
    [InlineData("-3.2", "3.2", "3", 1, 1, "2", "2", 0)]
    [InlineData("1.2c3", "1200", "1200", 0, 0, "0", "0", 3)]
    [InlineData("1.0000001c6", "1000000.1", "1000000", 1, 1, "1", "1", 6)]
    [InlineData("123.0450", "123.045", "123", 4, 3, "450", "45", 0)]
    public void Parse_CldrNotation_ComputesEveryOperand(string text, string n, string i, int v, int w, string f, string t, int e)
    {
        var operands = PluralOperands.Parse(text);

        Assert.Equal(decimal.Parse(n, System.Globalization.CultureInfo.InvariantCulture), operands.N);
        Assert.Equal(decimal.Parse(i, System.Globalization.CultureInfo.InvariantCulture), operands.I);
        Assert.Equal(v, operands.V);
        Assert.Equal(w, operands.W);
        Assert.Equal(decimal.Parse(f, System.Globalization.CultureInfo.InvariantCulture), operands.F);
        Assert.Equal(decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture), operands.T);
        Assert.Equal(e, operands.E);
        Assert.Equal(e, (int)operands.Get('c'));
    }

    [Fact]
    public void From_DecimalWithScale_MatchesItsWrittenForm()
    {
        Assert.Equal(PluralOperands.Parse("1.50"), PluralOperands.From(1.50m));
        Assert.Equal(PluralOperands.Parse("1.5"), PluralOperands.From(1.5m, visibleFractionDigits: 1));
        Assert.Equal(PluralOperands.Parse("7"), PluralOperands.From(7L));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1c")]
    [InlineData("1,5")]
    public void TryParse_NotANumber_ReturnsFalse(string text)
    {
        Assert.False(PluralOperands.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PluralOperands.Parse(text));
    }
}
