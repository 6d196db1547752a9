using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Web;
using Xunit;

namespace SupportBot.Bot.Tests.Web;

/// <summary>
/// <c>Locales:Path</c> as <see cref="WebPagesServiceCollectionExtensions.AddWebPages"/> registers it: resolved, then
/// checked by the start-up validator (tested without starting a host, whose failure path races in WebApplicationFactory).
/// </summary>
public sealed class LocalesOptionsValidationTests : IDisposable
{
    private readonly TempLocales _locales = new();

    public void Dispose() => _locales.Dispose();

    private static IServiceProvider Services(string? localesPath)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Locales:Path"] = localesPath })
            .Build());
        services.AddSingleton<IHostEnvironment>(new StubEnvironment());
        services.AddWebPages();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void StartupValidation_LocalesWithCatalogs_Passes()
    {
        var services = Services(_locales.Root);

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(_locales.Root, services.GetRequiredService<IOptions<LocalesOptions>>().Value.Path);
    }

    [Fact]
    public void StartupValidation_FolderWithoutCatalogs_FailsNamingWhatIsMissing()
    {
        var empty = Directory.CreateTempSubdirectory("supportbot-empty-locales-").FullName;
        try
        {
            var exception = Assert.Throws<OptionsValidationException>(() => Services(empty).GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains(LanguageCatalog.MetadataRelativePath, exception.Message);
            Assert.Contains(LanguageCatalog.FallbackUiCatalogRelativePath, exception.Message);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void StartupValidation_MissingFolder_Fails()
    {
        var exception = Assert.Throws<OptionsValidationException>(() =>
            Services(Path.Combine(_locales.Root, "nowhere")).GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("does not exist", exception.Message);
    }

    private sealed class StubEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "supportbot";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
