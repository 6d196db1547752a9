namespace SupportBot.Bot.Delivery;

/// <summary>A message to a contact on file, as the host protects it in the outbox.</summary>
/// <param name="Channel"><c>email</c>, <c>sms</c>, or <c>discard</c> (the same work done for an identifier that matched nothing).</param>
public sealed record OutboundMessage(string Channel, string To, string Subject, string Text);
