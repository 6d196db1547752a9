namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// The optional body of the page's token exchange: <c>{"locale":"…","altcha":"…"}</c>, where <c>altcha</c> is the
/// base64 solution of a challenge from <c>GET /api/challenge</c> (Security/BotChallenge).
/// </summary>
internal sealed record DirectLineTokenExchangeRequest(string? Locale, string? Altcha = null);
