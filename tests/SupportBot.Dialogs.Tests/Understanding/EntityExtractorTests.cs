using SupportBot.Dialogs.Understanding;
using Xunit;

namespace SupportBot.Dialogs.Tests.Understanding;

public sealed class EntityExtractorTests
{
    [Theory]
    [InlineData("my email is John.Smith+fb@Example.co.uk.", "john.smith+fb@example.co.uk")]
    [InlineData("it was jane_doe99@gmail.com before the hacker changed it", "jane_doe99@gmail.com")]
    [InlineData("(maria@correo.es)", "maria@correo.es")]
    [InlineData("josé@exemplo.com.br", "josé@exemplo.com.br")]
    public void Extract_Email_Found(string text, string expected)
    {
        var entities = EntityExtractor.Extract(text);
        Assert.Equal([expected], entities.Emails);
        Assert.Empty(entities.Codes);
        Assert.Empty(entities.Usernames);
    }

    [Fact]
    public void Extract_EmailWithDigits_NoCodeOrPhone()
    {
        var entities = EntityExtractor.Extract("jo123456@mail.com and 4478001234567@sms.example.net");
        Assert.Equal(2, entities.Emails.Count);
        Assert.Empty(entities.Codes);
        Assert.Empty(entities.PhoneNumbers);
    }

    [Theory]
    [InlineData("my number is +44 7700 900123", "+447700900123")]
    [InlineData("+44 (0)7700 900123", "+447700900123")]
    [InlineData("+44 (0) 7700-900-123.", "+447700900123")]
    [InlineData("call +1 555 0100", "+15550100")]
    [InlineData("+1 (555) 010-0199", "+15550100199")]
    [InlineData("+234.803.123.4567", "+2348031234567")]
    [InlineData("+63 917 123 4567", "+639171234567")]
    [InlineData("0044 7700 900123", "+447700900123")]
    [InlineData("+ 92 300 1234567", "+923001234567")]
    public void Extract_InternationalPhone_NormalisedToPlusDigits(string text, string expected)
    {
        var entities = EntityExtractor.Extract(text);
        Assert.Equal([expected], entities.PhoneNumbers);
        Assert.Empty(entities.Codes);
    }

    [Theory]
    [InlineData("07700 900123", null, "07700900123")]
    [InlineData("07700 900123", "44", "+447700900123")]
    [InlineData("07700900123", "+44", "+447700900123")]
    [InlineData("(555) 123-4567", "1", "+15551234567")]
    [InlineData("555-0100", null, "5550100")]
    [InlineData("0803 123 4567", "234", "+2348031234567")]
    [InlineData("06.12.34.56.78", null, "0612345678")]
    public void Extract_NationalPhone_DigitsOrPlusWithHint(string text, string? callingCode, string expected)
    {
        var entities = EntityExtractor.Extract(text, callingCode);
        Assert.Equal([expected], entities.PhoneNumbers);
        Assert.Empty(entities.Codes);
    }

    [Theory]
    [InlineData("my code is 123456", "123456")]
    [InlineData("123 456", "123456")]
    [InlineData("code: 123-456", "123456")]
    [InlineData("1234 5678", "12345678")]
    [InlineData("12 34 56", "123456")]
    [InlineData("the pin 0042", "0042")]
    [InlineData("code:987654!", "987654")]
    public void Extract_Code_Digits(string text, string expected)
    {
        var entities = EntityExtractor.Extract(text);
        Assert.Equal([expected], entities.Codes);
        Assert.Empty(entities.PhoneNumbers);
    }

    [Theory]
    [InlineData("+44 7700 900123")]
    [InlineData("07700 900 123")]
    [InlineData("+1 555 0100")]
    [InlineData("(555) 123-4567")]
    public void Extract_PhoneNumber_NotMistakenForCode(string text)
    {
        var entities = EntityExtractor.Extract(text);
        Assert.Empty(entities.Codes);
        Assert.Single(entities.PhoneNumbers);
    }

    [Fact]
    public void Extract_PhoneAndCodeTogether_BothFoundSeparately()
    {
        var entities = EntityExtractor.Extract("the code 482913 was sent to +44 7700 900123, not my new 07700 900456");
        Assert.Equal(["482913"], entities.Codes);
        Assert.Equal(["+447700900123", "07700900456"], entities.PhoneNumbers);
    }

