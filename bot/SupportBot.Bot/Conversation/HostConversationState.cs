using SupportBot.Bot.Verification;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Conversation;

/// <summary>What the host stores per conversation: the engine's snapshot and the server-side verification session.</summary>
public sealed record HostConversationState(ConversationSnapshot Snapshot, VerificationSession? Verification, string ChannelId);
