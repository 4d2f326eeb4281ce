namespace ImplicitBias.Symbolic.Analysis;

/// <summary>Sign changes of a derivative on a domain, found by sampling and bisection.</summary>
internal static class SignAnalysis
{
    /// <summary>+1 if d ≥ 0 throughout (with no negative sample), −1 if ≤ 0, 0 if it changes sign (with the crossing points) or vanishes identically.</summary>
    public static (int Sign, List<double> Changes, bool Proven) Analyze(Expr derivative, string variable, Interval domain, IReadOnlyDictionary<string, double> parameters)
    {
        var range = derivative.Range();
        if (range.IsPositive) return (1, [], true);
        if (range.IsNegative) return (-1, [], true);
        var d = derivative.CompileForChecks(variable, parameters);
        var grid = Grid(domain);
        var values = grid.Select(d).ToArray();
        // Rounding noise where the derivative is a difference of nearly equal terms (a saturated sigmoid)
        // must not count as a sign change: values this small relative to the largest are treated as zero.
        double largest = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        for (int i = 0; i < values.Length; i++) if (Math.Abs(values[i]) <= 1e-9 * largest) values[i] = 0;
        var changes = new List<double>();
        int firstSign = 0;
        int lastIndex = -1;
        bool positive = false, negative = false;
        for (int i = 0; i < grid.Length; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v) || v == 0) continue;
            int s = Math.Sign(v);
            if (s > 0) positive = true; else negative = true;
            if (firstSign == 0) firstSign = s;
            if (lastIndex >= 0 && Math.Sign(values[lastIndex]) != s) changes.Add(Bisect(d, grid[lastIndex], grid[i]));
            lastIndex = i;
        }
        if (positive && negative) return (0, changes, false);
        if (!positive && !negative) return (0, [], false);
        return (positive ? 1 : -1, [], range.IsNonNegative || range.IsNonPositive);
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
            else if (double.IsFinite(domain.Lo)) w = domain.Lo + Math.Sinh(12 * s) * 1e-3 * Math.Max(1, Math.Abs(domain.Lo));
            else if (double.IsFinite(domain.Hi)) w = domain.Hi - Math.Sinh(12 * s) * 1e-3 * Math.Max(1, Math.Abs(domain.Hi));
            else w = Math.Sinh(24 * (s - 0.5)) * 1e-3;
            if (domain.Contains(w)) points.Add(w);
        }
        points.Sort();
        return [.. points];
    }
}
