namespace SupportBot.Dialogs.Localization;

/// <summary>How an ICU message uses one of its arguments.</summary>
/// <remarks>The validator compares kinds between a translation and the source: a translation may not turn a plural into plain text.</remarks>
internal enum MessageArgumentKind
{
    /// <summary><c>{name}</c>: the value is shown as text.</summary>
    Simple,

    /// <summary><c>{n, number}</c>: the value is shown as a number in the message's culture.</summary>
    Number,

    /// <summary><c>{n, plural, …}</c>: the value picks a branch by its cardinal plural category.</summary>
    Plural,

    /// <summary><c>{n, selectordinal, …}</c>: the value picks a branch by its ordinal plural category.</summary>
    SelectOrdinal,

    /// <summary><c>{g, select, …}</c>: the value picks a branch by exact match.</summary>
    Select,
}
