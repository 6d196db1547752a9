using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>The optional body of <c>POST /conversations</c>: <c>{user:{id,name},locale}</c>, as Web Chat sends it.</summary>
internal sealed record DirectLineStartRequest(ChannelAccount? User, string? Locale);
