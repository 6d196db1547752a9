using System.Collections.Concurrent;
using SupportBot.Bot.Localization;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>The host's renderer, noting every message key it renders and in which language: what a script checks.</summary>
internal sealed class RecordingTextRenderer(ITextRenderer inner) : ITextRenderer
{
    private readonly ConcurrentQueue<(string Language, string Key)> _rendered = new();

    public string Render(string language, string key, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        _rendered.Enqueue((language, key));
        return inner.Render(language, key, arguments);
    }

    /// <summary>What was rendered since the last call, in order.</summary>
    public IReadOnlyList<(string Language, string Key)> Take()
    {
        var taken = new List<(string, string)>();
        while (_rendered.TryDequeue(out var item))
        {
            taken.Add(item);
        }

        return taken;
    }
}
