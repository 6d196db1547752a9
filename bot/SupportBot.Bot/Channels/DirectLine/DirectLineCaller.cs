namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Who sent a request: a holder of the secret (a trusted back end, which may do anything) or a token holder
/// (bound to one conversation and one user). Classes rather than records, so no ToString ever prints a token.
/// </summary>
internal abstract class DirectLineCaller
{
    private DirectLineCaller()
    {
    }

    public sealed class Secret : DirectLineCaller
    {
        public static Secret Instance { get; } = new();

        private Secret()
        {
        }
    }

    public sealed class Token(string value, DirectLineTokenClaims claims) : DirectLineCaller
    {
        public string Value { get; } = value;

        public DirectLineTokenClaims Claims { get; } = claims;
    }
}
