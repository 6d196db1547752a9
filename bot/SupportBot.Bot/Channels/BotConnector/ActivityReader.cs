using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>
/// Reads one activity from a request body: bounded in size, checked for UTF-8, and parsed by System.Text.Json
/// straight from the pipe's buffers.
/// </summary>
/// <remarks>
/// The body is buffered in the pipe rather than streamed into the serializer so that the size limit is exact,
/// the UTF-8 check and the parse see the same bytes, and the parse itself is one synchronous pass.
/// </remarks>
internal static class ActivityReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static async ValueTask<ActivityReadResult> ReadAsync(
        PipeReader reader, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (contentLength > maxBytes)
        {
            return ActivityReadResult.Failure(ActivityReadError.TooLarge);
        }

        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return ActivityReadResult.Failure(ActivityReadError.TooLarge);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var parsed = Parse(buffer);
                reader.AdvanceTo(buffer.End);
                return parsed;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    internal static ActivityReadResult Parse(ReadOnlySequence<byte> body)
    {
        if (body.FirstSpan.StartsWith(Utf8Bom))
        {
            body = body.Slice(Utf8Bom.Length);
        }

        if (!Utf8Validator.IsValid(body))
        {
            return ActivityReadResult.Failure(ActivityReadError.InvalidUtf8);
        }

        Activity? activity;
        try
        {
            var json = new Utf8JsonReader(body);
            activity = JsonSerializer.Deserialize<Activity>(ref json, ProtocolJson.Options);

            // Deserialize stops after one value; anything but whitespace after it makes Read throw.
            if (json.Read())
            {
                return ActivityReadResult.Failure(ActivityReadError.MalformedJson);
            }
        }
        catch (JsonException)
        {
            return ActivityReadResult.Failure(ActivityReadError.MalformedJson);
        }

        if (activity is null)
        {
            return ActivityReadResult.Failure(ActivityReadError.MalformedJson);
        }

        return string.IsNullOrWhiteSpace(activity.Type)
            ? ActivityReadResult.Failure(ActivityReadError.MissingType)
            : new ActivityReadResult(activity, ActivityReadError.None);
    }
}
