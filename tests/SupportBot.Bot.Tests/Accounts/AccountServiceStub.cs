using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace SupportBot.Bot.Tests.Accounts;

/// <summary>
/// A stand-in for the platform's account service on 127.0.0.1 (Kestrel, port 0) that speaks exactly
/// docs/account-directory.openapi.json, and fails on demand the ways a real one does.
/// </summary>
internal sealed class AccountServiceStub : IAsyncDisposable
{
    public const string ApiKey = "stub-api-key-0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _recoveryCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _idempotent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _spentUnreplaced = new(StringComparer.Ordinal);
    private int _requests;

    private AccountServiceStub(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>How the next requests are answered.</summary>
    public StubMode Mode { get; set; } = StubMode.Normal;

    /// <summary>With <see cref="StubMode.FailFirst"/>: how many requests fail with 503 before the rest succeed.</summary>
    public int FailuresLeft { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public void ResetRequests() => Interlocked.Exchange(ref _requests, 0);

    public ConcurrentQueue<string> SeenQueries { get; } = new();

    public ConcurrentQueue<string> SeenIdempotencyKeys { get; } = new();

    /// <summary>Accounts whose spent recovery code the stub replaced (once per spent code), in order.</summary>
    public ConcurrentQueue<string> Reissued { get; } = new();

    /// <summary>Accounts whose sessions the stub revoked, in order.</summary>
    public ConcurrentQueue<string> Revoked { get; } = new();

    public static async Task<AccountServiceStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new AccountServiceStub(app);
        stub.Map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        stub.BaseUrl = app.Urls.Single().TrimEnd('/') + "/";
        return stub;
    }

    /// <summary>Adds an account as the service would send it (raw JSON of the documented shape) and its unused saved codes.</summary>
    public void Add(string accountJson, params string[] recoveryCodes)
    {
        var account = JsonNode.Parse(accountJson)!.AsObject();
        var id = account["accountId"]!.GetValue<string>();
        _accounts[id] = account;
        _recoveryCodes[id] = [.. recoveryCodes];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/accounts/lookup", async (HttpContext context, string identifier) =>
        {
            SeenQueries.Enqueue(identifier);
            return await AnswerAsync(context, () =>
            {
                var account = _accounts.Values.FirstOrDefault(candidate =>
                    candidate["username"]!.GetValue<string>() == identifier
                    || candidate["contacts"]!.AsArray().Any(contact => Normalize(contact!["address"]!.GetValue<string>()) == identifier));
                return account is null ? Results.NotFound() : Results.Text(account.ToJsonString(), "application/json");
            });
        });

        app.MapGet("/v1/accounts/{accountId}", async (HttpContext context, string accountId) =>
            await AnswerAsync(context, () => _accounts.TryGetValue(accountId, out var account)
                ? Results.Text(account.ToJsonString(), "application/json")
                : Results.NotFound()));

        app.MapPost("/v1/accounts/{accountId}/recovery-codes/redeem", async (HttpContext context, string accountId) =>
        {
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            SeenIdempotencyKeys.Enqueue(key);
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var code = body.RootElement.GetProperty("code").GetString()!;
            _ = body.RootElement.GetProperty("at").GetDateTimeOffset();
            return await AnswerAsync(context, () =>
            {
                if (!_recoveryCodes.TryGetValue(accountId, out var codes))
                {
                    return Results.NotFound();
                }

                var accepted = _idempotent.GetOrAdd(key, _ =>
                {
                    lock (codes)
                    {
                        var spent = codes.Remove(code);
                        if (spent)
                        {
                            _spentUnreplaced.AddOrUpdate(accountId, 1, (_, n) => n + 1);
                        }

                        return spent;
                    }
                });
                return Results.Json(new { accepted });
            });
        });

        // The replacement is created and shown only in the signed-in session: the answer never carries it.
        app.MapPost("/v1/accounts/{accountId}/recovery-codes/reissue", async (HttpContext context, string accountId) =>
        {
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            SeenIdempotencyKeys.Enqueue(key);
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            _ = body.RootElement.GetProperty("at").GetDateTimeOffset();
            return await AnswerAsync(context, () =>
            {
                if (!_accounts.ContainsKey(accountId))
                {
                    return Results.NotFound();
                }

                var issued = _idempotent.GetOrAdd(key, _ =>
                {
                    var replaced = false;
                    _spentUnreplaced.AddOrUpdate(accountId, 0, (_, n) =>
                    {
                        replaced = n > 0;
                        return Math.Max(0, n - 1);
                    });
                    if (replaced)
                    {
                        Reissued.Enqueue(accountId);
                    }

                    return replaced;
                });
                return Results.Json(new { issued });
            });
        });

        app.MapPost("/v1/accounts/{accountId}/sessions/revoke", async (HttpContext context, string accountId) =>
        {
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            SeenIdempotencyKeys.Enqueue(key);
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            _ = body.RootElement.GetProperty("at").GetDateTimeOffset();
            return await AnswerAsync(context, () =>
            {
                if (!_accounts.ContainsKey(accountId))
                {
                    return Results.NotFound();
                }

                var revoked = _idempotent.GetOrAdd(key, _ =>
                {
                    Revoked.Enqueue(accountId);
                    return true;
                });
                return Results.Json(new { revoked });
            });
        });
    }

    private async Task<IResult> AnswerAsync(HttpContext context, Func<IResult> answer)
    {
        Interlocked.Increment(ref _requests);
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
        {
            return Results.Unauthorized();
        }

        switch (Mode)
        {
            case StubMode.Slow:
                await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
                return answer();
            case StubMode.ServerError:
                return Results.StatusCode(500);
            case StubMode.MalformedJson:
                return Results.Text("{\"accountId\": \"acc-1\", \"contacts\": [", "application/json");
            case StubMode.WrongShape:
                return Results.Text("{\"id\": 7, \"name\": \"sam\"}", "application/json");
            case StubMode.Html:
                return Results.Text("<html><body>Gateway error</body></html>", "text/html");
            case StubMode.FailFirst when FailuresLeft > 0:
                FailuresLeft--;
                // The first attempt's work is done, then the answer is lost: a retry must not spend a second code.
                _ = answer();
                return Results.StatusCode(503);
            default:
                return answer();
        }
    }

    private static string Normalize(string address) =>
        address.Contains('@', StringComparison.Ordinal) ? address.ToLowerInvariant() : "+" + new string(address.Where(char.IsAsciiDigit).ToArray());
}

public enum StubMode
{
    Normal,
    Slow,
    ServerError,
    MalformedJson,
    WrongShape,
    Html,
    FailFirst,
}
