using System.Security.Cryptography;
using System.Text;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Verification;

/// <summary>
/// The masked contacts a claimant may see on the method buttons (docs/security.md D3). A method with an eligible
/// (pre-compromise) contact shows that contact's mask; any other — every method of an identifier that matched
/// nothing, or of an account without such a contact — shows a fake mask derived by HMAC from the identifier, so the
/// same identifier always shows the same masks and they look like real ones: an email identifier shows its own
/// mask (what a real account usually shows), a phone identifier its own last digits.
/// </summary>
public sealed class ContactMaskChooser(byte[] key)
{
    // Common providers, so a fake mask is as plausible as a real one.
    private static readonly string[] s_domains =
        ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me", "aol.com", "gmx.net"];

    private readonly byte[] _key = key.Length >= 32 ? key : throw new ArgumentException("The mask key needs at least 32 bytes.", nameof(key));

    public IReadOnlyDictionary<string, string> Choose(string normalizedIdentifier, ContactOnFile? email, ContactOnFile? phone) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["email"] = email is null ? FakeEmail(normalizedIdentifier) : ContactMask.Mask(ContactKind.Email, email.Address),
            ["sms"] = phone is null ? FakePhone(normalizedIdentifier) : ContactMask.Mask(ContactKind.Phone, phone.Address),
        };

    /// <summary>A fake email mask for <paramref name="normalizedIdentifier"/>, the same every time.</summary>
    public string FakeEmail(string normalizedIdentifier)
    {
        ArgumentNullException.ThrowIfNull(normalizedIdentifier);
        if (normalizedIdentifier.IndexOf('@', StringComparison.Ordinal) > 0)
        {
            return ContactMask.Mask(ContactKind.Email, normalizedIdentifier);
        }

        var bytes = Derive("email", normalizedIdentifier);
        var letter = (char)('a' + (bytes[0] % 26));
        return ContactMask.Mask(ContactKind.Email, letter + "x@" + s_domains[bytes[1] % s_domains.Length]);
    }

    /// <summary>A fake phone mask for <paramref name="normalizedIdentifier"/>, the same every time.</summary>
    public string FakePhone(string normalizedIdentifier)
    {
        ArgumentNullException.ThrowIfNull(normalizedIdentifier);
        if (normalizedIdentifier.StartsWith('+') && normalizedIdentifier.Length > 4)
        {
            return ContactMask.Mask(ContactKind.Phone, normalizedIdentifier);
        }

        var bytes = Derive("phone", normalizedIdentifier);
        var digits = ((bytes[0] << 8 | bytes[1]) % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return ContactMask.Mask(ContactKind.Phone, "+0000000" + digits);
    }

    private byte[] Derive(string purpose, string value) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("fake-mask\n" + purpose + "\n" + value));
}
