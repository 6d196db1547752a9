namespace SupportBot.Bot.Tests.DirectLine.TestSupport;

/// <summary>One default application shared by the tests of a class that only read what they themselves create.</summary>
public sealed class DirectLineFixture : IAsyncDisposable
{
    internal DirectLineApplication App { get; } = new();

    internal HttpClient CreateClient() => App.CreateClient();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
