using System.Text.Json;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.Tests.Understanding;

/// <summary>One line of <c>tests/nlu/&lt;lang&gt;.heldout.jsonl</c>: an utterance, its intent, and whether it is romanised.</summary>
internal sealed record HeldOutUtterance(string Text, Intent Intent, bool Romanized)
{
    /// <summary>Lines of 2–15 words: what language identification is measured on (short chat messages).</summary>
    public bool IsChatLength => Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length is >= 2 and <= 15;
}

internal static class HeldOutSet
{
    /// <summary>The held-out set of <paramref name="language"/>, or <see langword="null"/> when the file is missing.</summary>
    public static IReadOnlyList<HeldOutUtterance>? Read(string language)
    {
        var path = RepositoryFiles.HeldOut(language);
        if (!File.Exists(path))
        {
            return null;
        }

        return [.. File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select((line, index) =>
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var label = root.GetProperty("intent").GetString()!;
                var intent = IntentLabels.FromLabel(label) ?? throw new InvalidDataException($"{path}:{index + 1}: unknown intent '{label}'.");
                var romanized = root.TryGetProperty("romanized", out var flag) && flag.ValueKind == JsonValueKind.True;
                return new HeldOutUtterance(root.GetProperty("text").GetString()!, intent, romanized);
            })];
    }
}
