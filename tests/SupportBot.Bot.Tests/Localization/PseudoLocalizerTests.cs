using SupportBot.Bot.Localization.Tooling;
using Xunit;

namespace SupportBot.Bot.Tests.Localization;

public sealed class PseudoLocalizerTests
{
    [Fact]
    public void OnlyLiteralTextChanges_ArgumentsKeywordsQuotesAndLinksStay()
    {
        var source = "Hi {name}! {count, plural, =0 {No codes} one {# code} other {# codes}} at https://example.com/help '{'literal'}' {channel, select, sms {by text} other {by {channel}}}";

        var pseudo = PseudoLocalizer.Transform(source, mirrored: false);

        Assert.StartsWith("[Ĥî {name}! {count, plural, =0 {Ñö çöđéš} one {# çöđé} other {# çöđéš}} àţ https://example.com/help '{'", pseudo, StringComparison.Ordinal);
        Assert.Contains("{channel, select, sms {ƀý ţéẋţ} other {ƀý {channel}}}", pseudo, StringComparison.Ordinal);
        Assert.EndsWith("]", pseudo, StringComparison.Ordinal);
        Assert.InRange(pseudo.Length, (int)(source.Length * 1.3), (int)(source.Length * 1.45));
    }

    [Fact]
    public void TheMirroredVariantIsWrappedInARightToLeftOverride()
    {
        var pseudo = PseudoLocalizer.Transform("Your case {caseId}", mirrored: true);
        Assert.StartsWith("[\u202EÝöûŕ çàšé {caseId}", pseudo, StringComparison.Ordinal);
        Assert.EndsWith("\u202C]", pseudo, StringComparison.Ordinal);
    }

    [Fact]
    public void PluralCompletion_AddsTheLanguagesCategoriesAsCopiesOfOther_InNestedMessagesToo()
    {
        var source = "{gender, select, female {{n, plural, one {# file} other {# files}}} other {{n, plural, =0 {none} other {# items}}}} {rank, selectordinal, other {#th}}";

        var completed = PluralBranchCompleter.Complete(source, ["one", "few", "many", "other"], ["other"]);

        Assert.Equal(
            "{gender, select, female {{n, plural, one {# file} other {# files} few {# files} many {# files}}} other {{n, plural, =0 {none} other {# items} one {# items} few {# items} many {# items}}}} {rank, selectordinal, other {#th}}",
            completed);
    }
}