    [Fact]
    public void Extract_InternationalPhoneFollowedByCode_SplitAtFifteenDigits()
    {
        var entities = EntityExtractor.Extract("+44 7700 900123 123456");
        Assert.Equal(["+447700900123"], entities.PhoneNumbers);
        Assert.Equal(["123456"], entities.Codes);
    }

    [Theory]
    [InlineData("i have 2fa on")]
    [InlineData("it happened on 07.05.2024 or 2024-05-07")]
    [InlineData("on 12/03/2024")]
    [InlineData("abc123456 and 123456xyz")]
    [InlineData("I have 2 accounts, 123 friends")]
    [InlineData("6-digit code")]
    public void Extract_NumbersThatAreNeither_NothingFound(string text)
    {
        var entities = EntityExtractor.Extract(text);
        Assert.Empty(entities.Codes);
        Assert.Empty(entities.PhoneNumbers);
    }

    [Theory]
    [InlineData("my username is @Jane.Doe_88.", "jane.doe_88")]
    [InlineData("it's instagram.com/maria.travels", "maria.travels")]
    [InlineData("https://www.instagram.com/maria.travels/?hl=en", "maria.travels")]
    [InlineData("https://www.facebook.com/profile.php?id=100012345678901", "id:100012345678901")]
    [InlineData("m.facebook.com/profile.php?id=100012345678901&ref=xyz", "id:100012345678901")]
    [InlineData("facebook.com/people/Jane-Doe/100012345678901/", "id:100012345678901")]
    [InlineData("https://facebook.com/jane.doe.77", "jane.doe.77")]
    [InlineData("x.com/JaneDoe", "janedoe")]
    [InlineData("https://twitter.com/jane_doe/status/123456789", "jane_doe")]
    [InlineData("threads.net/@jane.doe", "jane.doe")]
    [InlineData("https://www.tiktok.com/@janedoe?lang=en", "janedoe")]
    public void Extract_UsernameOrProfileLink_Handle(string text, string expected)
    {
        var entities = EntityExtractor.Extract(text);
        Assert.Equal([expected], entities.Usernames);
        Assert.Empty(entities.Codes);
        Assert.Empty(entities.PhoneNumbers);
    }

    [Theory]
    [InlineData("https://www.instagram.com/p/Cx1234567/")]
    [InlineData("facebook.com/help/1234567")]
    [InlineData("https://x.com/i/flow/login")]
    [InlineData("netflix.com/janedoe")]
    [InlineData("facebook.com/profile.php?id=")]
    [InlineData("write to help@meta.com")]
    public void Extract_LinkThatIsNotAProfile_NoUsername(string text)
    {
        var entities = EntityExtractor.Extract(text);
        Assert.Empty(entities.Usernames);
        Assert.Empty(entities.Codes);
    }

    [Fact]
    public void Extract_MixedMessage_EachEntityInOrderWithoutRepeats()
    {
        var entities = EntityExtractor.Extract(
            "hacker put hack3r@evil.io on my account @real_me (instagram.com/real_me), my phone +44 7700 900123, code 111 222 and again 111222 @other");

        Assert.Equal(["hack3r@evil.io"], entities.Emails);
        Assert.Equal(["+447700900123"], entities.PhoneNumbers);
        Assert.Equal(["111222"], entities.Codes);
        Assert.Equal(["real_me", "other"], entities.Usernames);
        Assert.Equal("hack3r@evil.io", entities.FirstIdentifier);
    }

    [Fact]
    public void Extract_NothingToFind_EmptyLists()
    {
        Assert.Equal(ExtractedEntities.None.Emails, EntityExtractor.Extract("I can't log in").Emails);
        Assert.Null(EntityExtractor.Extract(string.Empty).FirstIdentifier);
    }

    [Theory]
    [InlineData("uk")]
    [InlineData("+4444")]
    [InlineData("")]
    public void Extract_InvalidCallingCode_Throws(string callingCode)
    {
        Assert.Throws<ArgumentException>(() => EntityExtractor.Extract("07700 900123", callingCode));
    }
}
