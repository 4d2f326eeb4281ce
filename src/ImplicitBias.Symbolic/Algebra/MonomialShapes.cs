namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// What the monomials of a sum are made of: the bases of their factors (u for uᵏ) and their factor counts. A
/// partner monomial that needs a base or a count absent here cannot be a term, so it is never built.
/// </summary>
internal sealed class MonomialShapes
{
    private readonly HashSet<Expr> _bases = new();
    private readonly HashSet<int> _counts = new();

    public MonomialShapes(IEnumerable<Expr> monomials)
    {
        foreach (var m in monomials)
        {
            IReadOnlyList<Expr> factors = m is Product p ? p.Factors : m is Number ? [] : [m];
            _counts.Add(factors.Count);
            foreach (var f in factors) _bases.Add(f is Power { Exponent: Number } power ? power.Base : f);
        }
    }

    /// <summary>Some monomial has a factor u or uᵏ.</summary>
    public bool HasBase(Expr u) => _bases.Contains(u);

    /// <summary>Some monomial has this many factors (0 for a constant term).</summary>
    public bool HasCount(int count) => _counts.Contains(count);
}
