namespace SupportBot.Dialogs.Countries;

/// <summary>One country's support facts, read from <c>locales/countries/&lt;ISO&gt;.json</c> (schema: <c>_schema/country.schema.json</c>).</summary>
public sealed record CountryProfile
{
    /// <summary>ISO 3166-1 alpha-2 code, upper case.</summary>
    public required string Iso { get; init; }

    /// <summary>English name, for operators.</summary>
    public required string Name { get; init; }

    public required CountryStatus Status { get; init; }

    public required CountryLanguages Languages { get; init; }

    public required CountryFormatting Formatting { get; init; }

    public required string Currency { get; init; }

    public required SupportSchedule Support { get; init; }

    public required CountryChannels Channels { get; init; }

    /// <summary>Verification methods allowed here (<c>email</c>, <c>sms</c>, <c>recovery-code</c>, …).</summary>
    public required IReadOnlyList<string> Verification { get; init; }

    public required PhoneNumberPlan Phone { get; init; }

    public required Regulator Regulator { get; init; }

    public required LegalTextKeys Legal { get; init; }

    /// <summary>Whether a verified user may queue for a live agent: never for drafts, and only where chat has agents.</summary>
    public bool OffersLiveChat => Status != CountryStatus.Draft && Channels.LiveChat;
}

/// <summary>Rollout stage of a country.</summary>
public enum CountryStatus
{
    /// <summary>Data only: the bot helps with self-help, never queues for an agent; missing translations are warnings.</summary>
    Draft,

    /// <summary>Limited rollout; its languages must be complete.</summary>
    Pilot,

    Live,
}

/// <summary>Languages offered in a country, the default, and optional fallback chains (before <c>en</c>).</summary>
public sealed record CountryLanguages(IReadOnlyList<string> Offered, string Default, IReadOnlyDictionary<string, IReadOnlyList<string>> Fallback);

/// <summary>How dates and numbers are shown: a .NET culture, a pinned calendar and a digit system.</summary>
public sealed record CountryFormatting(string Culture, string Calendar, string Digits);

/// <summary>Channels of a country: whether agents take chats, and the messaging channels used for codes and notices.</summary>
public sealed record CountryChannels(bool WebChat, bool LiveChat, IReadOnlyList<string> Messaging, int? MaxMessageLength, int? SmsSegments);

/// <summary>The consumer-protection body users may complain to.</summary>
public sealed record Regulator(string Name, string Website, string? Phone, string? Email, string ComplaintRoute);

/// <summary>Message keys of the legal texts shown in this country; each must exist in every offered language.</summary>
public sealed record LegalTextKeys(string Privacy, string Terms, string ComplaintRights)
{
    public IEnumerable<string> All => [Privacy, Terms, ComplaintRights];
}
