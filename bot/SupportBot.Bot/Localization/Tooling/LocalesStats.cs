using System.Text.Json;
using SupportBot.Dialogs.Countries;
using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Localization.Tooling;

/// <summary>Completeness of every language and country, for <c>supportbot locales stats</c>.</summary>
internal static class LocalesStats
{
    public static StatsReport Collect(string localesRoot)
    {
        var root = Path.GetFullPath(localesRoot);
        var catalogs = LocaleCatalogLoader.Load(new DirectoryLocaleSource(root)).Catalogs;
        var english = catalogs.GetCatalog(LocalizationConstants.SourceLanguage);
        var sourceKeys = english?.Entries.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        var check = new LocalesCheck(root);
        var sourceIntents = check.ReadIntents(LocalizationConstants.SourceLanguage, null) ?? [];
        var heldOut = Path.Combine(Path.GetDirectoryName(root)!, "tests", "nlu");

        var languages = catalogs.Catalogs.OrderBy(c => c.Language, StringComparer.Ordinal).Select(catalog =>
        {
            var own = catalog.Entries.Values.Count(e => sourceKeys.Contains(e.Key) && !e.Message.StartsWith(Cli.LocalesAddCommand.TranslateMarker, StringComparison.Ordinal));
            var intents = check.ReadIntents(catalog.Language, null) ?? [];
            var file = Path.Combine(heldOut, $"{catalog.Language}.heldout.jsonl");
            return new LanguageStats(
                catalog.Language,
                own,
                sourceKeys.Count,
                sourceKeys.Count == 0 ? 0 : (double)own / sourceKeys.Count,
                sourceIntents.Keys.Count(intents.ContainsKey),
                sourceIntents.Count,
                intents.Values.Sum(),
                sourceIntents.Keys.Select(i => intents.GetValueOrDefault(i)).DefaultIfEmpty(0).Min(),
                File.Exists(file) ? File.ReadLines(file).Count(line => line.Trim().Length > 0) : 0);
        }).ToList();

        var complete = languages.Where(l => l.Keys == l.SourceKeys && l.MinExamplesPerIntent >= LocalesCheck.MinimumExamplesPerIntent).Select(l => l.Language).ToHashSet(StringComparer.Ordinal);
        var folder = Path.Combine(root, CountryProfileLoader.FolderName);
        var (profiles, _) = Directory.Exists(folder) ? CountryProfileLoader.Load(folder) : ([], []);
        var countries = profiles.Select(p => new CountryStats(
            p.Iso,
            p.Status.ToString().ToLowerInvariant(),
            p.OffersLiveChat,
            [.. p.Languages.Offered.Select(l => new CountryLanguage(l, complete.Contains(l)))])).ToList();
        return new StatsReport(languages, countries);
    }
}

internal sealed record StatsReport(IReadOnlyList<LanguageStats> Languages, IReadOnlyList<CountryStats> Countries);

internal sealed record LanguageStats(
    string Language, int Keys, int SourceKeys, double Completeness, int Intents, int SourceIntents, int Examples, int MinExamplesPerIntent, int HeldOutLines);

internal sealed record CountryStats(string Iso, string Status, bool LiveChat, IReadOnlyList<CountryLanguage> Languages);

internal sealed record CountryLanguage(string Language, bool Complete);
