namespace SupportBot.Bot.Storage;

/// <summary>
/// A one-time code as stored: an HMAC of the code with a per-code salt, never the code. Bound to one account
/// and one recovery session (the conversation).
/// </summary>
public sealed record IssuedCode(
    string CodeId,
    string AccountId,
    string SessionId,
    string Channel,
    string DestinationKey,
    byte[] Salt,
    byte[] Hash,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    int Failures);
