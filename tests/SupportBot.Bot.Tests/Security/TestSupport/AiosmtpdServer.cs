using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Bot.Tests.Security.TestSupport;

/// <summary>
/// A real SMTP server: Debian's <c>python3-aiosmtpd</c> with its debugging handler, which prints every received
/// message to stdout. Missing, it fails the test with the install command (test.sh and .ci/run install it).
/// </summary>
internal sealed partial class AiosmtpdServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private AiosmtpdServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static Task<AiosmtpdServer> StartAsync(CancellationToken cancellationToken) => StartOnAsync(FreePort(), cancellationToken);

    public static async Task<AiosmtpdServer> StartOnAsync(int port, CancellationToken cancellationToken)
    {
        var python = FindPython()
            ?? throw new InvalidOperationException(
                "The SMTP tests need Debian's python3-aiosmtpd (a real SMTP server): apt-get install -y python3-aiosmtpd. test.sh installs it when run as root.");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var server = new AiosmtpdServer(process, port);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Ready when it accepts a connection.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return server;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(15) && !process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (SocketException)
            {
                server.Dispose();
                throw new InvalidOperationException("aiosmtpd did not listen: " + server.Output);
            }
        }
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits for <paramref name="count"/> messages and returns them parsed.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            var messages = Messages();
            if (messages.Count >= count)
            {
                return messages;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"aiosmtpd received {Messages().Count} of {count} messages. Output:\n{Output}");
    }

    public IReadOnlyList<ReceivedMail> Messages() =>
        [.. MessageBlock().Matches(Output).Select(match => ReceivedMail.Parse(match.Groups["raw"].Value))];

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.Append(line).Append('\n');
        }
    }

    private static string? FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var check = Process.Start(new ProcessStartInfo(candidate, "-c \"import aiosmtpd\"") { UseShellExecute = false, RedirectStandardError = true });
                if (check is not null && check.WaitForExit(10_000) && check.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name.
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"-{10} MESSAGE FOLLOWS -{10}\n(?<raw>.*?)\n-{12} END MESSAGE -{12}", RegexOptions.Singleline)]
    private static partial Regex MessageBlock();
}

/// <summary>A received mail: headers unfolded, RFC 2047 subject and base64/quoted-printable body decoded.</summary>
internal sealed partial record ReceivedMail(string To, string Subject, string Body, string Raw)
{
    public static ReceivedMail Parse(string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var head = UnfoldedHeader().Replace(raw[..split], " ");
        var body = raw[(split + 2)..];
        var headers = head.Split('\n').Select(line => line.Split(':', 2)).Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit");
        var decodedBody = encoding.Equals("base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))))
            : body;
        return new ReceivedMail(headers.GetValueOrDefault("To", ""), DecodeWords(headers.GetValueOrDefault("Subject", "")), decodedBody, raw);
    }

    private static string DecodeWords(string value)
    {
        var decoded = BetweenWords().Replace(value, "?==?");
        decoded = EncodedWord().Replace(decoded, match => match.Groups["enc"].Value.ToUpperInvariant() == "B"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups["text"].Value))
            : QuotedPrintable(match.Groups["text"].Value.Replace('_', ' ')));
        return decoded;
    }

    private static string QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"\n[ \t]+")]
    private static partial Regex UnfoldedHeader();

    [GeneratedRegex(@"=\?utf-8\?(?<enc>[BbQq])\?(?<text>[^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();
}
