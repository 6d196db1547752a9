using System.Buffers;

namespace SupportBot.Dialogs.Understanding;

/// <summary>The trained classifier of one language: a feature index and one weight row per feature.</summary>
/// <remarks>
/// <para>Only features seen in the training data get a row, looked up by hash in a dictionary. That keeps a
/// language to a few MB where a fixed-size hashing trick would need a large table per language to avoid
/// collisions. Features of an utterance that were never seen in training still count toward its length
/// normalisation, so an utterance made mostly of unknown words gets a weak, flat, low-confidence score.</para>
/// <para>Weights are row-major (one row of class weights per feature, padded to whole vectors), so scoring a
/// feature adds one contiguous row. Row 0 is the bias. Padding columns stay zero and are never read as
/// classes.</para>
/// </remarks>
/// <threadsafety>Immutable after construction; <see cref="Predict"/> may run on many threads at once.</threadsafety>
internal sealed class LanguageModel
{
    /// <summary>The row of the bias, a feature every utterance has with value 1.</summary>
    public const int BiasRow = 0;

    private readonly Dictionary<ulong, int> _rows;
    private readonly float[] _weights;
    private readonly Intent[] _classes;
    private readonly int _stride;
    private readonly int _minN;
    private readonly int _maxN;

    /// <param name="language">The language tag.</param>
    /// <param name="classes">The intents this language was trained on, one per weight column.</param>
    /// <param name="rows">Feature hash to weight row; rows start at 1 because row 0 is the bias.</param>
    /// <param name="weights">(rows + 1) × <see cref="Stride"/> weights, row-major.</param>
    /// <param name="minN">The shortest character n-gram used in training.</param>
    /// <param name="maxN">The longest character n-gram used in training.</param>
    public LanguageModel(string language, Intent[] classes, Dictionary<ulong, int> rows, float[] weights, int minN, int maxN)
    {
        var stride = Stride(classes.Length);
        if (classes.Length < 2 || weights.Length != (rows.Count + 1) * stride)
        {
            throw new ArgumentException("The weights must have one row per feature plus the bias, and a padded column per class (at least two).", nameof(weights));
        }

        Language = language;
        _classes = classes;
        _stride = stride;
        _rows = rows;
        _weights = weights;
        _minN = minN;
        _maxN = maxN;
    }

    /// <summary>The length of a weight row for <paramref name="classCount"/> classes: whole vectors.</summary>
    public static int Stride(int classCount) => VectorMath.PaddedLength(classCount);

    /// <summary>The language tag, as written in the training data.</summary>
    public string Language { get; }

    /// <summary>The intents this model can predict.</summary>
    public IReadOnlyList<Intent> Intents => _classes;

    /// <summary>How many distinct features the model knows.</summary>
    public int FeatureCount => _rows.Count;

    /// <summary>The memory the model holds, estimated from its arrays and dictionary entries.</summary>
    /// <remarks>
    /// A dictionary slot of a <c>ulong</c> key and <c>int</c> value takes 24 bytes plus a 4-byte bucket;
    /// <c>EnsureCapacity(0)</c> only reads the slot count.
    /// </remarks>
    public long ApproximateSizeInBytes => ((long)_weights.Length * sizeof(float)) + (_rows.EnsureCapacity(0) * 28L) + 256;

    /// <summary>Classifies <paramref name="text"/>; allocates only the returned prediction.</summary>
    public IntentPrediction Predict(ReadOnlySpan<char> text)
    {
        if (text.Length > RecognizerConstants.MaxInputChars)
        {
            text = text[..RecognizerConstants.MaxInputChars];
        }

        var capacity = TextNormalizer.SuggestedCapacity(text.Length);
        char[]? rented = null;
        Span<char> buffer = capacity <= RecognizerConstants.StackBufferChars
            ? stackalloc char[RecognizerConstants.StackBufferChars]
            : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            var length = TextNormalizer.Normalize(text, buffer);
            Span<float> scores = stackalloc float[_stride];
            Score(buffer[..length], scores);
            return ToPrediction(scores[.._classes.Length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the class scores (logits) of normalised text into <paramref name="scores"/>, one padded row long.</summary>
    private void Score(ReadOnlySpan<char> normalized, Span<float> scores)
    {
        Span<float> sums = stackalloc float[_stride];
        var sink = new ScoringSink(_rows, _weights, sums);
        FeatureExtractor.Extract(normalized, _minN, _maxN, ref sink);

        // Occurrences scaled by 1/sqrt(total), the value the trainer gave each feature, plus the bias.
        var scale = sink.Count == 0 ? 0f : 1f / MathF.Sqrt(sink.Count);
        _weights.AsSpan(BiasRow * _stride, _stride).CopyTo(scores);
        VectorMath.AddScaled(scores, sums, scale);
    }

    /// <summary>Turns scores into probabilities in place (softmax).</summary>
    internal static void Softmax(Span<float> scores)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            max = MathF.Max(max, s);
        }

        var sum = 0f;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }

        var inverse = 1f / sum;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] *= inverse;
        }
    }

    private IntentPrediction ToPrediction(Span<float> scores)
    {
        Softmax(scores);

        // Ties go to the earlier class, which keeps predictions deterministic.
        int best = 0, second = 1;
        if (scores[1] > scores[0])
        {
            (best, second) = (1, 0);
        }

        for (var c = 2; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                second = best;
                best = c;
            }
            else if (scores[c] > scores[second])
            {
                second = c;
            }
        }

        return new IntentPrediction(_classes[best], scores[best], _classes[second], scores[second]);
    }

    /// <summary>Adds the weight row of every known feature into a padded row and counts all features, known or not.</summary>
    private ref struct ScoringSink(Dictionary<ulong, int> rows, float[] weights, Span<float> sums) : IFeatureSink
    {
        private readonly Dictionary<ulong, int> _rows = rows;
        private readonly float[] _weights = weights;
        private readonly Span<float> _sums = sums;

        public int Count { get; private set; }

        public void Add(ulong feature)
        {
            Count++;
            if (_rows.TryGetValue(feature, out var row))
            {
                VectorMath.Add(_sums, _weights.AsSpan(row * _sums.Length, _sums.Length));
            }
        }
    }
}
