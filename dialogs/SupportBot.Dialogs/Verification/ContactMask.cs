namespace SupportBot.Dialogs.Verification;

/// <summary>Masks a contact for display and logs: <c>s•••@example.com</c>, <c>+44 •••• ••0123</c> → <c>•••123</c>.</summary>
public static class ContactMask
{
    public static string Mask(ContactKind kind, string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (kind == ContactKind.Email)
        {
            var at = address.IndexOf('@', StringComparison.Ordinal);
            return at <= 0 ? "•••" : address[0] + "•••" + address[at..];
        }

        var digits = new string(address.Where(char.IsAsciiDigit).ToArray());
        return digits.Length <= 3 ? "•••" : "•••" + digits[^3..];
    }
}
