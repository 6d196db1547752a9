namespace SupportBot.Dialogs.JsonSchemas;

/// <summary>The outcome of <see cref="JsonSchema.Evaluate"/>: valid, or every failure with where it is.</summary>
public sealed record EvaluationResults(IReadOnlyList<EvaluationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
