using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Security.BotChallenge;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// The bot challenge at the page's token exchange (security.md D3): a solved challenge earns the token the
/// <see cref="DirectLineAdmission.Challenge"/> claim; a missing or bad one is a 4xx problem, or, when the host does not
/// require it, a token without the claim (its conversation looks up no identifier). A host without the challenge
/// registered issues tokens as before.
/// </summary>
internal static class DirectLineTokenExchangeChallenge
{
    public static async Task<Result> CheckAsync(HttpContext context, string? solution, CancellationToken cancellationToken)
    {
        if (context.RequestServices.GetService<BotChallengeService>() is not { } challenges)
        {
            return new Result(null, null);
        }

        var required = context.RequestServices.GetRequiredService<IOptions<BotChallengeOptions>>().Value.RequireForTokenExchange;
        var verdict = solution is null ? (ChallengeVerdict?)null : await challenges.VerifyAsync(solution, cancellationToken);
        if (verdict == ChallengeVerdict.Passed)
        {
            return new Result(DirectLineAdmission.Challenge, null);
        }

        if (!required)
        {
            return new Result(null, null);
        }

        var problem = verdict switch
        {
            null => DirectLineProblems.Create(StatusCodes.Status400BadRequest, DirectLineErrorCodes.MissingProperty,
                "Solve a challenge from GET /api/challenge and send it as the 'altcha' property."),
            ChallengeVerdict.Malformed => DirectLineProblems.BadArgument("'altcha' is not a base64 ALTCHA payload of a SHA-256 challenge."),
            ChallengeVerdict.Expired => DirectLineProblems.Forbidden("The challenge has expired; fetch a new one from GET /api/challenge."),
            ChallengeVerdict.Replayed => DirectLineProblems.Forbidden("The challenge was already used; fetch a new one from GET /api/challenge."),
            _ => DirectLineProblems.Forbidden("The challenge solution is not valid."),
        };
        // What the page reads to decide between "try a fresh challenge" and giving up.
        problem.ProblemDetails.Extensions["challenge"] = verdict switch
        {
            null => "missing",
            ChallengeVerdict.Malformed => "malformed",
            ChallengeVerdict.Expired => "expired",
            ChallengeVerdict.Replayed => "replayed",
            ChallengeVerdict.BadSignature => "bad-signature",
            _ => "wrong-number",
        };
        return new Result(null, problem);
    }

    public sealed record Result(string? Claim, ProblemHttpResult? Problem)
    {
        [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Problem))]
        public bool IsRefused => Problem is not null;
    }
}
