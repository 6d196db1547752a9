using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SupportBot.Bot.Storage;

/// <summary>
/// The latest head of the audit chain (sequence and hash), kept in a file apart from the database and MACed with
/// the chain key. A chain can only prove what it contains; the anchor lets <c>audit verify</c> notice records cut
/// off its end. Point <c>Audit:AnchorPath</c> at storage the database's writers cannot rewrite (another volume,
/// append-only or WORM storage) for the strongest guarantee.
/// </summary>
/// <remarks>
/// Moved forward after each append commits, and written behind: one write at a time on the thread pool, always of the
/// newest head, so a burst of appends costs one or two file writes instead of one each (the anchor write was the
/// largest single cost of a turn). The file is therefore at most one write behind the log while appends run, and
/// caught up by <see cref="Flush"/> (called on disposal, at shutdown). A crash leaves it behind, which verifies
/// (behind is fine; ahead of the log is not); what a crash can hide is the same handful of newest records a crash
/// between commit and a synchronous write could.
/// </remarks>
public sealed class AuditAnchor(string path, AuditChainKey key) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Lock _file = new();
    private long _written = -1;
    private (long Sequence, string Hash) _pending = (-1, string.Empty);
    private bool _writing;

    public string Path { get; } = path;

    /// <summary>Moves the anchor to <paramref name="sequence"/> unless it already stands there or further.</summary>
    public void Advance(long sequence, string hash)
    {
        lock (_gate)
        {
            if (sequence <= _pending.Sequence)
            {
                return;
            }

            _pending = (sequence, hash);
            if (_writing)
            {
                return; // The write under way picks the newest head up when it finishes.
            }

            _writing = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static anchor => anchor.WriteBehind(), this, preferLocal: false);
    }

    /// <summary>Writes the newest head now if the file is behind it; returns once the file holds it.</summary>
    public void Flush() => WriteNewest();

    public void Dispose()
    {
        try
        {
            Flush();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Shutting down: the anchor stays behind the log, which `audit verify` accepts.
        }
    }

    private void WriteBehind()
    {
        while (true)
        {
            try
            {
                WriteNewest();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The file stays behind (which verifies); the next append tries again.
                lock (_gate)
                {
                    _writing = false;
                }

                return;
            }

            lock (_gate)
            {
                if (_pending.Sequence <= Volatile.Read(ref _written))
                {
                    _writing = false;
                    return;
                }
            }
        }
    }

    private void WriteNewest()
    {
        lock (_file)
        {
            (long Sequence, string Hash) head;
            lock (_gate)
            {
                head = _pending;
            }

            if (_written < 0)
            {
                _written = Read() is { Valid: true } current ? current.Sequence : 0;
            }

            if (head.Sequence <= _written)
            {
                return;
            }

            var body = Body(head.Sequence, head.Hash);
            var json = JsonSerializer.Serialize(new AnchorFile(head.Sequence, head.Hash, key.MacOf(body)));
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            var temporary = Path + ".tmp";
            File.WriteAllText(temporary, json, Encoding.UTF8);
            File.Move(temporary, Path, overwrite: true);
            Volatile.Write(ref _written, head.Sequence);
        }
    }

    /// <summary>The stored head, or <see langword="null"/> if no anchor was ever written.</summary>
    public AuditHead? Read()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<AnchorFile>(File.ReadAllText(Path, Encoding.UTF8));
            if (stored is null || stored.Hash is null || stored.Mac is null)
            {
                return new AuditHead(0, string.Empty, Valid: false);
            }

            var expected = key.MacOf(Body(stored.Sequence, stored.Hash));
            var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(stored.Mac));
            return new AuditHead(stored.Sequence, stored.Hash, valid);
        }
        catch (JsonException)
        {
            return new AuditHead(0, string.Empty, Valid: false);
        }
    }

    private static string Body(long sequence, string hash) => sequence.ToString(CultureInfo.InvariantCulture) + "\n" + hash;

    private sealed record AnchorFile(long Sequence, string Hash, string Mac);
}

/// <summary>The anchored head: the chain must reach <see cref="Sequence"/> and have <see cref="Hash"/> there.</summary>
public sealed record AuditHead(long Sequence, string Hash, bool Valid);
