using SupportBot.Bot.CodeEntry;
using Xunit;

namespace SupportBot.Bot.Tests.CodeEntry;

/// <summary>The terminal's code prompt: what is typed never reaches the screen.</summary>
public sealed class HiddenLineReaderTests
{
    [Fact]
    public async Task Keys_AreReadWithoutEcho_BackspaceAndEscapeEdit_EnterEnds()
    {
        var keys = new Queue<ConsoleKeyInfo>(
        [
            Key('9'), Key('x'), Backspace(), Key('1'), Key('2'), new('\u001b', ConsoleKey.Escape, false, false, false),
            Key('4'), Key('8'), Key('2'), Key('1'), new('\r', ConsoleKey.Enter, false, false, false),
        ]);
        using var screen = new StringWriter();
        var reader = new HiddenLineReader(TextReader.Null, screen, keys.Dequeue);

        Assert.Equal("4821", await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Environment.NewLine, screen.ToString());
    }

    [Fact]
    public async Task CtrlD_OnAnEmptyLine_IsTheEndOfInput_AndRedirectedInputIsReadByLines()
    {
        var keys = new Queue<ConsoleKeyInfo>([new('\u0004', ConsoleKey.D, false, false, true)]);
        Assert.Null(await new HiddenLineReader(TextReader.Null, TextWriter.Null, keys.Dequeue).ReadLineAsync(TestContext.Current.CancellationToken));

        using var piped = new StringReader("12345678\n");
        using var screen = new StringWriter();
        Assert.Equal("12345678", await new HiddenLineReader(piped, screen, readKey: null).ReadLineAsync(TestContext.Current.CancellationToken));
        Assert.Empty(screen.ToString());
    }

    private static ConsoleKeyInfo Key(char c) => new(c, char.IsDigit(c) ? ConsoleKey.D0 + (c - '0') : ConsoleKey.X, false, false, false);

    private static ConsoleKeyInfo Backspace() => new('\b', ConsoleKey.Backspace, false, false, false);
}
