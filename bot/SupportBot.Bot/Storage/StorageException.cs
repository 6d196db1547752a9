namespace SupportBot.Bot.Storage;

/// <summary>
/// The one exception every storage provider throws, so callers handle "the database is down" the same way
/// whatever sits behind the contract (LiteDB's <c>LiteException</c> with codes).
/// </summary>
public sealed class StorageException(StorageFailureReason reason, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public StorageFailureReason Reason { get; } = reason;
}
