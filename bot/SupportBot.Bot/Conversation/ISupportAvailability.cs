using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Conversation;

/// <summary>Whether live support is open for a country and language now (country profiles and agent presence plug in here).</summary>
public interface ISupportAvailability
{
    SupportAvailability Get(string country, string language, DateTimeOffset now);
}
