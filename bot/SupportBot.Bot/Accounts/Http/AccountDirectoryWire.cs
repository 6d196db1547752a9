using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Accounts.Http;

/// <summary>The JSON bodies of docs/account-directory.md (account-directory.openapi.json), and their checks.</summary>
internal static class AccountDirectoryWire
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public sealed record AccountDto(
        string? AccountId,
        string? Username,
        string? Status,
        bool? MfaEnabled,
        bool? HasRecoveryCodes,
        IReadOnlyList<ContactDto>? Contacts,
        IReadOnlyList<SecurityEventDto>? SecurityEvents);

    public sealed record ContactDto(
        string? ContactId,
        string? Kind,
        string? Address,
        DateTimeOffset? AddedAt,
        DateTimeOffset? RemovedAt,
        string? Source,
        string? SourceIp,
        string? SourceDevice);

    public sealed record SecurityEventDto(SecurityEventKind? Kind, DateTimeOffset? At, string? Detail);

    public sealed record RedeemRequest(string Code, DateTimeOffset At);

    public sealed record RedeemResponse(bool? Accepted);

    /// <summary>Body of the reissue and session-revocation calls: when the bot asked.</summary>
    public sealed record AtRequest(DateTimeOffset At);

    public sealed record ReissueResponse(bool? Issued);

    public sealed record RevokeResponse(bool? Revoked);

    /// <summary>The record a well-formed body describes.</summary>
    /// <exception cref="AccountDirectoryUnavailableException">A required field is missing or has an unknown value.</exception>
    public static AccountRecord ToRecord(AccountDto dto)
    {
        if (string.IsNullOrEmpty(dto.AccountId) || string.IsNullOrEmpty(dto.Username) || dto.MfaEnabled is null || dto.Contacts is null)
        {
            throw Malformed("an account needs accountId, username, status, mfaEnabled and contacts");
        }

        var status = dto.Status switch
        {
            "active" => AccountStatus.Active,
            "locked" => AccountStatus.Locked,
            "disabled" => AccountStatus.Disabled,
            _ => throw Malformed("status must be active, locked or disabled"),
        };
        var contacts = dto.Contacts.Select(contact => new ContactOnFile(
            contact.ContactId is { Length: > 0 } id ? id : throw Malformed("a contact needs contactId"),
            contact.Kind switch
            {
                "email" => ContactKind.Email,
                "phone" => ContactKind.Phone,
                _ => throw Malformed("a contact's kind must be email or phone"),
            },
            contact.Address is { Length: > 0 } address ? address : throw Malformed("a contact needs address"),
            contact.AddedAt ?? throw Malformed("a contact needs addedAt"),
            contact.RemovedAt,
            contact.Source ?? "unknown")
        {
            SourceIp = contact.SourceIp,
            SourceDevice = contact.SourceDevice,
        }).ToArray();
        var events = (dto.SecurityEvents ?? [])
            .Select(e => new SecurityEvent(e.Kind ?? throw Malformed("a security event needs kind"), e.At ?? throw Malformed("a security event needs at"), e.Detail))
            .OrderByDescending(e => e.At)
            .ToArray();
        return new AccountRecord(dto.AccountId, dto.Username, status, dto.MfaEnabled.Value, contacts)
        {
            HasRecoveryCodes = dto.HasRecoveryCodes ?? false,
            SecurityEvents = events,
        };
    }

    private static AccountDirectoryUnavailableException Malformed(string what) =>
        new("The account service sent a malformed account: " + what + ".");
}
