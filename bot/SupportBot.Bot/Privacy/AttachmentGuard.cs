using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Privacy;

/// <summary>
/// Files and images a user attaches (security.md G2: ID images and selfies never belong in chat) are dropped
/// before anything is stored, echoed, relayed or logged; what remains says a file was removed. The bot never asks
/// for one: support needs no photo of an ID document in chat, and the reply says where documents are asked for.
/// </summary>
/// <remarks>
/// Direct Line's upload endpoint refuses files without reading the body (415), so the only way in is an
/// activity's <c>attachments</c>, inline (<c>data:</c> URLs, base64 content) or by link; both are dropped whole,
/// names and links included (a file name can be an ID number, a link can be a signed URL).
/// </remarks>
public static class AttachmentGuard
{
    /// <summary>What stands in the stored text where a file was: language-neutral, like <c>[code hidden]</c>.</summary>
    public const string RemovedMarker = "[attachment removed]";

    /// <summary>The reply the user gets when a file was removed.</summary>
    public const string RemovedReplyKey = "privacy.attachment.removed";

    /// <summary>Whether the user attached anything (a card's submit arrives as a value, never as an attachment).</summary>
    public static bool HasAttachments(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type == ActivityTypes.Message && activity.Attachments is { Count: > 0 };
    }

    /// <summary>The text to keep: what was typed, then the marker in place of the files.</summary>
    public static string MarkedText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? RemovedMarker : text + " " + RemovedMarker;

    /// <summary>
    /// A copy of <paramref name="activity"/> without attachments and with the marker in its text, or the activity
    /// itself when it carried none. Only top-level fields change, so the copy shares nested objects.
    /// </summary>
    public static Activity Stripped(Activity activity)
    {
        if (!HasAttachments(activity))
        {
            return activity;
        }

        var copy = activity.ShallowCopy();
        copy.Attachments = null;
        copy.AttachmentLayout = null;
        copy.Text = MarkedText(activity.Text);
        return copy;
    }
}
