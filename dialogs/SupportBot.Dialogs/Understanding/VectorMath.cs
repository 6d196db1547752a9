using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SupportBot.Dialogs.Understanding;

/// <summary>Float operations over weight rows, in 128-bit vectors.</summary>
/// <remarks>
/// <para>Rows are padded to a multiple of <see cref="Width"/> floats (see <see cref="PaddedLength"/>), so every
/// operation is whole vectors with no scalar tail.</para>
/// <para>128-bit vectors are accelerated on both x64 and Arm64, and each lane does the same IEEE operations in
/// the same order on either (and in the software fallback), with the one reduction summed in a fixed order. So
/// training gives bit-identical weights on every machine, which wider, hardware-dependent
/// <see cref="System.Numerics.Vector{T}"/> reductions would not.</para>
/// </remarks>
internal static class VectorMath
{
    /// <summary>Floats per vector.</summary>
    public const int Width = 4;

    /// <summary>The row length for <paramref name="length"/> values, rounded up to whole vectors.</summary>
    public static int PaddedLength(int length) => (length + Width - 1) / Width * Width;

    /// <summary><paramref name="target"/>[i] += <paramref name="source"/>[i].</summary>
    public static void Add(Span<float> target, ReadOnlySpan<float> source)
    {
        var t = AsVectors(target);
        var s = AsVectors(source);
        for (var v = 0; v < t.Length; v++)
        {
            t[v] += s[v];
        }
    }

    /// <summary><paramref name="target"/>[i] += <paramref name="scale"/> × <paramref name="source"/>[i].</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var t = AsVectors(target);
        var s = AsVectors(source);
        var factor = Vector128.Create(scale);
        for (var v = 0; v < t.Length; v++)
        {
            t[v] += s[v] * factor;
        }
    }

    /// <summary>
    /// <paramref name="result"/>[i] = <paramref name="a"/>[i] × <paramref name="scaleA"/> + <paramref name="b"/>[i] × <paramref name="scaleB"/>;
    /// returns the sum of the squares of <paramref name="result"/>.
    /// </summary>
    public static float Combine(Span<float> result, ReadOnlySpan<float> a, float scaleA, ReadOnlySpan<float> b, float scaleB)
    {
        var r = AsVectors(result);
        var x = AsVectors(a);
        var y = AsVectors(b);
        var (factorA, factorB) = (Vector128.Create(scaleA), Vector128.Create(scaleB));
        var squares = Vector128<float>.Zero;
        for (var v = 0; v < r.Length; v++)
        {
            var value = (x[v] * factorA) + (y[v] * factorB);
            r[v] = value;
            squares += value * value;
        }

        // Lanes summed in a fixed order, whatever the hardware.
        return (squares.GetElement(0) + squares.GetElement(1)) + (squares.GetElement(2) + squares.GetElement(3));
    }

    private static Span<Vector128<float>> AsVectors(Span<float> values) => MemoryMarshal.Cast<float, Vector128<float>>(values);

    private static ReadOnlySpan<Vector128<float>> AsVectors(ReadOnlySpan<float> values) => MemoryMarshal.Cast<float, Vector128<float>>(values);
}
