using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class MessageRendererTests
{
    private readonly MessageRenderer _renderer = new(new JsonStringLocalizerFactory(TestLocales.Source(
        ("en/verify.json", """{ "verify.code.sent": "Code sent to {phone}.", "error.text-missing": "Sorry." }"""),
        ("ar/verify.json", """{ "verify.code.sent": "أرسلنا الرمز إلى {phone}." }"""))));

    [Fact]
    public void Render_KeyAndDictionary_ReturnsTheText()
    {
        var text = _renderer.Render("en", "verify.code.sent", new Dictionary<string, object?> { ["phone"] = "+1 416 848 3114" });

        Assert.Equal("Code sent to +1 416 848 3114.", text);
    }

    [Fact]
    public void Render_LocalizedMessageInArabic_IsolatesThePhoneNumber()
    {
        var message = LocalizedMessage.Create("verify.code.sent", new { phone = "+1-416-848-3114" });

        Assert.Equal("أرسلنا الرمز إلى \u2068+1-416-848-3114\u2069.", _renderer.Render("ar", message));
    }

    [Fact]
    public void Render_UnknownKey_ReturnsTheNeutralText()
    {
        Assert.Equal("Sorry.", _renderer.Render("ar", "verify.nope"));
    }

    [Theory]
    [InlineData("ar", "RightToLeft")]
    [InlineData("ar-EG", "RightToLeft")]
    [InlineData("fa", "RightToLeft")]
    [InlineData("fr-CA", "LeftToRight")]
    [InlineData("en", "LeftToRight")]
    public void GetDirection_Language_ComesFromLanguagesJsonOrCultureData(string language, string expected)
    {
        Assert.Equal(expected, _renderer.GetDirection(language).ToString());
    }
}
