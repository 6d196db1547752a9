namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>The outcome of checking an <c>Authorization</c> header: an identity, or a reason kept for the log only.</summary>
internal readonly record struct ChannelAuthenticationResult(ChannelIdentity? Identity, string? FailureReason)
{
    public bool Succeeded => Identity is not null;

    public static ChannelAuthenticationResult Success(ChannelIdentity identity) => new(identity, null);

    public static ChannelAuthenticationResult Failure(string reason) => new(null, reason);
}
