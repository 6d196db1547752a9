namespace SupportBot.Dialogs.Redaction;

/// <summary>Kinds of secret the redactor removes.</summary>
public enum SecretKind
{
    /// <summary>A one-time code (a run of 4–10 digits that is not a phone number).</summary>
    Code,

    /// <summary>A Luhn-valid 13–19 digit card number; only the last four digits are kept.</summary>
    CardNumber,

    /// <summary>A long opaque token (API key, session id, JWT, bearer token).</summary>
    Token,

    /// <summary>A password, announced by a word such as "password", "mot de passe", "contraseña", "كلمة المرور".</summary>
    Password,

    /// <summary>A card's security code (CVV/CVC), never stored (PCI DSS 3.3).</summary>
    Cvv,

    /// <summary>A national ID, social security, passport or driving licence number.</summary>
    IdNumber,
}
