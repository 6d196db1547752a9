using System.Text;
using SupportBot.Dialogs.Understanding;
using Xunit;

namespace SupportBot.Dialogs.Tests.Understanding;

public sealed class IntentTrainingSetTests
{
    private const string Source = "locales/zz/intents.json";

    [Fact]
    public void Parse_ValidJson_ReadsLanguageAndExamples()
    {
        var set = IntentTrainingSet.Parse(
            """
            {
              "$comment": "metadata is allowed",
              "language": "en",
              // comments and trailing commas are tolerated for hand-edited files
              "intents": { "greeting": ["hi", "hello there",], "deny": ["no"] },
            }
            """,
            Source);

        Assert.Equal("en", set.Language);
        Assert.Equal(Source, set.SourceName);
        Assert.Equal(["hi", "hello there"], set.Examples[Intent.Greeting]);
        Assert.Equal(["no"], set.Examples[Intent.Deny]);
        Assert.Equal(2, set.Examples.Count);
    }

    [Fact]
    public void Parse_UnknownLabel_ErrorNamesFileAndLabel()
    {
        var exception = Assert.Throws<IntentTrainingDataException>(() =>
            IntentTrainingSet.Parse("""{"language":"en","intents":{"greeting":["hi"],"greting":["hello"]}}""", Source));

        Assert.Equal(Source, exception.SourceName);
        Assert.StartsWith(Source, exception.Message, StringComparison.Ordinal);
        Assert.Contains("unknown intent label 'greting'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyList_ErrorNamesFileAndLabel()
    {
        var exception = Assert.Throws<IntentTrainingDataException>(() =>
            IntentTrainingSet.Parse("""{"language":"en","intents":{"greeting":["hi"],"deny":[]}}""", Source));

        Assert.StartsWith(Source, exception.Message, StringComparison.Ordinal);
        Assert.Contains("intent 'deny' has no examples", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var exception = Assert.Throws<IntentTrainingDataException>(() => IntentTrainingSet.Parse(
            """{"intents":{"greeting":["hi", "  ", 3],"deny":[],"nope":["x"],"affirm":"yes"}, "lang":"en"}""",
            Source));

        Assert.Contains(exception.Errors, e => e.Contains("\"language\" is missing", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Contains("unknown property \"lang\"", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Contains("'greeting', example 2 is empty", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Contains("'greeting', example 3 is not a string", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Contains("'deny' has no examples", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Contains("unknown intent label 'nope'", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Contains("'affirm' must be a list", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SameExampleUnderTwoIntents_ErrorNamesBoth()
    {
        var exception = Assert.Throws<IntentTrainingDataException>(() =>
            IntentTrainingSet.Parse("""{"language":"en","intents":{"affirm":["ok", "yes"],"thanks_goodbye":["OK!", "bye"]}}""", Source));

        var error = Assert.Single(exception.Errors);
        Assert.Contains("'affirm' and 'thanks_goodbye'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateLabel_Error()
    {
        var exception = Assert.Throws<IntentTrainingDataException>(() =>
            IntentTrainingSet.Parse("""{"language":"en","intents":{"deny":["no"],"deny":["nope"]}}""", Source));

        Assert.Contains("intent 'deny' is listed twice", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"language\":\"en\",\"intents\":{\"deny\":[\"no\"]")]
    [InlineData("not json")]
    [InlineData("[]")]
    public void Parse_MalformedJson_ErrorNamesFile(string json)
    {
        var exception = Assert.Throws<IntentTrainingDataException>(() => IntentTrainingSet.Parse(json, Source));
        Assert.StartsWith(Source, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Utf8Stream_SameAsParse()
    {
        const string Json = """{"language":"fr","intents":{"greeting":["bonjour"],"deny":["non, pas ça"]}}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Json));

        var loaded = IntentTrainingSet.Load(stream, Source);

        Assert.Equal("fr", loaded.Language);
        Assert.Equal(["non, pas ça"], loaded.Examples[Intent.Deny]);
    }

    [Fact]
    public void Constructor_EmptyListOrBlankLanguage_ThrowsWithSource()
    {
        var exception = Assert.Throws<IntentTrainingDataException>(() => new IntentTrainingSet(
            " ",
            new Dictionary<Intent, IReadOnlyList<string>> { [Intent.Greeting] = [] },
            "inline"));

        Assert.Equal("inline", exception.SourceName);
        Assert.Equal(2, exception.Errors.Count);
    }

    [Fact]
    public void Constructor_CallerChangesListLater_SetUnchanged()
    {
        var examples = new List<string> { "hi" };
        var set = new IntentTrainingSet("en", new Dictionary<Intent, IReadOnlyList<string>> { [Intent.Greeting] = examples }, "inline");

        examples.Add(string.Empty);

        Assert.Equal(["hi"], set.Examples[Intent.Greeting]);
    }
}
