using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>The optional body of <c>tokens/generate</c>: <c>{user:{id,name},trustedOrigins}</c>.</summary>
/// <remarks><c>trustedOrigins</c> is accepted and not enforced: the stream and REST calls carry the token anyway.</remarks>
internal sealed record DirectLineTokenGenerateRequest(ChannelAccount? User, IReadOnlyList<string>? TrustedOrigins);
