using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Agents;

/// <summary>
/// Creates agent accounts and checks sign-ins: passwords hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2), a lock after repeated failures, and the same work for unknown
/// usernames so a sign-in does not tell which accounts exist.
/// </summary>
public sealed class AgentAccounts(IAgentStore store, IOptions<AgentOptions> options, TimeProvider timeProvider)
{
    private static readonly PasswordHasher<AgentAccount> s_hasher = new();

    // A hash to verify against when the username is unknown, so both paths cost one PBKDF2.
    private static readonly Lazy<string> s_decoyHash = new(() => s_hasher.HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public const int MinPasswordLength = 12;

    /// <summary>Creates an account; returns an error message, or <see langword="null"/> when created.</summary>
    public async Task<string?> CreateAsync(
        string username, string displayName, string password, string role, IReadOnlyList<string> languages, IReadOnlyList<string> countries,
        string? consoleLanguage, CancellationToken cancellationToken)
    {
        username = (username ?? string.Empty).Trim();
        if (username.Length is < 3 or > 64 || !username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            return "The username must be 3-64 characters: letters, digits, '.', '-', '_' or '@'.";
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 64)
        {
            return "The display name must be 1-64 characters.";
        }

        if (password is null || password.Length < MinPasswordLength)
        {
            return $"The password must be at least {MinPasswordLength} characters.";
        }

        if (!AgentRoles.IsKnown(role))
        {
            return "The role must be 'agent' or 'supervisor'.";
        }

        var langs = languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToArray();
        var ctrs = countries.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToArray();
        if (langs.Length == 0 || langs.Any(l => l.Length is < 2 or > 3 || !l.All(char.IsAsciiLetterLower)))
        {
            return "Give at least one language as a code such as 'en' or 'fil'.";
        }

        if (ctrs.Length == 0 || ctrs.Any(c => c != "*" && (c.Length != 2 || !c.All(char.IsAsciiLetterUpper))))
        {
            return "Give at least one country as an ISO code such as 'US', or '*' for every country.";
        }

        var account = new AgentAccount(
            "ag_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant(),
            username, displayName.Trim(), string.Empty, role, langs, ctrs, consoleLanguage ?? langs[0], 0, null, timeProvider.GetUtcNow());
        account = account with { PasswordHash = s_hasher.HashPassword(account, password) };
        return await store.CreateAsync(account, cancellationToken) ? null : $"The username '{username}' is taken.";
    }

    /// <summary>Checks a sign-in. Locked accounts fail even with the right password, without saying so.</summary>
    public async Task<SignInResult> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var account = string.IsNullOrWhiteSpace(username) ? null : await store.FindByUsernameAsync(username.Trim(), cancellationToken);
        if (account is null)
        {
            s_hasher.VerifyHashedPassword(null!, s_decoyHash.Value, password ?? string.Empty);
            return SignInResult.Failed;
        }

        var verdict = s_hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? string.Empty);
        if (account.LockedUntil is { } until && until > now)
        {
            return SignInResult.LockedOut(until);
        }

        if (verdict == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            await store.RecordFailedSignInAsync(account.AgentId, settings.LockoutAfterFailures, now + settings.LockoutDuration, cancellationToken);
            return account.FailedSignIns + 1 >= settings.LockoutAfterFailures ? SignInResult.LockedOut(now + settings.LockoutDuration) : SignInResult.Failed;
        }

        await store.RecordSignInAsync(account.AgentId, cancellationToken);
        return SignInResult.Succeeded(account);
    }

    /// <summary>Parses a comma-separated list given on the command line or in configuration.</summary>
    public static IReadOnlyList<string> ParseList(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => item.ToString(CultureInfo.InvariantCulture)).ToArray();
}

/// <summary>The outcome of a sign-in.</summary>
public sealed record SignInResult(AgentAccount? Account, DateTimeOffset? LockedUntil)
{
    public static SignInResult Failed { get; } = new(null, null);

    public static SignInResult Succeeded(AgentAccount account) => new(account, null);

    public static SignInResult LockedOut(DateTimeOffset until) => new(null, until);
}
