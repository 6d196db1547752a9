using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Localization;
using SupportBot.Dialogs.Redaction;
using SupportBot.Dialogs.Understanding;
using SupportBot.Dialogs.Understanding.Llm;

namespace SupportBot.Bot.Llm;

/// <summary>
/// The configured LLM for <c>supportbot nlu classify --llm</c>: the same scrubber, prompt, parser, timeout and circuit
/// breaker as the bot, asked about every line (the consult policy is the bot's business, not an evaluator's).
/// </summary>
internal sealed class LlmCommandLineProposer : IDisposable
{
    private readonly IChatClient _client;
    private readonly LlmInputScrubber _scrubber;
    private readonly LlmIntentProposer _proposer;

    private LlmCommandLineProposer(IChatClient client, LlmInputScrubber scrubber, LlmIntentProposer proposer)
    {
        _client = client;
        _scrubber = scrubber;
        _proposer = proposer;
    }

    /// <summary>The proposer, or the configuration's errors (naming keys, never the key's value).</summary>
    public static (LlmCommandLineProposer? Proposer, string? Error) Create(IConfiguration configuration, LocaleFolder locales)
    {
        var options = configuration.GetSection(LlmOptions.SectionName).Get<LlmOptions>() ?? new LlmOptions();
        if (!options.Enabled)
        {
            return (null, "--llm needs Llm:Endpoint and Llm:Model (e.g. Llm__Endpoint=http://localhost:11434/v1 Llm__Model=llama3.1).");
        }

        var result = new LlmOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            return (null, result.FailureMessage);
        }

        var patterns = Path.Combine(locales.Root, "_meta", "redaction-patterns.json");
        var redactor = new Redactor(RedactionLexicon.Parse(
            locales.ReadEach("redaction.json").Select(file => (file.Json, file.SourceName)),
            File.Exists(patterns) ? File.ReadAllText(patterns) : null));
        var client = OpenAIChatClientAdapter.Create(options);
        var proposer = new LlmIntentProposer(new ResilientChatClient(client, options, TimeProvider.System), options.MinimumConfidence);
        return (new LlmCommandLineProposer(client, new LlmInputScrubber(redactor, options.MaxInputCharacters), proposer), null);
    }

    /// <summary>The proposal for one line, or why there is none (<c>not-sent</c> when the line held a secret or contact).</summary>
    public async Task<(string? Intent, double? Confidence, string? Fallback)> ProposeAsync(string text, string language, CancellationToken cancellationToken)
    {
        if (_scrubber.Scrub(text) is not { } scrubbed)
        {
            return (null, null, "not-sent");
        }

        var outcome = await _proposer.ProposeAsync(scrubbed, language, cancellationToken);
        return outcome.Proposal is { } proposal
            ? (proposal.Intent.ToLabel(), proposal.Confidence, null)
            : (null, null, outcome.Reason.ToString());
    }

    public void Dispose() => _client.Dispose();
}
