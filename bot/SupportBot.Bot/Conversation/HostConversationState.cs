using SupportBot.Bot.LanguageChoice;
using SupportBot.Bot.Verification;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Conversation;

/// <summary>What the host stores per conversation: the engine's snapshot and the server-side verification session.</summary>
/// <param name="Language">How the language was chosen, and any language question waiting for an answer.</param>
public sealed record HostConversationState(ConversationSnapshot Snapshot, VerificationSession? Verification, string ChannelId, LanguageState? Language = null);
