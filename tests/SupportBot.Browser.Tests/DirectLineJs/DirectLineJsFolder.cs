using Xunit;

namespace SupportBot.Browser.Tests.DirectLineJs;

/// <summary>tests/directline-js: the Node scripts that drive the official client, with its packages installed once.</summary>
internal static class DirectLineJsFolder
{
    // Test classes run in parallel; two `npm ci` in one folder would trample each other.
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The folder, after <c>npm ci</c> if its node_modules is missing.</summary>
    public static async Task<string> PrepareAsync(CancellationToken cancellationToken)
    {
        var directory = Find();
        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (!Directory.Exists(Path.Combine(directory, "node_modules")))
            {
                var install = await NodeProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(5), cancellationToken);
                Assert.True(install.ExitCode == 0, "npm ci failed:\n" + install.Output);
            }
        }
        finally
        {
            InstallGate.Release();
        }

        return directory;
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "directline-js");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/directline-js not found above {AppContext.BaseDirectory}.");
    }
}
