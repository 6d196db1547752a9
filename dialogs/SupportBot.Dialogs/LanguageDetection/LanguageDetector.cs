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

    private readonly Dictionary<ulong, int> _rows; // read-only after training; a frozen copy costs more to build than it saves
    private readonly int[] _starts;        // row → first entry in _entryClasses/_entryWeights; one extra at the end
    private readonly int[] _entryClasses;  // the classes a feature was seen in
    private readonly float[] _entryWeights; // log(1 + count / smoothing) for that class
    private readonly float[] _unseen;      // per class: log(smoothing / (total + smoothing × vocabulary))
    private readonly string[] _languages;
    private readonly int[] _classLanguage; // class → index in _languages
    private readonly LanguageDetectorOptions _options;

    private const int MinScriptSamples = 10;

    private LanguageDetector(
        string[] languages, int[] classLanguage, Dictionary<ulong, int> rows, int[] starts, int[] entryClasses, float[] entryWeights, float[] unseen,
        LanguageDetectorOptions options)
    {
        _languages = languages;
        _classLanguage = classLanguage;
        _rows = rows;
        _starts = starts;
        _entryClasses = entryClasses;
        _entryWeights = entryWeights;
        _unseen = unseen;
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

        // One class per language and script: romanised Arabic, Hindi, Urdu or Bangla is a minority of each language's
        // text, and inside a single class its Latin n-grams would be diluted by the native script's mass. A script
        // with only a handful of samples in a language (a brand name, a stray word) joins the language's main class.
        var languageIndex = languages.Select((language, index) => (language, index)).ToDictionary(p => p.language, p => p.index, StringComparer.Ordinal);
        var scripts = list.Select(sample => (sample.Language, Script: ScriptOf(sample.Text))).ToList();
        var sizes = scripts.CountBy(pair => pair).ToDictionary();
        var main = languages.ToDictionary(
            language => language,
            language => sizes.Where(pair => pair.Key.Language == language).MaxBy(pair => pair.Value).Key.Script,
            StringComparer.Ordinal);
        var classes = new List<(string Language, int Script)>();
        var classIndex = new Dictionary<(string, int), int>();
        var sampleClass = new int[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var key = sizes[scripts[i]] >= MinScriptSamples ? scripts[i] : (scripts[i].Language, main[scripts[i].Language]);
            if (!classIndex.TryGetValue(key, out var index))
            {
                index = classes.Count;
                classes.Add(key);
                classIndex.Add(key, index);
            }

            sampleClass[i] = index;
        }

        // Naive Bayes with Lidstone smoothing, stored sparsely: log P(f|c) = unseen[c] + log(1 + n(f,c)/α), where the
        // second term is non-zero only for the classes f was seen in (a feature is typically seen in one or two).
        var classCount = classes.Count;
        var rows = new Dictionary<ulong, int>();
        var counts = new Dictionary<long, double>(); // row × classCount + class → weighted count
        var totals = new double[classCount];
        var features = new List<ulong>();
        for (var i = 0; i < list.Count; i++)
        {
            var sample = list[i];
            var c = sampleClass[i];
            LanguageFeatures.Extract(sample.Text, options.MaxCharNgram, features);
            foreach (var feature in features)
            {
                ref var row = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(rows, feature, out var exists);
                if (!exists)
                {
                    row = rows.Count - 1;
                }

                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, ((long)row * classCount) + c, out _) += sample.Weight;
            }

            totals[c] += sample.Weight * features.Count;
        }

        // Compressed rows: each feature's (class, weight) entries side by side.
        var vocabulary = rows.Count;
        var starts = new int[vocabulary + 1];
        foreach (var key in counts.Keys)
        {
            starts[(int)(key / classCount) + 1]++;
        }

        for (var row = 0; row < vocabulary; row++)
        {
            starts[row + 1] += starts[row];
        }

        var fill = starts[..^1];
        var entryClasses = new int[counts.Count];
        var entryWeights = new float[counts.Count];
        foreach (var (key, count) in counts)
        {
            var at = fill[(int)(key / classCount)]++;
            entryClasses[at] = (int)(key % classCount);
            entryWeights[at] = (float)Math.Log(1 + (count / options.Smoothing));
        }

        var unseen = totals.Select(total => (float)Math.Log(options.Smoothing / (total + (options.Smoothing * vocabulary)))).ToArray();
        var classLanguage = classes.Select(key => languageIndex[key.Language]).ToArray();
        return new LanguageDetector(languages, classLanguage, rows, starts, entryClasses, entryWeights, unseen, options);
    }

    /// <summary>The writing system of a text, coarsely: 0 for Latin, otherwise the 128-character block of its first non-Latin letter.</summary>
    private static int ScriptOf(string text)
    {
        var latin = 0;
        var other = 0;
        var firstOther = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (c <= '\u024F' || c is >= '\u1E00' and <= '\u1EFF')
            {
                latin++;
            }
            else
            {
                firstOther = other++ == 0 ? (c >> 7) : firstOther;
            }
        }

        return latin >= other ? 0 : firstOther;
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
        var classCount = _classLanguage.Length;
        Span<double> scores = stackalloc double[classCount];
        var known = 0;
        foreach (var feature in features)
        {
            if (_rows.TryGetValue(feature, out var row))
            {
                known++;
                for (var e = _starts[row]; e < _starts[row + 1]; e++)
                {
                    scores[_entryClasses[e]] += _entryWeights[e];
                }
            }
        }

        if (known == 0)
        {
            return DetectedLanguage.Unknown;
        }

        for (var c = 0; c < classCount; c++)
        {
            scores[c] += known * (double)_unseen[c];
        }

        var max = double.NegativeInfinity;
        for (var c = 0; c < classCount; c++)
        {
            if (among is not null && !among.Contains(_languages[_classLanguage[c]]))
            {
                scores[c] = double.NegativeInfinity;
                continue;
            }

            // Divided by every feature, known or not: the choice is the same, but text made mostly of n-grams no
            // language has ever shown gets a flat, unsure answer instead of a confident one from a few letters.
            scores[c] = scores[c] / features.Count * _options.Sharpness;
            max = Math.Max(max, scores[c]);
        }

        if (double.IsNegativeInfinity(max))
        {
            return DetectedLanguage.Unknown;
        }

        // A language's probability is the sum over its scripts.
        var count = _languages.Length;
        Span<double> byLanguage = stackalloc double[count];
        byLanguage.Clear();
        var sum = 0.0;
        for (var c = 0; c < classCount; c++)
        {
            var weight = double.IsNegativeInfinity(scores[c]) ? 0 : Math.Exp(scores[c] - max);
            byLanguage[_classLanguage[c]] += weight;
            sum += weight;
        }

        var top = 0.0;
        foreach (var weight in byLanguage)
        {
            top = Math.Max(top, weight);
        }

        var candidates = new List<LanguageCandidate>(3);
        for (var l = 0; l < count; l++)
        {
            var probability = byLanguage[l] / sum;
            if (probability >= _options.CandidateAbove || byLanguage[l] == top)
            {
                candidates.Add(new LanguageCandidate(_languages[l], probability));
            }
        }

        candidates.Sort((a, b) => b.Probability.CompareTo(a.Probability) is var order && order != 0 ? order : string.CompareOrdinal(a.Language, b.Language));
        var best = candidates[0];
        return new DetectedLanguage(best.Language, best.Probability, best.Probability >= _options.SureAbove, candidates);
    }
}
