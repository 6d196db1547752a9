using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class MessagePatternTests
{
    [Theory]
    [InlineData("Hello {name", 11, "expected ',' or '}' after the argument name 'name'")]
    [InlineData("You have {0} items", 10, "positional argument {0} is not allowed")]
    [InlineData("{}", 1, "expected an argument name")]
    [InlineData("{n, plural, one {# item}}", 0, "has no 'other' branch")]
    [InlineData("{g, select, a {x}}", 0, "has no 'other' branch")]
    [InlineData("{n, plural, single {x} other {y}}", 12, "'single' is not a plural category")]
    [InlineData("{n, plural, one {x} one {y} other {z}}", 20, "duplicate selector 'one'")]
    [InlineData("{n, plural, =1 {x} =1 {y} other {z}}", 19, "duplicate selector '=1'")]
    [InlineData("{n, plural, one {x} other {y}", 29, "expected '}' to close the plural argument 'n' opened at position 0")]
    [InlineData("{n, plural, other {y", 20, "expected '}' to close the '{' at position 18")]
    [InlineData("{n, plural, one x} other {y}}", 16, "expected '{' after the selector 'one'")]
    [InlineData("{d, date}", 4, "argument type 'date' is not supported")]
    [InlineData("{n, money}", 4, "unknown argument type 'money'")]
    [InlineData("{n, number, currency}", 12, "number style must be 'integer' or 'percent'")]
    [InlineData("{n, }", 4, "expected an argument type")]
    [InlineData("Closing } alone", 8, "unmatched '}'")]
    [InlineData("l'{name} est là", 1, "quoted text is never closed")]
    [InlineData("{n, plural, offset:x other {#}}", 19, "expected a number for the offset")]
    public void Parse_InvalidMessage_ReportsReasonAndPosition(string message, int position, string reason)
    {
        var result = MessagePattern.Parse(message);

        Assert.False(result.Success);
        Assert.Equal(position, result.Error.Position);
        Assert.Contains(reason, result.Error.Reason, StringComparison.Ordinal);
        Assert.EndsWith($"(at position {position})", result.Error.Message, StringComparison.Ordinal);
        Assert.Throws<MessageFormatException>(() => result.Value);
    }

    [Fact]
    public void Parse_DeepNesting_IsRejected()
    {
        var message = string.Concat(Enumerable.Repeat("{g, select, other {", 10)) + "x" + new string('}', 20);

        var result = MessagePattern.Parse(message);

        Assert.False(result.Success);
        Assert.Contains("nest", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValidMessage_ListsArgumentsInOrderWithKindsAndSelectors()
    {
        var pattern = MessagePattern.Parse("{a} {n, plural, =0 {none} one {{b}} other {#}} {g, select, x {} other {}} {p, selectordinal, other {#}} {v, number}").Value;

        Assert.Equal(["a", "n", "b", "g", "p", "v"], pattern.Arguments.Select(x => x.Name));
        Assert.Equal(
            ["Simple", "Plural", "Simple", "Select", "SelectOrdinal", "Number"],
            pattern.Arguments.Select(x => x.Kind.ToString()));
        Assert.Equal(["=0", "one", "other"], pattern.Arguments[1].Selectors);
        Assert.Equal(["x", "other"], pattern.Arguments[3].Selectors);
        Assert.True(pattern.UsesCardinalRules);
        Assert.True(pattern.UsesOrdinalRules);
    }

    [Fact]
    public void Parse_TextOnly_HasNoArguments()
    {
        var pattern = MessagePattern.Parse("Hello, it''s me.").Value;

        Assert.Empty(pattern.Arguments);
        Assert.False(pattern.UsesCardinalRules);
    }

    [Fact]
    public void Parse_WhitespaceAroundTokens_IsAllowed()
    {
        var result = MessagePattern.Parse("{ n ,plural,\n  one { # }\n  other { # }\n}");

        Assert.True(result.Success);
    }
}
