using SupportBot.Dialogs.Redaction;
using Xunit;

namespace SupportBot.Dialogs.Tests.Redaction;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("my code is 48213907", "my code is [code hidden]")]
    [InlineData("482 139", "[code hidden]")]
    [InlineData("le code: 4821-3907 merci", "le code: [code hidden] merci")]
    [InlineData("رمز 48213907", "رمز [code hidden]")]
    public void Redact_Codes_AreHidden(string text, string expected)
    {
        var result = SecretRedactor.Redact(text);

        Assert.Equal(expected, result.Text);
        Assert.Equal([SecretKind.Code], result.Found);
    }

    [Fact]
    public void Redact_LuhnCardNumber_KeepsOnlyTheLastFour()
    {
        var result = SecretRedactor.Redact("card 4111 1111 1111 1111 exp 12/29");

        Assert.Equal("card [card ending 1111] exp 12/29", result.Text);
        Assert.Contains(SecretKind.CardNumber, result.Found);
        Assert.DoesNotContain("4111 1111", result.Text);
    }

    [Theory]
    [InlineData("call me on +44 7700 900123")]
    [InlineData("my email is sam.old2019@example.com")]
    [InlineData("case SB-7K3M-Q9PD please")]
    [InlineData("I was hacked yesterday")]
    public void Redact_NonSecrets_AreKept(string text)
    {
        var result = SecretRedactor.Redact(text);

        Assert.Equal(text, result.Text);
        Assert.False(result.Changed);
    }

    [Fact]
    public void Redact_TokensAndJwts_AreHidden()
    {
        var result = SecretRedactor.Redact("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U and key sk_live_4eC39HqLyjWDarjtT1zdp7dc9f2a");

        Assert.DoesNotContain("eyJhbGci", result.Text);
        Assert.DoesNotContain("sk_live", result.Text);
        Assert.All(result.Found, kind => Assert.Equal(SecretKind.Token, kind));
    }
}
