using Microsoft.Data.Sqlite;

namespace SupportBot.Bot.Tests.Security.Delivery;

/// <summary>The outbox table as an operator would query it.</summary>
internal static class OutboxRows
{
    public static async Task<IReadOnlyList<(string Channel, string Status, int Attempts, string? Error)>> ReadAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "supportbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, status, attempts, last_error FROM outbox ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, int, string?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(50);
        }
    }
}
