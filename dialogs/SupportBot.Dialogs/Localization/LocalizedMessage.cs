using System.Text;

namespace SupportBot.Dialogs.Localization;

/// <summary>A message the engine wants to say: a catalog key and its named arguments, but no text.</summary>
/// <remarks>
/// <para>
/// The engine stays language-free (docs/style.md §16): a decision returns <c>LocalizedMessage</c> values and the host
/// renders them with <see cref="IMessageRenderer"/> in the conversation's language.
/// </para>
/// <para>
/// Equality compares the key and the argument values, not the dictionary instance, so state-machine tests can assert
/// <c>Assert.Equal(new LocalizedMessage("verify.code.sent", …), reply)</c>. Arguments are copied at construction,
/// so a message cannot change after it was emitted.
/// </para>
/// </remarks>
/// <threadsafety>Immutable; safe to share.</threadsafety>
internal sealed record LocalizedMessage
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    /// <summary>Creates a message.</summary>
    /// <param name="key">A catalog key such as <c>verify.code.sent</c>.</param>
    /// <param name="arguments">Named arguments; null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> does not match the key pattern.</exception>
    public LocalizedMessage(string key, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        if (!MessageKeys.IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a message key (^[a-z0-9]+([._-][a-z0-9]+)*$).", nameof(key));
        }

        Key = key;
        Arguments = arguments is null || arguments.Count == 0
            ? NoArguments
            : new Dictionary<string, object?>(arguments, StringComparer.Ordinal);
    }

    /// <summary>The catalog key.</summary>
    public string Key { get; }

    /// <summary>The named arguments; empty when there are none.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>Creates a message whose arguments are the properties of <paramref name="arguments"/>, e.g. <c>new { minutes = 10 }</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> does not match the key pattern.</exception>
    public static LocalizedMessage Create(string key, object? arguments = null) => arguments switch
    {
        null => new LocalizedMessage(key),
        IReadOnlyDictionary<string, object?> dictionary => new LocalizedMessage(key, dictionary),
        _ => new LocalizedMessage(key, ObjectArgumentReader.For(arguments.GetType()).ToDictionary(arguments)),
    };

    /// <inheritdoc />
    public bool Equals(LocalizedMessage? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!string.Equals(Key, other.Key, StringComparison.Ordinal) || Arguments.Count != other.Arguments.Count)
        {
            return false;
        }

        foreach (var (name, value) in Arguments)
        {
            if (!other.Arguments.TryGetValue(name, out var otherValue) || !Equals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Arguments.Count);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Key = ").Append(Key);
        if (Arguments.Count > 0)
        {
            builder.Append(", Arguments = { ");
            builder.AppendJoin(", ", Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} = {a.Value}"));
            builder.Append(" }");
        }

        return true;
    }
}
