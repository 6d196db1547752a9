namespace SupportBot.Dialogs.Understanding;

/// <summary>A tiny seeded random generator (SplitMix64) for shuffling training examples.</summary>
/// <remarks>
/// Used instead of <see cref="Random"/> so the shuffle, and hence the trained weights, depend only on the seed
/// and not on which algorithm a runtime version picks for seeded <see cref="Random"/>.
/// </remarks>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="bound"/>), by multiply-high (bias below 2^-32 for small bounds).</summary>
    public int NextInt(int bound) => (int)Math.BigMul(NextUInt64(), (ulong)bound, out _);

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
