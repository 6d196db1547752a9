using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>The page tests share one server with the scripted bot; each test gets its own browser context.</summary>
[CollectionDefinition(Name)]
public sealed class WebPageCollection : ICollectionFixture<ScriptedBotServer>
{
    public const string Name = "Web page";
}
