namespace SupportBot.Dialogs.LanguageDetection;

/// <summary>A language the detector considers, with its probability in [0,1].</summary>
public sealed record LanguageCandidate(string Language, double Probability);
