namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>The optional body of the page's token exchange: <c>{"locale":"…"}</c>.</summary>
internal sealed record DirectLineTokenExchangeRequest(string? Locale);
