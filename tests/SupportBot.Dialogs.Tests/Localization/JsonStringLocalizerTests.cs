using System.Globalization;
using Microsoft.Extensions.Localization;
using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class JsonStringLocalizerTests
{
    private const string English = """
        {
          "chat.greeting": "Hello {name}!",
          "verify.code.sent": "We sent a code to {email}. It expires in {minutes, plural, one {# minute} other {# minutes}}.",
          "case.status": "Case {caseId} is open.",
          "legal.privacy": "Read our privacy notice.",
          "error.text-missing": "Sorry, this message can't be shown right now."
        }
        """;

    private const string French = """
        {
          "chat.greeting": "Bonjour {name} !",
          "verify.code.sent": "Nous avons envoyé un code à {email}. Il expire dans {minutes, plural, one {# minute} many {# de minutes} other {# minutes}}."
        }
        """;

    private const string FrenchCanada = """{ "chat.greeting": "Allô {name}!" }""";

    private const string Arabic = """
        {
          "verify.code.sent": "أرسلنا رمزًا إلى {email}. تنتهي صلاحيته خلال {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",
          "error.text-missing": "عذرًا، لا يمكن عرض هذه الرسالة الآن."
        }
        """;

    private readonly ListLogger<JsonStringLocalizerFactory> _logger = new();

    private readonly JsonStringLocalizerFactory _factory;

    public JsonStringLocalizerTests()
    {
        _factory = new JsonStringLocalizerFactory(
            TestLocales.Source(
                ("en/chat.json", English),
                ("fr/chat.json", French),
                ("fr-CA/chat.json", FrenchCanada),
                ("ar/chat.json", Arabic),
                ("de/chat.json", """{ "chat.greeting": "Hallo {name}!" }""")),
            _logger);
    }

    [Fact]
    public void Indexer_AnonymousObjectArguments_AreReadByName()
    {
        var text = _factory.ForLanguage("en")["verify.code.sent", new { email = "ana@example.com", minutes = 10 }];

        Assert.Equal("We sent a code to ana@example.com. It expires in 10 minutes.", text.Value);
        Assert.False(text.ResourceNotFound);
        Assert.Equal("en", text.SearchedLocation);
    }

    [Fact]
    public void Indexer_DictionaryArguments_AreReadByName()
    {
        IReadOnlyDictionary<string, object?> arguments = new Dictionary<string, object?> { ["email"] = "a@b.c", ["minutes"] = 1 };

        var text = _factory.ForLanguage("en")["verify.code.sent", arguments];

        Assert.Equal("We sent a code to a@b.c. It expires in 1 minute.", text.Value);
    }

    [Fact]
    public void Indexer_FrenchCanada_FallsBackThroughFrenchToEnglish()
    {
        var localizer = _factory.ForLanguage("fr-CA");

        var own = localizer["chat.greeting", new { name = "Ana" }];
        var fromFrench = localizer["verify.code.sent", new { email = "a@b.c", minutes = 2 }];
        var fromEnglish = localizer["case.status", new { caseId = "C-1" }];

        Assert.Equal(("Allô Ana!", "fr-CA"), (own.Value, own.SearchedLocation));
        Assert.Equal(("Nous avons envoyé un code à a@b.c. Il expire dans 2 minutes.", "fr"), (fromFrench.Value, fromFrench.SearchedLocation));
        Assert.Equal(("Case C-1 is open.", "en"), (fromEnglish.Value, fromEnglish.SearchedLocation));
        Assert.False(fromEnglish.ResourceNotFound);
    }

    [Theory]
    [InlineData("fr-BE", "fr")]
    [InlineData("fr_CA", "fr-CA")]
    [InlineData("FR-ca", "fr-CA")]
    [InlineData("de-AT", "de")]
    [InlineData("xx-YY", "en")]
    [InlineData("", "en")]
    public void Indexer_RegionalOrOddTag_ResolvesToTheNearestCatalog(string language, string expectedLocation)
    {
        var text = _factory.ForLanguage(language)["chat.greeting", new { name = "Ana" }];

        Assert.Equal(expectedLocation, text.SearchedLocation);
    }

    [Fact]
    public void Indexer_FrenchMillionMinutes_UsesTheFrenchManyBranchAndFrenchDigits()
    {
        var text = _factory.ForLanguage("fr")["verify.code.sent", new { email = "a@b.c", minutes = 1_000_000 }];

        var million = 1_000_000m.ToString("N0", CultureInfo.GetCultureInfo("fr"));
        Assert.Equal($"Nous avons envoyé un code à a@b.c. Il expire dans {million} de minutes.", text.Value);
    }

    [Fact]
    public void Indexer_KeyMissingEverywhere_ShowsTheNeutralMessageNeverTheKeyAndLogsOnce()
    {
        var localizer = _factory.ForLanguage("fr");

        var first = localizer["verify.unknown.key"];
        var second = localizer["verify.unknown.key"];
        _ = _factory.ForLanguage("fr-BE")["verify.unknown.key"];

        Assert.Equal("Sorry, this message can't be shown right now.", first.Value);
        Assert.True(first.ResourceNotFound);
        Assert.True(second.ResourceNotFound);
        Assert.DoesNotContain("verify.unknown.key", first.Value, StringComparison.Ordinal);
        Assert.Single(_logger.MessagesWithId(4101));
        Assert.Contains("verify.unknown.key", _logger.MessagesWithId(4101)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_KeyMissingInArabic_ShowsTheArabicNeutralMessage()
    {
        var text = _factory.ForLanguage("ar")["no.such.key"];

        Assert.Equal("عذرًا، لا يمكن عرض هذه الرسالة الآن.", text.Value);
        Assert.True(text.ResourceNotFound);
    }

    [Fact]
    public void Indexer_KeyAndNeutralMessageMissing_ShowsTheGenericText()
    {
        var factory = new JsonStringLocalizerFactory(TestLocales.Source(("en/chat.json", """{ "a": "A" }""")));

        var text = factory.ForLanguage("en")["no.such.key"];

        Assert.Equal(LocalizationConstants.GenericMissingText, text.Value);
        Assert.True(text.ResourceNotFound);
    }

    [Fact]
    public void Indexer_Arabic_IsolatesEveryArgumentValue()
    {
        var text = _factory.ForLanguage("ar")["verify.code.sent", new { email = "ana@example.com", minutes = 5 }];

        Assert.Equal("أرسلنا رمزًا إلى \u2068ana@example.com\u2069. تنتهي صلاحيته خلال \u20685\u2069 دقائق.", text.Value);
    }

    [Fact]
    public void Indexer_ArabicUserGetsEnglishFallback_StillIsolatesArguments()
    {
        var text = _factory.ForLanguage("ar-SA")["case.status", new { caseId = "C-7" }];

        Assert.Equal("Case \u2068C-7\u2069 is open.", text.Value);
        Assert.Equal("en", text.SearchedLocation);
    }

    [Fact]
    public void Indexer_LeftToRightLanguage_DoesNotIsolate()
    {
        var text = _factory.ForLanguage("en")["case.status", new { caseId = "C-7" }];

        Assert.Equal("Case C-7 is open.", text.Value);
    }

    [Fact]
    public void Indexer_FallbackToAnotherLanguage_IsLoggedOncePerLanguageAndKey()
    {
        _ = _factory.ForLanguage("de")["case.status", new { caseId = "1" }];
        _ = _factory.ForLanguage("de")["case.status", new { caseId = "2" }];
        _ = _factory.ForLanguage("fr-CA")["verify.code.sent", new { email = "e", minutes = 1 }];

        Assert.Single(_logger.MessagesWithId(4104));
    }

    [Fact]
    public void Indexer_MissingArgument_ShowsPlaceholderAndLogsOnce()
    {
        var localizer = _factory.ForLanguage("en");

        var text = localizer["chat.greeting", new { nom = "Ana" }];
        _ = localizer["chat.greeting", new { nom = "Ana" }];

        Assert.Equal("Hello {name}!", text.Value);
        Assert.Single(_logger.MessagesWithId(4102));
    }

    [Fact]
    public void Indexer_PositionalArguments_AreIgnoredAndLogged()
    {
        var text = _factory.ForLanguage("en")["chat.greeting", "Ana"];

        Assert.Equal("Hello {name}!", text.Value);
        Assert.Single(_logger.MessagesWithId(4105));
    }

    [Fact]
    public void Indexer_InvalidTranslation_FallsBackAndLogsTheError()
    {
        var factory = new JsonStringLocalizerFactory(
            TestLocales.Source(
                ("en/chat.json", """{ "chat.greeting": "Hello {name}!" }"""),
                ("fr/chat.json", """{ "chat.greeting": "Bonjour {name !" }""")),
            _logger);

        var text = factory.ForLanguage("fr")["chat.greeting", new { name = "Ana" }];

        Assert.Equal(("Hello Ana!", "en"), (text.Value, text.SearchedLocation));
        Assert.Single(_logger.MessagesWithId(4103));
    }

    [Fact]
    public void Create_BothOverloads_ShareCatalogsAndFollowTheCurrentUiCulture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-CA");
            var byType = _factory.Create(typeof(JsonStringLocalizerTests));
            var byName = _factory.Create("Anything", "Anywhere");

            Assert.Same(byType, byName);
            Assert.Equal("Allô Ana!", byType["chat.greeting", new { name = "Ana" }].Value);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("Hallo Ana!", byName["chat.greeting", new { name = "Ana" }].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void StringLocalizerOfT_OverTheFactory_UsesTheSameCatalogs()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            IStringLocalizer<JsonStringLocalizerTests> localizer = new StringLocalizer<JsonStringLocalizerTests>(_factory);

            Assert.Equal("Bonjour Ana !", localizer["chat.greeting", new { name = "Ana" }].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void GetAllStrings_WithParentCultures_MergesTheChainFirstWins()
    {
        var all = _factory.ForLanguage("fr-CA").GetAllStrings(includeParentCultures: true).ToList();
        var own = _factory.ForLanguage("fr-CA").GetAllStrings(includeParentCultures: false).ToList();

        Assert.Equal(5, all.Count);
        Assert.Equal("Allô {name}!", all.Single(s => s.Name == "chat.greeting").Value);
        Assert.Equal("fr", all.Single(s => s.Name == "verify.code.sent").SearchedLocation);
        Assert.Equal(["chat.greeting"], own.Select(s => s.Name));
    }

    [Fact]
    public void ForLanguage_SameLanguage_ReturnsTheCachedLocalizer()
    {
        Assert.Same(_factory.ForLanguage("fr"), _factory.ForLanguage("fr"));
        Assert.Equal("fr", _factory.ForLanguage("fr").Language);
    }

    [Fact]
    public void Constructor_DuplicateKeyAcrossFiles_ThrowsWithTheFinding()
    {
        var source = TestLocales.Source(
            ("en/chat.json", """{ "chat.greeting": "Hello" }"""),
            ("en/verify.json", """{ "chat.greeting": "Hi" }"""));

        var error = Assert.Throws<LocaleCatalogException>(() => new JsonStringLocalizerFactory(source));

        var finding = Assert.Single(error.Findings, f => f.Severity == LocaleFindingSeverity.Error);
        Assert.Equal(LocaleFindingKind.DuplicateKey, finding.Kind);
        Assert.Equal("en/verify.json", finding.File);
        Assert.Contains("en/chat.json", finding.Message, StringComparison.Ordinal);
        Assert.Contains("chat.greeting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_ManyThreadsAtOnce_GiveTheSameResultsAsOneThread()
    {
        string[] languages = ["en", "fr", "fr-CA", "ar", "de", "fr-BE", "ar-EG"];
        string[] keys = ["chat.greeting", "verify.code.sent", "case.status", "legal.privacy", "no.such.key"];
        object Arguments(int i) => new { name = "N" + i, email = $"u{i}@example.com", minutes = i % 7, caseId = "C" + i };

        string Render(JsonStringLocalizerFactory factory, int i) =>
            factory.ForLanguage(languages[i % languages.Length])[keys[i / languages.Length % keys.Length], Arguments(i)].Value;

        var serialFactory = new JsonStringLocalizerFactory(TestLocales.Source(
            ("en/chat.json", English), ("fr/chat.json", French), ("fr-CA/chat.json", FrenchCanada), ("ar/chat.json", Arabic),
            ("de/chat.json", """{ "chat.greeting": "Hallo {name}!" }""")));
        var expected = Enumerable.Range(0, 700).Select(i => Render(serialFactory, i)).ToArray();

        var mismatches = 0;
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n =>
        {
            var i = n % expected.Length;
            if (Render(_factory, i) != expected[i])
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
        Assert.Single(_logger.MessagesWithId(4101), m => m.Contains("'en'", StringComparison.Ordinal));
    }
}
