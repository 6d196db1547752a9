namespace SupportBot.Dialogs.Redaction;

/// <summary>Text with secrets replaced, and what kinds were found (to warn the user, never to log the values).</summary>
public sealed record RedactionResult(string Text, IReadOnlyList<SecretKind> Found)
{
    public bool Changed => Found.Count > 0;
}
