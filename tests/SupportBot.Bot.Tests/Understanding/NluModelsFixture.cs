using SupportBot.Bot.LanguageChoice;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.Understanding;

/// <summary>The recognizer and detector trained once from the repository's <c>locales/</c>, as the host trains them.</summary>
internal static class ShippedNluModels
{
    private static readonly Lazy<NluModels> s_models = new(() => NluModels.Train(new LocaleFolder(RepositoryFiles.Locales)));

    public static NluModels Models => s_models.Value;
}
