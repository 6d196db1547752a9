using System.Text.Json;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Agents;

/// <summary>
/// A case's conversation as a Bot Framework transcript: the stored (already redacted) activities, oldest first, as
/// the JSON array the Emulator's <c>.transcript</c> files hold.
/// </summary>
internal sealed class TranscriptExport(ITranscriptStore transcripts)
{
    private const int PageSize = 500;
    private const int MaxActivities = 10_000;

    public async Task<IReadOnlyList<JsonElement>> ActivitiesAsync(string conversationId, CancellationToken cancellationToken)
    {
        var activities = new List<JsonElement>();
        long after = 0;
        while (activities.Count < MaxActivities)
        {
            var page = await transcripts.ReadAsync(conversationId, after, PageSize, cancellationToken);
            foreach (var entry in page)
            {
                using var document = JsonDocument.Parse(entry.ActivityJson);
                activities.Add(ForAgents(document.RootElement, entry.Timestamp));
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        return activities;
    }

    /// <summary>
    /// The stored activity with contacts masked in its text (<see cref="ContactMasking"/>), and a timestamp: activities
    /// the bot stored before sending carry none yet, and the store's is the time they were written.
    /// </summary>
    private static JsonElement ForAgents(JsonElement activity, DateTimeOffset timestamp)
    {
        var copy = System.Text.Json.Nodes.JsonNode.Parse(activity.GetRawText())!.AsObject();
        if (!copy.ContainsKey("timestamp"))
        {
            copy["timestamp"] = timestamp.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (copy["text"] is System.Text.Json.Nodes.JsonValue text && text.TryGetValue<string>(out var value))
        {
            copy["text"] = ContactMasking.Mask(value);
        }

        if (copy["value"] is System.Text.Json.Nodes.JsonObject)
        {
            copy.Remove("value"); // Button payloads; nothing an agent needs.
        }

        return JsonSerializer.SerializeToElement(copy);
    }
}
