namespace SupportBot.Bot.Storage;

/// <summary>Why a storage call failed.</summary>
public enum StorageFailureReason
{
    /// <summary>The database cannot be reached, opened or written (down, disk full, locked too long).</summary>
    Unavailable,

    /// <summary>The stored data does not have the expected shape (a migration is missing, a row is corrupt).</summary>
    Corrupt,

    /// <summary>The provider refused the operation for a reason other than the two above.</summary>
    Rejected,
}
