namespace SupportBot.Bot.Security.BotChallenge;

/// <summary>What checking a submitted solution found; only <see cref="Passed"/> admits the caller.</summary>
public enum ChallengeVerdict
{
    Passed,

    /// <summary>No solution, or not base64 JSON of the expected shape and algorithm.</summary>
    Malformed,

    /// <summary>The signature is not this server's over that challenge (forged or altered).</summary>
    BadSignature,

    /// <summary>The number does not hash, with the salt, to the challenge (or the salt was altered).</summary>
    WrongNumber,

    Expired,

    /// <summary>This challenge was already redeemed once.</summary>
    Replayed,
}
