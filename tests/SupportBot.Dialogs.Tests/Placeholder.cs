namespace SupportBot.Dialogs.Tests;
