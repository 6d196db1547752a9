namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>A token as handed to a client: the JWT and its lifetime in seconds (<c>expires_in</c>).</summary>
internal sealed record DirectLineIssuedToken(string Token, int ExpiresIn);
