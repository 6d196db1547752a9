using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;
using SupportBot.Dialogs.Redaction;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// The conversations behind the Direct Line endpoints: starts them, takes in the user's activities, runs the bot's
/// turns one at a time per conversation, stores every visible activity in the transcript and pushes it to the open
/// stream. Storage ids and watermarks are transcript sequences; this class owns the timestamps, which never go back.
/// </summary>
internal sealed class DirectLineConversations(
    ITranscriptStore store,
    DirectLineConversationRegistry registry,
    IServiceScopeFactory scopeFactory,
    IOptions<DirectLineOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    Redactor redactor,
    ILogger<DirectLineConversations> logger) : IDirectLineConversations
{
    private const int TimestampScanPageSize = 500;

    private readonly DirectLineOptions _options = options.Value;

    /// <summary>The conversation if it exists and is a Direct Line one; another channel's stays invisible here.</summary>
    public async Task<ConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (conversationId.Length is 0 or > DirectLineConstants.MaxIdLength)
        {
            return null;
        }

        var conversation = await store.GetConversationAsync(conversationId, cancellationToken);
        return conversation is { ChannelId: DirectLineConstants.ChannelId } ? conversation : null;
    }

    /// <summary>
    /// Creates the conversation and runs the bot's <c>conversationUpdate</c> turn (members added: the user, the bot),
    /// so its greeting is in the transcript before the client opens the stream.
    /// </summary>
    /// <returns><see langword="false"/> if the conversation existed already; nothing is run again then.</returns>
    public async Task<bool> StartAsync(string conversationId, ChannelAccount user, string? locale, CancellationToken cancellationToken)
    {
        var conversation = new ConversationRecord(conversationId, DirectLineConstants.ChannelId, user.Id!, timeProvider.GetUtcNow());
        if (!await store.CreateConversationAsync(conversation, cancellationToken))
        {
            return false;
        }

        DirectLineLog.ConversationStarted(logger, conversationId);
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            From = user,
            MembersAdded = [new ChannelAccount { Id = user.Id, Name = user.Name, Role = "user" }, BotAccount()],
            Locale = locale,
        };

        // A failing greeting is the bot's problem, logged by RunTurnAsync; the conversation exists all the same.
        await ReceiveAsync(conversation, update, user.Id!, cancellationToken);
        return true;
    }

    /// <summary>
    /// Takes in one activity from the user: waits for the conversation's previous turn, stamps and stores it, echoes
    /// it to the stream (channelData untouched, so Web Chat matches its <c>clientActivityID</c>), then runs the turn.
    /// </summary>
    public async Task<DirectLineReceipt> ReceiveAsync(
        ConversationRecord conversation, Activity activity, string fromId, CancellationToken cancellationToken)
    {
        using var lease = registry.Acquire(conversation.ConversationId);
        var state = lease.Conversation;
        await state.TurnLock.WaitAsync(cancellationToken);
        try
        {
            // Accepted from here on: a client that hangs up no longer cancels the store or the turn, shutdown does.
            var stopping = lifetime.ApplicationStopping;
            activity.From = new ChannelAccount { Id = fromId, Name = activity.From?.Name, Role = "user" };
            activity.Recipient = BotAccount();
            activity.Conversation = new ConversationAccount { Id = conversation.ConversationId };
            activity.ChannelId = DirectLineConstants.ChannelId;
            activity.ServiceUrl = null;

            // Secrets never reach the transcript or the echo; the bot's turn still gets what the user typed.
            var stored = Redacted(Privacy.AttachmentGuard.Stripped(activity)); // G2: files never stored or echoed.
            var id = (await AppendAndPushAsync(state, [stored], stopping))[0].Id;
            activity.Id = stored.Id;
            activity.Timestamp = stored.Timestamp;

            // Web Chat holds a reply to an activity it has not seen for 5 s, so replies point only at stored ones.
            var replyToId = IsStored(activity.Type) ? id : null;
            var outcome = await RunTurnAsync(state, conversation, activity, replyToId, stopping);
            return new DirectLineReceipt(id, outcome);
        }
        finally
        {
            state.TurnLock.Release();
        }
    }

    private Activity Redacted(Activity activity)
    {
        var redaction = redactor.Redact(activity.Text);
        if (!redaction.Changed && !CodeEntry.CodeEntryGate.IsSubmission(activity))
        {
            return activity;
        }

        var copy = JsonSerializer.Deserialize<Activity>(JsonSerializer.Serialize(activity, DirectLineJson.Options), DirectLineJson.Options)!;
        copy.Text = redaction.Changed ? redaction.Text : activity.Text;
        CodeEntry.CodeEntryGate.RedactSubmission(copy); // a code from the code box (security.md A3)
        return copy;
    }

    /// <summary>A page of stored activities after <paramref name="watermark"/>, for polling clients.</summary>
    public async Task<DirectLineActivitySet> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var entries = await store.ReadAsync(conversationId, watermark, _options.MaxActivitiesPerPage, cancellationToken);
        var last = entries.Count > 0 ? entries[^1].Sequence : watermark;
        return new DirectLineActivitySet([.. entries.Select(ToActivity)], DirectLineIds.FormatWatermark(last));
    }

    /// <summary>
    /// Serves a stream until it closes: replays what was stored after <paramref name="watermark"/>, then pushes new
    /// activities as they come. A newer stream for the conversation closes this one with <c>collision</c>.
    /// </summary>
    public async Task StreamAsync(ConversationRecord conversation, WebSocket socket, long watermark, CancellationToken cancellationToken)
    {
        using var lease = registry.Acquire(conversation.ConversationId);
        var state = lease.Conversation;
        var connection = new DirectLineStreamConnection(socket, _options.KeepAliveInterval, timeProvider);

        DirectLineStreamConnection? previous;
        await state.WriteLock.WaitAsync(cancellationToken);
        try
        {
            // Under the write lock, so that nothing is appended between the replay and the hand-over.
            await ReplayAsync_NeedsLock(state, connection, watermark, cancellationToken);
            previous = state.Stream;
            state.Stream = connection;
        }
        finally
        {
            state.WriteLock.Release();
        }

        if (previous is not null)
        {
            DirectLineLog.StreamCollision(logger, conversation.ConversationId);
            previous.Close(WebSocketCloseStatus.PolicyViolation, "collision");
        }

        DirectLineLog.StreamOpened(logger, conversation.ConversationId, watermark);
        try
        {
            await connection.RunAsync(cancellationToken);
        }
        finally
        {
            await state.WriteLock.WaitAsync(CancellationToken.None);
            try
            {
                if (state.Stream == connection)
                {
                    state.Stream = null;
                }
            }
            finally
            {
                state.WriteLock.Release();
            }

            DirectLineLog.StreamClosed(logger, conversation.ConversationId);
        }
    }

    /// <inheritdoc />
    public async Task<ResourceResponse?> SendToConversationAsync(
        string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activity);

        var conversation = await FindAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        using var lease = registry.Acquire(conversationId);
        var sent = await SendFromBotAsync(lease.Conversation, conversation, [activity], incoming: null, replyToId: null, cancellationToken);
        return sent[0];
    }

    /// <summary>Stamps the bot's activities (on copies), stores the visible ones and pushes them.</summary>
    internal Task<IReadOnlyList<ResourceResponse>> SendFromBotAsync(
        DirectLineConversation state,
        ConversationRecord conversation,
        IReadOnlyList<Activity> activities,
        Activity? incoming,
        string? replyToId,
        CancellationToken cancellationToken)
    {
        var stamped = new List<Activity>(activities.Count);
        foreach (var source in activities)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(activities));
            var activity = Clone(source);
            activity.Type = string.IsNullOrEmpty(activity.Type) ? ActivityTypes.Message : activity.Type;
            activity.From = new ChannelAccount
            {
                Id = string.IsNullOrEmpty(activity.From?.Id) ? _options.BotId : activity.From.Id,
                Name = activity.From?.Name ?? _options.BotName,
                Role = "bot",
            };
            activity.Recipient = new ChannelAccount { Id = conversation.UserId, Name = incoming?.From?.Name, Role = "user" };
            activity.Conversation = new ConversationAccount { Id = conversation.ConversationId };
            activity.ChannelId = DirectLineConstants.ChannelId;
            activity.ServiceUrl = null;
            activity.Locale ??= incoming?.Locale;
            activity.ReplyToId ??= replyToId;
            stamped.Add(activity);
        }

        return AppendAndPushAsync(state, stamped, cancellationToken);
    }

    private async Task<DirectLineTurnOutcome> RunTurnAsync(
        DirectLineConversation state, ConversationRecord conversation, Activity activity, string? replyToId, CancellationToken stopping)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        using var timeout = new CancellationTokenSource(_options.BotTurnTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        var context = new DirectLineTurnContext(this, state, conversation, activity, replyToId);
        try
        {
            var bot = scope.ServiceProvider.GetService<IBot>();
            if (bot is null)
            {
                DirectLineLog.BotNotRegistered(logger);
                return DirectLineTurnOutcome.BotNotAvailable;
            }

            await bot.OnTurnAsync(context, linked.Token);
            return DirectLineTurnOutcome.Completed;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            DirectLineLog.BotTimedOut(logger, activity.Type!, conversation.ConversationId, _options.BotTurnTimeout);
            return DirectLineTurnOutcome.BotTimedOut;
        }
        catch (Exception exception)
        {
            // The turn boundary: whatever the bot threw stays in the log, never in the response.
            DirectLineLog.BotFailed(logger, exception, activity.Type!, conversation.ConversationId);
            return DirectLineTurnOutcome.BotFailed;
        }
        finally
        {
            context.End();
        }
    }

    private async Task<IReadOnlyList<ResourceResponse>> AppendAndPushAsync(
        DirectLineConversation state, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        await state.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await LoadLastTimestampAsync_NeedsLock(state, cancellationToken);

            var entries = new List<NewTranscriptEntry>(activities.Count);
            foreach (var activity in activities)
            {
                activity.Id = null;
                activity.Timestamp = NextTimestamp_NeedsLock(state);
                if (IsStored(activity.Type))
                {
                    entries.Add(new NewTranscriptEntry(activity.Timestamp.Value, JsonSerializer.Serialize(activity, DirectLineJson.Options)));
                }
            }

            var sequences = entries.Count == 0 ? [] : await store.AppendAsync(state.Id, entries, cancellationToken);
            if (sequences.Count != entries.Count)
            {
                throw new StorageException(StorageFailureReason.Corrupt,
                    $"The transcript store returned {sequences.Count} sequence numbers for {entries.Count} entries.");
            }

            var responses = new ResourceResponse[activities.Count];
            var visible = new List<Activity>(activities.Count);
            var next = 0;
            for (var i = 0; i < activities.Count; i++)
            {
                var activity = activities[i];
                activity.Id = IsStored(activity.Type)
                    ? DirectLineIds.ForSequence(state.Id, sequences[next++])
                    : DirectLineIds.ForUnstored(state.Id);
                responses[i] = new ResourceResponse(activity.Id);
                if (IsSentToClients(activity.Type))
                {
                    visible.Add(activity);
                }
            }

            if (visible.Count > 0 && state.Stream is { } stream)
            {
                Push_NeedsLock(state, stream, visible, sequences.Count > 0 ? sequences[^1] : null);
            }

            return responses;
        }
        finally
        {
            state.WriteLock.Release();
        }
    }

    private async Task ReplayAsync_NeedsLock(
        DirectLineConversation state, DirectLineStreamConnection connection, long watermark, CancellationToken cancellationToken)
    {
        var after = watermark;
        while (true)
        {
            var entries = await store.ReadAsync(state.Id, after, _options.MaxActivitiesPerPage, cancellationToken);
            if (entries.Count == 0)
            {
                return;
            }

            after = entries[^1].Sequence;
            Push_NeedsLock(state, connection, [.. entries.Select(ToActivity)], after);
            if (entries.Count < _options.MaxActivitiesPerPage)
            {
                return;
            }
        }
    }

    private void Push_NeedsLock(DirectLineConversation state, DirectLineStreamConnection stream, IReadOnlyList<Activity> activities, long? watermark)
    {
        var frame = JsonSerializer.SerializeToUtf8Bytes(
            new DirectLineActivitySet(activities, watermark is { } value ? DirectLineIds.FormatWatermark(value) : null),
            DirectLineJson.Options);
        if (stream.Enqueue(frame) == DirectLineStreamConnection.EnqueueResult.TooSlow)
        {
            DirectLineLog.StreamTooSlow(logger, state.Id, DirectLineConstants.StreamOutboxCapacity);
        }
    }

    /// <summary>
    /// The latest timestamp already in the transcript, read once per in-memory lifetime of the conversation, so that
    /// a restart or a clock stepping back never yields an earlier one.
    /// </summary>
    private async Task LoadLastTimestampAsync_NeedsLock(DirectLineConversation state, CancellationToken cancellationToken)
    {
        if (state.LastTimestampLoaded)
        {
            return;
        }

        var last = DateTimeOffset.MinValue;
        var after = 0L;
        while (true)
        {
            var entries = await store.ReadAsync(state.Id, after, TimestampScanPageSize, cancellationToken);
            foreach (var entry in entries)
            {
                last = entry.Timestamp > last ? entry.Timestamp : last;
            }

            if (entries.Count < TimestampScanPageSize)
            {
                break;
            }

            after = entries[^1].Sequence;
        }

        state.LastTimestamp = last;
        state.LastTimestampLoaded = true;
    }

    /// <summary>
    /// Now, in UTC, to the millisecond (what any store keeps), but always at least a millisecond after the previous
    /// activity, so Web Chat's order by timestamp is the transcript's order.
    /// </summary>
    private DateTimeOffset NextTimestamp_NeedsLock(DirectLineConversation state)
    {
        var now = timeProvider.GetUtcNow().ToUniversalTime();
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var next = now > state.LastTimestamp ? now : state.LastTimestamp.AddMilliseconds(1);
        state.LastTimestamp = next;
        return next;
    }

    private Activity ToActivity(TranscriptEntry entry)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(entry.ActivityJson, DirectLineJson.Options);
        }
        catch (JsonException exception)
        {
            throw new StorageException(StorageFailureReason.Corrupt, $"Transcript entry {entry.Sequence} is not an activity.", exception);
        }

        if (activity is null)
        {
            throw new StorageException(StorageFailureReason.Corrupt, $"Transcript entry {entry.Sequence} is empty.");
        }

        activity.Id = DirectLineIds.ForSequence(entry.ConversationId, entry.Sequence);
        return activity;
    }

    private ChannelAccount BotAccount() => new() { Id = _options.BotId, Name = _options.BotName, Role = "bot" };

    private static Activity Clone(Activity activity) =>
        JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(activity, DirectLineJson.Options), DirectLineJson.Options)!;

    /// <summary>Typing is shown live but never kept; conversationUpdate is for the bot only.</summary>
    private static bool IsStored(string? type) => !IsType(type, ActivityTypes.Typing) && !IsType(type, ActivityTypes.ConversationUpdate);

    private static bool IsSentToClients(string? type) => !IsType(type, ActivityTypes.ConversationUpdate);

    internal static bool IsType(string? type, string expected) => string.Equals(type, expected, StringComparison.OrdinalIgnoreCase);
}
