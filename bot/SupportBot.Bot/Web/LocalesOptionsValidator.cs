using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Web;

/// <summary>Fails start-up when the catalogs the page falls back to cannot be found.</summary>
internal sealed class LocalesOptionsValidator : IValidateOptions<LocalesOptions>
{
    private const string Setting = $"{LocalesOptions.SectionName}:{nameof(LocalesOptions.Path)}";

    public ValidateOptionsResult Validate(string? name, LocalesOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is not set and no '{LocalesPathResolver.FolderName}' folder was found " +
                $"in the content root, beside the application, or beside {LocalesPathResolver.SolutionFileName}.");
        }

        if (!Directory.Exists(options.Path))
        {
            return ValidateOptionsResult.Fail($"{Setting} '{options.Path}' does not exist.");
        }

        var missing = new[] { LanguageCatalog.MetadataRelativePath, LanguageCatalog.FallbackUiCatalogRelativePath }
            .Where(required => !File.Exists(Path.Combine(options.Path, required)))
            .Select(required => $"{Setting} '{options.Path}' has no {required}.")
            .ToList();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
