namespace SupportBot.Dialogs.LanguageDetection;

/// <summary>One piece of text known to be written in <paramref name="Language"/>, for <see cref="LanguageDetector.Train"/>.</summary>
/// <param name="Language">The language tag, e.g. <c>fr</c>.</param>
/// <param name="Text">The text: a chat example, a catalog message, a button title.</param>
/// <param name="Weight">How much the sample counts; chat-like examples count more than long catalog sentences.</param>
public sealed record LanguageSample(string Language, string Text, double Weight = 1.0);
