using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Security.BotChallenge;

/// <summary>
/// The proof-of-work bot challenge (security.md D3), section <c>Security:BotChallenge</c>. The page solves an
/// ALTCHA-shaped challenge before it gets a Direct Line token; identity lookups in anonymous conversations run only
/// when the conversation's token says the challenge was passed, and at most <see cref="MaxLookupsPerConversation"/>
/// times. Trusted server-to-server paths are exempt by the <c>Exempt…</c> switches.
/// </summary>
public sealed class BotChallengeOptions : IValidatableObject
{
    public const string SectionName = "Security:BotChallenge";

    /// <summary>
    /// Whether <c>POST /api/directline/token</c> refuses a request without a valid solution. With <see langword="false"/>
    /// tokens are still issued, but their conversations never look up an identifier (a client that cannot run the challenge
    /// can still read the self-help answers).
    /// </summary>
    public bool RequireForTokenExchange { get; set; } = true;

    /// <summary>The base difficulty: the secret number lies in [0, MaxNumber], so a browser tries MaxNumber / 2 hashes on average.</summary>
    [Range(1_000, 100_000_000)]
    public int MaxNumber { get; set; } = 50_000;

    /// <summary>Adaptive difficulty never goes above this.</summary>
    [Range(1_000, 100_000_000)]
    public int MaxNumberCeiling { get; set; } = 800_000;

    /// <summary>Challenges one address may fetch within <see cref="AdaptiveWindow"/> before the difficulty doubles (then doubles again per as many more).</summary>
    [Range(1, 100_000)]
    public int AdaptiveStep { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan AdaptiveWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an issued challenge can be solved and redeemed.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Identity lookups one anonymous conversation may make; then a new (challenged) conversation is needed.</summary>
    [Range(1, 100)]
    public int MaxLookupsPerConversation { get; set; } = 3;

    /// <summary>Base64 HMAC key (≥ 32 bytes) that signs challenges; without it, <see cref="KeyPath"/> (default <c>data/keys/challenge.key</c>, created on first start).</summary>
    public string? Key { get; set; }

    public string? KeyPath { get; set; }

    /// <summary>Callers holding the Direct Line secret (a back end) look up without a challenge.</summary>
    public bool ExemptDirectLineSecret { get; set; } = true;

    /// <summary>Tokens the secret holder minted (<c>tokens/generate</c>, <c>POST /conversations</c> with the secret): that back end vouches for its users.</summary>
    public bool ExemptSecretIssuedTokens { get; set; } = true;

    /// <summary><c>/api/messages</c> calls whose Bot Framework JWT was validated (<c>BotConnector:MicrosoftAppId</c> set).</summary>
    public bool ExemptAuthenticatedBotConnector { get; set; } = true;

    /// <summary>
    /// <c>/api/messages</c> without an app id (nothing authenticates the caller). Unset: exempt outside Production only,
    /// so a production host that forgot its app id does not become an anonymous lookup API.
    /// </summary>
    public bool? ExemptUnauthenticatedBotConnector { get; set; }

    /// <summary>Turns with no HTTP request behind them: the terminal (<c>supportbot chat</c>), run by whoever runs the host.</summary>
    public bool ExemptTerminal { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxNumberCeiling < MaxNumber)
        {
            yield return new ValidationResult($"MaxNumberCeiling ({MaxNumberCeiling}) must be at least MaxNumber ({MaxNumber}).", [nameof(MaxNumberCeiling)]);
        }

        if (!string.IsNullOrWhiteSpace(Key) && ChallengeKeys.TryDecode(Key) is not { Length: >= ChallengeKeys.MinimumBytes })
        {
            yield return new ValidationResult($"Key must be base64 of at least {ChallengeKeys.MinimumBytes} bytes.", [nameof(Key)]);
        }
    }
}
