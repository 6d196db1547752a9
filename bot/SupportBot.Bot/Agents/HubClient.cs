using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Agents;

/// <summary>
/// Sends <c>handoff.initiate</c> to an external contact-centre hub (docs/protocol.md §4): an event activity
/// addressed like the user's conversation, with the case as its value and the redacted transcript attached.
/// </summary>
internal sealed partial class HubClient(
    IOptions<AgentOptions> options,
    IHttpClientFactory httpClientFactory,
    TranscriptExport transcripts,
    UserChannel channel,
    TimeProvider timeProvider,
    ILogger<HubClient> logger)
{
    public const string HttpClientName = "SupportBot.Hub";

    public bool IsConfigured => options.Value.Hub.IsConfigured;

    /// <summary>Sends the case to the hub; returns whether the hub took it (2xx).</summary>
    public async Task<bool> InitiateAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var hub = options.Value.Hub;
        var activities = await transcripts.ActivitiesAsync(record.ConversationId, cancellationToken);
        var incoming = await channel.LastUserActivityAsync(record.ConversationId, cancellationToken);
        var evidence = JsonDocument.Parse(record.EvidenceJson).RootElement;
        var initiate = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "handoff.initiate",
            Id = Guid.NewGuid().ToString(),
            Timestamp = timeProvider.GetUtcNow(),
            ChannelId = record.ChannelId,
            ServiceUrl = incoming?.ServiceUrl,
            Conversation = incoming?.Conversation ?? new ConversationAccount { Id = record.ConversationId },
            From = incoming?.From,
            Recipient = incoming?.Recipient,
            RelatesTo = incoming?.GetConversationReference() ?? new ConversationReference
            {
                Conversation = new ConversationAccount { Id = record.ConversationId },
                ChannelId = record.ChannelId,
            },
            ReplyToId = incoming?.Id,
            Locale = record.Language,
            Value = JsonSerializer.SerializeToElement(new
            {
                caseId = record.CaseId,
                language = record.Language,
                country = record.Country,
                problem = record.Intent,
                verification = evidence,
            }),
            Entities = [],
            Attachments =
            [
                new Attachment
                {
                    ContentType = "application/json",
                    Name = "Transcript",
                    Content = JsonSerializer.SerializeToElement(new { activities }, ProtocolJson.Options),
                },
            ],
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, hub.Url)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(initiate, ProtocolJson.Options)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(hub.Secret))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", hub.Secret);
        }

        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRefused(logger, record.CaseId, (int)response.StatusCode);
            return false;
        }
        catch (HttpRequestException exception)
        {
            LogUnreachable(logger, record.CaseId, exception.Message);
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, record.CaseId, "timeout");
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hub refused case {CaseId} with status {Status}; it stays in the built-in console.")]
    private static partial void LogRefused(ILogger logger, string caseId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hub could not be reached for case {CaseId} ({Reason}); it stays in the built-in console.")]
    private static partial void LogUnreachable(ILogger logger, string caseId, string reason);
}
