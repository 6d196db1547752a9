using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Agents;

/// <summary>The agent console and the handoff, bound from section "Agents".</summary>
public sealed class AgentOptions
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    /// <value>5</value>
    [Range(1, 100)]
    public int LockoutAfterFailures { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    /// <value>15 minutes</value>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a console sign-in lasts without use.</summary>
    /// <value>8 hours</value>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a verified user keeps their place when nobody can take the case (after hours, nobody online).</summary>
    /// <value>24 hours</value>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan HoldVerifiedPlaceFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// When on, a case is queued only if an agent for its language and country is signed in to the console; otherwise
    /// the user is told nobody is available and keeps their place. Off by default so a bot without agents still queues.
    /// </summary>
    public bool RequireOnlineAgent { get; set; }

    /// <summary>Creates the demo agent (see README) at start-up with the demo directory, outside Production.</summary>
    /// <value>true</value>
    public bool SeedDemoAgent { get; set; } = true;

    /// <summary>An external contact-centre hub; when set, cases go there by <c>handoff.initiate</c> (docs/protocol.md §4).</summary>
    public HubOptions Hub { get; set; } = new();
}

/// <summary>An external hub: where <c>handoff.initiate</c> goes, and the secret its <c>handoff.status</c> calls carry.</summary>
public sealed class HubOptions
{
    /// <summary>Absolute URL the bot POSTs <c>handoff.initiate</c> activities to; empty means no hub (the built-in console).</summary>
    [Url]
    public string? Url { get; set; }

    /// <summary>Bearer secret shared with the hub, both ways; required when <see cref="Url"/> is set.</summary>
    public string? Secret { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}
