namespace SupportBot.Dialogs.Understanding;

/// <summary>Receives the hashed features of one utterance from <see cref="FeatureExtractor"/>.</summary>
/// <remarks>
/// A struct constraint instead of a delegate lets the JIT specialise and inline the extractor for each use
/// (collecting during training, scoring during recognition), so neither pays for a call per n-gram.
/// </remarks>
internal interface IFeatureSink
{
    /// <summary>Takes one feature occurrence; the same feature may arrive several times.</summary>
    void Add(ulong feature);
}
