namespace SupportBot.Dialogs.Conversation;

/// <summary>
/// A button under a reply: <see cref="TitleKey"/> is a catalog key, <see cref="Value"/> what it means when pressed.
/// <see cref="TitleLanguage"/>, when set, renders the title in that language (a language button names itself).
/// <see cref="TitleArguments"/> fill the title's placeholders (a masked contact on a method button).
/// </summary>
public sealed record ReplyAction(string TitleKey, string Value, string? TitleLanguage = null, IReadOnlyDictionary<string, object?>? TitleArguments = null);
