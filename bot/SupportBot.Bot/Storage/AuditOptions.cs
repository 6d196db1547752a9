namespace SupportBot.Bot.Storage;

/// <summary>Where the audit chain's key and anchor live (<c>Audit</c> section). Both default to the data folder's
/// <c>keys/</c>; production points them elsewhere (a vault for the key, write-once storage for the anchor).</summary>
public sealed class AuditOptions
{
    /// <summary>Base64, at least 32 bytes. Without it a key file is created at <see cref="KeyPath"/>.</summary>
    public string? Key { get; set; }

    public string? KeyPath { get; set; }

    public string? AnchorPath { get; set; }
}
