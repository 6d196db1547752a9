using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Channels.DirectLine;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.DirectLine;

public sealed class DirectLineOptionsTests
{
    [Theory]
    [InlineData("DirectLine:TokenLifetime", "00:00:10")]
    [InlineData("DirectLine:MaxMessageBytes", "10")]
    [InlineData("DirectLine:MaxActivitiesPerPage", "0")]
    [InlineData("DirectLine:KeepAliveInterval", "01:00:00")]
    [InlineData("DirectLine:TokenRequestsPerMinute", "0")]
    [InlineData("DirectLine:BotId", "")]
    [InlineData("DirectLine:Secrets:0", "too-short")]
    public void InvalidOptions_StopTheHostAtStartUp(string key, string value)
    {
        // The host runs IStartupValidator before it serves anything; run it directly, because a host failing at
        // start inside WebApplicationFactory sometimes surfaces as ObjectDisposedException instead.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DirectLine:Secrets:0"] = DirectLineApplication.Secret, [key] = value })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddDirectLine(configuration);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key.Split(':')[1], string.Join(" ", exception.Failures));
        Assert.DoesNotContain("too-short", exception.Message);
    }

    [Fact]
    public async Task NoSecretConfigured_GeneratesOneLogsThatItDidAndNeverLogsIt()
    {
        await using var app = new DirectLineApplication(configureSecret: false);
        using var client = app.CreateClient();
        var secret = Assert.Single(app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.Secrets);

        await (await client.PostJsonAsync("/v3/directline/tokens/generate", secret, "")).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/v3/directline/tokens/generate", DirectLineApplication.Secret, ""))
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");

        Assert.True(secret.Length >= DirectLineOptions.MinimumSecretLength);
        Assert.Single(app.Logs.Lines, line => line.Contains("generated a random one"));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(secret));
    }

    [Fact]
    public async Task Defaults_MatchTheDocumentedValues()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();

        var options = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(30), options.TokenLifetime);
        Assert.Equal(256 * 1024, options.MaxMessageBytes);
        Assert.Equal(100, options.MaxActivitiesPerPage);
        Assert.Equal([DirectLineApplication.Secret], options.Secrets);
    }
}
