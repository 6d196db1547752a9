using SupportBot.Bot.Accounts;

namespace SupportBot.Bot.Security.Hold;

/// <summary>Decides from the account service's record alone (never from the chat) whether, and until when, a case is held.</summary>
public static class SecurityHoldPolicy
{
    private static readonly SecurityEventKind[] s_takeoverChanges =
        [SecurityEventKind.PasswordChanged, SecurityEventKind.EmailChanged, SecurityEventKind.PhoneChanged];

    /// <summary>The end of the hold, or <see langword="null"/> when nothing changed recently.</summary>
    public static DateTimeOffset? HoldUntil(AccountRecord account, DateTimeOffset now, SecurityHoldOptions options)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        var since = now - options.SuspectChangesWithin;
        var changes = account.Contacts
            .SelectMany(contact => new[] { contact.AddedAt, contact.RemovedAt ?? DateTimeOffset.MinValue })
            .Concat(account.SecurityEvents.Where(e => s_takeoverChanges.Contains(e.Kind)).Select(e => e.At))
            .Where(at => at > since && at <= now)
            .ToList();
        return changes.Count == 0 || options.Duration <= TimeSpan.Zero ? null : changes.Max() + options.Duration;
    }
}
