namespace SupportBot.Bot.Storage;

/// <summary>The outcome of an optimistic save: saved with a new version, or lost to a concurrent save.</summary>
public abstract record SaveStateResult
{
    private SaveStateResult() { }

    /// <summary>Saved; <paramref name="Version"/> is the version to name next time.</summary>
    public sealed record Saved(long Version, IReadOnlyList<long> TranscriptSequences) : SaveStateResult;

    /// <summary>Someone saved first; nothing was written. <paramref name="CurrentVersion"/> is what is stored now.</summary>
    public sealed record Conflict(long CurrentVersion) : SaveStateResult;
}
