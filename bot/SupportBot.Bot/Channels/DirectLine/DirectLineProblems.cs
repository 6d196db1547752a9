using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Every error the server returns: ProblemDetails JSON that also carries the Direct Line
/// <c>error:{code,message}</c> member, so both kinds of client find what they read. Never a stack trace.
/// </summary>
internal static class DirectLineProblems
{
    public static ProblemHttpResult Create(int status, string code, string message)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = ReasonPhrases.GetReasonPhrase(status),
            Detail = message,
        };
        problem.Extensions["error"] = new DirectLineError(code, message);
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult BadArgument(string message) =>
        Create(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, message);

    public static ProblemHttpResult BadSyntax(string message) =>
        Create(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadSyntax, message);

    public static ProblemHttpResult MissingProperty(string property) =>
        Create(StatusCodes.Status400BadRequest, DirectLineErrorCodes.MissingProperty, $"The '{property}' property is required.");

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        Create(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig,
            $"The request body is larger than the {maxBytes} bytes allowed.");

    public static ProblemHttpResult Unauthorized() =>
        Create(StatusCodes.Status401Unauthorized, DirectLineErrorCodes.Unauthorized,
            "Send the Direct Line secret or a token as 'Authorization: Bearer …'.");

    public static ProblemHttpResult InvalidToken() =>
        Create(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenInvalid, "The token is invalid or has expired.");

    public static ProblemHttpResult Forbidden(string message) =>
        Create(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, message);

    public static ProblemHttpResult ConversationNotFound() =>
        Create(StatusCodes.Status404NotFound, DirectLineErrorCodes.ConversationNotFound, "The conversation does not exist.");

    public static ProblemHttpResult ServiceUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, DirectLineErrorCodes.ServiceError,
            "The conversation store is unavailable; try again later.");

    public static ProblemHttpResult TooManyRequests() =>
        Create(StatusCodes.Status429TooManyRequests, DirectLineErrorCodes.TooManyRequests, "Too many token requests; try again later.");
}
