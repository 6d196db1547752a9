namespace SupportBot.Dialogs.JsonSchemas;

/// <summary>One schema failure.</summary>
/// <param name="InstanceLocation">JSON Pointer to the failing value, e.g. <c>/phone/exampleMobile</c> (empty for the root).</param>
/// <param name="Keyword">The keyword that failed, e.g. <c>pattern</c>.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record EvaluationError(string InstanceLocation, string Keyword, string Message);
