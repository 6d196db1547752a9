using SupportBot.Dialogs.Understanding;
using Xunit;

namespace SupportBot.Dialogs.Tests.Understanding;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("helllp", "help")]
    [InlineData("Hello, World!!!", "helo world")]
    [InlineData("  I CAN'T log in…  ", "i cant log in")]
    [InlineData("can’t won´t it`s don＇t", "cant wont its dont")]
    [InlineData("Café Über Ñandú", "cafe uber nandu")]
    [InlineData("Ｈｅｌｐ ﬁle", "help file")]
    [InlineData("İstanbul Straße", "istanbul strase")]
    [InlineData("code 123456, or 987-654", "code 0 or 0 0")]
    [InlineData("٣٤٥ ١٢", "0 0")]
    [InlineData("مَرْحَبًا", "مرحبا")]
    [InlineData("नमस्ते", "नमस्ते")]
    [InlineData("ok 👍 thanks", "ok thanks")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    public void Normalize_Text_CanonicalForm(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_SmallDestination_CutsOffWithoutOverrun()
    {
        Span<char> destination = stackalloc char[4];
        var written = TextNormalizer.Normalize("abcdefgh", destination);
        Assert.Equal("abcd", destination[..written].ToString());
    }

    [Fact]
    public void Normalize_DecomposedAndComposedInput_SameForm()
    {
        Assert.Equal(TextNormalizer.Normalize("re\u0301sume\u0301"), TextNormalizer.Normalize("résumé"));
    }
}
