using SupportBot.Dialogs.Tests.Localization;
using SupportBot.Dialogs.Understanding;
using SupportBot.Dialogs.Verification;
using Xunit;

namespace SupportBot.Dialogs.Tests.Verification;

/// <summary>The shipped claim phrases (locales/*/claims.json) and the recovery-code shape.</summary>
public sealed class ClaimLexiconTests
{
    private static readonly ClaimLexicon s_shipped = ClaimLexicon.Parse(
        Directory.GetDirectories(RepositoryPaths.Locales)
            .Where(folder => File.Exists(Path.Combine(folder, "claims.json")))
            .Select(folder => (Path.GetFileName(folder), File.ReadAllText(Path.Combine(folder, "claims.json")), folder)));

    [Theory]
    [InlineData("en", "I lost the email on file; change it to new@x.com")]
    [InlineData("en", "please change my email to attacker@evil.example")]
    [InlineData("en", "My new number is +44 7700 900999, send the code to my new phone")]
    [InlineData("es", "Perdí el correo, cambia mi correo a nuevo@x.com")]
    [InlineData("fr", "Changez mon e-mail pour nouveau@x.fr s'il vous plaît")]
    [InlineData("de", "Bitte ändern Sie meine E-Mail auf neu@x.de")]
    [InlineData("tr", "E-postamı değiştir: yeni@x.com")]
    [InlineData("id", "tolong ganti email saya ke baru@x.com")]
    [InlineData("fr", "change my email to new@x.com")] // English works in every language
    public void ContactChangeRequests_AreRecognised(string language, string text) =>
        Assert.Equal(UserClaim.ContactChange, s_shipped.Match(text, language));

    [Theory]
    [InlineData("en", "My birthday is 12 March 1990, I live in Lagos and my card ends in 4242")]
    [InlineData("en", "Proof: my name, my date of birth, card last 4 digits of my card and my last login was from Paris")]
    [InlineData("en", "My best friend is Tom, ask me anything")]
    [InlineData("es", "Mi fecha de nacimiento es el 3 de mayo")]
    [InlineData("pt", "Meu cartão termina em 1234")]
    [InlineData("ar", "تاريخ ميلادي هو 1990")]
    [InlineData("hi", "मेरी जन्मतिथि 12 मार्च है")]
    [InlineData("sw", "Nilizaliwa mwaka 1990")]
    public void PersonalFacts_AreRecognised(string language, string text) =>
        Assert.Equal(UserClaim.PersonalFacts, s_shipped.Match(text, language));

    [Theory]
    [InlineData("en", "someone hacked my account")]
    [InlineData("en", "how do I change my password")]
    [InlineData("en", "I'm stubborn one way or another")]
    [InlineData("en", "send a new code")]
    [InlineData("fr", "on a piraté mon compte")]
    public void OrdinaryMessages_AreNoClaims(string language, string text) =>
        Assert.Equal(UserClaim.None, s_shipped.Match(text, language));

    [Fact]
    public void EveryLaunchLanguage_HasBothKindsOfPhrase()
    {
        foreach (var language in new[] { "en", "fr", "es", "pt", "de", "it", "ar", "hi", "ur", "bn", "fil", "id", "tr", "sw", "ha" })
        {
            var json = File.ReadAllText(Path.Combine(RepositoryPaths.Locales, language, "claims.json"));
            Assert.Contains("\"personal-facts\"", json, StringComparison.Ordinal);
            Assert.Contains("\"contact-change\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_RejectsAnUnknownClaim() =>
        Assert.Throws<FormatException>(() => ClaimLexicon.Parse([("en", """{"wire-money":["send cash"]}""", "en/claims.json")]));

    [Theory]
    [InlineData("my code is 7kqm-4xpd-9rta-wb2f thanks", "7KQM4XPD9RTAWB2F")]
    [InlineData("HN3V8CZE2MWQ6TJR", "HN3V8CZE2MWQ6TJR")]
    [InlineData("R2D4-K8PM-X6QW-3HVT", "R2D4K8PMX6QW3HVT")]
    [InlineData("lo1i-K8PM-X6QW-3HVT", "1011K8PMX6QW3HVT")] // Crockford: L, I → 1; O → 0
    public void RecoveryCodes_AreFoundAndNormalised(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(RecoveryCodeFormat.Find(text)));

    [Theory]
    [InlineData("card 4111 1111 1111 1111")]
    [InlineData("1234-5678-9012-3456")] // digits only: a card or a code, not a recovery code
    [InlineData("what will make this work")]
    [InlineData("ABCD-EFGH-JKMN-PQRS")] // letters only
    public void NonCodes_AreNotRecoveryCodes(string text) => Assert.Empty(RecoveryCodeFormat.Find(text));

    [Fact]
    public void RecoveryCodes_AreRedactedAsCodes()
    {
        var result = SupportBot.Dialogs.Redaction.SecretRedactor.Redact("here: 7KQM-4XPD-9RTA-WB2F");

        Assert.Equal("here: [code hidden]", result.Text);
    }
}
