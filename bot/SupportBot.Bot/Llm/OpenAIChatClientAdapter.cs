using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAIChat = OpenAI.Chat;

namespace SupportBot.Bot.Llm;

/// <summary>
/// <see cref="IChatClient"/> over the <c>OpenAI</c> package's <see cref="OpenAIChat.ChatClient"/>, in the shape of
/// Microsoft.Extensions.AI.OpenAI's adapter (not on this project's package source): text messages in the system, user
/// and assistant roles, temperature, top-p, output tokens, stop sequences and response formats (text, JSON, JSON
/// schema) out; text, tool calls (as <see cref="FunctionCallContent"/>), refusals (as <see cref="ErrorContent"/>),
/// finish reason and usage back. Tools are never offered (security.md A1): options carrying tools are refused.
/// </summary>
public sealed class OpenAIChatClientAdapter : IChatClient
{
    private readonly OpenAIChat.ChatClient _client;
    private readonly ChatClientMetadata _metadata;

    public OpenAIChatClientAdapter(OpenAIChat.ChatClient client, string model, Uri? endpoint)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        _metadata = new ChatClientMetadata("openai", endpoint, model);
    }

    /// <summary>A client for the configured endpoint: no retries inside (the caller's timeout and circuit breaker decide), the key in the configured header.</summary>
    public static OpenAIChatClientAdapter Create(LlmOptions options, HttpClient? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = new Uri(options.Endpoint ?? throw new InvalidOperationException("Llm:Endpoint is not set."), UriKind.Absolute);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (transport is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(transport);
        }

        // The package sends the credential as "Authorization: Bearer …"; another header (Azure's api-key) or none at
        // all (a local server without a key) is set after it, just before the request leaves.
        var bearer = string.Equals(options.ApiKeyHeader, "Authorization", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(options.ApiKey);
        if (!bearer)
        {
            clientOptions.AddPolicy(new KeyHeaderPolicy(options.ApiKeyHeader, options.ApiKey), PipelinePosition.BeforeTransport);
        }

        var model = options.Model ?? throw new InvalidOperationException("Llm:Model is not set.");
        return new OpenAIChatClientAdapter(new OpenAIChat.ChatClient(model, new ApiKeyCredential(bearer ? options.ApiKey! : "unused"), clientOptions), model, endpoint);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var result = await _client.CompleteChatAsync(ToOpenAI(messages, options), ToOpenAI(options), cancellationToken);
        return FromOpenAI(result.Value);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await foreach (var update in _client.CompleteChatStreamingAsync(ToOpenAI(messages, options), ToOpenAI(options), cancellationToken))
        {
            var contents = new List<AIContent>();
            contents.AddRange(update.ContentUpdate.Where(part => part.Kind == OpenAIChat.ChatMessageContentPartKind.Text).Select(part => new TextContent(part.Text)));
            if (!string.IsNullOrEmpty(update.RefusalUpdate))
            {
                contents.Add(new ErrorContent(update.RefusalUpdate) { ErrorCode = "refusal" });
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                ResponseId = update.CompletionId,
                MessageId = update.CompletionId,
                ModelId = update.Model,
                CreatedAt = update.CreatedAt,
                FinishReason = update.FinishReason is { } reason ? FinishReason(reason) : null,
                RawRepresentation = update,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(OpenAIChat.ChatClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    internal static List<OpenAIChat.ChatMessage> ToOpenAI(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var result = new List<OpenAIChat.ChatMessage>();
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
        {
            result.Add(new OpenAIChat.SystemChatMessage(options.Instructions));
        }

        foreach (var message in messages)
        {
            if (message.Contents.Any(content => content is not TextContent))
            {
                throw new NotSupportedException($"Only text content is sent; a {message.Role} message carried {string.Join(", ", message.Contents.Where(c => c is not TextContent).Select(c => c.GetType().Name).Distinct())}.");
            }

            var text = message.Text;
            result.Add(message.Role.Value switch
            {
                "system" => new OpenAIChat.SystemChatMessage(text),
                "user" => new OpenAIChat.UserChatMessage(text),
                "assistant" => new OpenAIChat.AssistantChatMessage(text),
                _ => throw new NotSupportedException($"Role '{message.Role}' is not sent (no tools are offered)."),
            });
        }

        return result;
    }

    internal static OpenAIChat.ChatCompletionOptions ToOpenAI(ChatOptions? options)
    {
        var result = new OpenAIChat.ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        if (options.Tools is { Count: > 0 })
        {
            throw new NotSupportedException("The LLM is offered no tools (docs/security.md A1).");
        }

        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.FrequencyPenalty = options.FrequencyPenalty;
        result.PresencePenalty = options.PresencePenalty;
        foreach (var stop in options.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        result.ResponseFormat = options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } json => OpenAIChat.ChatResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "json_schema", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription, jsonSchemaIsStrict: true),
            ChatResponseFormatJson => OpenAIChat.ChatResponseFormat.CreateJsonObjectFormat(),
            ChatResponseFormatText => OpenAIChat.ChatResponseFormat.CreateTextFormat(),
            _ => null,
        };
        return result;
    }

    internal static ChatResponse FromOpenAI(OpenAIChat.ChatCompletion completion)
    {
        var contents = new List<AIContent>();
        contents.AddRange(completion.Content.Where(part => part.Kind == OpenAIChat.ChatMessageContentPartKind.Text).Select(part => new TextContent(part.Text)));
        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            contents.Add(new ErrorContent(completion.Refusal) { ErrorCode = "refusal" });
        }

        foreach (var call in completion.ToolCalls)
        {
            contents.Add(new FunctionCallContent(call.Id, call.FunctionName, Arguments(call.FunctionArguments)));
        }

        var message = new ChatMessage(ChatRole.Assistant, contents) { MessageId = completion.Id, CreatedAt = completion.CreatedAt, RawRepresentation = completion };
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = FinishReason(completion.FinishReason),
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
            RawRepresentation = completion,
        };
    }

    private static Dictionary<string, object?>? Arguments(BinaryData? arguments)
    {
        if (arguments is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments.ToString());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ChatFinishReason FinishReason(OpenAIChat.ChatFinishReason reason) => reason switch
    {
        OpenAIChat.ChatFinishReason.Length => ChatFinishReason.Length,
        OpenAIChat.ChatFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        OpenAIChat.ChatFinishReason.ToolCalls or OpenAIChat.ChatFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        _ => ChatFinishReason.Stop,
    };

    /// <summary>Replaces the bearer header with the configured key header, or removes it when there is no key.</summary>
    private sealed class KeyHeaderPolicy(string header, string? key) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Apply(message);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Apply(message);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        private void Apply(PipelineMessage message)
        {
            message.Request.Headers.Remove("Authorization");
            if (!string.IsNullOrEmpty(key))
            {
                message.Request.Headers.Set(header, key);
            }
        }
    }
}
