using System.Text.RegularExpressions;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Dialogs.Countries;

/// <summary>A country's phone rules from its profile: calling code, trunk prefix, national number lengths and the mobile pattern.</summary>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed class PhoneNumberPlan : INationalNumberPlan
{
    private readonly Regex? _mobile;

    /// <remarks>A <paramref name="mobilePattern"/> that is not a regular expression matches nothing (the profile loader reports it).</remarks>
    public PhoneNumberPlan(string callingCode, string? trunkPrefix, IReadOnlyList<int> nationalNumberLengths, string mobilePattern, string exampleMobile)
    {
        CallingCode = callingCode;
        TrunkPrefix = trunkPrefix;
        NationalNumberLengths = nationalNumberLengths;
        MobilePattern = mobilePattern;
        ExampleMobile = exampleMobile;
        try
        {
            _mobile = new Regex(mobilePattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException)
        {
            _mobile = null;
        }
    }

    /// <summary>E.164 country calling code, digits only (<c>234</c>).</summary>
    public string CallingCode { get; }

    /// <summary>Dialled before national numbers at home (<c>0</c>), or null where none is used (Spain, Italy).</summary>
    public string? TrunkPrefix { get; }

    /// <summary>Lengths of a national significant number (without trunk prefix).</summary>
    public IReadOnlyList<int> NationalNumberLengths { get; }

    public string MobilePattern { get; }

    /// <summary>An example mobile number in E.164 that these rules accept.</summary>
    public string ExampleMobile { get; }

    /// <inheritdoc />
    /// <remarks>The trunk prefix is dropped when the rest has a national length; digits that already have one are taken as they are.</remarks>
    public string? ToInternational(string nationalDigits)
    {
        ArgumentNullException.ThrowIfNull(nationalDigits);
        if (TrunkPrefix is { } trunk && nationalDigits.StartsWith(trunk, StringComparison.Ordinal)
            && NationalNumberLengths.Contains(nationalDigits.Length - trunk.Length))
        {
            return "+" + CallingCode + nationalDigits[trunk.Length..];
        }

        return NationalNumberLengths.Contains(nationalDigits.Length) && !nationalDigits.StartsWith('0')
            ? "+" + CallingCode + nationalDigits
            : null;
    }

    /// <summary>Whether <paramref name="e164"/> (<c>+</c> and digits) is a mobile number of this country.</summary>
    public bool IsMobile(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        var prefix = "+" + CallingCode;
        if (!e164.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var national = e164[prefix.Length..];
        return NationalNumberLengths.Contains(national.Length) && _mobile?.IsMatch(national) == true;
    }
}
