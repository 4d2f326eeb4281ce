namespace ImplicitBias.Symbolic.Bias;

/// <summary>
/// A domain whose ends depend on parameters, written as w = Shift + Scale·t with t in a constant interval and
/// Scale &gt; 0 proven under the parameters' domains: (−βπ/2, βπ/2) is β·t, t ∈ (−π/2, π/2). The derivation runs in t,
/// where every end is a number, and <see cref="AffineChain"/> maps the chain back.
/// </summary>
internal sealed record DomainScaling(Expr Shift, Expr Scale, Interval Unit)
{
    /// <summary>The scaling of a parametric domain (symbols bound to their domains).</summary>
    /// <exception cref="SymbolicException">No positive scale makes both ends constant.</exception>
    public static DomainScaling Of(ParametricDomain d)
    {
        foreach (var (shift, scale) in Candidates(d))
        {
            if (!IsPositive(scale)) continue;
            var lo = UnitEnd(d.Lo, shift, scale, double.NegativeInfinity);
            var hi = UnitEnd(d.Hi, shift, scale, double.PositiveInfinity);
            if (lo is { } l && hi is { } h && l < h) return new DomainScaling(shift, scale, Interval.Open(l, h));
        }
        var symbols = string.Join(", ", (d.Lo ?? Expr.Zero).FreeSymbols().Union((d.Hi ?? Expr.Zero).FreeSymbols()));
        throw new SymbolicException(
            $"the domain {d} is not a positive multiple of a constant interval, shifted; give values for {symbols} " +
            "or assumptions that fix the sign of the scale (e.g. beta>0)");
    }

    /// <summary>w = Shift + Scale·t as an expression in t.</summary>
    public Expr Of(Expr t) => (Shift + Scale * t).Simplify();

    /// <summary>t = (w − Shift)/Scale.</summary>
    public Expr Inverse(Expr w) => ((w - Shift) / Scale).Simplify();

    // w = β·t first (the ends' parametric factor); then a shift by one end, scaled by the width when both are finite
    private static IEnumerable<(Expr Shift, Expr Scale)> Candidates(ParametricDomain d)
    {
        foreach (var end in new[] { d.Hi, d.Lo })
            if (end is not null && end.FreeSymbols().Count > 0) yield return (Expr.Zero, ParametricFactor(end));
        if (d.Lo is { } lo && d.Hi is { } hi) yield return (lo, (hi - lo).Simplify());
        else if (d.Lo is { } from) yield return (from, Expr.One);
        else if (d.Hi is { } to) yield return (to, Expr.One);
    }

    private static Expr ParametricFactor(Expr end)
    {
        var factors = end is Product p ? p.Factors.Where(f => f.FreeSymbols().Count > 0).ToList() : [end];
        return factors.Count == 0 ? Expr.One : Expr.Multiply(factors);
    }

    private static bool IsPositive(Expr scale)
    {
        var range = scale.Range();
        return range.Lo > 0 || (range.Lo == 0 && range.LoOpen);
    }

    private static double? UnitEnd(Expr? end, Expr shift, Expr scale, double infinite)
    {
        if (end is null) return infinite;
        var t = ((end - shift) / scale).Simplify();
        if (t.FreeSymbols().Count > 0) return null;
        var v = t.Evaluate();
        return double.IsFinite(v) ? v : null;
    }
}
