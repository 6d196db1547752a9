namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// A country's numbering plan as the entity extractor needs it: turns a phone number written the national way
/// (<c>0803 123 4567</c> in Nigeria) into E.164 (<c>+2348031234567</c>). Country profiles provide it, so no
/// country is special-cased in code.
/// </summary>
public interface INationalNumberPlan
{
    /// <summary>The E.164 form of <paramref name="nationalDigits"/>, or null when the digits are not a number of this plan.</summary>
    /// <param name="nationalDigits">Digits only, as typed (trunk prefix included).</param>
    string? ToInternational(string nationalDigits);
}
