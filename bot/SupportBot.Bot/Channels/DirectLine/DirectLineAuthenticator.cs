using Microsoft.Net.Http.Headers;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Reads the bearer credential (header, or <c>?t=</c> on the stream, which has no headers) and decides who may do what:
/// a missing credential is 401, a bad or expired token 403 (DirectLineJS reads 403 as ExpiredToken), another
/// conversation's token 403, an unknown conversation 404.
/// </summary>
internal sealed class DirectLineAuthenticator(DirectLineTokenService tokens, DirectLineConversations conversations)
{
    private const string BearerPrefix = "Bearer ";

    public async Task<DirectLineAuthentication> AuthenticateAsync(HttpRequest request, bool allowQueryToken = false)
    {
        var credential = ReadBearer(request);
        if (credential is null && allowQueryToken && request.Query.TryGetValue("t", out var query) && query.Count == 1)
        {
            credential = query[0];
        }

        if (string.IsNullOrEmpty(credential))
        {
            return DirectLineAuthentication.Failed(DirectLineProblems.Unauthorized());
        }

        if (tokens.IsSecret(credential))
        {
            return DirectLineAuthentication.Succeeded(DirectLineCaller.Secret.Instance);
        }

        var claims = await tokens.ValidateAsync(credential);
        return claims is null
            ? DirectLineAuthentication.Failed(DirectLineProblems.InvalidToken())
            : DirectLineAuthentication.Succeeded(new DirectLineCaller.Token(credential, claims));
    }

    public async Task<DirectLineConversationAccess> AuthorizeAsync(
        HttpRequest request, string conversationId, CancellationToken cancellationToken, bool allowQueryToken = false)
    {
        var authentication = await AuthenticateAsync(request, allowQueryToken);
        if (authentication.IsFailed)
        {
            return DirectLineConversationAccess.Denied(authentication.Problem);
        }

        var caller = authentication.Caller;
        if (caller is DirectLineCaller.Token token && !string.Equals(token.Claims.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return DirectLineConversationAccess.Denied(DirectLineProblems.Forbidden("The token belongs to another conversation."));
        }

        var conversation = await conversations.FindAsync(conversationId, cancellationToken);
        return conversation is null
            ? DirectLineConversationAccess.Denied(DirectLineProblems.ConversationNotFound())
            : DirectLineConversationAccess.Granted(caller, conversation);
    }

    private static string? ReadBearer(HttpRequest request)
    {
        var values = request.Headers[HeaderNames.Authorization];
        if (values.Count != 1 || values[0] is not { } header || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return header[BearerPrefix.Length..].Trim();
    }
}
