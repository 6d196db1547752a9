using System.Text;

namespace SupportBot.Dialogs.Localization;

/// <summary>One reusable <see cref="StringBuilder"/> per thread for formatting messages.</summary>
/// <remarks>
/// Every bot turn formats a few messages; reusing the builder leaves the result string as the only allocation.
/// Builders that grew large (a long legal text) are not kept, so a rare big message does not pin memory.
/// </remarks>
/// <threadsafety>Thread-static, so each thread has its own builder.</threadsafety>
internal static class StringBuilderCache
{
    private const int MaxCachedCapacity = 1024;

    [ThreadStatic]
    private static StringBuilder? t_cached;

    /// <summary>Takes this thread's builder (cleared) or a new one.</summary>
    public static StringBuilder Acquire(int capacity)
    {
        var builder = t_cached;
        if (builder is not null && capacity <= builder.Capacity)
        {
            t_cached = null;
            return builder.Clear();
        }

        return new StringBuilder(Math.Max(capacity, 256));
    }

    /// <summary>Returns the builder's text and gives the builder back to this thread.</summary>
    public static string GetStringAndRelease(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxCachedCapacity)
        {
            t_cached = builder;
        }

        return text;
    }
}
