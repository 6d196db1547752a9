using System.Text.Json;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.CodeEntry;

/// <summary>The code box as the terminal shows it: the input's label, and what its submit button sends.</summary>
public sealed record TerminalCodeBox(string Language, string Label, string InputId, JsonElement Data)
{
    /// <summary>The code box an attachment is, or null for any other attachment.</summary>
    public static TerminalCodeBox? From(Attachment attachment)
    {
        if (CodeEntryCard.BoxOf(attachment) is null || attachment.Content is not { } card)
        {
            return null;
        }

        var input = card.GetProperty("body").EnumerateArray().First(element => element.GetProperty("type").GetString() == "Input.Text");
        var submit = card.GetProperty("actions").EnumerateArray().First(action => action.GetProperty("type").GetString() == "Action.Submit");
        return new TerminalCodeBox(
            card.GetProperty("lang").GetString()!,
            input.GetProperty("label").GetString()!,
            input.GetProperty("id").GetString()!,
            submit.GetProperty("data").Clone());
    }

    /// <summary>What a card client sends on submit: the action's data with the input's value added.</summary>
    public static JsonElement Submission(JsonElement data, string inputId, string code)
    {
        var value = data.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.Clone(), StringComparer.Ordinal);
        value[inputId] = JsonSerializer.SerializeToElement(code);
        return JsonSerializer.SerializeToElement(value);
    }
}
