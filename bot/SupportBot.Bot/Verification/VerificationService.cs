using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Verification.OwnerNotices;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Verification;

/// <summary>
/// Performs the verification effects of the engine and records every step. It is the only source of
/// <see cref="ServiceResult.CodeAccepted"/>: a proof exists only when a code it issued to a pre-compromise contact
/// on file came back within its lifetime and tries, or a saved recovery code was spent. Every path does the same
/// work and gives the same answer whether the identifier matched an active, locked, disabled or no account, and
/// whether or not the account service answered (docs/security.md §D).
/// </summary>
public sealed partial class VerificationService(
    IAccountDirectory directory,
    IVerificationStore store,
    IAuditLog audit,
    OutboxWriter outbox,
    ITextRenderer text,
    KeyedHasher hasher,
    ContactMaskChooser masks,
    OwnerNoticeRequester notices,
    IOptions<VerificationOptions> options,
    TimeProvider timeProvider,
    ILogger<VerificationService> logger)
{
    /// <summary>The prefix of the account key of an identifier that matched nothing (a keyed hash follows).</summary>
    public const string UnknownAccountPrefix = "anon:";

    /// <summary>The method name of a saved recovery code.</summary>
    public const string RecoveryCodeMethod = "recovery-code";

    private readonly VerificationOptions _options = options.Value;
    private readonly VerificationThrottle _throttle = new(options.Value);

    /// <summary>Starts a session for what the user typed; nothing in the result is shown to the user but masks.</summary>
    public async Task<VerificationSession> StartAsync(string conversationId, string identifier, CancellationToken cancellationToken)
    {
        var normalized = IdentifierNormalizer.Normalize(identifier);
        var unknownKey = UnknownAccountPrefix + hasher.Pseudonym("account", normalized);
        var account = await AskDirectoryAsync(conversationId, unknownKey, () => directory.FindAsync(normalized, cancellationToken), cancellationToken);
        var now = timeProvider.GetUtcNow();

        // A disabled account shows fake masks too: nothing on screen tells it from an unknown identifier.
        var shown = account is { Status: not AccountStatus.Disabled } ? account : null;
        var session = new VerificationSession(
            account?.AccountId ?? unknownKey,
            Recoverable: account is { Status: not AccountStatus.Disabled },
            ProofsRequired: account?.MfaEnabled == true ? 2 : 1,
            [],
            account is null ? [] : RiskSignals(account, now))
        {
            SmsBlocked = account is not null && SimChangedRecently(account, now),
            Masks = masks.Choose(normalized, Eligible(shown, ContactKind.Email, now), Eligible(shown, ContactKind.Phone, now)),
            MethodsOnFile = [.. new[] { ("email", ContactKind.Email), ("sms", ContactKind.Phone) }
                .Where(method => Eligible(shown, method.Item2, now) is not null).Select(method => method.Item1)],
            RecoveryContacts = shown?.Contacts.Count(contact => contact.RemovedAt is null) ?? 0,
        };
        await AuditAsync("recovery_identified", conversationId, session.AccountKey, new { }, cancellationToken);
        return session;
    }

    /// <summary>Sends a code by <paramref name="method"/> to the oldest eligible contact, within the send caps.</summary>
    public async Task<ServiceResult> SendCodeAsync(VerificationSession session, string conversationId, string method, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = timeProvider.GetUtcNow();

        // The contact comes first because the destination's cap needs its key: one read then answers the pause and
        // every cap. The directory is asked for every account key, known or not, so every class does the same work.
        var kind = method == "sms" ? ContactKind.Phone : ContactKind.Email;
        var account = await AskDirectoryAsync(conversationId, session.AccountKey, () => directory.FindByIdAsync(session.AccountKey, cancellationToken), cancellationToken);
        var contact = session.Recoverable ? Eligible(account, kind, now) : null;
        if (kind == ContactKind.Phone && session.SmsBlocked && contact is not null)
        {
            // A new SIM or a port: an SMS code may reach whoever holds the number now (docs/security.md B9, H8).
            await AuditAsync("sms_blocked_sim_change", conversationId, session.AccountKey, new { }, cancellationToken);
            contact = null;
        }

        // The destination is a keyed hash of the address, so its cap holds across accounts sharing it; an identifier
        // with no contact gets a destination of its own, so unknown identifiers never throttle each other.
        var destinationKey = contact is null
            ? "none:" + method + ":" + session.AccountKey
            : "dest:" + hasher.Pseudonym("destination", IdentifierNormalizer.Normalize(contact.Address));
        var window = await store.GetSendWindowAsync(session.AccountKey, destinationKey, now, cancellationToken);
        if (_throttle.HoldAt(window.Failures, now) is { } hold)
        {
            return new ServiceResult.VerificationLocked(hold.Until, hold.SlowPath);
        }

        var perHour = _options.MaxSendsPerHour;
        var perDay = _options.MaxSendsPerDay;
        var lifetime = kind == ContactKind.Phone ? _options.SmsCodeLifetime : _options.EmailCodeLifetime;
        var code = RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, _options.CodeDigits)).ToString("D" + _options.CodeDigits, CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        var issued = new IssuedCode(Guid.CreateVersion7(now).ToString("N"), session.AccountKey, conversationId, method, destinationKey, salt, hasher.HashCode(salt, code), now, now + lifetime, 0);

        // The read above answers most calls; the caps are counted again inside the write, so that parallel
        // conversations on one account cannot all pass a check none of them has written yet.
        var underCaps = window.AccountSendsLastHour < perHour && window.AccountSendsLastDay < perDay
            && window.DestinationSendsLastHour < perHour && window.DestinationSendsLastDay < perDay;
        if (!underCaps || !await store.TryIssueCodeAsync(issued, perHour, perDay, cancellationToken))
        {
            var retryAfter = window.AccountSendsLastDay >= perDay || window.DestinationSendsLastDay >= perDay ? now.AddDays(1) : now.AddHours(1);
            await AuditAsync("throttled", conversationId, session.AccountKey, new { method }, cancellationToken);
            await notices.RequestAsync(session.AccountKey, OwnerNoticeReason.SendCapReached, conversationId, cancellationToken);
            return new ServiceResult.CodeSendThrottled(retryAfter);
        }

        // An identifier that matched nothing gets the same writes, with a message that never leaves.
        var body = text.Render(language, "delivery.code", new Dictionary<string, object?> { ["code"] = code, ["minutes"] = (int)lifetime.TotalMinutes });
        var subject = text.Render(language, "delivery.code.subject");
        await outbox.EnqueueAsync(new OutboundMessage(contact is null ? "discard" : method, contact?.Address ?? string.Empty, subject, body), cancellationToken);
        await AuditAsync("code_sent", conversationId, session.AccountKey, new { method, destination = contact is null ? "none" : ContactMask.Mask(kind, contact.Address) }, cancellationToken);
        return new ServiceResult.CodeSent(method, _options.CodeDigits, lifetime);
    }

    /// <summary>Checks a typed code against the live code of this account and conversation.</summary>
    public async Task<(ServiceResult Result, VerificationSession Session)> CheckCodeAsync(VerificationSession session, string conversationId, string typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = timeProvider.GetUtcNow();
        var checkState = await store.GetCodeCheckStateAsync(session.AccountKey, conversationId, cancellationToken);
        if (_throttle.HoldAt(checkState.Failures, now) is { } hold)
        {
            return (new ServiceResult.VerificationLocked(hold.Until, hold.SlowPath), session);
        }

        var live = checkState.LiveCode;
        var digits = new string(typed.Where(char.IsAsciiDigit).ToArray());

        // Hash even when there is nothing to compare with, so a missing code takes as long as a wrong one.
        var salt = live?.Salt ?? new byte[16];
        var matches = hasher.Matches(salt, live?.Hash ?? new byte[32], digits)
            && live is not null && live.ExpiresAt > now && session.Recoverable;

        if (matches && live is not null && await store.AcceptCodeAsync(live.CodeId, session.AccountKey, now, cancellationToken))
        {
            var account = await AskDirectoryAsync(conversationId, session.AccountKey, () => directory.FindByIdAsync(session.AccountKey, cancellationToken), cancellationToken);
            var contact = account?.Contacts.FirstOrDefault(candidate =>
                "dest:" + hasher.Pseudonym("destination", IdentifierNormalizer.Normalize(candidate.Address)) == live.DestinationKey);
            return await PassAsync(session, conversationId, live.Channel, contact?.ContactId ?? "unknown", contact?.AddedAt ?? now, now, cancellationToken);
        }

        var triesLeft = 0;
        if (live is not null && live.ExpiresAt > now)
        {
            var codeFailures = await store.AddCodeFailureAsync(live.CodeId, cancellationToken);
            triesLeft = Math.Max(0, _options.MaxTriesPerCode - codeFailures);
            if (triesLeft == 0)
            {
                await store.ConsumeCodeAsync(live.CodeId, now, cancellationToken);
            }
        }

        return (await FailAsync(session, conversationId, triesLeft, now, cancellationToken), session);
    }

    /// <summary>Checks a saved recovery code (docs/security.md B2): single use, spent at the account service, throttled like codes.</summary>
    public async Task<(ServiceResult Result, VerificationSession Session)> CheckRecoveryCodeAsync(VerificationSession session, string conversationId, string typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(typed);
        var now = timeProvider.GetUtcNow();
        var failures = await store.GetAccountFailuresAsync(session.AccountKey, cancellationToken);
        if (_throttle.HoldAt(failures, now) is { } hold)
        {
            return (new ServiceResult.VerificationLocked(hold.Until, hold.SlowPath), session);
        }

        // The directory hashes against the same number of codes for every key; a disabled account's code is not spent.
        var canonical = session.Recoverable ? RecoveryCodeFormat.Normalize(typed) ?? string.Empty : string.Empty;
        var spent = await AskDirectoryAsync(conversationId, session.AccountKey,
            async () => (bool?)await directory.RedeemRecoveryCodeAsync(session.AccountKey, canonical, now, cancellationToken),
            cancellationToken) == true;
        if (spent && session.Recoverable)
        {
            await store.ResetAccountFailuresAsync(session.AccountKey, cancellationToken);
            await AuditAsync("recovery_code_used", conversationId, session.AccountKey, new { }, cancellationToken);
            // B2: a spent code is replaced by the platform, inside the owner's signed-in session (never in chat).
            var replaced = await AskDirectoryAsync(conversationId, session.AccountKey,
                async () => (bool?)await directory.ReissueRecoveryCodeAsync(session.AccountKey, now, cancellationToken), cancellationToken) == true;
            await AuditAsync("recovery_code_reissued", conversationId, session.AccountKey, new { issued = replaced }, cancellationToken);
            await notices.RequestAsync(
                session.AccountKey, replaced ? OwnerNoticeReason.RecoveryCodeReplaced : OwnerNoticeReason.RecoveryCodeUsed, conversationId, cancellationToken);
            return await PassAsync(session, conversationId, RecoveryCodeMethod, "saved-recovery-code", now, now, cancellationToken);
        }

        return (await FailAsync(session, conversationId, triesLeft: 0, now, cancellationToken), session);
    }

    /// <summary>
    /// Records that the engine refused personal facts offered as proof or a contact change asked for in chat
    /// (<paramref name="eventType"/>), against the account of the session if there is one. Nothing the user typed is kept.
    /// </summary>
    public Task RecordRefusalAsync(VerificationSession? session, string conversationId, string eventType, CancellationToken cancellationToken) =>
        AuditAsync(eventType, conversationId, session?.AccountKey ?? "none", new { }, cancellationToken);

    /// <summary>The evidence card of a verified session, from recorded proofs only (never from the transcript).</summary>
    public static string EvidenceJson(VerificationSession session, DateTimeOffset verifiedAt) => JsonSerializer.Serialize(new
    {
        verifiedAt,
        proofsRequired = session.ProofsRequired,
        checks = session.Proofs.Select(proof => new
        {
            method = proof.Method,
            contact = proof.ContactId,
            contactOnFileSince = proof.ContactOnFileSince,
            passedAt = proof.PassedAt,
        }),
        riskSignals = session.RiskSignals,
    });

    private async Task<(ServiceResult, VerificationSession)> PassAsync(
        VerificationSession session, string conversationId, string method, string contactId, DateTimeOffset onFileSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A second proof must come from another method: two codes to one inbox are one proof (docs/security.md B4).
        var proofs = session.Proofs.Where(proof => proof.Method != method)
            .Append(new VerificationProof(method, contactId, onFileSince, now))
            .ToArray();
        var updated = session with { Proofs = proofs };
        await AuditAsync("proof_passed", conversationId, session.AccountKey, new { method, proofs = proofs.Length, required = session.ProofsRequired }, cancellationToken);
        return (new ServiceResult.CodeAccepted(method, proofs.Length, session.ProofsRequired), updated);
    }

    private async Task<ServiceResult> FailAsync(VerificationSession session, string conversationId, int triesLeft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failures = await store.AddAccountFailureAsync(session.AccountKey, now, cancellationToken);
        await AuditAsync("code_failed", conversationId, session.AccountKey, new { failures }, cancellationToken);
        if (_throttle.HoldAt(new AccountFailures(failures, now), now) is not { } hold)
        {
            return new ServiceResult.CodeRejected(triesLeft);
        }

        await AuditAsync(hold.SlowPath ? "verification_slow_path" : "verification_paused", conversationId, session.AccountKey, new { failures, until = hold.Until }, cancellationToken);
        await notices.RequestAsync(session.AccountKey, hold.SlowPath ? OwnerNoticeReason.SlowPath : OwnerNoticeReason.VerificationThrottled, conversationId, cancellationToken);
        return new ServiceResult.VerificationLocked(hold.Until, hold.SlowPath);
    }

    private ContactOnFile? Eligible(AccountRecord? account, ContactKind kind, DateTimeOffset now) =>
        account is null ? null : RecoveryContactPolicy.Eligible(account.Contacts, kind, now, _options.ContactChangeWindow).FirstOrDefault();

    private bool SimChangedRecently(AccountRecord account, DateTimeOffset now) =>
        account.SecurityEvents.Any(e => e.Kind is SecurityEventKind.SimChanged or SecurityEventKind.NumberPorted && e.At > now - _options.SimChangeWindow);

    /// <summary>
    /// A directory call that cannot fail the turn: when the account service is down the answer is "no account",
    /// so the claimant gets the same neutral replies as for an unknown identifier and nothing leaks.
    /// </summary>
    private async Task<T?> AskDirectoryAsync<T>(string conversationId, string accountKey, Func<Task<T?>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (AccountDirectoryUnavailableException exception)
        {
            LogDirectoryUnavailable(logger, exception.Message);
            await AuditAsync("directory_unavailable", conversationId, accountKey, new { }, cancellationToken);
            return default;
        }
    }

    private IReadOnlyList<string> RiskSignals(AccountRecord account, DateTimeOffset now)
    {
        var signals = new List<string>();
        if (RecoveryContactPolicy.ChangedRecently(account.Contacts, now, _options.ContactChangeWindow))
        {
            signals.Add("contact_changed_recently");
        }

        if (account.Status == AccountStatus.Locked)
        {
            signals.Add("account_locked");
        }

        if (account.MfaEnabled)
        {
            signals.Add("mfa_enabled");
        }

        if (SimChangedRecently(account, now))
        {
            signals.Add("sim_changed_recently");
        }

        foreach (var kind in account.SecurityEvents.Where(e => e.At > now - _options.ContactChangeWindow).Select(e => e.Kind).Distinct())
        {
            signals.Add("recent_" + JsonSerializer.Serialize(kind).Trim('"'));
        }

        return signals;
    }

    private Task AuditAsync(string type, string conversationId, string accountKey, object data, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent(type, timeProvider.GetUtcNow(), "bot", conversationId, null, accountKey, JsonSerializer.Serialize(data)), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The account directory is unavailable ({Reason}); answering as for an unknown account.")]
    private static partial void LogDirectoryUnavailable(ILogger logger, string reason);
}
