namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>An accepted incoming activity: the id it was given and how the bot's turn on it ended.</summary>
internal sealed record DirectLineReceipt(string ActivityId, DirectLineTurnOutcome Outcome);
