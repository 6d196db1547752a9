namespace SupportBot.Dialogs.Localization;

/// <summary>Renders engine messages through the shared <see cref="JsonStringLocalizerFactory"/>.</summary>
/// <remarks>Skips <see cref="Microsoft.Extensions.Localization.LocalizedString"/>: the host wants the text, and this path runs on every reply.</remarks>
/// <threadsafety>Stateless; safe to share as a singleton.</threadsafety>
internal sealed class MessageRenderer(JsonStringLocalizerFactory factory) : IMessageRenderer
{
    private readonly JsonStringLocalizerFactory _factory = factory ?? throw new ArgumentNullException(nameof(factory));

    /// <inheritdoc />
    public string Render(string language, string key, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(key);
        return _factory.Localize(language, key, MessageArguments.From(arguments)).Text;
    }

    /// <inheritdoc />
    public string Render(string language, LocalizedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Render(language, message.Key, message.Arguments);
    }

    /// <inheritdoc />
    public TextDirection GetDirection(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return _factory.Catalogs.Resolve(language).Direction;
    }
}
