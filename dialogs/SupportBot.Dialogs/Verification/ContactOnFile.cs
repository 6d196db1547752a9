namespace SupportBot.Dialogs.Verification;

/// <summary>A contact in an account's history: when it was added and, if it was, removed.</summary>
/// <remarks>Source: how it was added ("signup", "settings"), for agents.</remarks>
public sealed record ContactOnFile(string ContactId, ContactKind Kind, string Address, DateTimeOffset AddedAt, DateTimeOffset? RemovedAt, string Source)
{
    /// <summary>The IP address the change came from, when the account service knows it (docs/security.md B6).</summary>
    public string? SourceIp { get; init; }

    /// <summary>The device the change came from, when known.</summary>
    public string? SourceDevice { get; init; }
}
