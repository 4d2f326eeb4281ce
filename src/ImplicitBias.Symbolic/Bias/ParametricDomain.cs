namespace ImplicitBias.Symbolic;

/// <summary>
/// An open interval whose ends may depend on parameters, as written: "(-beta*pi/2, beta*pi/2)". A null end is
/// infinite. <see cref="Reparametrization.Create(Expr, string, ParametricDomain, IReadOnlyDictionary{string, double}?,
/// Assumptions?)"/> substitutes parameter values and, when symbols remain, normalizes w = shift + scale·t.
/// </summary>
public sealed record ParametricDomain(Expr? Lo, Expr? Hi)
{
    /// <summary>The whole real line.</summary>
    public static ParametricDomain Real { get; } = new(null, null);

    /// <summary>Parses an interval such as "(0,inf)" or "(-beta*pi/2, beta*pi/2)".</summary>
    /// <exception cref="ParseException">The text is not an interval.</exception>
    public static ParametricDomain Parse(string text)
    {
        var (lo, hi, _, _) = DomainText.ParseEnds(text);
        return new ParametricDomain(lo, hi);
    }

    /// <summary>True when an end depends on a symbol.</summary>
    public bool IsParametric => (Lo?.FreeSymbols().Count ?? 0) + (Hi?.FreeSymbols().Count ?? 0) > 0;

    /// <summary>The ends with symbols replaced (parameter values, or symbols that carry domains).</summary>
    public ParametricDomain Substitute(IReadOnlyDictionary<string, Expr> symbols) =>
        new(Lo?.Substitute(symbols).Simplify(), Hi?.Substitute(symbols).Simplify());

    /// <summary>"(lo, hi)" with inf for infinite ends; it parses back.</summary>
    public override string ToString() => $"({Lo?.ToString() ?? "-inf"}, {Hi?.ToString() ?? "inf"})";
}
