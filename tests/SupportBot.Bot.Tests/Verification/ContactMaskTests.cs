using System.Text.RegularExpressions;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Verification;
using SupportBot.Dialogs.Verification;
using Xunit;

namespace SupportBot.Bot.Tests.Verification;

/// <summary>docs/security.md D3: masked contacts, and fake masks for what is not on file that look the same and never change.</summary>
public sealed partial class ContactMaskTests
{
    private static readonly byte[] s_key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData("ghost_user_42")]
    [InlineData("+15550123456")]
    [InlineData("nobody@example.org")]
    [InlineData("sam")]
    public void FakeMasks_AreDeterministic_AndShapedLikeRealOnes(string identifier)
    {
        var chooser = new ContactMaskChooser(s_key);

        var first = chooser.Choose(identifier, null, null);
        var again = new ContactMaskChooser(s_key).Choose(identifier, null, null);

        Assert.Equal(first, again);
        Assert.Matches(EmailMask(), first["email"]);
        Assert.Matches(PhoneMask(), first["sms"]);

        // The real masks of real contacts have exactly these shapes.
        Assert.Matches(EmailMask(), ContactMask.Mask(ContactKind.Email, "maria@example.com"));
        Assert.Matches(PhoneMask(), ContactMask.Mask(ContactKind.Phone, "+1 555 0100"));
    }

    [Fact]
    public void FakeMasks_MirrorWhatWasTyped_AsARealAccountFoundByItWouldShow()
    {
        var masks = new ContactMaskChooser(s_key).Choose("nobody@example.org", null, null);
        Assert.Equal("n•••@example.org", masks["email"]);

        Assert.Equal("•••456", new ContactMaskChooser(s_key).Choose("+15550123456", null, null)["sms"]);
    }

    [Fact]
    public void FakeMasks_DependOnTheServerKey_AndDifferBetweenIdentifiers()
    {
        var other = new ContactMaskChooser([.. s_key.Select(b => (byte)(b ^ 0x5A))]);
        var chooser = new ContactMaskChooser(s_key);
        var identifiers = Enumerable.Range(0, 40).Select(n => "ghost" + n).ToArray();

        Assert.True(identifiers.Select(id => chooser.Choose(id, null, null)["sms"]).Distinct().Count() > 20);
        Assert.True(identifiers.Count(id => chooser.Choose(id, null, null)["sms"] != other.Choose(id, null, null)["sms"]) > 20);
    }

    [Fact]
    public async Task WithMasksShown_KnownAndUnknownIdentifiersGetTheSameKindOfButtons_AndTheSameOnesEveryTime()
    {
        using var app = new BotApplication(settings: new() { ["Verification:ContactMasks"] = "Always" });
        var http = app.CreateClient();

        var maria = await TitlesAsync(http, "mask-maria", "maria@example.com");
        Assert.Equal(["Email to m•••@example.com", "Text to •••100", "Use a saved recovery code"], maria);

        var unknown = await TitlesAsync(http, "mask-unknown-1", "nobody-here@example.com");
        Assert.Equal("Email to n•••@example.com", unknown[0]);
        Assert.Matches(@"^Text to •••\d{3}$", unknown[1]);
        Assert.Equal(unknown, await TitlesAsync(http, "mask-unknown-2", "Nobody-Here@Example.com "));

        // An account without a phone shows a phone too: its button count gives nothing away.
        var locked = await TitlesAsync(http, "mask-locked", "locked@example.com");
        Assert.Equal(3, locked.Count);
        Assert.Matches(@"^Text to •••\d{3}$", locked[1]);
        var disabled = await TitlesAsync(http, "mask-disabled", "disabled@example.com");
        Assert.Equal("Email to d•••@example.com", disabled[0]);
    }

    private static async Task<IReadOnlyList<string>> TitlesAsync(HttpClient http, string conversationId, string identifier)
    {
        var user = new ExpectRepliesClient(http, conversationId);
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync(identifier);
        return user.LastButtonTitles;
    }

    [GeneratedRegex(@"^[a-z0-9]•••@[a-z0-9.-]+\.[a-z]{2,}$")]
    private static partial Regex EmailMask();

    [GeneratedRegex(@"^•••\d{3}$")]
    private static partial Regex PhoneMask();
}
