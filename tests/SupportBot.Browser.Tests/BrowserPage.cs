using Microsoft.Playwright;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>
/// A fresh browser context and page for one test: it records console errors, uncaught exceptions and
/// Content-Security-Policy violations, and on disposal saves a screenshot when the test failed.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    // Reports CSP violations as console errors so they fail the same check as any other error.
    private const string ReportCspViolations =
        "document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));";

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console.error: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"uncaught: {error}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors, uncaught exceptions and CSP violations so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <param name="baseAddress">The server; relative navigations resolve against it.</param>
    /// <param name="viewport">The window size; a desktop window by default.</param>
    /// <param name="locale">The browser's language (navigator.language).</param>
    public static async Task<BrowserPage> OpenAsync(IBrowser browser, Uri baseAddress, ViewportSize? viewport = null, string locale = "en-US")
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1024, Height = 768 },
            Locale = locale,
        });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(ReportCspViolations);
        return new BrowserPage(context, await context.NewPageAsync());
    }

    /// <summary>Saves a full-page PNG under the test output folder's <c>screenshots/</c> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')) + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        var test = TestContext.Current;
        if (test.TestState?.Result is TestResult.Failed && test.Test is { } failed)
        {
            try
            {
                var path = await ScreenshotAsync($"{failed.TestCase.TestClassName}.{failed.TestCase.TestMethodName}.failed");
                test.TestOutputHelper?.WriteLine($"Screenshot of the failed test: {path}");
                var errors = Errors;
                if (errors.Count > 0)
                {
                    test.TestOutputHelper?.WriteLine("Browser errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
                }
            }
            catch (PlaywrightException exception)
            {
                test.TestOutputHelper?.WriteLine($"No screenshot: {exception.Message}");
            }
        }

        await _context.DisposeAsync();
    }
}
