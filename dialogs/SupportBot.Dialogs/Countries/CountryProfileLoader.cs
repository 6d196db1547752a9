using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Dialogs.JsonSchemas;
using SupportBot.Dialogs.Localization;

namespace SupportBot.Dialogs.Countries;

/// <summary>
/// Reads <c>locales/countries/*.json</c>: each file is checked against <c>_schema/country.schema.json</c>, then against
/// facts the schema cannot express (file name = ISO code, time zone known, mobile pattern compiles, example number
/// matches, default language offered, culture known to .NET). Every problem becomes a finding naming file and field.
/// </summary>
/// <remarks>Files whose names start with <c>_</c> (the template, the schema folder) are not profiles.</remarks>
internal static class CountryProfileLoader
{
    public const string FolderName = "countries";
    public const string SchemaPath = "_schema/country.schema.json";

    // The id of the placeholder zone a profile gets when its IANA name does not resolve (reported, never used).
    private const string UnresolvedZone = "<unresolved>";

    private static readonly Lazy<HashSet<string>> s_cultures = new(() =>
        CultureInfo.GetCultures(CultureTypes.AllCultures).Select(c => c.Name).Where(n => n.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static readonly Dictionary<string, DayOfWeek> s_days = new(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    /// <summary>Loads every profile of <paramref name="countriesFolder"/>; a profile that breaks the schema is left out of the result.</summary>
    public static (IReadOnlyList<CountryProfile> Profiles, IReadOnlyList<LocaleFinding> Findings) Load(string countriesFolder)
    {
        var findings = new List<LocaleFinding>();
        var profiles = new List<CountryProfile>();
        var schemaFile = Path.Combine(countriesFolder, SchemaPath);
        if (!File.Exists(schemaFile))
        {
            findings.Add(Error(SchemaPath, null, "the country profile schema is missing; restore it from the repository"));
            return (profiles, findings);
        }

        var schema = JsonSchema.FromText(File.ReadAllText(schemaFile));
        foreach (var path in Directory.EnumerateFiles(countriesFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('_'))
            {
                continue;
            }

            if (LoadOne($"{FolderName}/{name}", File.ReadAllBytes(path), schema, findings) is { } profile)
            {
                profiles.Add(profile);
            }
        }

        return (profiles, findings);
    }

    /// <summary>Checks and reads one profile; null (with findings) when it is not JSON or breaks the schema.</summary>
    public static CountryProfile? LoadOne(string file, byte[] bytes, JsonSchema schema, List<LocaleFinding> findings)
    {
        var before = findings.Count(f => f.Severity == LocaleFindingSeverity.Error);
        JsonDocument document;
        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (Exception exception) when (exception is JsonException or DecoderFallbackException)
        {
            findings.Add(Error(file, null, $"not valid UTF-8 JSON ({exception.Message}); fix the syntax"));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            foreach (var error in schema.Evaluate(root).Errors)
            {
                findings.Add(Error(file, Field(error.InstanceLocation), $"{error.Message} (schema keyword '{error.Keyword}')"));
            }

            if (findings.Count(f => f.Severity == LocaleFindingSeverity.Error) > before)
            {
                return null;
            }

            // Schema-valid: the profile is returned even when a fact check fails, so cross-checks still see its
            // languages and status; CountryProfiles.Load refuses any error at start-up.
            var profile = Read(root);
            CheckFacts(file, profile, findings);
            return profile;
        }
    }

    private static void CheckFacts(string file, CountryProfile profile, List<LocaleFinding> findings)
    {
        var expectedIso = Path.GetFileNameWithoutExtension(file);
        if (!string.Equals(profile.Iso, expectedIso, StringComparison.Ordinal))
        {
            findings.Add(Error(file, "iso", $"'{profile.Iso}' does not match the file name; rename the file to {profile.Iso}.json or fix the code"));
        }

        if (!profile.Languages.Offered.Contains(profile.Languages.Default, StringComparer.Ordinal))
        {
            findings.Add(Error(file, "languages.default", $"'{profile.Languages.Default}' is not in languages.offered; offer it or pick an offered language"));
        }

        if (!s_cultures.Value.Contains(profile.Formatting.Culture))
        {
            findings.Add(Error(file, "formatting.culture", $"'{profile.Formatting.Culture}' is not a culture .NET knows; use one listed by CultureInfo.GetCultures"));
        }

        if (profile.Support.TimeZone.Id == UnresolvedZone)
        {
            findings.Add(Error(file, "support.timeZone", "the time zone does not resolve; use an IANA name such as Africa/Lagos"));
        }

        var phone = profile.Phone;
        Regex? mobile = null;
        try
        {
            mobile = new Regex(phone.MobilePattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException exception)
        {
            findings.Add(Error(file, "phone.mobilePattern", $"not a regular expression ({exception.Message})"));
        }

        var prefix = "+" + phone.CallingCode;
        if (!phone.ExampleMobile.StartsWith(prefix, StringComparison.Ordinal))
        {
            findings.Add(Error(file, "phone.exampleMobile", $"'{phone.ExampleMobile}' does not start with the calling code {prefix}"));
        }
        else
        {
            var national = phone.ExampleMobile[prefix.Length..];
            if (!phone.NationalNumberLengths.Contains(national.Length))
            {
                findings.Add(Error(file, "phone.exampleMobile", $"national number '{national}' has {national.Length} digits; phone.nationalNumberLengths allows {string.Join(", ", phone.NationalNumberLengths)}"));
            }

            if (mobile is not null && !mobile.IsMatch(national))
            {
                findings.Add(Error(file, "phone.exampleMobile", $"national number '{national}' does not match phone.mobilePattern {phone.MobilePattern}; fix the example or the pattern"));
            }
        }

        foreach (var hours in profile.Support.Hours.Where(h => !h.ClosesAtMidnight && h.Closes <= h.Opens))
        {
            findings.Add(Error(file, "support.hours", $"closes ({hours.Closes:HH\\:mm}) before it opens ({hours.Opens:HH\\:mm}); split hours that run past midnight"));
        }

        var years = profile.Support.Holidays.Select(h => h.Date.Year).ToHashSet();
        if (!years.Contains(2026) || !years.Contains(2027))
        {
            findings.Add(new LocaleFinding(file, "support.holidays", "no public holidays listed for 2026 and 2027; support would be shown open on them", LocaleFindingSeverity.Warning, LocaleFindingKind.InvalidCountryProfile));
        }
    }

    private static CountryProfile Read(JsonElement root)
    {
        var languages = root.GetProperty("languages");
        var fallback = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (languages.TryGetProperty("fallback", out var chains))
        {
            foreach (var chain in chains.EnumerateObject())
            {
                fallback[chain.Name] = Strings(chain.Value);
            }
        }

        var formatting = root.GetProperty("formatting");
        var support = root.GetProperty("support");
        var zoneId = support.GetProperty("timeZone").GetString()!;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found)
            ? found
            : TimeZoneInfo.CreateCustomTimeZone(UnresolvedZone, TimeSpan.Zero, zoneId, zoneId);
        var hours = support.GetProperty("hours").EnumerateArray().Select(h =>
        {
            var closes = h.GetProperty("closes").GetString()!;
            return new OpeningHours(
                Strings(h.GetProperty("days")).Select(d => s_days[d]).ToHashSet(),
                TimeOnly.ParseExact(h.GetProperty("opens").GetString()!, "HH:mm", CultureInfo.InvariantCulture),
                closes == "24:00" ? TimeOnly.MaxValue : TimeOnly.ParseExact(closes, "HH:mm", CultureInfo.InvariantCulture),
                closes == "24:00");
        }).ToList();
        var holidays = support.GetProperty("holidays").EnumerateArray().Select(h => new PublicHoliday(
            DateOnly.ParseExact(h.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            h.GetProperty("name").GetString()!,
            h.TryGetProperty("tentative", out var tentative) && tentative.GetBoolean())).ToList();

        var channels = root.GetProperty("channels");
        int? limit(string name) => channels.TryGetProperty("limits", out var limits) && limits.TryGetProperty(name, out var value) ? value.GetInt32() : null;
        var phone = root.GetProperty("phone");
        var regulator = root.GetProperty("regulator");
        var legal = root.GetProperty("legal");
        return new CountryProfile
        {
            Iso = root.GetProperty("iso").GetString()!,
            Name = root.GetProperty("name").GetString()!,
            Status = Enum.Parse<CountryStatus>(root.GetProperty("status").GetString()!, ignoreCase: true),
            Languages = new CountryLanguages(Strings(languages.GetProperty("offered")), languages.GetProperty("default").GetString()!, fallback),
            Formatting = new CountryFormatting(
                formatting.GetProperty("culture").GetString()!, formatting.GetProperty("calendar").GetString()!, formatting.GetProperty("digits").GetString()!),
            Currency = root.GetProperty("currency").GetString()!,
            Support = new SupportSchedule(zone, hours, holidays),
            Channels = new CountryChannels(
                channels.GetProperty("webChat").GetBoolean(), channels.GetProperty("liveChat").GetBoolean(), Strings(channels.GetProperty("messaging")),
                limit("maxMessageLength"), limit("smsSegments")),
            Verification = Strings(root.GetProperty("verification")),
            Phone = new PhoneNumberPlan(
                phone.GetProperty("callingCode").GetString()!,
                phone.TryGetProperty("trunkPrefix", out var trunk) ? trunk.GetString() : null,
                [.. phone.GetProperty("nationalNumberLengths").EnumerateArray().Select(l => l.GetInt32())],
                phone.GetProperty("mobilePattern").GetString()!,
                phone.GetProperty("exampleMobile").GetString()!),
            Regulator = new Regulator(
                regulator.GetProperty("name").GetString()!,
                regulator.GetProperty("website").GetString()!,
                regulator.TryGetProperty("phone", out var regulatorPhone) ? regulatorPhone.GetString() : null,
                regulator.TryGetProperty("email", out var email) ? email.GetString() : null,
                regulator.GetProperty("complaintRoute").GetString()!),
            Legal = new LegalTextKeys(legal.GetProperty("privacy").GetString()!, legal.GetProperty("terms").GetString()!, legal.GetProperty("complaintRights").GetString()!),
        };
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary><c>/phone/exampleMobile</c> → <c>phone.exampleMobile</c>.</summary>
    private static string? Field(string pointer) =>
        pointer.Length == 0 ? null : pointer.TrimStart('/').Replace('/', '.').Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static LocaleFinding Error(string file, string? field, string message) =>
        new(file, field, message, LocaleFindingSeverity.Error, LocaleFindingKind.InvalidCountryProfile);
}
