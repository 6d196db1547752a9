namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Values of a token's <c>adm</c> claim: who vouched for its holder. A token without one came from the page's exchange
/// without a bot-challenge solution (Security/BotChallenge decides what such a conversation may do).
/// </summary>
internal static class DirectLineAdmission
{
    public const string Claim = "adm";

    /// <summary>The page's exchange checked a proof-of-work solution.</summary>
    public const string Challenge = "challenge";

    /// <summary>The holder of the Direct Line secret minted the token for its own user.</summary>
    public const string Issuer = "issuer";
}
