namespace SupportBot.Bench;

/// <summary>Usage: <c>dotnet run -c Release --project bench/SupportBot.Bench -- [--conversations 1000] [--connections 32] [--rounds 3] [--open-only]</c>.</summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = LoadOptions.Parse(args);
        await MessagesLoadTest.RunAsync(options, Console.Out, CancellationToken.None);
        return 0;
    }
}
