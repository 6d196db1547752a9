namespace SupportBot.Browser.Tests;

/// <summary>The bot on Kestrel with <see cref="ScriptedBot"/> in place of the conversation bot.</summary>
public sealed class ScriptedBotServer() : BrowserBotServer(new ScriptedBot());
