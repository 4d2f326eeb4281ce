namespace ImplicitBias.Symbolic.Analysis;

/// <summary>The analysis module's bracketed monotone inverse, offered to other assemblies (theorem library).</summary>
public static class MonotoneInversion
{
    /// <summary>
    /// The w in the domain with f(w) = value, for a continuous strictly monotone f whose direction is read off two
    /// interior points; NaN when the value is outside the values f takes there.
    /// </summary>
    public static double Solve(Func<double, double> f, Interval domain, double value)
    {
        ArgumentNullException.ThrowIfNull(f);
        double a = domain.Midpoint;
        double b = double.IsFinite(domain.Hi) ? a + (domain.Hi - a) / 2 : a + Math.Max(1, Math.Abs(a));
        double fa = f(a), fb = f(b);
        if (!double.IsFinite(fa) || !double.IsFinite(fb) || fa == fb) return double.NaN;
        // no derivative: a NaN slope makes every step a bisection of the bracket
        return ScalarNumerics.InvertMonotone(f, _ => double.NaN, domain, fb > fa, value);
    }
}
