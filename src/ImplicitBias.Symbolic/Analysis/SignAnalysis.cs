namespace ImplicitBias.Symbolic.Analysis;

/// <summary>
/// The one "keeps one sign" check for a derivative on a domain: proven by range analysis or, for rational functions,
/// by Sturm sequences (<see cref="ExactSign"/>); otherwise read off about 800 samples, with sign changes and the
/// edges of stretches where it vanishes located by bisection.
/// </summary>
internal static class SignAnalysis
{
    /// <summary>The sign d keeps on the domain, where it changes sign, and where it vanishes.</summary>
    public static SignReport Of(Expr derivative, string variable, Interval domain,
        IReadOnlyDictionary<string, double> parameters)
    {
        var range = derivative.Range();
        if (range.IsPositive) return new SignReport(1, true, [], null);
        if (range.IsNegative) return new SignReport(-1, true, [], null);
        if (ExactSign.Of(derivative, variable, domain) is { } exact) return exact;
        var d = derivative.CompileForChecks(variable, parameters);
        var (sign, changes) = Sampled(d, domain);
        bool proven = sign != 0 && (range.IsNonNegative || range.IsNonPositive);
        return new SignReport(sign, proven, changes, sign == 0 && changes.Count > 0 ? null : Vanishing(d, domain));
    }

    /// <summary>+1 if d ≥ 0 at every sample, −1 if ≤ 0, 0 if it changes sign (with the crossings) or is 0.</summary>
    private static (int Sign, List<double> Changes) Sampled(Func<double, double> d, Interval domain)
    {
        var grid = Grid(domain);
        var values = grid.Select(d).ToArray();
        // Rounding noise where the derivative is a difference of nearly equal terms (a saturated sigmoid)
        // must not count as a sign change: values this small relative to the largest are treated as zero.
        double largest = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        for (int i = 0; i < values.Length; i++) if (Math.Abs(values[i]) <= 1e-9 * largest) values[i] = 0;
        var changes = new List<double>();
        int lastIndex = -1;
        bool positive = false, negative = false;
        for (int i = 0; i < grid.Length; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v) || v == 0) continue;
            int s = Math.Sign(v);
            if (s > 0) positive = true; else negative = true;
            if (lastIndex >= 0 && Math.Sign(values[lastIndex]) != s) changes.Add(Bisect(d, grid[lastIndex], grid[i]));
            lastIndex = i;
        }
        if (positive && negative) return (0, changes);
        return (positive ? 1 : negative ? -1 : 0, []);
    }

    /// <summary>
    /// Where d is exactly 0 at the samples: a point, or the stretch between the first and last of consecutive zero
    /// samples, widened to where d stops vanishing (by bisection) or to the domain's end.
    /// </summary>
    private static (double From, double To)? Vanishing(Func<double, double> d, Interval domain)
    {
        var points = new[] { 0.0, 1.0, -1.0 }.Concat(Grid(domain)).Where(domain.Contains).Distinct().Order().ToArray();
        int first = Array.FindIndex(points, w => d(w) == 0);
        if (first < 0) return null;
        int last = first;
        while (last + 1 < points.Length && d(points[last + 1]) == 0) last++;
        if (last == first) return (points[first], points[first]);
        double from = first == 0 ? domain.Lo : ZeroEdge(d, points[first - 1], points[first]);
        double to = last == points.Length - 1 ? domain.Hi : ZeroEdge(d, points[last + 1], points[last]);
        return (from, to);
    }

    /// <summary>The edge between a point where d ≠ 0 and one where d = 0, snapped to an integer.</summary>
    private static double ZeroEdge(Func<double, double> d, double nonzero, double zero)
    {
        zero = Bisection.Edge(w => d(w) == 0, nonzero, zero);
        double rounded = Math.Round(zero);
        return Math.Abs(rounded - zero) <= 1e-9 * Math.Max(1, Math.Abs(zero)) ? rounded : zero;
    }

    private static double Bisect(Func<double, double> d, double a, double b)
    {
        var root = Bisection.Root(d, a, b);
        return Math.Abs(root) < 1e-12 ? 0 : root;
    }

    /// <summary>About 800 points spread over the domain (sinh-stretched toward infinite ends).</summary>
    internal static double[] Grid(Interval domain)
    {
        const int n = 800;
        var points = new List<double>(n);
        for (int i = 1; i < n; i++)
        {
            double s = (double)i / n;
            double w;
            if (domain.IsBounded) w = domain.Lo + s * (domain.Hi - domain.Lo);
            else if (double.IsFinite(domain.Lo))
                w = domain.Lo + Math.Sinh(12 * s) * 1e-3 * Math.Max(1, Math.Abs(domain.Lo));
            else if (double.IsFinite(domain.Hi))
                w = domain.Hi - Math.Sinh(12 * s) * 1e-3 * Math.Max(1, Math.Abs(domain.Hi));
            else w = Math.Sinh(24 * (s - 0.5)) * 1e-3;
            if (domain.Contains(w)) points.Add(w);
        }
        points.Sort();
        return [.. points];
    }
}
