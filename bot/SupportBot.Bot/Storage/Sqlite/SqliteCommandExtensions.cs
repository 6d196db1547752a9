using Microsoft.Data.Sqlite;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>Binding and reading helpers for reused commands, and the one way instants are stored.</summary>
/// <remarks>
/// Instants are stored as UTC ticks in INTEGER columns: exact to 100 ns, and ordered the same way as the
/// instants themselves, which text with mixed offsets would not be.
/// </remarks>
internal static class SqliteCommandExtensions
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> (NULL for <see langword="null"/>), adding the parameter on first use.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index < 0)
        {
            parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
        }
        else
        {
            parameters[index].Value = value ?? DBNull.Value;
        }

        return command;
    }

    /// <summary>Binds an instant as UTC ticks.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, DateTimeOffset value) =>
        command.Bind(name, (object)value.UtcTicks);

    /// <summary>Binds an optional instant as UTC ticks or NULL.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, DateTimeOffset? value) =>
        command.Bind(name, value is { } instant ? instant.UtcTicks : null);

    /// <summary>Reads an instant stored as UTC ticks.</summary>
    /// <exception cref="InvalidCastException">The stored number is no instant; the row was damaged.</exception>
    public static DateTimeOffset GetInstant(this SqliteDataReader reader, int ordinal)
    {
        var ticks = reader.GetInt64(ordinal);
        return ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : throw new InvalidCastException("A stored instant is out of range.");
    }

    /// <summary>Reads an optional instant stored as UTC ticks.</summary>
    public static DateTimeOffset? GetNullableInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);

    /// <summary>Reads optional text.</summary>
    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Reads a blob; an empty or NULL blob is an empty array.</summary>
    public static byte[] GetBlob(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : (byte[])reader.GetValue(ordinal);
}
