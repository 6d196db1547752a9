using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Storage;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Verification;

/// <summary>
/// Performs the verification effects of the engine and records every step. It is the only source of
/// <see cref="ServiceResult.CodeAccepted"/>: a proof exists only when a code it issued to a pre-compromise contact
/// on file came back within its lifetime and tries. Every path does the same work and gives the same answer
/// whether the identifier matched an active, locked, disabled or no account (docs/security.md §D).
/// </summary>
public sealed class VerificationService(
    IAccountDirectory directory,
    IVerificationStore store,
    IAuditLog audit,
    OutboxWriter outbox,
    ITextRenderer text,
    KeyedHasher hasher,
    IOptions<VerificationOptions> options,
    TimeProvider timeProvider)
{
    private readonly VerificationOptions _options = options.Value;

    /// <summary>Starts a session for what the user typed; nothing in the result is shown to the user.</summary>
    public async Task<VerificationSession> StartAsync(string conversationId, string identifier, CancellationToken cancellationToken)
    {
        var normalized = IdentifierNormalizer.Normalize(identifier);
        var account = await directory.FindAsync(normalized, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var session = account is null
            ? new VerificationSession("anon:" + hasher.Pseudonym("account", normalized), Recoverable: false, ProofsRequired: 1, [], [])
            : new VerificationSession(
                account.AccountId,
                Recoverable: account.Status != AccountStatus.Disabled,
                ProofsRequired: account.MfaEnabled ? 2 : 1,
                [],
                RiskSignals(account, now));
        await AuditAsync("recovery_identified", conversationId, session.AccountKey, new { }, cancellationToken);
        return session;
    }

    /// <summary>Sends a code by <paramref name="method"/> to the oldest eligible contact, within the send caps.</summary>
    public async Task<ServiceResult> SendCodeAsync(VerificationSession session, string conversationId, string method, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = timeProvider.GetUtcNow();

        // The contact comes first because the destination's cap needs its key: one read then answers the pause and
        // every cap. The directory lookup is made whether or not the account turns out to be paused.
        var kind = method == "sms" ? ContactKind.Phone : ContactKind.Email;
        var contact = session.Recoverable ? await FindContactAsync(session.AccountKey, kind, now, cancellationToken) : null;
        var destinationKey = contact?.ContactId ?? "none:" + method;
        var window = await store.GetSendWindowAsync(session.AccountKey, destinationKey, now, cancellationToken);
        if (PausedUntil(window.Failures, now) is { } pausedUntil)
        {
            return new ServiceResult.VerificationLocked(pausedUntil);
        }

        var lastHour = window.AccountSendsLastHour;
        var lastDay = window.AccountSendsLastDay;
        var toDestination = window.DestinationSendsLastHour;
        if (lastHour >= _options.MaxSendsPerHour || lastDay >= _options.MaxSendsPerDay || toDestination >= _options.MaxSendsPerHour)
        {
            var retryAfter = lastDay >= _options.MaxSendsPerDay ? now.AddDays(1) : now.AddHours(1);
            await AuditAsync("throttled", conversationId, session.AccountKey, new { method }, cancellationToken);
            return new ServiceResult.CodeSendThrottled(retryAfter);
        }

        var lifetime = kind == ContactKind.Phone ? _options.SmsCodeLifetime : _options.EmailCodeLifetime;
        var code = RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, _options.CodeDigits)).ToString("D" + _options.CodeDigits, CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        await store.IssueCodeAsync(
            new IssuedCode(Guid.CreateVersion7(now).ToString("N"), session.AccountKey, conversationId, method, destinationKey, salt, hasher.HashCode(salt, code), now, now + lifetime, 0),
            cancellationToken);

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
        if (PausedUntil(checkState.Failures, now) is { } pausedUntil)
        {
            return (new ServiceResult.VerificationLocked(pausedUntil), session);
        }

        var live = checkState.LiveCode;
        var digits = new string(typed.Where(char.IsAsciiDigit).ToArray());

        // Hash even when there is nothing to compare with, so a missing code takes as long as a wrong one.
        var salt = live?.Salt ?? new byte[16];
        var matches = hasher.Matches(salt, live?.Hash ?? new byte[32], digits)
            && live is not null && live.ExpiresAt > now && session.Recoverable;

        if (matches && live is not null && await store.AcceptCodeAsync(live.CodeId, session.AccountKey, now, cancellationToken))
        {
            var contact = await FindContactByIdAsync(session.AccountKey, live.DestinationKey, cancellationToken);
            var proofs = session.Proofs.Where(proof => proof.Method != live.Channel)
                .Append(new VerificationProof(live.Channel, live.DestinationKey, contact?.AddedAt ?? now, now))
                .ToArray();
            var updated = session with { Proofs = proofs };
            await AuditAsync("proof_passed", conversationId, session.AccountKey, new { method = live.Channel, proofs = proofs.Length, required = session.ProofsRequired }, cancellationToken);
            return (new ServiceResult.CodeAccepted(live.Channel, proofs.Length, session.ProofsRequired), updated);
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

        var failures = await store.AddAccountFailureAsync(session.AccountKey, now, cancellationToken);
        await AuditAsync("code_failed", conversationId, session.AccountKey, new { failures }, cancellationToken);
        if (failures >= _options.PauseAfterFailures)
        {
            await AuditAsync("verification_paused", conversationId, session.AccountKey, new { failures }, cancellationToken);
            return (new ServiceResult.VerificationLocked(now + _options.PauseDuration), session);
        }

        return (new ServiceResult.CodeRejected(triesLeft), session);
    }

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

    private DateTimeOffset? PausedUntil(AccountFailures failures, DateTimeOffset now)
    {
        if (failures.Count < _options.PauseAfterFailures || failures.LastFailureAt is not { } last)
        {
            return null;
        }

        var until = last + _options.PauseDuration;
        return until > now ? until : null;
    }

    private async Task<ContactOnFile?> FindContactAsync(string accountId, ContactKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await directory.FindByIdAsync(accountId, cancellationToken);
        return account is null ? null : RecoveryContactPolicy.Eligible(account.Contacts, kind, now, _options.ContactChangeWindow).FirstOrDefault();
    }

    private async Task<ContactOnFile?> FindContactByIdAsync(string accountId, string contactId, CancellationToken cancellationToken)
    {
        var account = await directory.FindByIdAsync(accountId, cancellationToken);
        return account?.Contacts.FirstOrDefault(contact => contact.ContactId == contactId);
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

        return signals;
    }

    private Task AuditAsync(string type, string conversationId, string accountKey, object data, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent(type, timeProvider.GetUtcNow(), "bot", conversationId, null, accountKey, JsonSerializer.Serialize(data)), cancellationToken);
}
