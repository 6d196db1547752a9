using Microsoft.Playwright;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>
/// One headless Debian Chromium for the whole test assembly, driven by Playwright. Playwright's own browser
/// download cannot work on this project's machines, so a missing <c>/usr/bin/chromium</c> fails every browser
/// test with the install command rather than skipping them.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Debian's Chromium at {ExecutablePath}, which is missing. Install it with `apt-get install -y chromium` " +
                "(Playwright's own browser download cannot work here).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
