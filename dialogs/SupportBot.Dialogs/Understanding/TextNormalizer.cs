using System.Globalization;
using System.Text;

namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// Folds an utterance into the canonical form the recognizer computes its features on, so that the spellings
/// people in a hurry actually use ("CAN'T log in!!!", "cafe"/"café", "helllp") land on the same features.
/// </summary>
/// <remarks>
/// <para>The form is: compatibility decomposition (NFKD, the decomposed twin of NFKC, so full-width letters,
/// ligatures and Arabic presentation forms become ordinary letters), lower-cased with the invariant culture,
/// Latin/Greek/Cyrillic accents, Arabic harakat and Hebrew points dropped (Indic vowel signs are kept because
/// they carry meaning), apostrophes removed ("can't" = "cant"), every digit written as <c>0</c>, runs of the same
/// letter or digit squeezed to one ("helllp" = "help", consistently "hello" = "helo", and any number = "0"), and
/// everything else turned into single spaces. The output has no leading or trailing space.</para>
/// <para>Training and recognition both go through this one function, so the form only has to be consistent, not
/// pretty. It allocates nothing per call: characters outside ASCII are folded through a lazily filled per-character
/// cache, because the framework's normalisation allocates on every call with non-ASCII text (even the span
/// overloads). Folding per character skips the canonical re-ordering of stacked combining marks, which only matters
/// for marks this form keeps, and those rarely stack.</para>
/// <para>Characters outside the Basic Multilingual Plane (emoji, rare CJK) become separators.</para>
/// </remarks>
/// <threadsafety>All members are safe to call concurrently; racing threads fill a cache slot with equal values.</threadsafety>
internal static class TextNormalizer
{
    /// <summary>The only separator in normalised text.</summary>
    public const char Separator = ' ';

    /// <summary>What every decimal digit becomes, so that "code 123456" and "code 987654" share features.</summary>
    public const char DigitPlaceholder = '0';

    // Cache of folded BMP characters, in blocks of 256 so only the scripts actually seen take memory.
    // Invariant: a non-null slot holds the NFKD, lower-cased, specially mapped form of its character.
    private static readonly string?[]?[] s_blocks = new string?[]?[256];

    /// <summary>The normalised length that an input of <paramref name="inputLength"/> characters almost never exceeds.</summary>
    /// <remarks>A handful of compatibility characters decompose into more than three; output past this size is cut off.</remarks>
    public static int SuggestedCapacity(int inputLength) => (inputLength * 3) + 8;

    /// <summary>Writes the normalised form of <paramref name="text"/> into <paramref name="destination"/>.</summary>
    /// <returns>The number of characters written; the output is cut off when <paramref name="destination"/> is full.</returns>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        var writer = new Writer(destination);
        foreach (var c in text)
        {
            if (IsApostrophe(c))
            {
                // Dropped before folding, which would turn some of them ('´') into a space and an accent.
                continue;
            }

            if (c < 0x80)
            {
                writer.Write(c);
            }
            else
            {
                foreach (var folded in Fold(c))
                {
                    writer.Write(folded);
                }
            }

            if (writer.IsFull)
            {
                break;
            }
        }

        return writer.Finish();
    }

    /// <summary>Convenience for tests and tools: the normalised form as a string.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new char[SuggestedCapacity(text.Length)];
        var length = Normalize(text, buffer);
        return new string(buffer, 0, length);
    }

    private static string Fold(char c)
    {
        if (char.IsSurrogate(c))
        {
            return " ";
        }

        var blocks = s_blocks;
        var block = Volatile.Read(ref blocks[c >> 8]);
        if (block is null)
        {
            Interlocked.CompareExchange(ref blocks[c >> 8], new string?[256], null);
            block = Volatile.Read(ref blocks[c >> 8])!;
        }

        return block[c & 0xFF] ??= ComputeFold(c);
    }

    private static string ComputeFold(char c)
    {
        string decomposed;
        try
        {
            decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // Unassigned or invalid code points: treat as punctuation.
            return " ";
        }

        var builder = new StringBuilder(decomposed.Length + 1);
        foreach (var d in decomposed)
        {
            var lower = char.ToLowerInvariant(d);
            builder.Append(lower switch
            {
                // Letters with no decomposition that readers nevertheless treat as accented Latin letters.
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' => "d",
                'ħ' => "h",
                'ı' => "i",
                'þ' => "th",
                _ => lower.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>True for combining marks that only decorate a letter, so a text without them reads the same.</summary>
    private static bool IsDroppableMark(char c) =>
        c is (>= '\u0300' and <= '\u036F') // combining diacritical marks (Latin, Greek, Cyrillic after NFKD)
            or (>= '\u0591' and <= '\u05C7') // Hebrew points and accents
            or (>= '\u064B' and <= '\u065F') or '\u0670' // Arabic harakat, superscript alef
            or (>= '\u1AB0' and <= '\u1AFF') or (>= '\u1DC0' and <= '\u1DFF') or (>= '\u20D0' and <= '\u20FF') or (>= '\uFE20' and <= '\uFE2F');

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or '`' or '´';

    /// <summary>Appends folded characters to the destination, squeezing repeats and collapsing separators.</summary>
    private ref struct Writer(Span<char> destination)
    {
        private readonly Span<char> _destination = destination;
        private int _length;

        // Starts as a separator so leading punctuation writes nothing.
        private char _last = Separator;

        public readonly bool IsFull => _length >= _destination.Length;

        public void Write(char c)
        {
            char mapped;
            if (c < 0x80)
            {
                mapped = c switch
                {
                    >= 'a' and <= 'z' => c,
                    >= 'A' and <= 'Z' => (char)(c | 0x20),
                    >= '0' and <= '9' => DigitPlaceholder,
                    '\'' or '`' => '\0', // apostrophes that folding produced, e.g. from a full-width one
                    _ => Separator,
                };
            }
            else
            {
                mapped = char.GetUnicodeCategory(c) switch
                {
                    UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => char.ToLowerInvariant(c),
                    UnicodeCategory.LowercaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => c,
                    UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark when IsDroppableMark(c) => '\0',
                    UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark => c,
                    UnicodeCategory.DecimalDigitNumber => DigitPlaceholder,
                    _ => Separator,
                };
            }

            if (mapped == '\0' || mapped == _last || _length >= _destination.Length)
            {
                return;
            }

            _destination[_length++] = mapped;
            _last = mapped;
        }

        public readonly int Finish() =>
            _length > 0 && _destination[_length - 1] == Separator ? _length - 1 : _length;
    }
}
