using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>The outcome of checking a request's credential: the caller, or the 401/403 to return.</summary>
internal sealed class DirectLineAuthentication
{
    private DirectLineAuthentication(DirectLineCaller? caller, ProblemHttpResult? problem)
    {
        Caller = caller;
        Problem = problem;
    }

    public DirectLineCaller? Caller { get; }

    public ProblemHttpResult? Problem { get; }

    [MemberNotNullWhen(true, nameof(Problem))]
    [MemberNotNullWhen(false, nameof(Caller))]
    public bool IsFailed => Problem is not null;

    public static DirectLineAuthentication Succeeded(DirectLineCaller caller) => new(caller, null);

    public static DirectLineAuthentication Failed(ProblemHttpResult problem) => new(null, problem);
}
