using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SupportBot.Dialogs.Understanding.Llm;

/// <summary>
/// User-supplied text wrapped as data (security.md A4): the fields are JSON-encoded (quotes, newlines and angle
/// brackets escaped), between an opening and a closing line that carry a boundary drawn at random for each call, so
/// nothing inside can close the block or pass itself off as the bot's words.
/// </summary>
public sealed class UntrustedDataBlock
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private UntrustedDataBlock(string boundary, string json)
    {
        Boundary = boundary;
        Json = json;
    }

    /// <summary>The random boundary of this block (32 hex digits).</summary>
    public string Boundary { get; }

    /// <summary>The JSON object holding the data.</summary>
    public string Json { get; }

    public string Opening => $"<<<DATA {Boundary}>>>";

    public string Closing => $"<<<END DATA {Boundary}>>>";

    /// <summary>Wraps <paramref name="fields"/> (name → untrusted value) in a block with a fresh boundary.</summary>
    public static UntrustedDataBlock Create(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var json = JsonSerializer.Serialize(fields, s_json); // quotes, control characters, <, >, & and ' escaped; letters of every script kept
        string boundary;
        do
        {
            boundary = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }
        while (json.Contains(boundary, StringComparison.OrdinalIgnoreCase));

        return new UntrustedDataBlock(boundary, json);
    }

    public override string ToString() => $"{Opening}\n{Json}\n{Closing}";
}
