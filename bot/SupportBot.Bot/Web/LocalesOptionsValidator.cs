using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Web;

/// <summary>Fails start-up when the catalogs the page falls back to cannot be found.</summary>
internal sealed class LocalesOptionsValidator : IValidateOptions<LocalesOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalesOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail(
                $"{LocalesOptions.SectionName}:{nameof(LocalesOptions.Path)} is not set and no '{LocalesPathResolver.FolderName}' folder was found " +
                $"in the content root, beside the application, or beside {LocalesPathResolver.SolutionFileName}.");
        }

        var failures = new List<string>();
        if (!Directory.Exists(options.Path))
        {
            failures.Add($"{LocalesOptions.SectionName}:{nameof(LocalesOptions.Path)} '{options.Path}' does not exist.");
        }
        else
        {
            foreach (var required in new[] { LanguageCatalog.MetadataRelativePath, LanguageCatalog.FallbackUiCatalogRelativePath })
            {
                if (!File.Exists(Path.Combine(options.Path, required)))
                {
                    failures.Add($"{LocalesOptions.SectionName}:{nameof(LocalesOptions.Path)} '{options.Path}' has no {required}.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
