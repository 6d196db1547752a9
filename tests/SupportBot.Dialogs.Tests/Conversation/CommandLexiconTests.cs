using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Understanding;
using Xunit;

namespace SupportBot.Dialogs.Tests.Conversation;

public sealed class CommandLexiconTests
{
    private static readonly CommandLexicon s_lexicon = CommandLexicon.Parse(
    [
        ("en", """{"stop":["stop","quit"],"start-over":["start over"],"yes":["yes"]}""", "en/commands.json"),
        ("fr", """{"stop":["arrête"],"start-over":["recommencer"],"yes":["oui"]}""", "fr/commands.json"),
    ]);

    [Theory]
    [InlineData("Stop", "en", UserCommand.Stop)]
    [InlineData("  START   over!! ", "en", UserCommand.StartOver)]
    [InlineData("recommencer", "en", UserCommand.StartOver)]
    [InlineData("arrête", "en", UserCommand.Stop)]
    [InlineData("oui", "fr", UserCommand.Yes)]
    [InlineData("oui", "en", UserCommand.None)]
    [InlineData("how do I stop the hacker", "en", UserCommand.None)]
    public void Match_WholeMessage_GlobalCommandsInAnyLanguage(string text, string language, UserCommand expected) =>
        Assert.Equal(expected, s_lexicon.Match(text, language));

    [Fact]
    public void Parse_UnknownCommand_NamesTheFile()
    {
        var error = Assert.Throws<FormatException>(() => CommandLexicon.Parse([("en", """{"fly":["up"]}""", "en/commands.json")]));

        Assert.Contains("en/commands.json", error.Message);
        Assert.Contains("fly", error.Message);
    }
}
