using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>Where the SQLite database lives and how patiently it waits for a lock.</summary>
/// <remarks>Bound from the <c>Storage:Sqlite</c> configuration section and validated at start-up.</remarks>
internal sealed class SqliteStorageOptions : IValidatableObject
{
    /// <summary>A full <c>Microsoft.Data.Sqlite</c> connection string; when set, it wins over <see cref="Path"/>.</summary>
    /// <value>The default is <see langword="null"/>: the database is the file at <see cref="Path"/>.</value>
    /// <remarks>
    /// A relative <c>Data Source</c> is resolved against the content root. Pooling is always switched off because
    /// the provider keeps its own connections. In-memory databases are not supported: WAL needs a file.
    /// </remarks>
    public string? ConnectionString { get; set; }

    /// <summary>The database file; a relative path is resolved against the content root.</summary>
    /// <value>The default is <c>data/supportbot.db</c>. The directory is created if it is missing.</value>
    [Required]
    public string Path { get; set; } = SqliteStorageConstants.DefaultPath;

    /// <summary>How long a statement waits for another process's lock before the call fails as unavailable.</summary>
    /// <value>The default is 5,000 ms.</value>
    [Range(0, SqliteStorageConstants.MaxBusyTimeoutMilliseconds)]
    public int BusyTimeoutMilliseconds { get; set; } = SqliteStorageConstants.DefaultBusyTimeoutMilliseconds;

    /// <summary>How many idle read connections are kept open for reuse.</summary>
    /// <value>The default is 8.</value>
    /// <remarks>Reads run in parallel with the single writer (WAL); more concurrent reads than this still work, their extra connections are closed afterwards.</remarks>
    [Range(1, SqliteStorageConstants.MaxReaderPoolSize)]
    public int ReaderPoolSize { get; set; } = SqliteStorageConstants.DefaultReaderPoolSize;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield break;
        }

        SqliteConnectionStringBuilder? builder = null;
        string? error = null;
        try
        {
            builder = new SqliteConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException)
        {
            // The builder's message quotes the offending keyword, which may sit next to a secret; say less.
            error = "The connection string is not a valid SQLite connection string.";
        }

        if (error is not null)
        {
            yield return new ValidationResult(error, [nameof(ConnectionString)]);
        }
        else if (builder is null
            || builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrWhiteSpace(builder.DataSource)
            || builder.DataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("The connection string must name a database file (WAL needs a file).", [nameof(ConnectionString)]);
        }
    }
}
