namespace SupportBot.Dialogs.Verification;

/// <summary>
/// Which contacts may receive a recovery code (docs/security.md B5, B6): only contacts on file, and only those
/// that were there before a suspected takeover. A contact added within the change window is not used; one
/// removed within it still is, because hijackers change recovery options first.
/// </summary>
public static class RecoveryContactPolicy
{
    /// <summary>How long after a change the old contact still works and the new one does not.</summary>
    public static readonly TimeSpan DefaultChangeWindow = TimeSpan.FromDays(7);

    /// <summary>Contacts of <paramref name="kind"/> that may receive a code now, oldest first.</summary>
    public static IReadOnlyList<ContactOnFile> Eligible(IEnumerable<ContactOnFile> history, ContactKind kind, DateTimeOffset now, TimeSpan changeWindow)
    {
        ArgumentNullException.ThrowIfNull(history);
        var cutoff = now - changeWindow;
        return history
            .Where(contact => contact.Kind == kind)
            .Where(contact => contact.AddedAt <= cutoff)
            .Where(contact => contact.RemovedAt is null || contact.RemovedAt > cutoff)
            .OrderBy(contact => contact.AddedAt)
            .ToArray();
    }

    /// <summary>Whether any contact changed within the window: a risk signal shown to agents.</summary>
    public static bool ChangedRecently(IEnumerable<ContactOnFile> history, DateTimeOffset now, TimeSpan changeWindow)
    {
        ArgumentNullException.ThrowIfNull(history);
        var cutoff = now - changeWindow;
        return history.Any(contact => contact.AddedAt > cutoff || contact.RemovedAt > cutoff);
    }
}
