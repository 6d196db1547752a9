using Microsoft.Extensions.Options;

namespace SupportBot.Bot.CodeEntry;

/// <summary>
/// Where codes are typed (security.md A3), section <c>CodeEntry</c>. Channels in <see cref="CardChannels"/> render the
/// code box (an Adaptive Card); channels in <see cref="TextOnlyChannels"/> cannot, so a code typed in the chat is still
/// checked there. A channel in neither list is treated as a card channel: a code travels through free chat only where an
/// operator said it must.
/// </summary>
public sealed class CodeEntryOptions
{
    public const string SectionName = "CodeEntry";

    /// <summary>The card channels when none are configured (the terminal shows the box as a hidden prompt).</summary>
    public static IReadOnlyList<string> DefaultCardChannels { get; } = ["webchat", "directline", "msteams", "emulator", "test", "terminal"];

    /// <summary>Channel ids (<c>activity.channelId</c>) that render Adaptive Cards; configuring it replaces the defaults.</summary>
    public List<string>? CardChannels { get; set; }

    /// <summary>Channel ids that show text only (SMS, some messengers): typed codes keep working there, redacted first.</summary>
    public List<string> TextOnlyChannels { get; set; } = [];

    /// <summary>The card channels in force: the configured list, or <see cref="DefaultCardChannels"/>.</summary>
    public IReadOnlyList<string> EffectiveCardChannels =>
        [.. (CardChannels is { Count: > 0 } configured ? configured : DefaultCardChannels).Except(TextOnlyChannels, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Whether a code typed in the chat of <paramref name="channelId"/> is checked (only on text-only channels).</summary>
    public bool AcceptsTypedCodes(string? channelId) =>
        channelId is not null && TextOnlyChannels.Contains(channelId, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Checks <see cref="CodeEntryOptions"/> at start-up: ids are non-empty, and no channel is in both lists.</summary>
internal sealed class CodeEntryOptionsValidator : IValidateOptions<CodeEntryOptions>
{
    public ValidateOptionsResult Validate(string? name, CodeEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (list, key) in new[] { (options.EffectiveCardChannels, "CardChannels"), ((IReadOnlyList<string>)options.TextOnlyChannels, "TextOnlyChannels") })
        {
            if (list.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{CodeEntryOptions.SectionName}:{key} has an empty channel id.");
            }
            else if (list.Any(id => id.Trim() != id || id.Length > 64))
            {
                failures.Add($"{CodeEntryOptions.SectionName}:{key} has a channel id with spaces around it or longer than 64 characters.");
            }
        }

        // Only a configured list can contradict the text-only one; a text-only channel simply leaves the defaults.
        var both = (options.CardChannels ?? []).Intersect(options.TextOnlyChannels, StringComparer.OrdinalIgnoreCase).ToList();
        if (both.Count > 0)
        {
            failures.Add($"{CodeEntryOptions.SectionName}: channel(s) {string.Join(", ", both)} are listed both in CardChannels and in TextOnlyChannels.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
