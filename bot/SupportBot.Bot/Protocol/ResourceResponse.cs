namespace SupportBot.Bot.Protocol;

/// <summary>The id a channel gave a sent activity: <c>{"id":…}</c>.</summary>
public sealed record ResourceResponse(string Id);
