using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using SupportBot.Bot.Web;
using Xunit;

namespace SupportBot.Bot.Tests.Web;

/// <summary>The page's HTTP surface: security and caching headers, the language list and the UI strings.</summary>
public sealed class WebPagesEndpointsTests(WebPagesEndpointsTests.Application application) : IClassFixture<WebPagesEndpointsTests.Application>
{
    private readonly HttpClient _client = application.CreateClient();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetRoot_ServesIndexWithStrictPagePolicy()
    {
        using var response = await _client.GetAsync("/", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("connect-src 'self' ws://localhost wss://localhost;", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("no-cache", Header(response, "Cache-Control"));
        Assert.Contains("/app.js", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task GetApi_CarriesTheDefaultSecurityHeaders()
    {
        using var response = await _client.GetAsync("/api/languages", Cancellation);

        Assert.Equal(SecurityHeaders.DefaultContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task GetWebChatBundle_VersionedUrl_IsCachedForGood()
    {
        using var response = await _client.GetAsync("/lib/botframework-webchat/webchat.js?v=4.18.1", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", Header(response, "Cache-Control"));
    }

    [Fact]
    public void IndexHtml_WebChatVersionQuery_MatchesPackageJson()
    {
        var contentRoot = application.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(contentRoot, "webclient", "package.json")));
        var version = package.RootElement.GetProperty("dependencies").GetProperty("botframework-webchat").GetString();

        var index = File.ReadAllText(Path.Combine(contentRoot, "wwwroot", "index.html"));

        Assert.Contains($"/lib/botframework-webchat/webchat.js?v={version}\"", index);
    }

    [Fact]
    public async Task GetLanguages_ListsEnglish_WithNativeNameAndDirection()
    {
        var languages = await _client.GetFromJsonAsync<List<LanguageInfo>>("/api/languages", Cancellation);

        Assert.Contains(new LanguageInfo("en", "English", "English", "ltr"), languages!);
    }

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("ur-PK", "rtl")]
    [InlineData("fil", "ltr")]
    public async Task GetLanguage_KnownLanguageWithOrWithoutStrings_ReturnsDirection(string tag, string dir)
    {
        var language = await _client.GetFromJsonAsync<LanguageInfo>($"/api/languages/{tag}", Cancellation);

        Assert.Equal(dir, language!.Dir);
    }

    [Fact]
    public async Task GetLanguage_Unknown_IsNotFound()
    {
        using var response = await _client.GetAsync("/api/languages/xx", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetUiStrings_LanguageWithoutCatalog_FallsBackToEnglish()
    {
        // Polish is a valid language with no catalog in locales/.
        using var response = await _client.GetAsync("/api/ui-strings?locale=pl-PL", Cancellation);
        var strings = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(Cancellation);

        Assert.Equal("en", Header(response, "Content-Language"));
        Assert.Equal("Support will never ask for your password or a login code.", strings!["ui.notice.never-ask-password"]);
        Assert.Contains("ui.language.label", strings.Keys);
        Assert.Contains("ui.send-box.placeholder", strings.Keys);
    }

    [Fact]
    public async Task GetUiStrings_LaunchLanguage_IsServedInThatLanguage()
    {
        using var response = await _client.GetAsync("/api/ui-strings?locale=ar-EG", Cancellation);
        var strings = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(Cancellation);

        Assert.Equal("ar", Header(response, "Content-Language"));
        Assert.NotEqual("Support will never ask for your password or a login code.", strings!["ui.notice.never-ask-password"]);
        Assert.Contains(strings["ui.notice.never-ask-password"], c => c is >= '\u0600' and <= '\u06FF');
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public async Task GetUiStrings_MalformedLocale_IsBadRequest(string locale)
    {
        using var response = await _client.GetAsync($"/api/ui-strings?locale={Uri.EscapeDataString(locale)}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"No {name} header.");

    /// <summary>The host in memory, with its data in a temporary directory.</summary>
    public sealed class Application : WebApplicationFactory<Program>
    {
        private readonly string _data = Directory.CreateTempSubdirectory("supportbot-web-tests-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Data:Directory", _data);
            builder.UseSetting("Storage:Sqlite:Path", Path.Combine(_data, "supportbot.db"));

            // Direct Line needs a transcript store; the host's own wins when it registers one.
            builder.ConfigureTestServices(services => services.TryAddSingleton<ITranscriptStore, InMemoryTranscriptStore>());
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the temp cleaner rather than failing the run.
            }
        }
    }
}
