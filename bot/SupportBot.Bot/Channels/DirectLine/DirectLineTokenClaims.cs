namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>What a valid token says: the one conversation it may use, the user it speaks for, until when.</summary>
/// <remarks><see cref="Admission"/>: the <see cref="DirectLineAdmission"/> claim, carried over on refresh.</remarks>
internal sealed record DirectLineTokenClaims(string ConversationId, string UserId, string? Locale, DateTimeOffset ExpiresAt, string? Admission = null);
