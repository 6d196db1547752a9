using System.ComponentModel.DataAnnotations;

namespace SupportBot.Dialogs.Understanding;

/// <summary>How <see cref="LinearIntentRecognizer.Train"/> fits its per-language classifiers.</summary>
/// <remarks>
/// The defaults suit a few dozen examples per intent, which is what a localisation team writes; they were chosen
/// by 5-fold cross-validation on the English training data (not on the held-out set), where accuracy varied by
/// about one point across reasonable settings. Training is deterministic: the same data, options and seed give
/// the same weights and predictions.
/// </remarks>
public sealed class RecognizerTrainingOptions
{
    /// <summary>Passes over the training examples.</summary>
    /// <value>The default value is 10.</value>
    [Range(1, RecognizerConstants.MaxEpochs)]
    public int Epochs { get; set; } = RecognizerConstants.DefaultEpochs;

    /// <summary>The AdaGrad base step size.</summary>
    /// <value>The default value is 0.2.</value>
    [Range(1e-6, 10.0)]
    public double LearningRate { get; set; } = RecognizerConstants.DefaultLearningRate;

    /// <summary>The L2 penalty on feature weights; it keeps confidence honest on utterances unlike any example.</summary>
    /// <value>The default value is 0.001.</value>
    [Range(0.0, 1.0)]
    public double L2 { get; set; } = RecognizerConstants.DefaultL2;

    /// <summary>Seeds the shuffling of examples between epochs.</summary>
    /// <value>The default value is 20240611.</value>
    public int Seed { get; set; } = RecognizerConstants.DefaultSeed;

    /// <summary>The shortest character n-gram, counting a word boundary as a character.</summary>
    /// <value>The default value is 2.</value>
    /// <remarks>Must not exceed <see cref="MaxCharNgram"/>.</remarks>
    [Range(1, RecognizerConstants.MaxCharNgram)]
    public int MinCharNgram { get; set; } = RecognizerConstants.DefaultMinCharNgram;

    /// <summary>The longest character n-gram, counting a word boundary as a character.</summary>
    /// <value>The default value is 5.</value>
    [Range(1, RecognizerConstants.MaxCharNgram)]
    public int MaxCharNgram { get; set; } = RecognizerConstants.DefaultMaxCharNgram;

    /// <summary>Throws when an option is out of range, listing every problem.</summary>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    internal void Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        if (MinCharNgram > MaxCharNgram)
        {
            results.Add(new ValidationResult(
                $"{nameof(MinCharNgram)} ({MinCharNgram}) must not exceed {nameof(MaxCharNgram)} ({MaxCharNgram}).",
                [nameof(MinCharNgram), nameof(MaxCharNgram)]));
        }

        if (results.Count > 0)
        {
            throw new ValidationException(
                $"Invalid {nameof(RecognizerTrainingOptions)}: {string.Join(" ", results.Select(r => r.ErrorMessage))}");
        }
    }
}
