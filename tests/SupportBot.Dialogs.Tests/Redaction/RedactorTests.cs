using System.Text.Json;
using SupportBot.Dialogs.Redaction;
using Xunit;

namespace SupportBot.Dialogs.Tests.Redaction;

/// <summary>The redactor with the real lexicon from <c>locales/</c>: the seeded-secret corpus of every launch language.</summary>
public sealed class RedactorTests
{
    private static readonly string[] s_launchLanguages = ["en", "fr", "es", "pt", "de", "it", "ar", "hi", "ur", "bn", "fil", "id", "tr", "sw", "ha"];

    private static readonly Lazy<Redactor> s_redactor = new(() =>
    {
        var locales = Path.Combine(RepositoryRoot.Path, "locales");
        var files = Directory.GetDirectories(locales)
            .Select(folder => Path.Combine(folder, "redaction.json"))
            .Where(File.Exists)
            .Select(path => (File.ReadAllText(path), Path.GetRelativePath(locales, path)));
        return new Redactor(RedactionLexicon.Parse(files, File.ReadAllText(Path.Combine(locales, "_meta", "redaction-patterns.json"))));
    });

    public static TheoryData<string, string, string, string> Corpus()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Path, "tests", "security", "secrets-corpus.jsonl")))
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            data.Add(root.GetProperty("lang").GetString()!, root.GetProperty("kind").GetString()!, root.GetProperty("text").GetString()!, root.GetProperty("secret").GetString()!);
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastTenSecretsInEveryLaunchLanguage()
    {
        var perLanguage = Corpus().Select(row => (string)((ITheoryDataRow)row).GetData()[0]!).GroupBy(language => language).ToDictionary(group => group.Key, group => group.Count());

        Assert.All(s_launchLanguages, language => Assert.True(perLanguage.GetValueOrDefault(language) >= 10, $"{language}: {perLanguage.GetValueOrDefault(language)} secrets"));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Redact_SeededSecret_IsGone_AndItsKindIsReported(string language, string kind, string text, string secret)
    {
        var result = s_redactor.Value.Redact(text);

        Assert.DoesNotContain(secret, result.Text, StringComparison.Ordinal);
        if (Digits(secret) is { Length: >= 6 } digits)
        {
            Assert.DoesNotContain(digits, Digits(result.Text), StringComparison.Ordinal);
        }

        var expected = kind switch
        {
            "password" => SecretKind.Password,
            "card" => SecretKind.CardNumber,
            "cvv" => SecretKind.Cvv,
            "code" => SecretKind.Code,
            "id" => SecretKind.IdNumber,
            "token" => SecretKind.Token,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, language),
        };
        Assert.Contains(expected, result.Found);
    }

    [Theory]
    [InlineData("my password is hunter2", "my password is [password hidden]")]
    [InlineData("mot de passe : soleil42", "mot de passe : [password hidden]")]
    [InlineData("mi contraseña es gatito99", "mi contraseña es [password hidden]")]
    [InlineData("كلمة المرور هي qwerty123", "كلمة المرور هي [password hidden]")]
    [InlineData("मेरा पासवर्ड hunter2 है", "मेरा पासवर्ड [password hidden] है")]
    [InlineData("my password is sunshine", "my password is [password hidden]")]
    [InlineData("ｐａｓｓｗｏｒｄ: hunter2", "password: [password hidden]")]
    public void Redact_Passwords_InEveryScript(string text, string expected)
    {
        var result = s_redactor.Value.Redact(text);

        Assert.Equal(expected, result.Text);
        Assert.Contains(SecretKind.Password, result.Found);
    }

    [Theory]
    [InlineData("card 4111 1111 1111 1111, cvv 123", "card [card ending 1111], cvv [security code hidden]")]
    [InlineData("رمز ٤٨٢١٣٩٠٧", "رمز [code hidden]")]
    [InlineData("कोड १२३४५६७८ है", "कोड [code hidden] है")]
    [InlineData("Authorization: Bearer abcdefghijklmnop", "Authorization: [token hidden]")]
    public void Redact_CardsCvvNativeDigitsAndTokens(string text, string expected) =>
        Assert.Equal(expected, s_redactor.Value.Redact(text).Text);

    [Theory]
    [InlineData("I forgot my password")]
    [InlineData("I need a password reset")]
    [InlineData("call me on +44 7700 900123")]
    [InlineData("my email is sam.old2019@example.com")]
    [InlineData("case SB-7K3M-Q9PD please")]
    [InlineData("Passport stolen yesterday, can you help?")]
    [InlineData("mi contraseña no funciona")]
    public void Redact_NonSecrets_AreKept(string text)
    {
        var result = s_redactor.Value.Redact(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Found);
    }

    [Fact]
    public void Parse_BrokenPattern_NamesIt()
    {
        var error = Assert.Throws<FormatException>(() =>
            new Redactor(RedactionLexicon.Parse([], """{"tokens":{"broken-one":"(unclosed"}}""")));

        Assert.Contains("broken-one", error.Message, StringComparison.Ordinal);
    }

    private static string Digits(string text) =>
        new([.. text.Where(char.IsDigit).Select(c => (char)('0' + (int)char.GetNumericValue(c)))]);
}
