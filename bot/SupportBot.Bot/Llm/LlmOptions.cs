using System.ComponentModel.DataAnnotations;
using SupportBot.Dialogs.Understanding.Llm;

namespace SupportBot.Bot.Llm;

/// <summary>
/// The optional LLM (section <c>Llm</c>): off unless <see cref="Endpoint"/> is set. Any OpenAI-compatible chat
/// completions endpoint (OpenAI, Azure OpenAI's v1 API, Ollama, vLLM). Validated at start-up; the key is never logged.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>Base address of the API, e.g. <c>https://api.openai.com/v1</c> or <c>http://localhost:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name the endpoint knows (required with an endpoint).</summary>
    public string? Model { get; set; }

    /// <summary>The API key, from a vault or an environment variable (<c>Llm__ApiKey</c>); none for a local server.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The header the key goes in: <c>Authorization</c> (as <c>Bearer key</c>, the default) or e.g. <c>api-key</c> for Azure OpenAI.</summary>
    public string ApiKeyHeader { get; set; } = "Authorization";

    /// <summary>The most one call may cost a turn; then the local recognizer's result stands.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After repeated failures the LLM is skipped (no call at all) for this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Calls within <see cref="SamplingDuration"/> before half of them failing opens the circuit.</summary>
    [Range(2, 1_000)]
    public int MinimumThroughput { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When to ask: <c>Unsure</c> (the recognizer is below <c>Engine:ClarifyBelowConfidence</c> or says out_of_scope) or <c>Always</c>.</summary>
    public LlmConsultMode Consult { get; set; } = LlmConsultMode.Unsure;

    /// <summary>A proposal below this confidence is ignored.</summary>
    [Range(0.0, 1.0)]
    public double MinimumConfidence { get; set; } = 0.5;

    /// <summary>Longer messages are cut to this many characters before they are sent.</summary>
    [Range(20, 8_000)]
    public int MaxInputCharacters { get; set; } = LlmInputScrubber.DefaultMaxCharacters;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}
