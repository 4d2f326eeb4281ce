namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>Distances between two vectors of the same length, such as a flow's limit and a baseline.</summary>
public static class Distances
{
    /// <summary>max |aᵢ − bᵢ| (0 for empty vectors).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double MaxAbs(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        RequireSameLength(a, b);
        double largest = 0;
        for (int i = 0; i < a.Length; i++) largest = Math.Max(largest, Math.Abs(a[i] - b[i]));
        return largest;
    }

    /// <summary>‖a − b‖₂.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double Euclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        RequireSameLength(a, b);
        // scaled by the largest difference, so that 1e200-sized entries do not overflow the sum of squares
        double scale = MaxAbs(a, b);
        if (scale == 0 || !double.IsFinite(scale)) return scale;
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = (a[i] - b[i]) / scale;
            sum += d * d;
        }
        return scale * Math.Sqrt(sum);
    }

    private static void RequireSameLength(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"the vectors have {a.Length} and {b.Length} entries");
    }
}
