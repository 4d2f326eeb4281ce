namespace ImplicitBias.Symbolic.Analysis;

/// <summary>
/// Limits of a function of one variable at the ends of its interval, and the image between them: symbolic where
/// <see cref="LimitAnalysis"/> decides, else read off the values along points tending to the end. One snap policy
/// for numeric ends: integers, rational multiples of π, and the exact ends of the range analysis.
/// </summary>
internal static class EndLimits
{
    /// <summary>The one-sided limit at an end (side +1 from above, −1 from below), and whether it is exact.</summary>
    public static (double Value, bool Exact) At(Expr f, string variable, Interval domain, double end, int side,
        IReadOnlyDictionary<string, double> values)
    {
        Limit limit;
        try { limit = new LimitAnalysis(variable, end, side, values).Of(f); }
        catch (SymbolicException) { limit = Limit.Unknown; }
        if (limit.Kind == LimitKind.PlusInfinity) return (double.PositiveInfinity, true);
        if (limit.Kind == LimitKind.MinusInfinity) return (double.NegativeInfinity, true);
        if (limit.IsFinite) return (Snap(limit.Value, f.Range()), true);
        Func<double, double> compiled;
        try { compiled = f.CompileForChecks(variable, values); }
        catch (SymbolicException) { return (double.NaN, false); }
        var (last, diverges, _) = Trend(Points(domain, end, side).Select(compiled));
        if (diverges) return (last > 0 ? double.PositiveInfinity : double.NegativeInfinity, false);
        return (Snap(last, f.Range()), false);
    }

    /// <summary>
    /// The open interval between the limits at the two ends, in increasing order (the range analysis's interval
    /// when they cannot be told apart), and whether both ends are exact.
    /// </summary>
    public static (Interval Image, bool Exact) Image(Expr f, string variable, Interval domain,
        IReadOnlyDictionary<string, double> values)
    {
        var (a, aExact) = At(f, variable, domain, domain.Lo, +1, values);
        var (b, bExact) = At(f, variable, domain, domain.Hi, -1, values);
        if (double.IsNaN(a) || double.IsNaN(b) || a == b) return (f.Range(), false);
        return (Interval.Open(Math.Min(a, b), Math.Max(a, b)), aExact && bExact);
    }

    /// <summary>An end value computed in floating point, snapped to the exact value it stands for.</summary>
    public static double Snap(double v, Interval range)
    {
        // exact ends, integers and rational multiples of π (2·atan(1) is π/2 to the last bit)
        double pi = Interval.PiMultiple(v)?.Evaluate() ?? double.NaN;
        foreach (var end in new[] { Math.Round(v), pi, range.Lo, range.Hi })
            if (double.IsFinite(end) && Math.Abs(v - end) <= 1e-12 * Math.Max(1, Math.Abs(end))) return end;
        return v;
    }

    /// <summary>
    /// Values along points tending to an end: the last finite one, whether they grow unbounded, and whether they
    /// level off (the last two agree to a relative 1e-9: the limit looks finite).
    /// </summary>
    public static (double Last, bool Diverges, bool LevelsOff) Trend(IEnumerable<double> values)
    {
        double last = double.NaN, previous = double.NaN, first = double.NaN;
        using var e = values.GetEnumerator();
        while (true)
        {
            try { if (!e.MoveNext()) break; }
            catch (SymbolicException) { break; }
            double v = e.Current;
            if (double.IsInfinity(v)) return (double.IsNaN(last) ? v : last, true, false);
            // NaN: an intermediate overflowed (sin(w²) at w = 2^512), so judge by the growth until then
            if (double.IsNaN(v)) break;
            if (double.IsNaN(first)) first = v;
            (previous, last) = (last, v);
        }
        bool diverges = Math.Abs(last) > 1e12 * Math.Max(1, Math.Abs(first));
        return (last, diverges, !diverges && Math.Abs(last - previous) <= 1e-9 * Math.Max(1, Math.Abs(last)));
    }

    /// <summary>Points of the domain tending to one of its ends (side +1: the lower end, −1: the upper end).</summary>
    public static IEnumerable<double> Points(Interval domain, double end, int side)
    {
        if (double.IsInfinity(end))
        {
            // doubling steps: fine enough to stop just before intermediate overflow (exp(w) at w ≈ 709)
            for (int k = 0; k <= 1023; k++) yield return -side * Math.Pow(2, k);
            yield break;
        }
        double width = double.IsFinite(domain.Hi - domain.Lo) ? domain.Hi - domain.Lo : 1;
        for (int k = 1; k <= 15; k++) yield return end + side * width * Math.Pow(10, -k);
    }
}
