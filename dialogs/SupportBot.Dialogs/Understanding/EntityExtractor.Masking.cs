namespace SupportBot.Dialogs.Understanding;

public static partial class EntityExtractor
{
    /// <summary>Replaces every email, profile link and @handle with <paramref name="mask"/> (what the LLM must never see).</summary>
    internal static string MaskIdentifiers(string text, string mask)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = EmailPattern().Replace(text, mask);
        result = ProfileLinkPattern().Replace(result, mask);
        return HandlePattern().Replace(result, mask);
    }
}
