using SupportBot.Dialogs.Verification;
using Xunit;

namespace SupportBot.Dialogs.Tests.Verification;

public sealed class RecoveryContactPolicyTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Eligible_EmailChangedTwoDaysAgo_UsesTheOldEmailNotTheNewOne()
    {
        ContactOnFile[] history =
        [
            new("old", ContactKind.Email, "sam.old@example.com", s_now.AddYears(-3), s_now.AddDays(-2), "signup"),
            new("new", ContactKind.Email, "sam@example.com", s_now.AddDays(-2), null, "settings"),
            new("phone", ContactKind.Phone, "+44 7700 900123", s_now.AddYears(-3), null, "settings"),
        ];

        var email = RecoveryContactPolicy.Eligible(history, ContactKind.Email, s_now, RecoveryContactPolicy.DefaultChangeWindow);
        var phone = RecoveryContactPolicy.Eligible(history, ContactKind.Phone, s_now, RecoveryContactPolicy.DefaultChangeWindow);

        Assert.Equal(["old"], email.Select(contact => contact.ContactId));
        Assert.Equal(["phone"], phone.Select(contact => contact.ContactId));
        Assert.True(RecoveryContactPolicy.ChangedRecently(history, s_now, RecoveryContactPolicy.DefaultChangeWindow));
    }

    [Fact]
    public void Eligible_AfterTheWindow_TheNewContactCountsAndTheOldOneNoLonger()
    {
        ContactOnFile[] history =
        [
            new("old", ContactKind.Email, "a@example.com", s_now.AddYears(-3), s_now.AddDays(-8), "signup"),
            new("new", ContactKind.Email, "b@example.com", s_now.AddDays(-8), null, "settings"),
        ];

        var email = RecoveryContactPolicy.Eligible(history, ContactKind.Email, s_now, RecoveryContactPolicy.DefaultChangeWindow);

        Assert.Equal(["new"], email.Select(contact => contact.ContactId));
    }

    [Theory]
    [InlineData(ContactKind.Email, "sam.old@example.com", "s•••@example.com")]
    [InlineData(ContactKind.Phone, "+44 7700 900123", "•••123")]
    public void Mask_ShowsNoFullAddress(ContactKind kind, string address, string expected) =>
        Assert.Equal(expected, ContactMask.Mask(kind, address));
}
