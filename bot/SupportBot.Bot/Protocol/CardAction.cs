using System.Text.Json;

namespace SupportBot.Bot.Protocol;

/// <summary>A button: <c>imBack</c> posts <see cref="Value"/> as the user's text.</summary>
public sealed class CardAction
{
    public string Type { get; set; } = "imBack";
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public JsonElement? Value { get; set; }
}
