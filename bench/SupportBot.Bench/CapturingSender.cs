using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SupportBot.Bot.Delivery;

namespace SupportBot.Bench;

/// <summary>Stands in for SMTP/SMS: keeps the last code sent to each address so simulated users can type it.</summary>
internal sealed partial class CapturingSender : IMessageSender
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _codes = new(StringComparer.Ordinal);

    public bool Handles(string channel) => channel is "email" or "sms";

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var code = Code().Match(message.Text).Value;
        _codes.GetOrAdd(message.To, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(code);
        return Task.CompletedTask;
    }

    public Task<string> WaitForCodeAsync(string address) =>
        _codes.GetOrAdd(address, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string address) => _codes.TryRemove(address, out _);

    [GeneratedRegex(@"\d{6,10}")]
    private static partial Regex Code();
}
