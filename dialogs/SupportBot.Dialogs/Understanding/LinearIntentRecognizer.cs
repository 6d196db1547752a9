using System.Collections.Frozen;

namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// The local intent recognizer: one linear classifier per language over character n-grams and words, trained at
/// start-up from <c>locales/&lt;lang&gt;/intents.json</c>. No network, no model files.
/// </summary>
/// <remarks>
/// <para>A linear model is enough for short first-line messages and has properties the bot relies on:
/// training takes milliseconds, so a localisation team's new examples take effect on the next start; it is
/// deterministic; recognition takes microseconds without allocating; and its softmax probabilities are low on
/// text unlike any example, which is when the bot asks a clarifying question offering the top two intents.</para>
/// <para>Character n-grams over a normalised form (see <see cref="TextNormalizer"/>) make it tolerant of the
/// spelling of people typing in a hurry on a phone, and of inflection in languages other than English.</para>
/// </remarks>
/// <threadsafety>Immutable once trained; <see cref="Recognize"/> may be called from any number of threads.</threadsafety>
public sealed class LinearIntentRecognizer : IIntentRecognizer
{
    private readonly FrozenDictionary<string, LanguageModel> _models;
    private readonly FrozenDictionary<string, LanguageModel>.AlternateLookup<ReadOnlySpan<char>> _modelsBySpan;
    private readonly IReadOnlyCollection<string> _languages;

    private LinearIntentRecognizer(IEnumerable<LanguageModel> models)
    {
        _models = models.ToFrozenDictionary(model => model.Language, StringComparer.OrdinalIgnoreCase);
        _modelsBySpan = _models.GetAlternateLookup<ReadOnlySpan<char>>();
        _languages = Array.AsReadOnly(_models.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Languages => _languages;

    /// <summary>Trains one classifier per language found in <paramref name="sets"/>.</summary>
    /// <param name="sets">Training data; sets of the same language (compared ignoring case) are combined.</param>
    /// <param name="options">How to train; <see langword="null"/> for the defaults.</param>
    /// <returns>A recognizer for every language in <paramref name="sets"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="sets"/> is empty.</exception>
    /// <exception cref="IntentTrainingDataException">A language's sets cover fewer than two intents together.</exception>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of range.</exception>
    public static LinearIntentRecognizer Train(IEnumerable<IntentTrainingSet> sets, RecognizerTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        options ??= new RecognizerTrainingOptions();
        options.Validate();

        var byLanguage = sets
            .GroupBy(set => set.Language, StringComparer.OrdinalIgnoreCase)
            .Select(group => (Language: group.First().Language, Sets: group.ToArray()))
            .ToArray();
        if (byLanguage.Length == 0)
        {
            throw new ArgumentException("At least one training set is needed.", nameof(sets));
        }

        // Languages are independent: training them side by side keeps start-up with every launch language short.
        // Each model is still trained deterministically; the first failure (in language order) is rethrown as is.
        var models = new LanguageModel[byLanguage.Length];
        var failures = new Exception?[byLanguage.Length];
        Parallel.For(0, byLanguage.Length, i =>
        {
            try
            {
                models[i] = LanguageModelTrainer.Train(byLanguage[i].Language, byLanguage[i].Sets, options);
            }
            catch (Exception exception) when (exception is IntentTrainingDataException or ArgumentException)
            {
                failures[i] = exception;
            }
        });

        if (failures.FirstOrDefault(failure => failure is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        return new LinearIntentRecognizer(models);
    }

    /// <summary>Whether <see cref="Recognize"/> accepts <paramref name="language"/>, by the same matching rules.</summary>
    /// <param name="language">A language tag such as <c>en</c>, <c>EN</c> or <c>en-GB</c>.</param>
    public bool SupportsLanguage(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return Find(language) is not null;
    }

    /// <summary>Predicts the intent of <paramref name="text"/>, with its softmax probability and the runner-up.</summary>
    /// <param name="text">The user's message; only its first 1,000 characters are read.</param>
    /// <param name="language">
    /// A trained language tag, matched ignoring case; a regional tag such as <c>en-GB</c> or <c>pt_BR</c> falls
    /// back to its language (<c>en</c>, <c>pt</c>) when it was not trained itself.
    /// </param>
    /// <exception cref="ArgumentException">No model matches <paramref name="language"/>; check <see cref="SupportsLanguage"/> first.</exception>
    public IntentPrediction Recognize(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        var model = Find(language)
            ?? throw new ArgumentException($"No intent model for language '{language}'. Trained: {string.Join(", ", _languages)}.", nameof(language));
        return model.Predict(text);
    }

    /// <summary>The model of a language, for tests and tools that inspect it.</summary>
    internal LanguageModel? Find(string language)
    {
        if (_models.TryGetValue(language, out var model))
        {
            return model;
        }

        var cut = language.AsSpan().IndexOfAny('-', '_');
        return cut > 0 && _modelsBySpan.TryGetValue(language.AsSpan(0, cut), out model) ? model : null;
    }
}
