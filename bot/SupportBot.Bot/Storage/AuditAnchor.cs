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
/// Written after each append commits, under a lock and only forward, so concurrent appends never move it back.
/// A crash between commit and anchor write leaves the anchor one record behind, which verifies (behind is fine;
/// ahead of the log is not).
/// </remarks>
public sealed class AuditAnchor(string path, AuditChainKey key)
{
    private readonly Lock _gate = new();
    private long _written = -1;

    public string Path { get; } = path;

    /// <summary>Moves the anchor to <paramref name="sequence"/> unless it already stands there or further.</summary>
    public void Advance(long sequence, string hash)
    {
        lock (_gate)
        {
            if (_written < 0)
            {
                _written = Read() is { Valid: true } current ? current.Sequence : 0;
            }

            if (sequence <= _written)
            {
                return;
            }

            var body = Body(sequence, hash);
            var json = JsonSerializer.Serialize(new AnchorFile(sequence, hash, key.MacOf(body)));
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            var temporary = Path + ".tmp";
            File.WriteAllText(temporary, json, Encoding.UTF8);
            File.Move(temporary, Path, overwrite: true);
            _written = sequence;
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
