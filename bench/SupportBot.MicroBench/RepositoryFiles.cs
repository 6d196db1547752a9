namespace SupportBot.MicroBench;

/// <summary>Finds files of the repository from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class RepositoryFiles
{
    /// <summary>The full path of <paramref name="relativePath"/> under the directory holding SupportBot.sln.</summary>
    public static string Path(string relativePath)
    {
        // BenchmarkDotNet runs a generated project below bin/, and `dotnet run` runs from the project folder:
        // either way the solution is an ancestor of one of these two directories.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "SupportBot.sln")))
                {
                    return System.IO.Path.Combine(directory.FullName, relativePath);
                }
            }
        }

        throw new InvalidOperationException("SupportBot.sln not found above the benchmark's directories.");
    }
}
