using System.Text.Json;

namespace SupportBot.Bot.Tests.BotConnector;

/// <summary>A reply the local Connector API received; <see cref="Path"/> is the raw, still-escaped request target.</summary>
internal sealed record RecordedReply(string Path, string ConversationId, string? ActivityId, string Authorization, JsonElement Body);
