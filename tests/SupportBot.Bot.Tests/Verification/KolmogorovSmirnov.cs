namespace SupportBot.Bot.Tests.Verification;

/// <summary>The two-sample Kolmogorov–Smirnov test: the largest gap D between two empirical distributions and its p-value.</summary>
internal static class KolmogorovSmirnov
{
    /// <summary>D and the asymptotic p-value (Numerical Recipes' effective-n correction) that both samples share one distribution.</summary>
    public static (double D, double P) TwoSample(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var a = first.Order().ToArray();
        var b = second.Order().ToArray();
        int i = 0, j = 0;
        var d = 0.0;
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }

            while (j < b.Length && b[j] <= x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
        }

        var effective = Math.Sqrt((double)a.Length * b.Length / (a.Length + b.Length));
        return (d, Q((effective + 0.12 + (0.11 / effective)) * d));
    }

    // The Kolmogorov distribution's survival function: 2 Σ (-1)^(k-1) exp(-2 k² λ²).
    private static double Q(double lambda)
    {
        if (lambda < 1e-3)
        {
            return 1;
        }

        var sum = 0.0;
        var sign = 1.0;
        for (var k = 1; k <= 100; k++)
        {
            var term = sign * Math.Exp(-2 * k * k * lambda * lambda);
            sum += term;
            if (Math.Abs(term) < 1e-12)
            {
                break;
            }

            sign = -sign;
        }

        return Math.Clamp(2 * sum, 0, 1);
    }
}
