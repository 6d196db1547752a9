using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class LocalizedMessageTests
{
    [Fact]
    public void Equals_SameKeyAndArgumentValues_IsTrueWhateverTheDictionary()
    {
        var a = LocalizedMessage.Create("verify.code.sent", new { minutes = 10, channel = "sms" });
        var b = new LocalizedMessage("verify.code.sent", new Dictionary<string, object?> { ["channel"] = "sms", ["minutes"] = 10 });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, LocalizedMessage.Create("verify.code.sent", new { minutes = 5, channel = "sms" }));
    }

    [Fact]
    public void Constructor_ArgumentsChangedLater_DoesNotChangeTheMessage()
    {
        var arguments = new Dictionary<string, object?> { ["minutes"] = 10 };
        var message = new LocalizedMessage("verify.code.sent", arguments);

        arguments["minutes"] = 99;

        Assert.Equal(10, message.Arguments["minutes"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Verify.Code")]
    [InlineData("verify code")]
    public void Constructor_MalformedKey_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => new LocalizedMessage(key));
    }

    [Fact]
    public void ToString_ListsKeyAndArguments()
    {
        var message = LocalizedMessage.Create("case.status", new { caseId = "C-1" });

        Assert.Equal("LocalizedMessage { Key = case.status, Arguments = { caseId = C-1 } }", message.ToString());
        Assert.Empty(new LocalizedMessage("chat.greeting").Arguments);
    }
}
