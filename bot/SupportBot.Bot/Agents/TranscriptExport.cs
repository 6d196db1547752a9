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
                var activity = document.RootElement.Clone();
                activities.Add(activity.TryGetProperty("timestamp", out _) ? activity : WithTimestamp(activity, entry.Timestamp));
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        return activities;
    }

    // Activities the bot stored before sending carry no timestamp yet; the store's is the time they were written.
    private static JsonElement WithTimestamp(JsonElement activity, DateTimeOffset timestamp)
    {
        var copy = System.Text.Json.Nodes.JsonNode.Parse(activity.GetRawText())!.AsObject();
        copy["timestamp"] = timestamp.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return JsonSerializer.SerializeToElement(copy);
    }
}
