using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Bot.Tests.Llm.TestSupport;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on Kestrel (loopback, port 0): <c>POST /v1/chat/completions</c>
/// records each request's body and headers and answers what the test says.
/// </summary>
internal sealed class LocalChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LocalChatCompletionsServer(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedCompletionRequest> Received { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Base address as <c>Llm:Endpoint</c> takes it, e.g. <c>http://127.0.0.1:43123/v1</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The status code to answer with.</summary>
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>How long to wait before answering.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>The assistant message's content.</summary>
    public string Content { get; set; } = """{"intent":"locked_out","confidence":0.83}""";

    /// <summary>Tool calls to put in the assistant message (none unless set).</summary>
    public IReadOnlyList<(string Name, string Arguments)> ToolCalls { get; set; } = [];

    public static async Task<LocalChatCompletionsServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalChatCompletionsServer(app);
        app.MapPost("/v1/chat/completions", (Func<HttpContext, Task<IResult>>)server.AnswerAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        Received.Enqueue(new ReceivedCompletionRequest(
            body.RootElement.Clone(),
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (Status != HttpStatusCode.OK)
        {
            return Results.Json(new { error = new { message = "the model is overloaded", type = "server_error" } }, statusCode: (int)Status);
        }

        var message = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = Content };
        if (ToolCalls.Count > 0)
        {
            message["tool_calls"] = ToolCalls.Select((call, i) => new { id = $"call_{i}", type = "function", function = new { name = call.Name, arguments = call.Arguments } }).ToArray();
        }

        return Results.Json(new
        {
            id = "chatcmpl-test-1",
            @object = "chat.completion",
            created = 1_763_800_000,
            model = "local-test-model",
            choices = new[] { new { index = 0, message, finish_reason = ToolCalls.Count > 0 ? "tool_calls" : "stop" } },
            usage = new { prompt_tokens = 120, completion_tokens = 9, total_tokens = 129 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedCompletionRequest(JsonElement Body, IReadOnlyDictionary<string, string> Headers);
