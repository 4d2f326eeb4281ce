using ImplicitBias.Symbolic.Algebra;

namespace ImplicitBias.Symbolic;

/// <summary>Simplification, differentiation and expansion of expressions (extension methods,
/// usable from F# as methods).</summary>
public static class ExprAlgebra
{
    /// <summary>
    /// The shortest equivalent form found: the domain-checked identities listed in the README (exp(log u) = u for
    /// u &gt; 0, √(u²) = |u|, cosh(asinh u) = √(1+u²), …), then the rational normal form, the factored form, one
    /// fraction, the expanded form and the form over the kernel basis, keeping the smallest under
    /// <see cref="Expr.PrintedSize"/>; never larger than e. Bounded by work budgets.
    /// </summary>
    public static Expr Simplify(this Expr e) => ShortestForm.Simplify(e);

    /// <summary>The domain-checked identities alone, in one bounded pass:
    /// the fast simplification of inner loops.</summary>
    internal static Expr ApplyIdentities(this Expr e) => Simplifier.Simplify(e);

    /// <summary>The simplified derivative with respect to <paramref name="variable"/>.</summary>
    public static Expr Differentiate(this Expr e, string variable) =>
        Simplifier.Simplify(Differentiator.Derivative(e, variable));

    /// <summary>Largest derivative, in nodes, that a derivative of higher order is taken of.</summary>
    public const int MaxDerivativeNodes = 20_000;

    /// <summary>
    /// The simplified derivative of order <paramref name="order"/> (0 returns e unchanged). It stops at 0, and once a
    /// derivative is independent of the variable the next is 0, so any order of a polynomial is immediate.
    /// </summary>
    /// <exception cref="SymbolicException">A derivative grows beyond <see cref="MaxDerivativeNodes"/> nodes.
    /// </exception>
    public static Expr Differentiate(this Expr e, string variable, int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        for (int i = 0; i < order; i++)
        {
            if (!e.DependsOn(variable)) return Expr.Zero;
            if (e.NodeCount() > MaxDerivativeNodes)
                throw new SymbolicException($"the derivative of order {i} already has more than {MaxDerivativeNodes} " +
                    $"nodes; order {order} is out of reach");
            e = e.Differentiate(variable);
        }
        return e;
    }

    /// <summary>Distributes products over sums and expands integer powers of sums (up to a size bound).</summary>
    public static Expr Expand(this Expr e) => Expander.Expand(e);

    /// <summary>
    /// The rational normal form: one expanded numerator over one expanded denominator, without common factors, over
    /// the expression's symbols and kernels (exp(u), log(u), radicals, calls): (x² − a²)/(x − a) = x + a. Unchanged
    /// when the computation exceeds its work budget.
    /// </summary>
    public static Expr Cancel(this Expr e) => RationalForms.Cancel(e);

    /// <summary>
    /// One fraction: an expanded numerator over the least common multiple of the denominators, which keeps the
    /// factors the input writes (x/(1 + x) + 1/(1 − x) = (1 + x²)/((1 − x)(1 + x))), with common factors cancelled.
    /// </summary>
    public static Expr Together(this Expr e) => RationalForms.Together(e);

    /// <summary>
    /// Partial fractions in <paramref name="variable"/> (other symbols are parameters): a polynomial part plus
    /// r/fᵏ for each factor f of the denominator, deg r &lt; deg f. 1/(x² − a²) = 1/(2a(x − a)) − 1/(2a(x + a)).
    /// </summary>
    public static Expr Apart(this Expr e, string variable) => RationalForms.Apart(e, variable);

    /// <summary>Numerator and denominator factored over ℚ (irreducible factors where they can be proven so).</summary>
    public static Expr Factor(this Expr e) => RationalForms.Factor(e);

    /// <summary>
    /// True when e is proven to be 0 wherever it is defined: its rational normal form is 0 after dependent kernels are
    /// rewritten into one basis (sinh, cosh, tanh through exp; tan through sin and cos; exp(2x) = exp(x)²; multiple
    /// angles; sin² = 1 − cos²; √u² = u). False means "not proven", not "nonzero".
    /// </summary>
    public static bool IsIdenticallyZero(this Expr e) => RationalForms.IsZero(Simplifier.Simplify(e));

    /// <summary>The range of values e takes over its symbols' domains (conservative interval arithmetic).</summary>
    public static Interval Range(this Expr e) => RangeAnalysis.Of(e);
}
