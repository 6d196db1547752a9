using System.Collections;
using Microsoft.Extensions.Logging;

namespace SupportBot.Bot.Privacy.Logging;

/// <summary>
/// Wraps the host's logger factory so every logger, whatever category and whatever provider (console, test capture,
/// an exporter), gets its message, structured values, scopes and exception through <see cref="LogText.Sanitize"/>.
/// One mechanism for every call site: a new log call cannot forget it.
/// </summary>
internal sealed class SanitizingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new SanitizingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class SanitizingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(SanitizedState.Of(state));

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = LogText.Sanitize(formatter(state, exception));
            var sanitized = new SanitizedState(SanitizedState.Pairs(state), message);
            inner.Log(logLevel, eventId, sanitized, exception is null ? null : new SanitizedException(exception), static (s, _) => s.Message);
        }
    }

    /// <summary>The structured values with every text sanitised; <see cref="ToString"/> is the sanitised message.</summary>
    private sealed class SanitizedState(IReadOnlyList<KeyValuePair<string, object?>> pairs, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => pairs.Count;

        public KeyValuePair<string, object?> this[int index] => pairs[index];

        public static object Of<TState>(TState state)
            where TState : notnull =>
            state is string text ? LogText.Sanitize(text) : new SanitizedState(Pairs(state), LogText.Sanitize(state.ToString()));

        public static IReadOnlyList<KeyValuePair<string, object?>> Pairs<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values
                ? [.. values.Select(pair => new KeyValuePair<string, object?>(pair.Key, Value(pair.Key, pair.Value)))]
                : [];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => pairs.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;

        // Numbers, times and the like cannot carry a line break; anything else is logged as its sanitised text. The
        // template ({OriginalFormat}) is the code's own and stays as written.
        private static object? Value(string key, object? value) => value switch
        {
            null => null,
            _ when key == "{OriginalFormat}" => value,
            string text => LogText.Sanitize(text),
            bool or byte or short or int or long or float or double or decimal or TimeSpan or DateTimeOffset or DateTime or Guid or Enum => value,
            IEnumerable sequence and not string => LogText.Sanitize(string.Join(", ", sequence.Cast<object?>())),
            _ => LogText.Sanitize(value.ToString()),
        };
    }
}

/// <summary>
/// An exception as a log line may show it: its type, sanitised message and stack trace on one line (an exception
/// message can quote input, e.g. a JSON parser's). <see cref="InnerException"/> keeps the original for anything
/// that inspects it in process.
/// </summary>
internal sealed class SanitizedException : Exception
{
    public SanitizedException(Exception original)
        : base(LogText.Sanitize(original?.Message), original)
    {
        ArgumentNullException.ThrowIfNull(original);
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
    }

    public string OriginalType { get; }

    public override string? StackTrace => LogText.Sanitize(InnerException!.StackTrace);

    public override string ToString() => LogText.Sanitize(InnerException!.ToString());
}
