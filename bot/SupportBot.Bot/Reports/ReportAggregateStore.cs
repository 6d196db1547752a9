using System.Text.Json;
using SupportBot.Bot.Storage.Sqlite;

namespace SupportBot.Bot.Reports;

/// <summary>One stored figure.</summary>
public sealed record AggregateRow(DateTimeOffset PeriodStart, string Country, string Language, string Metric, long Value, IReadOnlyList<long>? Samples);

/// <summary>
/// The figures kept 5 years (tables <c>report_aggregates</c> and <c>report_periods</c>, migration 6). A period is
/// replaced whole in one transaction, so a reader never sees half of one and running twice changes nothing.
/// </summary>
internal sealed class ReportAggregateStore(SqliteDatabase database)
{
    private const string SealedSql = "SELECT period_start FROM report_periods WHERE period = $period AND sealed = 1;";

    private const string DeleteSql = "DELETE FROM report_aggregates WHERE period = $period AND period_start = $start;";

    private const string InsertSql =
        """
        INSERT INTO report_aggregates (period, period_start, country, language, metric, value, samples)
        VALUES ($period, $start, $country, $language, $metric, $value, $samples);
        """;

    private const string MarkSql =
        """
        INSERT INTO report_periods (period, period_start, materialised_at, sealed) VALUES ($period, $start, $at, $sealed)
        ON CONFLICT (period, period_start) DO UPDATE SET materialised_at = excluded.materialised_at, sealed = excluded.sealed
        WHERE report_periods.sealed = 0;
        """;

    private const string SelectSql =
        """
        SELECT period_start, country, language, metric, value, samples FROM report_aggregates
        WHERE period = $period AND period_start >= $from AND period_start < $to
        ORDER BY period_start, country, language, metric;
        """;

    public Task<HashSet<DateTimeOffset>> SealedAsync(ReportGranularity granularity, CancellationToken cancellationToken) =>
        database.ReadAsync(
            "reading sealed report periods",
            granularity.Name(),
            static async (session, period, token) =>
            {
                var sealedStarts = new HashSet<DateTimeOffset>();
                await using var reader = await session.Command(SealedSql).Bind("$period", period).ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token))
                {
                    sealedStarts.Add(reader.GetInstant(0));
                }

                return sealedStarts;
            },
            cancellationToken);

    /// <summary>Replaces a period's figures; a period already sealed is left as it is.</summary>
    public Task<bool> ReplaceAsync(
        ReportGranularity granularity, DateTimeOffset start, IReadOnlyDictionary<FigureKey, ReportFigure> figures, DateTimeOffset at, bool seal,
        CancellationToken cancellationToken) =>
        database.WriteAsync(
            "materialising a report period",
            (Period: granularity.Name(), start, figures, at, seal),
            static async (session, s, token) =>
            {
                var marked = await session.Command(MarkSql)
                    .Bind("$period", s.Period).Bind("$start", s.start).Bind("$at", s.at).Bind("$sealed", s.seal ? 1 : 0)
                    .ExecuteNonQueryAsync(token);
                if (marked == 0)
                {
                    return false; // Sealed meanwhile (another process prepared a prune): its figures stand.
                }

                await session.Command(DeleteSql).Bind("$period", s.Period).Bind("$start", s.start).ExecuteNonQueryAsync(token);
                foreach (var (key, figure) in s.figures)
                {
                    await session.Command(InsertSql)
                        .Bind("$period", s.Period).Bind("$start", s.start)
                        .Bind("$country", key.Country).Bind("$language", key.Language).Bind("$metric", key.Metric)
                        .Bind("$value", figure.Value)
                        .Bind("$samples", figure.Samples is null ? null : JsonSerializer.Serialize(figure.Samples))
                        .ExecuteNonQueryAsync(token);
                }

                return true;
            },
            cancellationToken);

    public Task<IReadOnlyList<AggregateRow>> ReadAsync(ReportGranularity granularity, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        database.ReadAsync(
            "reading report figures",
            (Period: granularity.Name(), from, to),
            static async (session, s, token) =>
            {
                var rows = new List<AggregateRow>();
                await using var reader = await session.Command(SelectSql)
                    .Bind("$period", s.Period).Bind("$from", s.from).Bind("$to", s.to)
                    .ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token))
                {
                    rows.Add(new AggregateRow(
                        reader.GetInstant(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                        reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<long[]>(reader.GetString(5))));
                }

                return (IReadOnlyList<AggregateRow>)rows;
            },
            cancellationToken);
}
