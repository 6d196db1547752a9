using SupportBot.Bot.Hosting;

namespace SupportBot.Bot.Storage;

/// <summary>Finds the audit key and anchor: configured, or files in a <c>keys/</c> folder beside the database.</summary>
internal static class AuditKeys
{
    public static AuditChainKey LoadKey(AuditOptions options, string databasePath)
    {
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(options.Key);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("Audit:Key is not base64.");
            }

            return bytes.Length >= AuditChainKey.MinimumBytes
                ? new AuditChainKey(bytes)
                : throw new InvalidOperationException($"Audit:Key must decode to at least {AuditChainKey.MinimumBytes} bytes.");
        }

        var path = options.KeyPath is { Length: > 0 } configured ? configured : Path.Combine(KeysFolder(databasePath), "audit.key");
        return new AuditChainKey(KeyFile.LoadOrCreate(path, AuditChainKey.MinimumBytes));
    }

    public static AuditAnchor Anchor(AuditOptions options, string databasePath, AuditChainKey key) =>
        new(options.AnchorPath is { Length: > 0 } configured ? configured : Path.Combine(KeysFolder(databasePath), "audit-anchor.json"), key);

    private static string KeysFolder(string databasePath)
    {
        var file = Path.IsPathRooted(databasePath) ? databasePath : Path.Combine(AppContext.BaseDirectory, "data", "memory.db");
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "keys");
    }
}
