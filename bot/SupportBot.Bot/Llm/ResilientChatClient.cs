using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;

namespace SupportBot.Bot.Llm;

/// <summary>
/// Bounds what the LLM may cost a turn: each call gets at most <see cref="LlmOptions.Timeout"/> (measured on the real
/// clock, and the wait ends then even if the inner client ignores cancellation), and after repeated failures a Polly
/// circuit breaker skips the LLM for <see cref="LlmOptions.BreakDuration"/> (calls fail at once with
/// <see cref="BrokenCircuitException"/>, which the proposer turns into a fallback).
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly TimeSpan _timeout;
    private readonly ResiliencePipeline _breaker;

    public ResilientChatClient(IChatClient inner, LlmOptions options, TimeProvider timeProvider)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeout = options.Timeout;
        _breaker = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(exception => exception is not OperationCanceledException),
            })
            .Build();
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await _breaker.ExecuteAsync(
            async (state, token) =>
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(state.Timeout);
                try
                {
                    return await state.Client.InnerGetResponseAsync(state.Messages, state.Options, timeout.Token).WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    throw new TimeoutException($"The LLM did not answer within {state.Timeout.TotalMilliseconds:0} ms.");
                }
            },
            (Client: this, Messages: messages, Options: options, Timeout: _timeout),
            cancellationToken);

    private Task<ChatResponse> InnerGetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken) =>
        base.GetResponseAsync(messages, options, cancellationToken);
}
