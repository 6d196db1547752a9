using System.Text.Json;
using SupportBot.Dialogs.Understanding.Llm;
using Xunit;

namespace SupportBot.Dialogs.Tests.Understanding.Llm;

/// <summary>What the LLM may see of a message: no secret, contact, handle or number, ever.</summary>
public sealed class LlmInputScrubberTests
{
    private readonly LlmInputScrubber _scrubber = new(LlmTestRedactor.Instance);

    public static TheoryData<string, string, string> SecretsCorpus()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Path, "tests", "security", "secrets-corpus.jsonl")))
        {
            using var entry = JsonDocument.Parse(line);
            data.Add(entry.RootElement.GetProperty("lang").GetString()!, entry.RootElement.GetProperty("text").GetString()!, entry.RootElement.GetProperty("secret").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SecretsCorpus))]
    public void AMessageWithASecret_IsNotSentAtAll(string language, string text, string secret)
    {
        var scrubbed = _scrubber.Scrub(text);

        Assert.True(scrubbed is null, $"{language}: a message carrying a secret would reach the LLM as '{scrubbed}'");
        Assert.NotEmpty(secret);
    }

    [Theory]
    [InlineData("my email is Maria@Example.com and I was hacked", "maria@example.com")]
    [InlineData("call me on +1 555 0100 please, someone took my account", "555")]
    [InlineData("my profile is facebook.com/maria.lopez.77 and it's gone", "maria.lopez")]
    [InlineData("they renamed me, I was @mariaxlopez", "mariaxlopez")]
    [InlineData("الرقم +٩٦٦ ٥٠ ١٢٣ ٤٥٦٧ لم يعد لي", "٤٥٦٧")]
    [InlineData("मेरा नंबर +९१ ९८७६५ ४३२१० है, अकाउंट हैक हो गया", "४३२१०")]
    public void ContactsHandlesAndNumbers_AreMasked(string text, string mustNotAppear)
    {
        var scrubbed = _scrubber.Scrub(text);

        Assert.NotNull(scrubbed);
        Assert.DoesNotContain(mustNotAppear, scrubbed.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"\[(contact|number)\]", scrubbed.Value);
    }

    [Theory]
    [InlineData("الرقم ٠٥٠١٢٣٤٥٦٧ لم يعد لي")]
    [InlineData("मेरा नंबर ९८७६५४३२१० है")]
    public void AnUnbrokenRunOfDigits_ReadAsACode_IsNotSentAtAll(string text) => Assert.Null(_scrubber.Scrub(text));

    [Fact]
    public void PlainWords_PassUnchanged_AndLongMessagesAreCut()
    {
        Assert.Equal("someone is posting weird stuff as me", _scrubber.Scrub("someone is posting weird stuff as me")?.Value);
        Assert.Null(_scrubber.Scrub("   "));
        Assert.Equal(LlmInputScrubber.DefaultMaxCharacters, _scrubber.Scrub(new string('a', 5_000))?.Value.Length);
    }
}
