using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Conversation;

/// <summary>Service turns: events of the agent side (joined, left, resolved) run through the same engine as the user's words.</summary>
public sealed partial class RecoveryBot
{
    /// <summary>
    /// Feeds agent-side results to the engine for one conversation, saves the new state and returns what the user
    /// must be told (rendered in their language), for the caller to send through the user's channel.
    /// </summary>
    /// <param name="results">In order; a <see langword="true"/> flag drops that step's replies (a silent catch-up step).</param>
    /// <returns>The state reached and the replies, or <see langword="null"/> if the conversation has no saved state.</returns>
    public async Task<(RecoveryState State, string Language, IReadOnlyList<Activity> Replies)?> ApplyServiceResultsAsync(
        string conversationId, IReadOnlyList<(ServiceResult Result, bool Silent)> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var held = await _locks.AcquireAsync(conversationId, cancellationToken);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = await states.GetAsync(conversationId, cancellationToken);
            if (stored is null || ConversationStateJson.Deserialize(stored.StateJson) is not { } state)
            {
                return null;
            }

            var now = timeProvider.GetUtcNow();
            var snapshot = state.Snapshot;
            var replies = new List<Reply>();
            foreach (var (result, silent) in results)
            {
                var decision = engine.Decide(snapshot, TurnInput.FromResult(result, now, Availability(snapshot, now)) with { OfferedLanguages = languages.All });
                snapshot = decision.Snapshot;
                if (!silent)
                {
                    replies.AddRange(decision.Replies);
                }
            }

            var saved = await states.SaveAsync(
                conversationId, ConversationStateJson.Serialize(state with { Snapshot = snapshot }), stored.Version, [], cancellationToken);
            if (saved is SaveStateResult.Conflict)
            {
                continue; // A user's turn on another node saved first; decide again on its state.
            }

            var rendered = replies.Select((reply, index) => renderer.Render(reply, snapshot.Language, withActions: index == replies.Count - 1)).ToList();
            return (snapshot.State, snapshot.Language, rendered);
        }

        throw new StorageException(StorageFailureReason.Rejected, $"Conversation {conversationId} kept changing; the agent event was not applied.");
    }

    /// <summary>The engine's snapshot of a conversation, for the agent side to read (never to change).</summary>
    public async Task<ConversationSnapshot?> GetSnapshotAsync(string conversationId, CancellationToken cancellationToken)
    {
        var stored = await states.GetAsync(conversationId, cancellationToken);
        return stored is null ? null : ConversationStateJson.Deserialize(stored.StateJson)?.Snapshot;
    }
}
