namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Exponentials of logarithms and inverse hyperbolic functions as algebraic expressions:
/// exp(c·log u) = u^c for u &gt; 0, exp(k·asinh u) = (u + √(1 + u²))^k, exp(k·acosh u) = (u + √(u² − 1))^k for
/// u ≥ 1 (k an integer), exp(c·atanh u) = ((1 + u)/(1 − u))^(c/2) for |u| &lt; 1.
/// </summary>
internal static class InverseExponentials
{
    /// <summary>exp(c·g(u)) for the call g(u), or null when g is none of these or the guard is not proven.</summary>
    public static Expr? Of(Call inner, Rational c, RangeAnalysis ranges)
    {
        var u = inner.Argument;
        var k = Expr.FromRational(c);
        var one = Expr.One;
        return inner.Function switch
        {
            Function.Log when ranges.IsPositive(u) => Expr.Pow(u, k),
            Function.Asinh when c.IsInteger => Expr.Pow(u + Expr.Sqrt(one + Expr.Pow(u, 2)), k),
            Function.Acosh when c.IsInteger && ranges.RangeOf(u).Lo >= 1 =>
                Expr.Pow(u + Expr.Sqrt(Expr.Pow(u, 2) - one), k),
            Function.Atanh when ranges.RangeOf(u).IsStrictlyWithin(-1, 1) => Expr.Pow((one + u) / (one - u), k / 2),
            _ => null,
        };
    }
}
