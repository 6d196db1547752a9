namespace SupportBot.Dialogs.Localization;

/// <summary>One use of an argument in an ICU message, as found by the parser.</summary>
/// <remarks>Exposed so that the catalog validator can compare a translation with its source without re-parsing.</remarks>
/// <param name="Name">The argument name, e.g. <c>count</c>.</param>
/// <param name="Kind">How the argument is used.</param>
/// <param name="Selectors">The branch selectors of a plural, selectordinal or select, as written (<c>=0</c>, <c>one</c>, <c>sms</c>); empty otherwise.</param>
/// <param name="Position">Zero-based index of the argument's opening brace.</param>
internal sealed record MessageArgumentInfo(string Name, MessageArgumentKind Kind, IReadOnlyList<string> Selectors, int Position);
