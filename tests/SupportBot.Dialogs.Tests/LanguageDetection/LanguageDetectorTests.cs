using SupportBot.Dialogs.LanguageDetection;
using SupportBot.Dialogs.Understanding;
using Xunit;

namespace SupportBot.Dialogs.Tests.LanguageDetection;

public sealed class LanguageDetectorTests
{
    private static readonly LanguageDetector s_detector = LanguageDetector.Train(
    [
        .. Samples("en", "my account was hacked", "i cannot log in to my account", "someone changed my password", "please help me", "thank you so much"),
        .. Samples("es", "me hackearon la cuenta", "no puedo entrar a mi cuenta", "alguien cambió mi contraseña", "ayúdame por favor", "muchas gracias"),
        .. Samples("ar", "تم اختراق حسابي", "لا أستطيع الدخول إلى حسابي", "شخص غير كلمة المرور", "ساعدني من فضلك", "شكرا جزيلا"),
        .. Samples("ar", "7sabi et7ak", "mesh 2ader ad5ol 3la 7sabi", "7ad ghayar el password", "sa3edni law sama7t", "shokran gazilan"),
    ]);

    [Fact]
    public void Detect_ShortMessages_InEachLanguageAndScript()
    {
        Assert.Equal("es", s_detector.Detect("no puedo entrar, ayúdame").Language);
        Assert.Equal("en", s_detector.Detect("i cannot log in please").Language);
        Assert.Equal("ar", s_detector.Detect("لا أستطيع الدخول").Language);

        // Arabizi: Latin letters and digits, learned as its own class of Arabic rather than drowned by Arabic script.
        var arabizi = s_detector.Detect("mesh 2ader 3la 7sabi");
        Assert.Equal("ar", arabizi.Language);
        Assert.True(arabizi.IsSure, $"confidence {arabizi.Confidence}");
    }

    [Fact]
    public void Detect_TextWithoutLetters_IsUnknown()
    {
        Assert.Same(DetectedLanguage.Unknown, s_detector.Detect("12345678 !!!"));
        Assert.Null(s_detector.Detect(string.Empty).Language);
    }

    [Fact]
    public void Detect_AmbiguousText_IsUnsure_AndOffersCandidates()
    {
        // Words of no language in the data: no language is sure, and probabilities still sum to at most 1.
        var detected = s_detector.Detect("zzq xkcd");
        Assert.False(detected.IsSure);
        Assert.True(detected.Candidates.Count >= 2);
        Assert.InRange(detected.Candidates.Sum(candidate => candidate.Probability), 0.0, 1.0 + 1e-9);
    }

    [Fact]
    public void Detect_Among_LimitsTheLanguages()
    {
        var detected = s_detector.Detect("no puedo entrar, ayúdame", ["en", "ar"]);
        Assert.NotEqual("es", detected.Language);
        Assert.DoesNotContain(detected.Candidates, candidate => candidate.Language == "es");
    }

    [Fact]
    public void Train_OneLanguage_Throws() =>
        Assert.Throws<ArgumentException>(() => LanguageDetector.Train(Samples("en", "hello there")));

    [Fact]
    public void CatalogPlainText_DropsIcuSyntax_KeepsTheWords()
    {
        var text = CatalogPlainText.Strip("Hi {name}, {count, plural, =0 {no codes} one {# code} other {# codes}} for **you**.");
        Assert.DoesNotContain("plural", text, StringComparison.Ordinal);
        Assert.DoesNotContain("name", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.Contains("codes", text, StringComparison.Ordinal);
        Assert.Contains("you", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LanguageNames_MatchNamesInEveryLanguage_AccentsFolded_AttachedClitics()
    {
        var names = new LanguageNames([("fr", ["French", "Français", "francés", "الفرنسية"]), ("id", ["Bahasa Indonesia"]), ("hi", ["Hindi"])]);

        Assert.Equal("fr", names.Find("¿podemos hablar en frances?"));
        Assert.Equal("fr", names.Find("ممكن نتكلم بالفرنسية؟"));
        Assert.Equal("id", names.Find("bisa pakai BAHASA  indonesia"));
        Assert.Equal("fr", names.MatchWhole("FRANÇAIS!"));
        Assert.Null(names.Find("my account was hacked"));
        Assert.Null(names.Find("hi there")); // a code only counts as the whole message
    }

    private static IEnumerable<LanguageSample> Samples(string language, params string[] texts) =>
        texts.Select(text => new LanguageSample(language, text));
}
