using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Reads a JSON body by hand instead of through minimal-API binding, so that every way a body can be bad
/// (too large, not UTF-8, not JSON, duplicate names, the wrong shape) becomes a clear 4xx before anything is stored.
/// </summary>
internal static class DirectLineRequestBody
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static async Task<DirectLineBody<T>> ReadAsync<T>(
        HttpRequest request, int maxBytes, bool required, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return DirectLineBody<T>.Rejected(DirectLineProblems.TooLarge(maxBytes));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 16 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return DirectLineBody<T>.Rejected(DirectLineProblems.TooLarge(maxBytes));
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return DirectLineBody<T>.Rejected(DirectLineProblems.TooLarge(maxBytes));
                }
            }

            return Parse<T>(buffer.AsMemory(0, length), required);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static DirectLineBody<T> Parse<T>(ReadOnlyMemory<byte> body, bool required)
        where T : class
    {
        if (body.Span.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (!Utf8.IsValid(body.Span))
        {
            return DirectLineBody<T>.Rejected(DirectLineProblems.BadSyntax("The request body is not valid UTF-8."));
        }

        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return required
                ? DirectLineBody<T>.Rejected(DirectLineProblems.BadSyntax("A JSON object body is required."))
                : DirectLineBody<T>.Read(null);
        }

        try
        {
            using var document = JsonDocument.Parse(body, DirectLineJson.DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return DirectLineBody<T>.Rejected(DirectLineProblems.BadSyntax("The request body must be a JSON object."));
            }

            var value = document.RootElement.Deserialize<T>(DirectLineJson.Options);
            return DirectLineBody<T>.Read(value);
        }
        catch (JsonException exception)
        {
            // The path says where; the message itself may quote the input, so it stays out.
            var where = string.IsNullOrEmpty(exception.Path) ? "" : $" at {exception.Path}";
            return DirectLineBody<T>.Rejected(DirectLineProblems.BadSyntax($"The request body is not valid JSON for this request{where}."));
        }
    }
}
