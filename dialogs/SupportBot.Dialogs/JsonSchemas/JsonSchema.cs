using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.JsonSchemas;

/// <summary>
/// A JSON Schema (2020-12) for the subset of keywords this repository's schemas use, in the shape of JsonSchema.Net:
/// build one with <see cref="FromText"/> and <see cref="Evaluate"/> a <see cref="JsonElement"/>.
/// </summary>
/// <remarks>
/// <para>Why not JsonSchema.Net: its dependency JsonPointer.Net cannot be restored from this project's package source,
/// and no other validator restores either. Supported: <c>type</c>, <c>enum</c>, <c>required</c>, <c>properties</c>,
/// <c>additionalProperties</c> (<c>false</c> or a schema), <c>items</c>, <c>minItems</c>, <c>minLength</c>,
/// <c>pattern</c>, <c>minimum</c>, <c>maximum</c>, <c>$ref</c> to <c>#/$defs/…</c> and <c>format: date</c>.
/// Annotations (<c>title</c>, <c>description</c>, <c>$id</c>, <c>$schema</c>) are ignored.</para>
/// <para>A schema that uses any other keyword is refused when it is built, so a schema change can never be silently
/// unchecked.</para>
/// </remarks>
/// <threadsafety>Immutable once built; safe to share.</threadsafety>
public sealed class JsonSchema
{
    private static readonly HashSet<string> s_annotations = new(StringComparer.Ordinal) { "$schema", "$id", "title", "description", "$comment", "examples", "default" };

    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "type", "enum", "required", "properties", "additionalProperties", "items", "minItems", "minLength", "pattern",
        "minimum", "maximum", "$ref", "$defs", "format",
    };

    private readonly JsonElement _root;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    private JsonSchema(JsonElement root)
    {
        _root = root;
        Check(root, "#");
    }

    /// <summary>Parses a schema document.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="NotSupportedException">The schema uses a keyword this validator does not implement, or a <c>$ref</c> it cannot resolve.</exception>
    public static JsonSchema FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var document = JsonDocument.Parse(text);
        return new JsonSchema(document.RootElement.Clone());
    }

    /// <summary>Validates <paramref name="instance"/>; every failure is reported, each with its instance location (a JSON Pointer).</summary>
    public EvaluationResults Evaluate(JsonElement instance)
    {
        var errors = new List<EvaluationError>();
        Validate(_root, instance, string.Empty, errors);
        return new EvaluationResults(errors);
    }

    private void Check(JsonElement schema, string at)
    {
        if (schema.ValueKind == JsonValueKind.True || schema.ValueKind == JsonValueKind.False)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new NotSupportedException($"Schema at {at} is neither an object nor a boolean.");
        }

        foreach (var property in schema.EnumerateObject())
        {
            if (s_annotations.Contains(property.Name))
            {
                continue;
            }

            if (!s_keywords.Contains(property.Name))
            {
                throw new NotSupportedException($"Schema keyword '{property.Name}' at {at} is not supported by this validator.");
            }

            switch (property.Name)
            {
                case "properties" or "$defs":
                    foreach (var child in property.Value.EnumerateObject())
                    {
                        Check(child.Value, $"{at}/{property.Name}/{child.Name}");
                    }

                    break;
                case "items" or "additionalProperties":
                    Check(property.Value, $"{at}/{property.Name}");
                    break;
                case "pattern":
                    var pattern = property.Value.GetString() ?? string.Empty;
                    _patterns.TryAdd(pattern, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
                    break;
                case "$ref":
                    _ = Resolve(property.Value.GetString() ?? string.Empty);
                    break;
                case "format" when property.Value.GetString() != "date":
                    throw new NotSupportedException($"Format '{property.Value.GetString()}' at {at} is not supported by this validator.");
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        if (reference.StartsWith(prefix, StringComparison.Ordinal)
            && _root.TryGetProperty("$defs", out var defs)
            && defs.TryGetProperty(reference[prefix.Length..], out var target))
        {
            return target;
        }

        throw new NotSupportedException($"Reference '{reference}' cannot be resolved (only #/$defs/name is supported).");
    }

    private void Validate(JsonElement schema, JsonElement instance, string location, List<EvaluationError> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add(new EvaluationError(location, "false", "no value is allowed here"));
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(Resolve(reference.GetString()!), instance, location, errors);
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(instance, type.GetString()!))
        {
            errors.Add(new EvaluationError(location, "type", $"expected {type.GetString()}, found {Describe(instance.ValueKind)}"));
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(value => JsonElement.DeepEquals(value, instance)))
        {
            errors.Add(new EvaluationError(location, "enum", $"{instance.GetRawText()} is not one of {string.Join(", ", allowed.EnumerateArray().Select(v => v.GetRawText()))}"));
        }

        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(schema, instance, location, errors);
                break;
            case JsonValueKind.Array:
                ValidateArray(schema, instance, location, errors);
                break;
            case JsonValueKind.String:
                ValidateString(schema, instance.GetString()!, location, errors);
                break;
            case JsonValueKind.Number:
                ValidateNumber(schema, instance.GetDouble(), location, errors);
                break;
        }
    }

    private void ValidateObject(JsonElement schema, JsonElement instance, string location, List<EvaluationError> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
            {
                if (!instance.TryGetProperty(name, out _))
                {
                    errors.Add(new EvaluationError($"{location}/{Escape(name)}", "required", $"required property '{name}' is missing"));
                }
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in instance.EnumerateObject())
        {
            var at = $"{location}/{Escape(property.Name)}";
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(propertySchema, property.Value, at, errors);
            }
            else if (hasAdditional && additional.ValueKind == JsonValueKind.False)
            {
                errors.Add(new EvaluationError(at, "additionalProperties", $"property '{property.Name}' is not allowed here"));
            }
            else if (hasAdditional)
            {
                Validate(additional, property.Value, at, errors);
            }
        }
    }

    private void ValidateArray(JsonElement schema, JsonElement instance, string location, List<EvaluationError> errors)
    {
        if (schema.TryGetProperty("minItems", out var minItems) && instance.GetArrayLength() < minItems.GetInt32())
        {
            errors.Add(new EvaluationError(location, "minItems", $"needs at least {minItems.GetInt32()} item(s), has {instance.GetArrayLength()}"));
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in instance.EnumerateArray())
            {
                Validate(items, item, $"{location}/{index++}", errors);
            }
        }
    }

    private void ValidateString(JsonElement schema, string value, string location, List<EvaluationError> errors)
    {
        if (schema.TryGetProperty("minLength", out var minLength) && value.EnumerateRunes().Count() < minLength.GetInt32())
        {
            errors.Add(new EvaluationError(location, "minLength", $"needs at least {minLength.GetInt32()} character(s)"));
        }

        if (schema.TryGetProperty("pattern", out var pattern) && !_patterns[pattern.GetString()!].IsMatch(value))
        {
            errors.Add(new EvaluationError(location, "pattern", $"\"{value}\" does not match {pattern.GetString()}"));
        }

        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date"
            && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add(new EvaluationError(location, "format", $"\"{value}\" is not a date (yyyy-MM-dd)"));
        }
    }

    private static void ValidateNumber(JsonElement schema, double value, string location, List<EvaluationError> errors)
    {
        if (schema.TryGetProperty("minimum", out var minimum) && value < minimum.GetDouble())
        {
            errors.Add(new EvaluationError(location, "minimum", $"{value.ToString(CultureInfo.InvariantCulture)} is below the minimum {minimum.GetRawText()}"));
        }

        if (schema.TryGetProperty("maximum", out var maximum) && value > maximum.GetDouble())
        {
            errors.Add(new EvaluationError(location, "maximum", $"{value.ToString(CultureInfo.InvariantCulture)} is above the maximum {maximum.GetRawText()}"));
        }
    }

    private static bool HasType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && instance.TryGetDouble(out var d) && Math.Floor(d) == d,
        "null" => instance.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"Type '{type}' is not a JSON Schema type."),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>JSON Pointer escaping (RFC 6901).</summary>
    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
