using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// The outcome of checking that a request may use a conversation: the caller and the conversation, or the
/// 401/403/404 to return.
/// </summary>
internal sealed class DirectLineConversationAccess
{
    private DirectLineConversationAccess(DirectLineCaller? caller, ConversationRecord? conversation, ProblemHttpResult? problem)
    {
        Caller = caller;
        Conversation = conversation;
        Problem = problem;
    }

    public DirectLineCaller? Caller { get; }

    public ConversationRecord? Conversation { get; }

    public ProblemHttpResult? Problem { get; }

    [MemberNotNullWhen(true, nameof(Problem))]
    [MemberNotNullWhen(false, nameof(Caller), nameof(Conversation))]
    public bool IsDenied => Problem is not null;

    public static DirectLineConversationAccess Granted(DirectLineCaller caller, ConversationRecord conversation) => new(caller, conversation, null);

    public static DirectLineConversationAccess Denied(ProblemHttpResult problem) => new(null, null, problem);
}
