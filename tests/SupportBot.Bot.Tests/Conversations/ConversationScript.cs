using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>One scripted conversation of <c>tests/conversations/</c>; see the README there for the format.</summary>
internal sealed record ConversationScript
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public required string Name { get; init; }

    /// <summary>The channel locale; <c>$language</c> unless the file says otherwise (<see langword="null"/> for none).</summary>
    public string? Locale { get; init; } = "$language";

    public Dictionary<string, string?> Settings { get; init; } = [];

    public required IReadOnlyList<ScriptStep> Steps { get; init; }

    public static ConversationScript Load(string path) =>
        JsonSerializer.Deserialize<ConversationScript>(File.ReadAllText(path), s_options)
        ?? throw new InvalidDataException($"{path} is empty.");
}

internal sealed record ScriptStep
{
    public bool Start { get; init; }

    public string? Say { get; init; }

    public string? In { get; init; }

    public string? Press { get; init; }

    public string? Type { get; init; }

    public string? Code { get; init; }

    public StepExpectation? Expect { get; init; }

    public override string ToString() =>
        Start ? "start" : Say is not null ? $"say {Say}{(In is null ? string.Empty : " in " + In)}" : Press is not null ? $"press {Press}"
        : Type is not null ? $"type {Type}" : $"code from {Code}";
}

internal sealed record StepExpectation
{
    public IReadOnlyList<string> Replies { get; init; } = [];

    public string? State { get; init; }

    public string? Language { get; init; }
}
