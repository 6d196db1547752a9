using System.Buffers;
using System.Text;
using SupportBot.Bot.Channels.BotConnector;
using Xunit;

namespace SupportBot.Bot.Tests.BotConnector;

/// <summary>UTF-8 checks over bodies that Kestrel hands over in several segments.</summary>
public sealed class Utf8ValidatorTests
{
    private static readonly byte[] Mixed = Encoding.UTF8.GetBytes("{\"text\":\"aé€😀 مرحبا\"}");

    [Fact]
    public void IsValid_ValidTextSplitAtEveryPoint_IsTrue()
    {
        for (var cut = 0; cut <= Mixed.Length; cut++)
        {
            Assert.True(Utf8Validator.IsValid(Split(Mixed, cut)), $"cut at {cut}");
        }
    }

    [Fact]
    public void IsValid_ValidTextInOneByteSegments_IsTrue()
    {
        Assert.True(Utf8Validator.IsValid(Segments(Mixed.Select(b => new[] { b }).ToArray())));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]             // truncated €
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]       // surrogate
    [InlineData(new byte[] { 0xF0, 0x82, 0x82, 0xAC })] // overlong
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    [InlineData(new byte[] { 0x80 })]                   // lone continuation
    public void IsValid_InvalidSequenceSplitAtEveryPoint_IsFalse(byte[] bad)
    {
        byte[] body = [.. "ab"u8, .. bad, .. "cd"u8];
        for (var cut = 0; cut <= body.Length; cut++)
        {
            Assert.False(Utf8Validator.IsValid(Split(body, cut)), $"cut at {cut}");
        }

        Assert.False(Utf8Validator.IsValid(Segments(body.Select(b => new[] { b }).ToArray())));
    }

    [Fact]
    public void IsValid_TruncatedSequenceAtEndOfLastSegment_IsFalse()
    {
        Assert.False(Utf8Validator.IsValid(Segments("ab"u8.ToArray(), [0xE2, 0x82])));
    }

    [Fact]
    public void Parse_ActivityInSeveralSegments_ReadsIt()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"€uro\"}");

        var result = ActivityReader.Parse(Segments(body[..27], body[27..28], body[28..]));

        Assert.Equal(ActivityReadError.None, result.Error);
        Assert.Equal("€uro", result.Activity!.Text);
    }

    private static ReadOnlySequence<byte> Split(byte[] bytes, int cut) => Segments(bytes[..cut], bytes[cut..]);

    private static ReadOnlySequence<byte> Segments(params byte[][] parts)
    {
        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(part);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
