using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.Agents;
using SupportBot.Bot.Conversation;
using SupportBot.Bot.Countries;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Storage.Sqlite;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Security.Hold;

/// <summary>
/// Security holds (security.md B11): placed when a case opens on an account with a suspected takeover, shown in the
/// console, and checked on the server when an agent resolves as "restored" (refused until the hold ends, the user
/// told when). After a restore the platform is asked to revoke the account's sessions (<c>sessions_revoked</c>).
/// </summary>
public sealed class SecurityHolds
{
    public const string RestoredOutcome = "restored";

    private readonly SqliteDatabase database;
    private readonly IAccountDirectory directory;
    private readonly IAuditLog audit;
    private readonly ReplyRenderer renderer;
    private readonly CountryDateFormatter dates;
    private readonly IOptions<SecurityHoldOptions> options;
    private readonly TimeProvider timeProvider;
    private readonly UserChannel? channel;

    internal SecurityHolds(
        SqliteDatabase database, IAccountDirectory directory, IAuditLog audit, ReplyRenderer renderer, CountryDateFormatter dates,
        IOptions<SecurityHoldOptions> options, TimeProvider timeProvider, UserChannel? channel)
    {
        this.database = database;
        this.directory = directory;
        this.audit = audit;
        this.renderer = renderer;
        this.dates = dates;
        this.options = options;
        this.timeProvider = timeProvider;
        this.channel = channel;
    }

    private const string InsertSql =
        "INSERT OR IGNORE INTO security_holds (case_id, until, reason, created_at) VALUES ($case_id, $until, $reason, $created_at);";

    private const string SelectSql = "SELECT until FROM security_holds WHERE case_id = $case_id;";

    /// <summary>When a case opens: holds it if the account's contacts or password changed recently.</summary>
    public async Task PlaceIfSuspectedAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = timeProvider.GetUtcNow();
        AccountRecord? account;
        try
        {
            account = await directory.FindByIdAsync(record.AccountRef, cancellationToken);
        }
        catch (AccountDirectoryUnavailableException)
        {
            // Unknown is not safe: hold for the full period rather than let "restored" through unchecked.
            account = null;
            await PlaceAsync(record, now + options.Value.Duration, "directory_unavailable", now, cancellationToken);
            return;
        }

        if (account is not null && SecurityHoldPolicy.HoldUntil(account, now, options.Value) is { } until)
        {
            await PlaceAsync(record, until, "recent_account_changes", now, cancellationToken);
        }
    }

    /// <summary>The end of the case's hold if it is still on, measured on the server's clock.</summary>
    public async Task<DateTimeOffset?> ActiveUntilAsync(string caseId, CancellationToken cancellationToken)
    {
        var until = await database.ReadAsync(
            "reading a security hold",
            caseId,
            static async (session, id, token) =>
            {
                var value = await session.Command(SelectSql).Bind("$case_id", id).ExecuteScalarAsync(token);
                return value is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
            },
            cancellationToken);
        return until > timeProvider.GetUtcNow() ? until : null;
    }

    /// <summary>
    /// Before "restored" is recorded: <see langword="null"/> if it may go ahead, otherwise the hold's end, after the
    /// user was told (in their language and country's time) and the refusal audited.
    /// </summary>
    public async Task<DateTimeOffset?> RefuseRestoreAsync(CaseRecord record, string agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (await ActiveUntilAsync(record.CaseId, cancellationToken) is not { } until)
        {
            return null;
        }

        var reply = dates.Localize(
            Reply.Of("privacy.hold.user", new Dictionary<string, object?> { ["until"] = until, ["caseId"] = record.CaseId }), record.Country, record.Language);
        await (channel?.SendAsync(record.ConversationId, [renderer.Render(reply, record.Language, withActions: false)], cancellationToken) ?? Task.FromResult(false));
        await audit.AppendAsync(
            new AuditEvent("restore_refused_on_hold", timeProvider.GetUtcNow(), "agent:" + agentId, record.ConversationId, record.CaseId, record.AccountRef,
                JsonSerializer.Serialize(new { until })),
            cancellationToken);
        return until;
    }

    /// <summary>After "restored": the platform ends every session of the account (B11, F1 <c>sessions_revoked</c>).</summary>
    public async Task RestoredAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = timeProvider.GetUtcNow();
        bool revoked;
        try
        {
            revoked = await directory.RevokeSessionsAsync(record.AccountRef, now, cancellationToken);
        }
        catch (AccountDirectoryUnavailableException)
        {
            revoked = false;
        }

        await audit.AppendAsync(
            new AuditEvent("sessions_revoked", now, "bot", record.ConversationId, record.CaseId, record.AccountRef, JsonSerializer.Serialize(new { revoked })),
            cancellationToken);
    }

    private async Task PlaceAsync(CaseRecord record, DateTimeOffset until, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteAsync(
            "placing a security hold",
            (record.CaseId, until, reason, now),
            static async (session, state, token) => await session.Command(InsertSql)
                .Bind("$case_id", state.CaseId).Bind("$until", state.until).Bind("$reason", state.reason).Bind("$created_at", state.now)
                .ExecuteNonQueryAsync(token),
            cancellationToken);
        await audit.AppendAsync(
            new AuditEvent("security_hold_placed", now, "bot", record.ConversationId, record.CaseId, record.AccountRef, JsonSerializer.Serialize(new { until, reason })),
            cancellationToken);
    }
}
