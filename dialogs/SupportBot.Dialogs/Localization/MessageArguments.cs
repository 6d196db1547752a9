namespace SupportBot.Dialogs.Localization;

/// <summary>The named arguments of one message: a dictionary, an object's properties, or nothing.</summary>
/// <remarks>
/// A struct wrapper so that formatting can read arguments from either source without copying them into a
/// dictionary on every turn. Names are case-sensitive, as they are in ICU messages.
/// </remarks>
/// <threadsafety>Reads only; as safe as the wrapped source.</threadsafety>
internal readonly struct MessageArguments
{
    // Invariant: _reader is non-null only when _source is a plain object read through its properties.
    private readonly object? _source;
    private readonly ObjectArgumentReader? _reader;

    private MessageArguments(object? source, ObjectArgumentReader? reader)
    {
        _source = source;
        _reader = reader;
    }

    /// <summary>No arguments.</summary>
    public static MessageArguments None => default;

    /// <summary>Whether there is no argument source at all.</summary>
    public bool IsEmpty => _source is null;

    /// <summary>Arguments from a dictionary; null means none.</summary>
    public static MessageArguments From(IReadOnlyDictionary<string, object?>? values) => new(values, null);

    /// <summary>Arguments from a dictionary or from the public properties of an object (e.g. <c>new { minutes = 10 }</c>).</summary>
    /// <param name="values">A dictionary, an object, or null for none.</param>
    public static MessageArguments FromObject(object? values) => values switch
    {
        null => None,
        IReadOnlyDictionary<string, object?> or IDictionary<string, object?> => new(values, null),
        _ => new(values, ObjectArgumentReader.For(values.GetType())),
    };

    /// <summary>Whether <paramref name="values"/> is a scalar (text, number, date…) rather than a set of named values.</summary>
    /// <remarks>Such a value means the caller used a positional argument, which catalogs do not support.</remarks>
    public static bool IsScalar(object? values) =>
        values is string or IConvertible or IFormattable || (values is not null && values.GetType().IsPrimitive);

    /// <summary>Reads the argument called <paramref name="name"/>.</summary>
    public bool TryGetValue(string name, out object? value)
    {
        switch (_source)
        {
            case null:
                value = null;
                return false;
            case IReadOnlyDictionary<string, object?> readOnly when _reader is null:
                return readOnly.TryGetValue(name, out value);
            case IDictionary<string, object?> mutable when _reader is null:
                return mutable.TryGetValue(name, out value);
            default:
                return _reader!.TryGetValue(_source, name, out value);
        }
    }
}
