using ImplicitBias.Symbolic.Algebra;

namespace ImplicitBias.Symbolic;

/// <summary>Simplification, differentiation and expansion of expressions (extension methods, usable from F# as methods).</summary>
public static class ExprAlgebra
{
    /// <summary>
    /// Applies the domain-checked identities listed in the README (exp(log u) = u for u &gt; 0, √(u²) = |u|,
    /// cosh(asinh u) = √(1+u²), exp(a)·exp(b) = exp(a+b), cancellation, …) in one bounded pass.
    /// </summary>
    public static Expr Simplify(this Expr e) => Simplifier.Simplify(e);

    /// <summary>The simplified derivative with respect to <paramref name="variable"/>.</summary>
    public static Expr Differentiate(this Expr e, string variable) => Simplifier.Simplify(Differentiator.Derivative(e, variable));

    /// <summary>The simplified derivative of order <paramref name="order"/> (0 returns e unchanged).</summary>
    public static Expr Differentiate(this Expr e, string variable, int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        for (int i = 0; i < order; i++) e = e.Differentiate(variable);
        return e;
    }

    /// <summary>Distributes products over sums and expands integer powers of sums (up to a size bound).</summary>
    public static Expr Expand(this Expr e) => Expander.Expand(e);

    /// <summary>The range of values e takes over its symbols' domains (conservative interval arithmetic).</summary>
    public static Interval Range(this Expr e) => RangeAnalysis.Of(e);
}
