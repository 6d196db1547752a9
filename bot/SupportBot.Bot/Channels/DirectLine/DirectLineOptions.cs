using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Settings of the Direct Line 3.0 server (configuration section <c>DirectLine</c>), checked when the host starts.
/// </summary>
public sealed class DirectLineOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>The shortest secret accepted; it keys token signing, so it must carry real entropy.</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>
    /// Secrets that a trusted back end presents as <c>Authorization: Bearer &lt;secret&gt;</c>; a secret may do anything.
    /// </summary>
    /// <value>Empty by default, in which case one random secret is generated for the life of the process.</value>
    /// <remarks>
    /// The first secret signs new tokens; tokens signed with any of them stay valid, so a secret can be rotated by
    /// putting the new one first and removing the old one once its tokens have expired.
    /// </remarks>
    public List<string> Secrets { get; set; } = [];

    /// <summary>How long a token stays valid; <c>tokens/refresh</c> issues a new one with the same lifetime.</summary>
    /// <value>The default is 30 minutes. DirectLineJS refreshes every 15 minutes whatever this says.</value>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan TokenLifetime { get; set; } = DirectLineConstants.DefaultTokenLifetime;

    /// <summary>The largest request body accepted, in bytes; a larger one gets 413 and nothing is stored.</summary>
    /// <value>The default is 256 KiB.</value>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = DirectLineConstants.DefaultMaxMessageBytes;

    /// <summary>The most activities one <c>GET …/activities</c> returns or one replayed stream frame carries.</summary>
    /// <value>The default is 100.</value>
    [Range(1, 1000)]
    public int MaxActivitiesPerPage { get; set; } = DirectLineConstants.DefaultMaxActivitiesPerPage;

    /// <summary>How long an idle stream waits before sending an empty keepalive frame.</summary>
    /// <value>The default is 15 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan KeepAliveInterval { get; set; } = DirectLineConstants.DefaultKeepAliveInterval;

    /// <summary>How long one bot turn may take before its cancellation token fires and the sender gets 502.</summary>
    /// <value>The default is 15 seconds, the limit Azure Bot Service gives a bot.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan BotTurnTimeout { get; set; } = DirectLineConstants.DefaultBotTurnTimeout;

    /// <summary>How many tokens one client IP may get from <c>POST /api/directline/token</c> per minute.</summary>
    /// <value>The default is 20.</value>
    [Range(1, 100_000)]
    public int TokenRequestsPerMinute { get; set; } = DirectLineConstants.DefaultTokenRequestsPerMinute;

    /// <summary>The bot's account id, the <c>recipient</c> of user activities and the <c>from</c> of replies.</summary>
    /// <value>The default is <c>supportbot</c>.</value>
    [Required, StringLength(128, MinimumLength = 1)]
    public string BotId { get; set; } = DirectLineConstants.DefaultBotId;

    /// <summary>The bot's display name.</summary>
    /// <value>The default is <c>SupportBot</c>.</value>
    [Required, StringLength(128, MinimumLength = 1)]
    public string BotName { get; set; } = DirectLineConstants.DefaultBotName;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Secrets.Count; i++)
        {
            // Never echo the value: validation messages end up in logs.
            if (Secrets[i] is not { } secret || secret.Length < MinimumSecretLength || string.IsNullOrWhiteSpace(secret))
            {
                yield return new ValidationResult(
                    $"DirectLine:Secrets:{i} must be at least {MinimumSecretLength} characters long.", [nameof(Secrets)]);
            }
        }
    }
}
