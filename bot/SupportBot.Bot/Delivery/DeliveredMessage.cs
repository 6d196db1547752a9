namespace SupportBot.Bot.Delivery;

/// <summary>A message as the demo sink received it, for <c>GET /dev/outbox</c>.</summary>
public sealed record DeliveredMessage(string To, string Channel, string Text, DateTimeOffset SentAt);
