namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// A polynomial written as unit·Π factorᵢ^multiplicityᵢ: the unit a rational, every factor normalized (coprime
/// integer coefficients, positive leading coefficient) and of positive degree. <see cref="Complete"/> says whether
/// every factor is proven irreducible over ℚ; a square-free decomposition or a factorization stopped by a budget is
/// still exact, only coarser.
/// </summary>
/// <param name="Unit">The rational unit.</param>
/// <param name="Factors">The factors with their multiplicities.</param>
/// <param name="Complete">True when every factor is irreducible over ℚ.</param>
public sealed record PolynomialFactorization(
    Rational Unit, IReadOnlyList<(Polynomial Factor, int Multiplicity)> Factors, bool Complete)
{
    /// <summary>The product, which equals the factored polynomial.</summary>
    public Polynomial Expand(System.Collections.Immutable.ImmutableArray<Expr> generators)
    {
        var product = Polynomial.Constant(Unit, generators);
        foreach (var (f, m) in Factors) product *= f.Pow(m);
        return product;
    }

    /// <summary>The factored form as an expression: unit·Π factor^multiplicity, factors kept apart.</summary>
    public Expr ToExpr() =>
        Expr.Multiply(Factors.Select(t => Expr.Pow(t.Factor.ToExpr(), t.Multiplicity))
            .Prepend(Expr.FromRational(Unit)));
}
