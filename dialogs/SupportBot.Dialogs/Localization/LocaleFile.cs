using System.Text;

namespace SupportBot.Dialogs.Localization;

/// <summary>One localisation data file: its path relative to the locales root and its UTF-8 content.</summary>
/// <param name="Path">Relative path with <c>/</c> separators, e.g. <c>fr/verify.json</c>; used in findings and logs.</param>
/// <param name="Content">The raw bytes, expected to be UTF-8.</param>
internal sealed record LocaleFile(string Path, ReadOnlyMemory<byte> Content)
{
    /// <summary>The file name without folders, e.g. <c>verify.json</c>.</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>A file whose content is <paramref name="text"/> encoded as UTF-8.</summary>
    public static LocaleFile FromText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        return new LocaleFile(path, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The content decoded as UTF-8, without a byte order mark.</summary>
    public string ReadText()
    {
        var bytes = Content.Span;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
