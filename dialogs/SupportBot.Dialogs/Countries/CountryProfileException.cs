namespace SupportBot.Dialogs.Countries;

/// <summary>The country profiles cannot be used; thrown at start-up with every file and field at fault.</summary>
public sealed class CountryProfileException : Exception
{
    public CountryProfileException()
    {
    }

    public CountryProfileException(string message)
        : base(message)
    {
    }

    public CountryProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
