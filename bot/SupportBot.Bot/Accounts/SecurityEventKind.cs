using System.Text.Json.Serialization;

namespace SupportBot.Bot.Accounts;

/// <summary>Kinds of security event; the wire names (snake_case) are those of docs/account-directory.md.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SecurityEventKind>))]
public enum SecurityEventKind
{
    [JsonStringEnumMemberName("password_changed")]
    PasswordChanged,

    [JsonStringEnumMemberName("email_changed")]
    EmailChanged,

    [JsonStringEnumMemberName("phone_changed")]
    PhoneChanged,

    [JsonStringEnumMemberName("new_device")]
    NewDevice,

    [JsonStringEnumMemberName("new_country")]
    NewCountry,

    /// <summary>The carrier reports a new SIM for the phone on file: SMS codes may reach an attacker (FBI SIM-swap PSA).</summary>
    [JsonStringEnumMemberName("sim_changed")]
    SimChanged,

    /// <summary>The number was ported to another carrier.</summary>
    [JsonStringEnumMemberName("number_ported")]
    NumberPorted,
}
