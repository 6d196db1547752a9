using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Conversation, user and activity ids. Stored activities are <c>&lt;conversationId&gt;|0000050</c>, the tail being the
/// transcript sequence, which is also the watermark (docs/protocol.md §1, "IDs, watermarks, order").
/// </summary>
internal static class DirectLineIds
{
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    public static string NewUserId() => DirectLineConstants.UserIdPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    public static string ForSequence(string conversationId, long sequence) =>
        conversationId + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>
    /// An id for an activity that is never stored (typing, conversationUpdate): twelve hex digits, so it can never
    /// look like a sequence.
    /// </summary>
    public static string ForUnstored(string conversationId) =>
        conversationId + "|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Parses a watermark: empty or absent means "from the start"; anything else must be a sequence.</summary>
    public static bool TryParseWatermark(string? watermark, out long sequence)
    {
        sequence = 0;
        return string.IsNullOrEmpty(watermark)
            || (long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out sequence) && sequence >= 0);
    }

    public static string FormatWatermark(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
