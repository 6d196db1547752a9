using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>A validated caller, and the claims that still have to be matched against the activity it sent.</summary>
internal sealed class ChannelIdentity
{
    private readonly OpenIdKeySnapshot? _keys;
    private readonly string? _keyId;
    private readonly string? _serviceUrl;

    private ChannelIdentity(ChannelIdentityKind kind, OpenIdKeySnapshot? keys, string? keyId, string? serviceUrl)
    {
        Kind = kind;
        _keys = keys;
        _keyId = keyId;
        _serviceUrl = serviceUrl;
    }

    public static ChannelIdentity Anonymous { get; } = new(ChannelIdentityKind.Anonymous, null, null, null);

    public static ChannelIdentity Emulator { get; } = new(ChannelIdentityKind.Emulator, null, null, null);

    public ChannelIdentityKind Kind { get; }

    /// <summary>A channel whose token was signed with <paramref name="keyId"/> and names <paramref name="serviceUrl"/>.</summary>
    public static ChannelIdentity Channel(OpenIdKeySnapshot keys, string? keyId, string? serviceUrl) =>
        new(ChannelIdentityKind.Channel, keys, keyId, serviceUrl);

    /// <summary>
    /// Whether this caller may send <paramref name="activity"/>: for a channel, the signing key must be endorsed
    /// for the activity's <c>channelId</c> and the token's <c>serviceurl</c> must equal the activity's.
    /// </summary>
    /// <remarks>The service URL is where replies go with the bot's token, so it must come from the token, not the body.</remarks>
    public bool MaySend(Activity activity) => Kind switch
    {
        ChannelIdentityKind.Channel =>
            _keys!.IsEndorsed(_keyId, activity.ChannelId)
            && !string.IsNullOrEmpty(_serviceUrl)
            && string.Equals(_serviceUrl, activity.ServiceUrl, StringComparison.Ordinal),
        _ => true,
    };
}
