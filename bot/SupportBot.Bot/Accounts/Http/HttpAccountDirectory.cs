using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SupportBot.Bot.Accounts.Http;

/// <summary>
/// The platform's account service over HTTP, as docs/account-directory.md describes it. Each call has a per-attempt
/// timeout, retries with backoff on timeouts, connection failures and 5xx, and a total timeout; whatever still fails,
/// or answers with a body that is not the documented JSON, surfaces as <see cref="AccountDirectoryUnavailableException"/>
/// (the verification service then answers exactly as for an unknown account).
/// </summary>
public sealed class HttpAccountDirectory : IAccountDirectory, IDisposable
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public HttpAccountDirectory(IOptions<HttpAccountDirectoryOptions> options, TimeProvider timeProvider)
        : this(options, timeProvider, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    internal HttpAccountDirectory(IOptions<HttpAccountDirectoryOptions> options, TimeProvider timeProvider, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _http = new HttpClient(handler)
        {
            BaseAddress = settings.BaseAddress ?? throw new InvalidOperationException("Directory:Http:BaseAddress is required."),
            Timeout = Timeout.InfiniteTimeSpan, // Polly owns every timeout.
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }.AddTimeout(settings.TotalTimeout);
        if (settings.Retries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.Retries,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests),
                OnRetry = arguments =>
                {
                    arguments.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _pipeline = pipeline.AddTimeout(settings.AttemptTimeout).Build();
    }

    public Task<AccountRecord?> FindAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var normalized = IdentifierNormalizer.Normalize(identifier);
        return GetAccountAsync("v1/accounts/lookup?identifier=" + Uri.EscapeDataString(normalized), cancellationToken);
    }

    public Task<AccountRecord?> FindByIdAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return GetAccountAsync("v1/accounts/" + Uri.EscapeDataString(accountId), cancellationToken);
    }

    public async Task<bool> RedeemRecoveryCodeAsync(string accountId, string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(code);

        // One key for every attempt: a retry after a lost answer must not spend a second code or fail the first.
        var idempotencyKey = Guid.NewGuid().ToString("N");
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "v1/accounts/" + Uri.EscapeDataString(accountId) + "/recovery-codes/redeem")
                {
                    Content = JsonContent.Create(new AccountDirectoryWire.RedeemRequest(code, at), options: AccountDirectoryWire.Options),
                };
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                return request;
            },
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        var body = await ReadAsync<AccountDirectoryWire.RedeemResponse>(response, cancellationToken);
        return body.Accepted ?? throw new AccountDirectoryUnavailableException("The account service's redeem answer has no \"accepted\".");
    }

    /// <summary><c>POST /v1/accounts/{id}/recovery-codes/reissue</c> (docs/account-directory.md): the platform shows the new code after sign-in.</summary>
    public async Task<bool> ReissueRecoveryCodeAsync(string accountId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var body = await PostOnceAsync<AccountDirectoryWire.ReissueResponse>(accountId, "/recovery-codes/reissue", at, cancellationToken);
        return body is null ? false : body.Issued ?? throw new AccountDirectoryUnavailableException("The account service's reissue answer has no \"issued\".");
    }

    /// <summary><c>POST /v1/accounts/{id}/sessions/revoke</c>: the platform signs the account out everywhere.</summary>
    public async Task<bool> RevokeSessionsAsync(string accountId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var body = await PostOnceAsync<AccountDirectoryWire.RevokeResponse>(accountId, "/sessions/revoke", at, cancellationToken);
        return body is null ? false : body.Revoked ?? throw new AccountDirectoryUnavailableException("The account service's revoke answer has no \"revoked\".");
    }

    public void Dispose() => _http.Dispose();

    // A write the platform must do once: one Idempotency-Key for every retry. Null when the account is unknown (404).
    private async Task<T?> PostOnceAsync<T>(string accountId, string action, DateTimeOffset at, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(accountId);
        var idempotencyKey = Guid.NewGuid().ToString("N");
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "v1/accounts/" + Uri.EscapeDataString(accountId) + action)
                {
                    Content = JsonContent.Create(new AccountDirectoryWire.AtRequest(at), options: AccountDirectoryWire.Options),
                };
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                return request;
            },
            cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<AccountRecord?> GetAccountAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return AccountDirectoryWire.ToRecord(await ReadAsync<AccountDirectoryWire.AccountDto>(response, cancellationToken));
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (state, token) =>
                {
                    using var message = state.request();
                    return await state.http.SendAsync(message, HttpCompletionOption.ResponseContentRead, token);
                },
                (request, http: _http),
                cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new AccountDirectoryUnavailableException("The account service did not answer: " + exception.GetType().Name + ".", exception);
        }

        if (response.StatusCode != HttpStatusCode.NotFound && !response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new AccountDirectoryUnavailableException($"The account service answered {status}.");
        }

        return response;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(AccountDirectoryWire.Options, cancellationToken)
                ?? throw new AccountDirectoryUnavailableException("The account service sent an empty body.");
        }
        catch (JsonException exception)
        {
            throw new AccountDirectoryUnavailableException("The account service sent malformed JSON.", exception);
        }
        catch (NotSupportedException exception)
        {
            throw new AccountDirectoryUnavailableException("The account service did not send JSON.", exception);
        }
    }
}
