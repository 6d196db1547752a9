using System.Net;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Conversation;

public sealed class DevOutboxEndpointTests
{
    [Fact]
    public async Task DevOutbox_InDevelopment_Exists()
    {
        using var app = new BotApplication("Development");

        using var response = await app.CreateClient().GetAsync("/dev/outbox", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DevOutbox_InProduction_DoesNotExist()
    {
        using var app = new BotApplication("Production");

        using var response = await app.CreateClient().GetAsync("/dev/outbox", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
