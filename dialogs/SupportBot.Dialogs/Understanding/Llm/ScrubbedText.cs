namespace SupportBot.Dialogs.Understanding.Llm;

/// <summary>
/// A user message made fit for the LLM: secrets redacted, contacts, handles and numbers masked. Only
/// <see cref="LlmInputScrubber"/> makes one, so raw user text cannot reach <see cref="LlmIntentProposer"/> by mistake.
/// </summary>
public sealed class ScrubbedText
{
    internal ScrubbedText(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;
}
