using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SupportBot.Bot.Agents;

/// <summary>
/// In-process fan-out of <see cref="AgentEvent"/>s to the open consoles, and the presence that follows from it:
/// an agent with an open console is online. One node only; several nodes would relay through the database.
/// </summary>
public sealed class AgentEventHub
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    /// <summary>Opens a stream of the events <paramref name="agent"/> may see; dispose it when the console goes away.</summary>
    public Subscription Subscribe(AgentAccount agent)
    {
        var subscription = new Subscription(this, agent);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(AgentEvent agentEvent)
    {
        ArgumentNullException.ThrowIfNull(agentEvent);
        foreach (var subscription in _subscriptions.Keys)
        {
            if (MaySee(subscription.Agent, agentEvent))
            {
                subscription.Writer.TryWrite(agentEvent);
            }
        }
    }

    /// <summary>Whether anyone with an open console could take a case in this language and country.</summary>
    public bool IsAnyoneOnline(string language, string country) =>
        _subscriptions.Keys.Any(subscription => subscription.Agent.Covers(language, country));

    /// <summary>Agent ids with an open console.</summary>
    public IReadOnlySet<string> OnlineAgentIds() => _subscriptions.Keys.Select(s => s.Agent.AgentId).ToHashSet(StringComparer.Ordinal);

    private static bool MaySee(AgentAccount agent, AgentEvent agentEvent) =>
        agent.IsSupervisor
        || (agentEvent.TargetAgentId is { } target ? target == agent.AgentId : agent.Covers(agentEvent.Language, agentEvent.Country));

    /// <summary>One console's stream.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly AgentEventHub _hub;
        private readonly Channel<AgentEvent> _channel =
            Channel.CreateBounded<AgentEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        internal Subscription(AgentEventHub hub, AgentAccount agent)
        {
            _hub = hub;
            Agent = agent;
        }

        public AgentAccount Agent { get; }

        public ChannelReader<AgentEvent> Reader => _channel.Reader;

        internal ChannelWriter<AgentEvent> Writer => _channel.Writer;

        public void Dispose()
        {
            _hub._subscriptions.TryRemove(this, out _);
            _channel.Writer.TryComplete();
        }
    }
}
