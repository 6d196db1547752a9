namespace SupportBot.Bot.Verification.OwnerNotices;

/// <summary>Why the account's owner should hear about verification attempts (wire names of the <c>owner-notice</c> outbox message).</summary>
public static class OwnerNoticeReason
{
    /// <summary>Consecutive failed checks put the account into backoff.</summary>
    public const string VerificationThrottled = "verification_throttled";

    /// <summary>Chat verification switched to the slow path after too many failures.</summary>
    public const string SlowPath = "slow_path";

    /// <summary>Codes were asked for more often than the send caps allow (SMS pumping, inbox flooding).</summary>
    public const string SendCapReached = "send_cap_reached";

    /// <summary>A saved recovery code was spent (docs/security.md B2: the owner should get new ones).</summary>
    public const string RecoveryCodeUsed = "recovery_code_used";

    /// <summary>A saved recovery code was spent and the platform issued its replacement, shown only after sign-in (B2).</summary>
    public const string RecoveryCodeReplaced = "recovery_code_replaced";
}
