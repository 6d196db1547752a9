using System.Globalization;
using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class MessageFormatterTests
{
    private const string Items = "{count, plural, =0 {No items.} one {# item.} other {# items.}}";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private readonly MessageFormatter _formatter = new(TestLocales.Rules);

    [Fact]
    public void Format_NamedArguments_AreSubstituted()
    {
        var text = Format("en", "Hello {name}, your case is {caseId}.", new Dictionary<string, object?> { ["name"] = "Ana", ["caseId"] = "C-42" });

        Assert.Equal("Hello Ana, your case is C-42.", text);
    }

    [Fact]
    public void Format_AnonymousObject_ReadsItsProperties()
    {
        var result = _formatter.Format("en", "k", "Enter the code within {minutes} minutes.", English, MessageArguments.FromObject(new { minutes = 10 }));

        Assert.Equal("Enter the code within 10 minutes.", result.Text);
        Assert.True(result.IsComplete);
    }

    [Theory]
    [InlineData("en-US", "{n, number}", "1234567.5", "1,234,567.5")]
    [InlineData("de-DE", "{n, number}", "1234567.5", "1.234.567,5")]
    [InlineData("hi-IN", "{n, number}", "1234567", "12,34,567")]
    [InlineData("en-US", "{n, number}", "1.50", "1.50")]
    [InlineData("en-US", "{n, number, integer}", "2.5", "3")]
    [InlineData("en-US", "{n, number, percent}", "0.25", "25%")]
    [InlineData("en-US", "{n}", "1000", "1,000")]
    public void Format_NumberArgument_UsesTheExplicitCulture(string culture, string message, string number, string expected)
    {
        var value = decimal.Parse(number, CultureInfo.InvariantCulture);

        var result = _formatter.Format("en", message, message, CultureInfo.GetCultureInfo(culture), MessageArguments.From(new Dictionary<string, object?> { ["n"] = value }));

        Assert.Equal(expected, result.Text);
    }

    [Fact]
    public void Format_NumberArgument_IgnoresTheThreadCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("1,234.5", Format("en", "{n, number}", new Dictionary<string, object?> { ["n"] = 1234.5m }));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(0, "No items.")]
    [InlineData(1, "1 item.")]
    [InlineData(2, "2 items.")]
    [InlineData(1000, "1,000 items.")]
    public void Format_EnglishPlural_PicksExactThenCategoryAndFillsPound(int count, string expected)
    {
        Assert.Equal(expected, Format("en", Items, new Dictionary<string, object?> { ["count"] = count }));
    }

    [Theory]
    [InlineData("1", "1 item.")]
    [InlineData("1.0", "1.0 items.")]
    [InlineData("1.5", "1.5 items.")]
    public void Format_EnglishPluralOfDecimal_KeepsVisibleDigitsForCategoryAndDisplay(string count, string expected)
    {
        var value = decimal.Parse(count, CultureInfo.InvariantCulture);

        Assert.Equal(expected, Format("en", Items, new Dictionary<string, object?> { ["count"] = value }));
    }

    [Theory]
    [InlineData(0, "Nobody is waiting.")]
    [InlineData(1, "You are next.")]
    [InlineData(2, "You and 1 other person are waiting.")]
    [InlineData(5, "You and 4 other people are waiting.")]
    public void Format_PluralWithOffset_ComparesExactValuesBeforeTheOffset(int waiting, string expected)
    {
        const string message = "{waiting, plural, offset:1 =0 {Nobody is waiting.} =1 {You are next.} one {You and # other person are waiting.} other {You and # other people are waiting.}}";

        Assert.Equal(expected, Format("en", message, new Dictionary<string, object?> { ["waiting"] = waiting }));
    }

    [Theory]
    [InlineData("sms", "We sent a text message.")]
    [InlineData("email", "We sent an email.")]
    [InlineData("whatsapp", "We sent a message.")]
    public void Format_Select_PicksTheMatchingBranchOrOther(string channel, string expected)
    {
        const string message = "{channel, select, sms {We sent a text message.} email {We sent an email.} other {We sent a message.}}";

        Assert.Equal(expected, Format("en", message, new Dictionary<string, object?> { ["channel"] = channel }));
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    public void Format_EnglishSelectOrdinal_UsesOrdinalRules(int place, string expected)
    {
        const string message = "{place, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}";

        Assert.Equal(expected, Format("en", message, new Dictionary<string, object?> { ["place"] = place }));
    }

    [Theory]
    [InlineData("female", 1, "Ana invited you and 1 friend to her group.")]
    [InlineData("female", 3, "Ana invited you and 3 friends to her group.")]
    [InlineData("male", 2, "Ana invited you and 2 friends to his group.")]
    [InlineData("other", 0, "Ana invited you to their group.")]
    public void Format_NestedPluralInSelect_FormatsTheInnerBranch(string gender, int friends, string expected)
    {
        const string message = "{name} invited you{friends, plural, =0 {} one { and # friend} other { and # friends}} to {gender, select, female {her} male {his} other {their}} group.";

        var text = Format("en", message, new Dictionary<string, object?> { ["name"] = "Ana", ["gender"] = gender, ["friends"] = friends });

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Format_PoundInSelectNestedInPlural_MeansThePluralNumber()
    {
        const string message = "{n, plural, one {{g, select, f {# amie} other {# ami}}} other {{g, select, f {# amies} other {# amis}}}}";

        Assert.Equal("3 amies", Format("fr", message, new Dictionary<string, object?> { ["n"] = 3, ["g"] = "f" }));
        Assert.Equal("1 ami", Format("fr", message, new Dictionary<string, object?> { ["n"] = 1, ["g"] = "m" }));
    }

    [Theory]
    [InlineData("Type '{'name'}' literally.", "Type {name} literally.")]
    [InlineData("It''s done.", "It's done.")]
    [InlineData("Don't worry.", "Don't worry.")]
    [InlineData("'{''}'", "{'}")]
    [InlineData("Use # freely.", "Use # freely.")]
    [InlineData("{n, plural, other {'#' is #}}", "# is 5")]
    [InlineData("{n, plural, other {It''s #}}", "It's 5")]
    public void Format_ApostropheQuoting_FollowsIcuRules(string message, string expected)
    {
        Assert.Equal(expected, Format("en", message, new Dictionary<string, object?> { ["n"] = 5 }));
    }

    [Fact]
    public void Format_MissingSimpleArgument_ShowsPlaceholderAndReportsIt()
    {
        var result = _formatter.Format("en", "k", "Hello {name}, code {code}.", English, MessageArguments.From(new Dictionary<string, object?> { ["code"] = "123" }));

        Assert.Equal("Hello {name}, code 123.", result.Text);
        Assert.Equal(["name"], result.MissingArguments);
    }

    [Fact]
    public void Format_MissingPluralArgument_UsesOtherWithPlaceholderAndReportsIt()
    {
        var result = _formatter.Format("en", "k", Items, English, MessageArguments.None);

        Assert.Equal("{count} items.", result.Text);
        Assert.Equal(["count"], result.MissingArguments);
    }

    [Fact]
    public void Format_NonNumericPluralArgument_IsReportedAsMissing()
    {
        var result = _formatter.Format("en", "k", Items, English, MessageArguments.From(new Dictionary<string, object?> { ["count"] = "many" }));

        Assert.Equal(["count"], result.MissingArguments);
    }

    [Fact]
    public void Format_IsolateArguments_WrapsEveryInterpolatedValueInFsiPdi()
    {
        var result = _formatter.Format(
            "ar",
            "k",
            "أرسلنا الرمز إلى {email} ({n, plural, other {# رسائل}})",
            CultureInfo.GetCultureInfo("ar"),
            MessageArguments.From(new Dictionary<string, object?> { ["email"] = "ana@example.com", ["n"] = 3 }),
            isolateArguments: true);

        Assert.Equal("أرسلنا الرمز إلى \u2068ana@example.com\u2069 (\u20683\u2069 رسائل)", result.Text);
    }

    [Theory]
    [InlineData(0, "لا رسائل")]
    [InlineData(1, "رسالة واحدة")]
    [InlineData(2, "رسالتان")]
    [InlineData(3, "3 رسائل")]
    [InlineData(11, "11 رسالة")]
    [InlineData(100, "100 رسالة·")]
    public void Format_ArabicPlural_ReachesAllSixBranches(int count, string expected)
    {
        const string message = "{n, plural, zero {لا رسائل} one {رسالة واحدة} two {رسالتان} few {# رسائل} many {# رسالة} other {# رسالة·}}";

        var result = _formatter.Format("ar", "k", message, CultureInfo.InvariantCulture, MessageArguments.From(new Dictionary<string, object?> { ["n"] = count }));

        Assert.Equal(expected, result.Text);
    }

    [Fact]
    public void Format_FrenchPluralOfAMillion_PicksMany()
    {
        const string message = "{n, plural, one {# fichier} many {# de fichiers} other {# fichiers}}";

        var text = _formatter.Format("fr", "k", message, CultureInfo.InvariantCulture, MessageArguments.From(new Dictionary<string, object?> { ["n"] = 1_000_000 })).Text;

        Assert.Equal("1,000,000 de fichiers", text);
    }

    [Fact]
    public void GetPattern_SameKeyAndText_ReturnsTheCachedCompilation()
    {
        var first = _formatter.GetPattern("en", "k", Items);
        var second = _formatter.GetPattern("en", "k", new string(Items.AsSpan()));

        Assert.Same(first, second);
    }

    [Fact]
    public void GetPattern_SameKeyWithChangedText_Recompiles()
    {
        var first = _formatter.GetPattern("en", "k", "One");
        var second = _formatter.GetPattern("en", "k", "Two");

        Assert.NotSame(first, second);
        Assert.Equal("Two", second.Source);
    }

    [Fact]
    public void GetPattern_InvalidMessage_CachesTheError()
    {
        var first = _formatter.GetPattern("en", "bad", "{n, plural, one {x}}");
        var second = _formatter.GetPattern("en", "bad", "{n, plural, one {x}}");

        Assert.False(first.Success);
        Assert.Same(first, second);
    }

    [Fact]
    public void Format_InvalidMessageThroughConvenienceOverload_ThrowsWithPosition()
    {
        var error = Assert.Throws<MessageFormatException>(() => _formatter.Format("en", "k", "Hi {name", English, MessageArguments.None));

        Assert.Equal(8, error.Position);
    }

    private string Format(string language, string message, IReadOnlyDictionary<string, object?> arguments) =>
        _formatter.Format(language, "test.key", message, English, MessageArguments.From(arguments)).Text;
}
