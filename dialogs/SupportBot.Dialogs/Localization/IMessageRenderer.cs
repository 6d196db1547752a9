namespace SupportBot.Dialogs.Localization;

/// <summary>Turns the message keys the engine emits into text in a conversation's language.</summary>
/// <remarks>
/// The engine decides <em>what</em> to say as <see cref="LocalizedMessage"/> values and never sees text; the host
/// renders them at the edge, with the conversation's language rather than the thread's culture.
/// </remarks>
internal interface IMessageRenderer
{
    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>; never the raw key.</summary>
    string Render(string language, string key, IReadOnlyDictionary<string, object?>? arguments = null);

    /// <summary>The text of <paramref name="message"/> in <paramref name="language"/>; never the raw key.</summary>
    string Render(string language, LocalizedMessage message);

    /// <summary>The writing direction of <paramref name="language"/>, for the <c>dir</c> of a message bubble.</summary>
    TextDirection GetDirection(string language);
}
