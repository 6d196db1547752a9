namespace SupportBot.Bot.Verification.OwnerNotices;

/// <summary>Which owner notices were requested when, so an attacker cannot turn the throttles into a mail bomb.</summary>
public interface IOwnerNoticeStore
{
    /// <summary>
    /// Records a notice of <paramref name="reason"/> for <paramref name="accountKey"/> at <paramref name="at"/> unless
    /// one was recorded at or after <paramref name="notBefore"/>; atomic. Returns whether it recorded one.
    /// </summary>
    Task<bool> TryRecordAsync(string accountKey, string reason, DateTimeOffset at, DateTimeOffset notBefore, CancellationToken cancellationToken);
}
