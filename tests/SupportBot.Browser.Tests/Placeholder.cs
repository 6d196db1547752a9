namespace SupportBot.Browser.Tests;
