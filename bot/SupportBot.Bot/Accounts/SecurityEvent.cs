namespace SupportBot.Bot.Accounts;

/// <summary>One security-relevant change on an account, as the account service reports it (docs/security.md B6, B9).</summary>
/// <param name="Detail">A non-secret detail for agents, e.g. the country code of a new sign-in; never an address.</param>
public sealed record SecurityEvent(SecurityEventKind Kind, DateTimeOffset At, string? Detail = null);
