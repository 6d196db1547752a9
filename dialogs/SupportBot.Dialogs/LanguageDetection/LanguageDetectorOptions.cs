using System.ComponentModel.DataAnnotations;

namespace SupportBot.Dialogs.LanguageDetection;

/// <summary>How <see cref="LanguageDetector"/> is trained and when it calls itself sure.</summary>
/// <remarks>
/// The defaults are conventional values for character n-gram naive Bayes, set once and not fitted to the held-out
/// sets; the README's language-identification table shows what they give. Bound from section <c>LanguageDetection</c>.
/// </remarks>
public sealed class LanguageDetectorOptions
{
    /// <summary>The longest character n-gram (word boundaries count as characters).</summary>
    [Range(1, 6)]
    public int MaxCharNgram { get; set; } = 4;

    /// <summary>Additive (Lidstone) smoothing of the per-language n-gram counts.</summary>
    [Range(1e-4, 10.0)]
    public double Smoothing { get; set; } = 0.1;

    /// <summary>
    /// Scales the mean per-feature log-likelihood before the softmax. Naive Bayes sums are overconfident because
    /// overlapping n-grams are not independent; averaging and rescaling gives probabilities that mean something.
    /// </summary>
    [Range(0.1, 1000.0)]
    public double Sharpness { get; set; } = 12.0;

    /// <summary>The probability above which the detector is sure (and the bot need not ask).</summary>
    [Range(0.0, 1.0)]
    public double SureAbove { get; set; } = 0.80;

    /// <summary>Other languages at least this probable are offered as candidates beside the top one.</summary>
    [Range(0.0, 1.0)]
    public double CandidateAbove { get; set; } = 0.15;

    /// <summary>Throws when an option is out of range, listing every problem.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ValidationException($"Invalid {nameof(LanguageDetectorOptions)}: {string.Join(" ", results.Select(r => r.ErrorMessage))}");
        }
    }
}
