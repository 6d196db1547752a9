using System.Collections.Frozen;

namespace SupportBot.Dialogs.LanguageDetection;

/// <summary>
/// Tells which launch language a short chat message is written in, locally: naive Bayes over character n-grams
/// and words, trained at start-up from each language's recognizer examples and catalog text.
/// </summary>
/// <remarks>
/// <para>Character n-grams are the classic tool for short-text language identification (they see
/// "-ção", "-ción", "-zione", "ş", "ng mga" without a dictionary), train in milliseconds and need no model file,
/// so a localisation team's new language is detected as soon as its folder exists. The training data includes
/// the romanised examples translators write (Arabizi, Hinglish, Roman Urdu, Banglish, Taglish), so those are
/// detected too.</para>
/// <para>Confidence is the softmax of the <em>mean</em> per-feature log-likelihood times
/// <see cref="LanguageDetectorOptions.Sharpness"/>: summed naive Bayes scores would be near 1 for everything.
/// Below <see cref="LanguageDetectorOptions.SureAbove"/> the result is unsure and carries the close candidates;
/// the bot then asks rather than switching. Romanised Hindi and romanised Urdu are largely the same words, so for
/// them the honest answer is often "hi or ur, unsure", and the user picks.</para>
/// </remarks>
/// <threadsafety>Immutable once trained; <see cref="Detect(string)"/> may run on many threads at once.</threadsafety>
public sealed class LanguageDetector
{
    [ThreadStatic]
    private static List<ulong>? t_features;

    private readonly FrozenDictionary<ulong, int> _rows;
    private readonly float[] _logLikelihoods; // rows × languages
    private readonly string[] _languages;
    private readonly LanguageDetectorOptions _options;

    private LanguageDetector(string[] languages, FrozenDictionary<ulong, int> rows, float[] logLikelihoods, LanguageDetectorOptions options)
    {
        _languages = languages;
        _rows = rows;
        _logLikelihoods = logLikelihoods;
        _options = options;
    }

    /// <summary>The languages the detector can name, in ordinal order.</summary>
    public IReadOnlyList<string> Languages => _languages;

    /// <summary>How many distinct features the detector knows.</summary>
    public int FeatureCount => _rows.Count;

    /// <summary>Trains on <paramref name="samples"/>; every language with at least one sample can be detected.</summary>
    /// <exception cref="ArgumentException">Fewer than two languages have samples.</exception>
    public static LanguageDetector Train(IEnumerable<LanguageSample> samples, LanguageDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        options ??= new LanguageDetectorOptions();
        options.Validate();

        var list = samples.Where(sample => !string.IsNullOrWhiteSpace(sample.Text) && sample.Weight > 0).ToList();
        var languages = list.Select(sample => sample.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (languages.Length < 2)
        {
            throw new ArgumentException($"Language detection needs samples of at least two languages; got {languages.Length}.", nameof(samples));
        }

        var languageIndex = languages.Select((language, index) => (language, index)).ToDictionary(p => p.language, p => p.index, StringComparer.Ordinal);
        var rows = new Dictionary<ulong, int>();
        var counts = new List<double>();
        var totals = new double[languages.Length];
        var features = new List<ulong>();
        foreach (var sample in list)
        {
            var l = languageIndex[sample.Language];
            LanguageFeatures.Extract(sample.Text, options.MaxCharNgram, features);
            foreach (var feature in features)
            {
                if (!rows.TryGetValue(feature, out var row))
                {
                    row = rows.Count;
                    rows.Add(feature, row);
                    for (var i = 0; i < languages.Length; i++)
                    {
                        counts.Add(0);
                    }
                }

                counts[(row * languages.Length) + l] += sample.Weight;
                totals[l] += sample.Weight;
            }
        }

        var vocabulary = rows.Count;
        var logLikelihoods = new float[counts.Count];
        for (var row = 0; row < vocabulary; row++)
        {
            for (var l = 0; l < languages.Length; l++)
            {
                var index = (row * languages.Length) + l;
                logLikelihoods[index] = (float)Math.Log((counts[index] + options.Smoothing) / (totals[l] + (options.Smoothing * vocabulary)));
            }
        }

        return new LanguageDetector(languages, rows.ToFrozenDictionary(), logLikelihoods, options);
    }

    /// <summary>Detects the language of <paramref name="text"/> (the first 1,000 characters).</summary>
    public DetectedLanguage Detect(string text) => Detect(text, null);

    /// <summary>Detects the language of <paramref name="text"/> among <paramref name="among"/> only (all when null).</summary>
    public DetectedLanguage Detect(string text, IReadOnlyCollection<string>? among)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 1000)
        {
            text = text[..1000];
        }

        var features = t_features ??= new List<ulong>(256);
        LanguageFeatures.Extract(text, _options.MaxCharNgram, features);
        var count = _languages.Length;
        Span<double> scores = stackalloc double[count];
        var known = 0;
        foreach (var feature in features)
        {
            if (_rows.TryGetValue(feature, out var row))
            {
                known++;
                var weights = _logLikelihoods.AsSpan(row * count, count);
                for (var l = 0; l < count; l++)
                {
                    scores[l] += weights[l];
                }
            }
        }

        if (known == 0)
        {
            return DetectedLanguage.Unknown;
        }

        var max = double.NegativeInfinity;
        for (var l = 0; l < count; l++)
        {
            if (among is not null && !among.Contains(_languages[l]))
            {
                scores[l] = double.NegativeInfinity;
                continue;
            }

            scores[l] = scores[l] / known * _options.Sharpness;
            max = Math.Max(max, scores[l]);
        }

        if (double.IsNegativeInfinity(max))
        {
            return DetectedLanguage.Unknown;
        }

        var sum = 0.0;
        for (var l = 0; l < count; l++)
        {
            scores[l] = double.IsNegativeInfinity(scores[l]) ? 0 : Math.Exp(scores[l] - max);
            sum += scores[l];
        }

        var candidates = new List<LanguageCandidate>(3);
        for (var l = 0; l < count; l++)
        {
            var probability = scores[l] / sum;
            if (probability >= _options.CandidateAbove || scores[l] == 1.0)
            {
                candidates.Add(new LanguageCandidate(_languages[l], probability));
            }
        }

        candidates.Sort((a, b) => b.Probability.CompareTo(a.Probability) is var order && order != 0 ? order : string.CompareOrdinal(a.Language, b.Language));
        var best = candidates[0];
        return new DetectedLanguage(best.Language, best.Probability, best.Probability >= _options.SureAbove, candidates);
    }
}
