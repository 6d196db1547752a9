namespace SupportBot.Dialogs.Understanding;

/// <summary>Defaults and limits of <see cref="RecognizerTrainingOptions"/> and <see cref="LinearIntentRecognizer"/>.</summary>
internal static class RecognizerConstants
{
    public const int DefaultEpochs = 10;
    public const int MaxEpochs = 1000;
    public const double DefaultLearningRate = 0.2;
    public const double DefaultL2 = 1e-3;
    public const int DefaultSeed = 20240611;
    public const int DefaultMinCharNgram = 2;
    public const int DefaultMaxCharNgram = 5;
    public const int MaxCharNgram = 8;

    /// <summary>Only the start of longer messages is classified; their intent shows early, and work stays bounded.</summary>
    public const int MaxInputChars = 1000;

    /// <summary>Normalised text up to this length is built on the stack rather than in a pooled array.</summary>
    public const int StackBufferChars = 512;
}
