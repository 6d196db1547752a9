using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// What reading a JSON request body gave: either the value (null for an allowed empty body) or the 4xx to return.
/// </summary>
internal sealed class DirectLineBody<T>
    where T : class
{
    private DirectLineBody(T? value, ProblemHttpResult? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public ProblemHttpResult? Problem { get; }

    [MemberNotNullWhen(true, nameof(Problem))]
    public bool IsRejected => Problem is not null;

    public static DirectLineBody<T> Read(T? value) => new(value, null);

    public static DirectLineBody<T> Rejected(ProblemHttpResult problem) => new(null, problem);
}
