using Xunit;

namespace SupportBot.Bot.Tests.DirectLine.TestSupport;

/// <summary>A fresh default application and client for every test (xunit makes one class instance per test).</summary>
public abstract class DirectLineTestBase : IAsyncLifetime
{
    internal DirectLineApplication App { get; } = new();

    internal HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = App.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
