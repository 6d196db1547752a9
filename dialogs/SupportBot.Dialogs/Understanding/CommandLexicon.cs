using System.Collections.Frozen;
using System.Text.Json;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// The words that are commands in each language (<c>locales/&lt;lang&gt;/commands.json</c>), matched against a
/// whole message so that "stop" stops but "how do I stop the hacker" does not.
/// </summary>
public sealed class CommandLexicon
{
    private static readonly FrozenDictionary<string, UserCommand> s_commandNames = new Dictionary<string, UserCommand>(StringComparer.Ordinal)
    {
        ["start-over"] = UserCommand.StartOver,
        ["stop"] = UserCommand.Stop,
        ["human"] = UserCommand.Human,
        ["yes"] = UserCommand.Yes,
        ["no"] = UserCommand.No,
        ["method-email"] = UserCommand.MethodEmail,
        ["method-sms"] = UserCommand.MethodSms,
        ["resend"] = UserCommand.Resend,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, FrozenDictionary<string, UserCommand>> _byLanguage;
    private readonly FrozenDictionary<string, UserCommand> _global;

    private CommandLexicon(Dictionary<string, Dictionary<string, UserCommand>> byLanguage)
    {
        _byLanguage = byLanguage.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal);

        // Start over and stop must work whatever language the user types them in (SPEC §4).
        var global = new Dictionary<string, UserCommand>(StringComparer.Ordinal);
        foreach (var phrases in byLanguage.Values)
        {
            foreach (var (phrase, command) in phrases)
            {
                if (command is UserCommand.StartOver or UserCommand.Stop or UserCommand.Human)
                {
                    global.TryAdd(phrase, command);
                }
            }
        }

        _global = global.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static CommandLexicon Empty { get; } = new([]);

    /// <summary>Builds the lexicon from each language's <c>commands.json</c> text.</summary>
    /// <exception cref="FormatException">A file is not an object of string arrays, or names an unknown command.</exception>
    public static CommandLexicon Parse(IEnumerable<(string Language, string Json, string SourceName)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var byLanguage = new Dictionary<string, Dictionary<string, UserCommand>>(StringComparer.Ordinal);
        foreach (var (language, json, sourceName) in files)
        {
            var phrases = byLanguage.TryGetValue(language, out var existing) ? existing : byLanguage[language] = new(StringComparer.Ordinal);
            Dictionary<string, string[]>? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<Dictionary<string, string[]>>(json);
            }
            catch (JsonException exception)
            {
                throw new FormatException($"{sourceName}: not an object of string arrays ({exception.Message}).", exception);
            }

            foreach (var (name, words) in parsed ?? [])
            {
                if (!s_commandNames.TryGetValue(name, out var command))
                {
                    throw new FormatException($"{sourceName}: unknown command \"{name}\"; expected one of {string.Join(", ", s_commandNames.Keys)}.");
                }

                foreach (var word in words)
                {
                    phrases.TryAdd(Normalize(word), command);
                }
            }
        }

        return new CommandLexicon(byLanguage);
    }

    /// <summary>The command a whole message is, in <paramref name="language"/> or (for global commands) any language.</summary>
    public UserCommand Match(string text, string language)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return UserCommand.None;
        }

        if (_byLanguage.TryGetValue(language, out var phrases) && phrases.TryGetValue(normalized, out var command))
        {
            return command;
        }

        return _global.GetValueOrDefault(normalized, UserCommand.None);
    }

    /// <summary>Lower case, trimmed, inner white space folded, trailing punctuation dropped.</summary>
    internal static string Normalize(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        while (builder.Length > 0 && (char.IsPunctuation(builder[^1]) || char.IsSymbol(builder[^1])))
        {
            builder.Length--;
        }

        return builder.ToString();
    }
}
