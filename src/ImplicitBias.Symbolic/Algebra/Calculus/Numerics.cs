namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>Scalar numerics behind the numeric fallbacks: adaptive quadrature and bracketed Newton inversion.</summary>
internal static class ScalarNumerics
{
    /// <summary>∫_a^b f by adaptive Gauss–Kronrod (MathNet.Numerics), with its error estimate.</summary>
    /// <param name="f">The integrand.</param>
    /// <param name="a">The lower end.</param>
    /// <param name="b">The upper end.</param>
    /// <param name="relativeTolerance">The relative error aimed at.</param>
    /// <param name="maxDepth">Bisections allowed per interval (at most 2^maxDepth subintervals of 15 points).</param>
    public static (double Value, double Error) Quadrature(Func<double, double> f, double a, double b, double relativeTolerance = 1e-11, int maxDepth = 15)
    {
        if (a == b) return (0, 0);
        double value = MathNet.Numerics.Integration.GaussKronrodRule.Integrate(f, a, b, out double error, out _, relativeTolerance, 15, maxDepth);
        return (value, error);
    }

    /// <summary>
    /// The w in the domain with g(w) = x for a strictly monotone g: the bracket is grown from a seed (or taken
    /// from finite domain ends) and refined by Newton steps that fall back to bisection whenever a step leaves it.
    /// NaN when x is outside the image.
    /// </summary>
    public static double InvertMonotone(Func<double, double> g, Func<double, double> dg, Interval domain, bool increasing, double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double Residual(double w) => increasing ? g(w) - x : x - g(w);
        double seed = domain.Midpoint;
        double lo, hi;
        double rSeed = Residual(seed);
        if (rSeed == 0) return seed;
        if (!double.IsFinite(rSeed)) return double.NaN;
        if (rSeed > 0) { hi = seed; lo = Expand(seed, -1, domain, Residual, wantPositive: false); }
        else { lo = seed; hi = Expand(seed, +1, domain, Residual, wantPositive: true); }
        if (double.IsNaN(lo) || double.IsNaN(hi)) return double.NaN;
        double w = lo + (hi - lo) / 2;
        for (int i = 0; i < 200; i++)
        {
            double r = Residual(w);
            if (r == 0) return w;
            if (r > 0) hi = w; else lo = w;
            double slope = dg(w) * (increasing ? 1 : -1);
            double next = w - r / slope;
            if (!(next > lo && next < hi) || !double.IsFinite(next)) next = lo + (hi - lo) / 2;
            if (Math.Abs(next - w) <= 2 * double.Epsilon + 4e-16 * Math.Abs(w) || hi - lo <= 4e-16 * Math.Max(Math.Abs(lo), Math.Abs(hi))) return next;
            w = next;
        }
        return w;
    }

    /// <summary>Walks from the seed in a direction with doubling steps until the residual changes sign; NaN if it never does.</summary>
    private static double Expand(double seed, int direction, Interval domain, Func<double, double> residual, bool wantPositive)
    {
        double end = direction > 0 ? domain.Hi : domain.Lo;
        if (double.IsFinite(end))
        {
            // move toward a finite end by halving the remaining distance
            double w = seed;
            for (int i = 0; i < 1100; i++)
            {
                w = w + (end - w) / 2;
                if (w == end) w = direction > 0 ? Math.BitDecrement(end) : Math.BitIncrement(end);
                double r = residual(w);
                if (double.IsFinite(r) && (r > 0) == wantPositive && r != 0) return w;
                if (r == 0) return w;
                if (w == (direction > 0 ? Math.BitDecrement(end) : Math.BitIncrement(end))) break;
            }
            return double.NaN;
        }
        double step = Math.Max(1, Math.Abs(seed));
        double current = seed;
        for (int i = 0; i < 2100; i++)
        {
            current = seed + direction * step;
            double r = residual(current);
            if (double.IsFinite(r) && ((r > 0) == wantPositive || r == 0)) return current;
            if (double.IsInfinity(current)) break;
            step *= 2;
        }
        return double.NaN;
    }
}

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
        double fa = d(a);
        for (int i = 0; i < 200 && a != b; i++)
        {
            double m = a + (b - a) / 2;
            if (m == a || m == b) break;
            double fm = d(m);
            if (fm == 0 || !double.IsFinite(fm)) return m;
            if (Math.Sign(fm) == Math.Sign(fa)) { a = m; fa = fm; } else b = m;
        }
        var root = a + (b - a) / 2;
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
