using System.Runtime.InteropServices;

namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// Fits a <see cref="LanguageModel"/>: multinomial logistic regression trained by stochastic gradient descent
/// with AdaGrad step sizes and an L2 penalty.
/// </summary>
/// <remarks>
/// <para>Logistic regression gives probabilities that mean something (the bot asks a clarifying question when
/// the top one is low), trains in milliseconds on a few hundred examples, and needs no dependency. AdaGrad keeps
/// one accumulator per feature row rather than per weight: rare features (most character n-grams) keep large
/// steps, frequent ones settle, and the update costs one square root per feature instead of one per class.</para>
/// <para>Everything is deterministic: examples are featurised once in data order, shuffled between epochs by a
/// seeded <see cref="SplitMix64"/>, and reductions run in a fixed order.</para>
/// </remarks>
internal static class LanguageModelTrainer
{
    private const float AdaGradEpsilon = 1e-6f;

    /// <summary>Trains the model of one language from all of its sets.</summary>
    /// <exception cref="IntentTrainingDataException">The sets cover fewer than two intents together.</exception>
    public static LanguageModel Train(string language, IReadOnlyList<IntentTrainingSet> sets, RecognizerTrainingOptions options)
    {
        var classes = IntentLabels.All.Where(intent => sets.Any(set => set.Examples.ContainsKey(intent))).ToArray();
        if (classes.Length < 2)
        {
            throw new IntentTrainingDataException(
                string.Join(", ", sets.Select(set => set.SourceName)),
                [$"language '{language}' has examples for {classes.Length} intent(s); a recognizer needs at least two"]);
        }

        var data = Featurize(sets, classes, options);
        var weights = Fit(data, classes.Length, options);
        data.Rows.TrimExcess();
        return new LanguageModel(language, classes, data.Rows, weights, options.MinCharNgram, options.MaxCharNgram);
    }

    private static TrainingData Featurize(IReadOnlyList<IntentTrainingSet> sets, Intent[] classes, RecognizerTrainingOptions options)
    {
        var data = new TrainingData();
        var hashes = new List<ulong>();
        var rows = new List<int>();
        var buffer = Array.Empty<char>();

        // Data order: sets as given, intents in declaration order, examples as written.
        for (var label = 0; label < classes.Length; label++)
        {
            foreach (var set in sets)
            {
                if (!set.Examples.TryGetValue(classes[label], out var examples))
                {
                    continue;
                }

                foreach (var example in examples)
                {
                    if (buffer.Length < TextNormalizer.SuggestedCapacity(example.Length))
                    {
                        buffer = new char[TextNormalizer.SuggestedCapacity(example.Length) * 2];
                    }

                    var length = TextNormalizer.Normalize(example.AsSpan(0, Math.Min(example.Length, RecognizerConstants.MaxInputChars)), buffer);
                    hashes.Clear();
                    var sink = new CollectingSink(hashes);
                    FeatureExtractor.Extract(buffer.AsSpan(0, length), options.MinCharNgram, options.MaxCharNgram, ref sink);
                    data.Add(label, hashes, rows);
                }
            }
        }

        return data;
    }

    private static float[] Fit(TrainingData data, int classCount, RecognizerTrainingOptions options)
    {
        // Rows are padded to whole vectors; the padding columns get zero gradient, so they stay zero.
        var stride = LanguageModel.Stride(classCount);
        var weights = new float[(data.Rows.Count + 1) * stride];
        var adaGrad = new float[data.Rows.Count + 1];
        var scores = new float[stride];
        var gradient = new float[stride];
        var step = new float[stride];
        var learningRate = (float)options.LearningRate;
        var l2 = (float)options.L2;

        var order = new int[data.ExampleCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var starts = data.Starts;
        var featureRows = data.FeatureRows;
        var featureValues = data.FeatureValues;
        var labels = data.Labels;
        var random = new SplitMix64((ulong)options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order.AsSpan());
            foreach (var example in order)
            {
                var (start, end) = (starts[example], starts[example + 1]);

                // Forward: bias plus weighted rows, then softmax. The loss gradient on the scores is p - y.
                weights.AsSpan(LanguageModel.BiasRow * stride, stride).CopyTo(scores);
                for (var k = start; k < end; k++)
                {
                    VectorMath.AddScaled(scores, weights.AsSpan(featureRows[k] * stride, stride), featureValues[k]);
                }

                LanguageModel.Softmax(scores.AsSpan(0, classCount));
                scores.AsSpan(0, classCount).CopyTo(gradient);
                gradient[labels[example]] -= 1f;

                // The bias is not penalised: it carries the class priors.
                Update(LanguageModel.BiasRow, 1f, 0f);
                for (var k = start; k < end; k++)
                {
                    Update(featureRows[k], featureValues[k], l2);
                }
            }
        }

        return weights;

        void Update(int row, float value, float penalty)
        {
            // AdaGrad with one accumulator per row: the mean squared gradient of the row's weights.
            var w = weights.AsSpan(row * stride, stride);
            var squares = VectorMath.Combine(step, gradient, value, w, penalty);
            adaGrad[row] += squares / classCount;
            VectorMath.AddScaled(w, step, -learningRate / (MathF.Sqrt(adaGrad[row]) + AdaGradEpsilon));
        }
    }

    /// <summary>Collects the raw feature hashes of one utterance.</summary>
    private readonly struct CollectingSink(List<ulong> hashes) : IFeatureSink
    {
        public void Add(ulong feature) => hashes.Add(feature);
    }

    /// <summary>The featurised examples in compressed sparse rows, and the feature index they were built with.</summary>
    private sealed class TrainingData
    {
        private readonly List<int> _starts = [0];
        private readonly List<int> _featureRows = [];
        private readonly List<float> _featureValues = [];
        private readonly List<int> _labels = [];

        public Dictionary<ulong, int> Rows { get; } = [];

        public int ExampleCount => _labels.Count;

        /// <summary>Where each example's features start in <see cref="FeatureRows"/>, plus the end of the last.</summary>
        public ReadOnlySpan<int> Starts => CollectionsMarshal.AsSpan(_starts);

        public ReadOnlySpan<int> FeatureRows => CollectionsMarshal.AsSpan(_featureRows);

        public ReadOnlySpan<float> FeatureValues => CollectionsMarshal.AsSpan(_featureValues);

        public ReadOnlySpan<int> Labels => CollectionsMarshal.AsSpan(_labels);

        /// <summary>Adds one example: each distinct feature once, valued occurrences / sqrt(total occurrences).</summary>
        public void Add(int label, List<ulong> hashes, List<int> scratch)
        {
            scratch.Clear();
            foreach (var hash in hashes)
            {
                // One lookup for both cases; a new feature gets the next row (row 0 is the bias).
                ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(Rows, hash, out var exists);
                if (!exists)
                {
                    row = Rows.Count;
                }

                scratch.Add(row);
            }

            scratch.Sort();
            var scale = hashes.Count == 0 ? 0f : 1f / MathF.Sqrt(hashes.Count);
            for (var i = 0; i < scratch.Count;)
            {
                var j = i;
                while (j < scratch.Count && scratch[j] == scratch[i])
                {
                    j++;
                }

                _featureRows.Add(scratch[i]);
                _featureValues.Add((j - i) * scale);
                i = j;
            }

            _starts.Add(_featureRows.Count);
            _labels.Add(label);
        }
    }
}
