namespace SupportBot.Bot.Tests;
