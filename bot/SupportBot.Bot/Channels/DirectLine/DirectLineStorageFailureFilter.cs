using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// The one place a storage failure becomes a response: 503 with the Direct Line error shape, logged, no stack trace.
/// </summary>
internal sealed class DirectLineStorageFailureFilter(ILogger<DirectLineStorageFailureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StorageException exception)
        {
            DirectLineLog.StorageFailed(logger, exception, exception.Reason.ToString(), context.HttpContext.Request.Path);
            return DirectLineProblems.ServiceUnavailable();
        }
    }
}
