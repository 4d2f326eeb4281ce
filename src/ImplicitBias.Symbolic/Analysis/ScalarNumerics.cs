namespace ImplicitBias.Symbolic.Analysis;

/// <summary>Scalar numerics behind the numeric fallbacks: adaptive quadrature and bracketed Newton inversion.</summary>
internal static class ScalarNumerics
{
    /// <summary>∫_a^b f by adaptive Gauss–Kronrod (MathNet.Numerics), with its error estimate.</summary>
    /// <param name="f">The integrand.</param>
    /// <param name="a">The lower end.</param>
    /// <param name="b">The upper end.</param>
    /// <param name="relativeTolerance">The relative error aimed at.</param>
    /// <param name="maxDepth">Bisections allowed per interval (at most 2^maxDepth subintervals of 15 points).</param>
    public static (double Value, double Error) Quadrature(Func<double, double> f, double a, double b,
        double relativeTolerance = 1e-11, int maxDepth = 15)
    {
        if (a == b) return (0, 0);
        double value = MathNet.Numerics.Integration.GaussKronrodRule.Integrate(f, a, b, out double error, out _,
            relativeTolerance, 15, maxDepth);
        return (value, error);
    }

    /// <summary>
    /// The w in the domain with g(w) = x for a strictly monotone g: the bracket is grown from a seed (or taken
    /// from finite domain ends) and refined by Newton steps that fall back to bisection whenever a step leaves it.
    /// NaN when x is outside the image.
    /// </summary>
    public static double InvertMonotone(Func<double, double> g, Func<double, double> dg, Interval domain,
        bool increasing, double x)
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
            if (Math.Abs(next - w) <= 2 * double.Epsilon + 4e-16 * Math.Abs(w)
                || hi - lo <= 4e-16 * Math.Max(Math.Abs(lo), Math.Abs(hi))) return next;
            w = next;
        }
        return w;
    }

    /// <summary>Walks from the seed in a direction with doubling steps until the residual changes sign;
    /// NaN if it never does.</summary>
    private static double Expand(double seed, int direction, Interval domain, Func<double, double> residual,
        bool wantPositive)
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
