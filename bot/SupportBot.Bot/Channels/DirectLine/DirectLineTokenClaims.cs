namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>What a valid token says: the one conversation it may use, the user it speaks for, until when.</summary>
internal sealed record DirectLineTokenClaims(string ConversationId, string UserId, string? Locale, DateTimeOffset ExpiresAt);
