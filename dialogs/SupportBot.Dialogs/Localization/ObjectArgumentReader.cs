using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace SupportBot.Dialogs.Localization;

/// <summary>Reads named message arguments from the public properties of an object, typically an anonymous one.</summary>
/// <remarks>
/// Callers write <c>localizer["verify.code.sent", new { minutes = 10 }]</c>. Reflection per call would dominate the
/// cost of a turn, so each type's property getters are compiled once into delegates and cached for the life of the
/// process (the set of argument types is fixed by the code, so the cache is bounded).
/// </remarks>
/// <threadsafety>Immutable per type; the cache is concurrent.</threadsafety>
internal sealed class ObjectArgumentReader
{
    private static readonly ConcurrentDictionary<Type, ObjectArgumentReader> Cache = new();

    // Invariant: _names[k] is the property read by _getters[k]; anonymous types have a handful, so a linear scan wins.
    private readonly string[] _names;
    private readonly Func<object, object?>[] _getters;

    private ObjectArgumentReader(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .ToArray();
        _names = [.. properties.Select(p => p.Name)];
        _getters = [.. properties.Select(CompileGetter)];
    }

    /// <summary>The property names, in declaration order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The reader for <paramref name="type"/>, built on first use.</summary>
    public static ObjectArgumentReader For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Cache.GetOrAdd(type, static t => new ObjectArgumentReader(t));
    }

    /// <summary>Reads property <paramref name="name"/> (case-sensitive, as in the message) of <paramref name="instance"/>.</summary>
    public bool TryGetValue(object instance, string name, out object? value)
    {
        for (var k = 0; k < _names.Length; k++)
        {
            if (string.Equals(_names[k], name, StringComparison.Ordinal))
            {
                value = _getters[k](instance);
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Copies every property of <paramref name="instance"/> into a new dictionary.</summary>
    public Dictionary<string, object?> ToDictionary(object instance)
    {
        var values = new Dictionary<string, object?>(_names.Length, StringComparer.Ordinal);
        for (var k = 0; k < _names.Length; k++)
        {
            values[_names[k]] = _getters[k](instance);
        }

        return values;
    }

    private static Func<object, object?> CompileGetter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var typed = Expression.Convert(instance, property.DeclaringType!);
        var body = Expression.Convert(Expression.Property(typed, property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }
}
