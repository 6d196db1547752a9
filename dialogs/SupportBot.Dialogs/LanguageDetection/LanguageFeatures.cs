using System.Globalization;
using System.Text;

namespace SupportBot.Dialogs.LanguageDetection;

/// <summary>
/// The features language identification looks at: character 1–N-grams of each word padded with boundaries, and
/// the word itself, hashed to 64 bits.
/// </summary>
/// <remarks>
/// <para>Unlike the intent recognizer's form, this one keeps accents (ç, ñ, ã, ı, ğ tell languages apart) and
/// digits inside words (Arabizi writes ع as 3 and ح as 7: "3ndi mushkila"). Words without any letter (codes,
/// phone numbers) carry no language and are skipped.</para>
/// </remarks>
internal static class LanguageFeatures
{
    private const ulong FnvPrime = 0x100000001B3UL;
    private const ulong CharSeed = 0xCBF29CE484222325UL;
    private const ulong WordSeed = 0x84222325CBF29CE4UL;
    private const int MaxWordLength = 40;

    /// <summary>Fills <paramref name="features"/> with every feature occurrence of <paramref name="text"/>.</summary>
    public static void Extract(string text, int maxN, List<ulong> features)
    {
        features.Clear();
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        Span<char> word = stackalloc char[MaxWordLength + 2];
        var length = 0;
        var hasLetter = false;
        foreach (var raw in text)
        {
            if (raw is '\'' or '’' or '‘' or 'ʼ' or '`' or '´' or '\u200C' or '\u200D')
            {
                continue; // apostrophes and zero-width joiners do not split a word
            }

            var c = char.ToLowerInvariant(raw);
            var category = char.GetUnicodeCategory(c);
            var isLetter = category is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;
            var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            var isDigit = c is >= '0' and <= '9';
            if (!char.IsSurrogate(c) && (isLetter || isMark || isDigit))
            {
                if (length < MaxWordLength)
                {
                    word[1 + length++] = c;
                }

                hasLetter |= isLetter;
                continue;
            }

            Flush(word, ref length, ref hasLetter, maxN, features);
        }

        Flush(word, ref length, ref hasLetter, maxN, features);
    }

    private static void Flush(Span<char> word, ref int length, ref bool hasLetter, int maxN, List<ulong> features)
    {
        if (length > 0 && hasLetter)
        {
            word[0] = ' ';
            word[length + 1] = ' ';
            var padded = word[..(length + 2)];
            var wordHash = WordSeed;
            foreach (var c in padded)
            {
                wordHash = (wordHash ^ c) * FnvPrime;
            }

            features.Add(wordHash);
            for (var start = 0; start < padded.Length; start++)
            {
                var hash = CharSeed;
                var stop = Math.Min(padded.Length, start + maxN);
                for (var position = start; position < stop; position++)
                {
                    hash = (hash ^ padded[position]) * FnvPrime;
                    if (!(position == start && padded[position] == ' '))
                    {
                        features.Add(hash);
                    }
                }
            }
        }

        length = 0;
        hasLetter = false;
    }
}
