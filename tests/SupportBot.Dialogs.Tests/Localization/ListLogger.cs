using Microsoft.Extensions.Logging;

namespace SupportBot.Dialogs.Tests.Localization;

/// <summary>An <see cref="ILogger{T}"/> that records entries, to assert what was logged and how often.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, EventId EventId, string Message)> _entries = [];

    /// <summary>A snapshot of the entries so far.</summary>
    public IReadOnlyList<(LogLevel Level, EventId EventId, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, eventId, formatter(state, exception)));
        }
    }

    /// <summary>The entries with <paramref name="eventId"/>.</summary>
    public IReadOnlyList<string> MessagesWithId(int eventId) =>
        [.. Entries.Where(e => e.EventId.Id == eventId).Select(e => e.Message)];
}
