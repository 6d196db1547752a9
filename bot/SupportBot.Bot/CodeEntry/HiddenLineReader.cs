using System.Text;

namespace SupportBot.Bot.CodeEntry;

/// <summary>
/// Reads one line without showing it: the terminal's code box (security.md A3). On a console it reads keys with
/// <c>intercept</c>, so nothing typed reaches the screen or the scroll-back; with redirected input (a pipe, a test)
/// nothing is echoed anyway and it reads a line.
/// </summary>
public sealed class HiddenLineReader(TextReader input, TextWriter output, Func<ConsoleKeyInfo>? readKey)
{
    /// <summary>The console's key reader when standard input is a keyboard, else null (read lines instead).</summary>
    public static Func<ConsoleKeyInfo>? ConsoleKeys(TextReader input) =>
        ReferenceEquals(input, Console.In) && !Console.IsInputRedirected ? () => Console.ReadKey(intercept: true) : null;

    /// <summary>The line, empty when the user pressed Enter at once, or null at the end of input.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (readKey is null)
        {
            return await input.ReadLineAsync(cancellationToken);
        }

        var typed = new StringBuilder();
        while (!cancellationToken.IsCancellationRequested)
        {
            var key = readKey();
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    await output.WriteLineAsync();
                    return typed.ToString();
                case ConsoleKey.Backspace:
                    if (typed.Length > 0)
                    {
                        typed.Length--;
                    }

                    continue;
                case ConsoleKey.Escape:
                    typed.Clear();
                    continue;
            }

            if (key.KeyChar == '\u0004' && typed.Length == 0)
            {
                return null; // Ctrl+D on an empty line: end of input, as for the chat prompt.
            }

            if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return null;
    }
}
