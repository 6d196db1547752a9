using System.CommandLine;
using SupportBot.Bot.CodeEntry;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Cli;

/// <summary>
/// <c>supportbot chat</c>: the conversation in a terminal, on the same engine and storage as the web host.
/// Buttons are listed with numbers; typing a number presses one. Demo deliveries (codes) are shown inline.
/// </summary>
internal static class ChatCommand
{
    public static Command Create(TextReader input, TextWriter output)
    {
        var language = new Option<string>("--language") { Description = "The language to start in (a BCP-47 tag).", DefaultValueFactory = _ => "en" };
        var conversation = new Option<string?>("--conversation") { Description = "Resume this conversation id." };
        var chat = new Command("chat", "Chat with the bot in this terminal.") { language, conversation };
        chat.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(cancellationToken);
            var bot = host.Services.GetRequiredService<IBot>();
            var worker = host.Services.GetService<OutboxDeliveryWorker>();
            var sink = host.Services.GetService<DevOutboxSender>();
            var text = host.Services.GetRequiredService<ITextRenderer>();
            var languages = host.Services.GetRequiredService<SupportedLanguages>();
            var conversationId = parseResult.GetValue(conversation) ?? "terminal-" + Guid.NewGuid().ToString("N")[..12];
            var locale = parseResult.GetValue(language) ?? "en";
            var session = new TerminalSession(bot, output, conversationId, locale);
            var uiLanguage = languages.Resolve(locale) ?? languages.Default;

            await output.WriteLineAsync(text.Render(uiLanguage, "terminal.intro", new Dictionary<string, object?> { ["conversationId"] = conversationId }));
            await session.StartAsync(cancellationToken);
            var shown = sink?.Delivered().Count ?? 0;
            var hidden = new HiddenLineReader(input, output, HiddenLineReader.ConsoleKeys(input));
            while (true)
            {
                // A reply carrying the code box: the code is read without echo and sent as the box's value (security.md A3).
                if (session.CodeBox is { } box)
                {
                    await output.WriteLineAsync(text.Render(box.Language, "code-entry.terminal.prompt", new Dictionary<string, object?> { ["label"] = box.Label }));
                    if (await hidden.ReadLineAsync(cancellationToken) is not { } code)
                    {
                        break;
                    }

                    session.CodeBox = null;
                    if (code.Length == 0)
                    {
                        continue; // back to the chat: resend, another method, or anything else
                    }

                    await session.SubmitCodeAsync(box, code, cancellationToken);
                }
                else if (await input.ReadLineAsync(cancellationToken) is { } line)
                {
                    await session.SendAsync(line, cancellationToken);
                }
                else
                {
                    break;
                }

                if (worker is not null)
                {
                    await worker.DeliverDueAsync(cancellationToken);
                }

                if (sink is not null)
                {
                    var delivered = sink.Delivered();
                    foreach (var message in delivered.Skip(shown))
                    {
                        await output.WriteLineAsync("  " + text.Render(uiLanguage, "terminal.delivered", new Dictionary<string, object?>
                        {
                            ["channel"] = message.Channel,
                            ["to"] = message.To,
                            ["text"] = message.Text.ReplaceLineEndings(" "),
                        }));
                    }

                    shown = delivered.Count;
                }
            }

            return 0;
        });

        return chat;
    }

    private sealed class TerminalSession(IBot bot, TextWriter output, string conversationId, string locale)
    {
        private IReadOnlyList<CardAction> _buttons = [];

        /// <summary>The code box of the last replies, until the user fills it or goes back to the chat.</summary>
        public TerminalCodeBox? CodeBox { get; set; }

        public Task SubmitCodeAsync(TerminalCodeBox box, string code, CancellationToken cancellationToken) => RunAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Value = TerminalCodeBox.Submission(box.Data, box.InputId, code),
        }, cancellationToken);

        public Task StartAsync(CancellationToken cancellationToken) => RunAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount { Id = "terminal-user" }],
        }, cancellationToken);

        public Task SendAsync(string line, CancellationToken cancellationToken)
        {
            var activity = new Activity { Type = ActivityTypes.Message, Text = line };
            if (int.TryParse(line.Trim(), out var number) && number >= 1 && number <= _buttons.Count)
            {
                var button = _buttons[number - 1];
                activity.Text = button.Title;
                activity.Value = button.Value;
            }

            return RunAsync(activity, cancellationToken);
        }

        private async Task RunAsync(Activity activity, CancellationToken cancellationToken)
        {
            activity.ChannelId = "terminal";
            activity.Conversation = new ConversationAccount { Id = conversationId };
            activity.From = new ChannelAccount { Id = "terminal-user", Role = "user" };
            activity.Recipient = new ChannelAccount { Id = "supportbot", Role = "bot" };
            activity.Locale = locale;
            var context = new TerminalTurnContext(activity);
            await bot.OnTurnAsync(context, cancellationToken);
            _buttons = [];
            CodeBox = null;
            foreach (var reply in context.Replies)
            {
                CodeBox = reply.Attachments?.Select(TerminalCodeBox.From).LastOrDefault(box => box is not null) ?? CodeBox;
                await output.WriteLineAsync("bot> " + reply.Text?.ReplaceLineEndings(Environment.NewLine + "     "));
                if (reply.Locale is { } replyLocale)
                {
                    locale = replyLocale;
                }

                if (reply.SuggestedActions?.Actions is { Count: > 0 } actions)
                {
                    _buttons = actions;
                    await output.WriteLineAsync("     " + string.Join("  ", actions.Select((action, index) => $"[{index + 1}] {action.Title}")));
                }
            }
        }
    }

    private sealed class TerminalTurnContext(Activity activity) : ITurnContext
    {
        public Activity Activity { get; } = activity;

        public List<Activity> Replies { get; } = [];

        public Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
        {
            Replies.AddRange(activities);
            return Task.FromResult<IReadOnlyList<ResourceResponse>>([.. activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N")))]);
        }
    }

}
