using System.Text.Json;
using SupportBot.Dialogs.JsonSchemas;
using Xunit;

namespace SupportBot.Dialogs.Tests.Countries;

public sealed class JsonSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["code", "hours"],
          "additionalProperties": false,
          "properties": {
            "code": { "type": "string", "pattern": "^[A-Z]{2}$" },
            "status": { "enum": ["draft", "live"] },
            "lengths": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 4, "maximum": 14 } },
            "hours": { "type": "array", "items": { "$ref": "#/$defs/day" } },
            "names": { "type": "object", "additionalProperties": { "type": "string", "minLength": 2 } }
          },
          "$defs": {
            "day": {
              "type": "object",
              "required": ["date"],
              "properties": { "date": { "type": "string", "format": "date" }, "open": { "type": "boolean" } }
            }
          }
        }
        """);

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement);
    }

    [Fact]
    public void AValidDocumentHasNoErrors()
    {
        var results = Evaluate("""{ "code": "NG", "status": "live", "lengths": [8, 10], "hours": [{ "date": "2026-12-25", "open": false }], "names": { "en": "Nigeria" } }""");
        Assert.True(results.IsValid, string.Join("; ", results.Errors));
    }

    [Theory]
    [InlineData("""{ "hours": [] }""", "/code", "required")]
    [InlineData("""{ "code": "ng", "hours": [] }""", "/code", "pattern")]
    [InlineData("""{ "code": 12, "hours": [] }""", "/code", "type")]
    [InlineData("""{ "code": "NG", "hours": [], "extra": 1 }""", "/extra", "additionalProperties")]
    [InlineData("""{ "code": "NG", "hours": [], "status": "beta" }""", "/status", "enum")]
    [InlineData("""{ "code": "NG", "hours": [], "lengths": [] }""", "/lengths", "minItems")]
    [InlineData("""{ "code": "NG", "hours": [], "lengths": [8, 3] }""", "/lengths/1", "minimum")]
    [InlineData("""{ "code": "NG", "hours": [], "lengths": [15] }""", "/lengths/0", "maximum")]
    [InlineData("""{ "code": "NG", "hours": [], "lengths": [8.5] }""", "/lengths/0", "type")]
    [InlineData("""{ "code": "NG", "hours": [{ "date": "2026-02-30" }] }""", "/hours/0/date", "format")]
    [InlineData("""{ "code": "NG", "hours": [{ "open": true }] }""", "/hours/0/date", "required")]
    [InlineData("""{ "code": "NG", "hours": [{ "date": "2026-01-01", "open": "yes" }] }""", "/hours/0/open", "type")]
    [InlineData("""{ "code": "NG", "hours": [], "names": { "fr": "N" } }""", "/names/fr", "minLength")]
    public void EachFailureNamesItsInstanceLocationAndKeyword(string json, string location, string keyword)
    {
        var results = Evaluate(json);
        Assert.False(results.IsValid);
        Assert.Contains(results.Errors, e => e.InstanceLocation == location && e.Keyword == keyword);
    }

    [Fact]
    public void EveryFailureIsReportedAtOnce()
    {
        var results = Evaluate("""{ "code": "n", "status": "x", "hours": [{ "date": "soon" }] }""");
        Assert.Equal(["/code", "/hours/0/date", "/status"], results.Errors.Select(e => e.InstanceLocation).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "oneOf": [] }""")]
    [InlineData("""{ "format": "email" }""")]
    [InlineData("""{ "$ref": "#/$defs/missing" }""")]
    public void AKeywordItDoesNotImplementIsRefusedWhenBuilt(string schema) =>
        Assert.Throws<NotSupportedException>(() => JsonSchema.FromText(schema));
}
