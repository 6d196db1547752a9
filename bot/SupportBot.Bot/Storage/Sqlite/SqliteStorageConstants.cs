namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>Defaults and limits of the SQLite provider, in one place (Polly's <c>XxxConstants</c>).</summary>
internal static class SqliteStorageConstants
{
    /// <summary>The configuration section <see cref="SqliteStorageOptions"/> binds to.</summary>
    public const string ConfigurationSection = "Storage:Sqlite";

    /// <summary>The database file, relative to the content root.</summary>
    public const string DefaultPath = "data/supportbot.db";

    public const int DefaultBusyTimeoutMilliseconds = 5_000;

    public const int MaxBusyTimeoutMilliseconds = 600_000;

    public const int DefaultReaderPoolSize = 8;

    public const int MaxReaderPoolSize = 256;
}
