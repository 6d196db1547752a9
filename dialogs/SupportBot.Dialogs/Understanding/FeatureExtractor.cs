namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// Turns normalised text (see <see cref="TextNormalizer"/>) into hashed features: character n-grams inside word
/// boundaries, word unigrams, and word bigrams including the start and end of the utterance.
/// </summary>
/// <remarks>
/// <para>Character n-grams make the recognizer tolerant of typos, inflections and unseen compounds ("pasword",
/// "hacker", "hacked" share most of their n-grams); words and bigrams add the sharper evidence ("not me",
/// "real person"). Each word is padded with a boundary on both sides, so prefixes and suffixes are features of
/// their own.</para>
/// <para>Features are 64-bit FNV-1a hashes computed over spans as the n-grams are walked, so extraction allocates
/// nothing; each kind of feature starts from its own offset basis, and at 64 bits collisions between the few tens
/// of thousands of features a language has are not a practical concern.</para>
/// </remarks>
internal static class FeatureExtractor
{
    private const ulong FnvPrime = 0x100000001B3UL;
    private const ulong CharSeed = 0xCBF29CE484222325UL; // the standard FNV-1a 64-bit offset basis
    private const ulong WordSeed = 0x84222325CBF29CE4UL;
    private const ulong StartOfText = 0x9E3779B97F4A7C15UL;
    private const ulong EndOfText = 0xC2B2AE3D27D4EB4FUL;

    /// <summary>Emits every feature of <paramref name="normalized"/> into <paramref name="sink"/>.</summary>
    /// <param name="normalized">Text produced by <see cref="TextNormalizer.Normalize(ReadOnlySpan{char}, Span{char})"/>.</param>
    /// <param name="minN">The shortest character n-gram, counting the word boundary as a character.</param>
    /// <param name="maxN">The longest character n-gram.</param>
    /// <param name="sink">Receives the features.</param>
    public static void Extract<TSink>(ReadOnlySpan<char> normalized, int minN, int maxN, ref TSink sink)
        where TSink : struct, IFeatureSink, allows ref struct
    {
        var previous = StartOfText;
        var rest = normalized;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf(TextNormalizer.Separator);
            var word = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (word.IsEmpty)
            {
                continue;
            }

            var wordHash = Hash(WordSeed, word);
            sink.Add(wordHash);
            sink.Add(Combine(previous, wordHash));
            AddCharacterNgrams(word, minN, maxN, ref sink);
            previous = wordHash;
        }

        if (previous != StartOfText)
        {
            sink.Add(Combine(previous, EndOfText));
        }
    }

    private static void AddCharacterNgrams<TSink>(ReadOnlySpan<char> word, int minN, int maxN, ref TSink sink)
        where TSink : struct, IFeatureSink, allows ref struct
    {
        // The padded word is: boundary, word[0..], boundary.
        var paddedLength = word.Length + 2;
        for (var start = 0; start < paddedLength - 1; start++)
        {
            var hash = CharSeed;
            var stop = Math.Min(paddedLength, start + maxN);
            for (var position = start; position < stop; position++)
            {
                var c = position == 0 || position == paddedLength - 1 ? TextNormalizer.Separator : word[position - 1];
                hash = (hash ^ c) * FnvPrime;
                if (position - start + 1 >= minN)
                {
                    sink.Add(hash);
                }
            }
        }
    }

    private static ulong Hash(ulong seed, ReadOnlySpan<char> text)
    {
        var hash = seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    /// <summary>Hashes an ordered pair, mixing well enough that (a, b) and (b, a) differ.</summary>
    private static ulong Combine(ulong first, ulong second)
    {
        var x = (first * 0xBF58476D1CE4E5B9UL) ^ ((second << 31) | (second >> 33));
        x ^= x >> 30;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
