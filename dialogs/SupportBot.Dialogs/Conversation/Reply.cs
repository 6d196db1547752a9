namespace SupportBot.Dialogs.Conversation;

/// <summary>One bot message as a catalog key with arguments, never as text: the host renders it in the user's language.</summary>
public sealed record Reply(string Key, IReadOnlyDictionary<string, object?> Arguments, IReadOnlyList<ReplyAction> Actions)
{
    private static readonly IReadOnlyDictionary<string, object?> s_noArguments = new Dictionary<string, object?>();

    public static Reply Of(string key, params ReplyAction[] actions) => new(key, s_noArguments, actions);

    public static Reply Of(string key, IReadOnlyDictionary<string, object?> arguments, params ReplyAction[] actions) =>
        new(key, arguments, actions);
}
