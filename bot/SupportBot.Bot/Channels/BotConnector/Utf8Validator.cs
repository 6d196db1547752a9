using System.Buffers;
using System.Text.Unicode;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>
/// Checks that a request body is well-formed UTF-8 without copying it.
/// </summary>
/// <remarks>
/// <see cref="System.Text.Json.Utf8JsonReader"/> does not reject every invalid sequence: inside strings it may
/// substitute U+FFFD, so a body with broken bytes would otherwise be accepted and altered silently.
/// </remarks>
internal static class Utf8Validator
{
    public static bool IsValid(in ReadOnlySequence<byte> sequence)
    {
        if (sequence.IsSingleSegment)
        {
            return Utf8.IsValid(sequence.FirstSpan);
        }

        // Invariant: carry holds the first bytes of one sequence that was cut by a segment boundary.
        Span<byte> carry = stackalloc byte[4];
        var carried = 0;
        foreach (var memory in sequence)
        {
            var span = memory.Span;
            if (carried > 0)
            {
                var expected = SequenceLength(carry[0]);
                var take = Math.Min(expected - carried, span.Length);
                span[..take].CopyTo(carry[carried..]);
                carried += take;
                span = span[take..];
                if (carried < expected)
                {
                    continue;
                }

                if (!Utf8.IsValid(carry[..carried]))
                {
                    return false;
                }

                carried = 0;
            }

            var tail = IncompleteTailLength(span);
            if (!Utf8.IsValid(span[..^tail]))
            {
                return false;
            }

            span[^tail..].CopyTo(carry);
            carried = tail;
        }

        return carried == 0;
    }

    /// <summary>How many bytes a sequence starting with <paramref name="lead"/> has; 1 for bytes that cannot lead.</summary>
    private static int SequenceLength(byte lead) => lead switch
    {
        >= 0xC2 and <= 0xDF => 2,
        >= 0xE0 and <= 0xEF => 3,
        >= 0xF0 and <= 0xF4 => 4,
        _ => 1,
    };

    /// <summary>The length of a sequence at the end of <paramref name="span"/> that needs bytes from the next segment.</summary>
    private static int IncompleteTailLength(ReadOnlySpan<byte> span)
    {
        for (var i = 1; i <= Math.Min(3, span.Length); i++)
        {
            var b = span[^i];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            return SequenceLength(b) > i ? i : 0;
        }

        return 0;
    }
}
