using System.Runtime.CompilerServices;

namespace ImplicitBias.Symbolic;

/// <summary>
/// The size of an expression as a person reads it: the leaves plus the operations of its printed text form, as
/// SymPy's count_ops plus the atoms. Leaves are numbers (a fraction p/q is two numbers and a division), symbols and
/// constants; operations are +, − (binary or unary), ·, /, ^, and each function call (√ included). So
/// 1/(6·(1 + x)²) has size 9 (leaves 1, 6, 1, x, 2; operations /, ·, +, ^) and x·atan(x) − log(1 + x²)/2 has 13.
/// A function applied to an inverse function (cosh(asinh u), see <see cref="InverseComposition"/>) counts one more
/// than the form it reduces to. This is the measure Simplify minimizes.
/// </summary>
internal static class PrintedSize
{
    public static int Of(Expr e)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return e switch
        {
            Number n => (n.Value.IsInteger ? 1 : 3) + (n.Value.Sign < 0 ? 1 : 0),
            Real r => r.Value < 0 ? 2 : 1,
            Symbol or Constant => 1,
            Call { Function: Function.Exp, Argument: Number { Value.IsOne: true } } => 1, // e
            Call { Argument: Call inner } c when InverseComposition.Find(c.Function, inner.Function) is { } rule
                => Reduced(() => rule.Result(inner.Argument), c),
            Call c when InverseComposition.DoubleAngle(c) is { } doubled => Reduced(() => doubled, c),
            Call c => 1 + Of(c.Argument),
            Power p when PrintShape.IsReciprocal(p)
                => 2 + Factor(p.Base, Expr.FromRational(-((Number)p.Exponent).Value)),
            Power p => Factor(p.Base, p.Exponent),
            Product p => OfProduct(p),
            Sum s => OfSum(s),
            _ => throw new System.Diagnostics.UnreachableException($"unknown node {e.GetType().Name}"),
        };
    }

    /// <summary>
    /// f(g(u)) for a function applied to an inverse function, or to twice one: one more than the form it reduces to
    /// (cosh(asinh u) is not a shorter way to write √(1 + u²)).
    /// </summary>
    private static int Reduced(Func<Expr> reduction, Call c)
    {
        try { return 1 + Of(reduction()); }
        catch (SymbolicException) { return 1 + Of(c.Argument); } // the reduced form is undefined here (1/0)
    }

    /// <summary>b^k as printed: √b is a call, b¹ is b.</summary>
    private static int Factor(Expr b, Expr k) => k switch
    {
        Number { Value.IsOne: true } => Of(b),
        Number { Value: var h } when h == Rational.Half => 1 + Of(b),
        _ => Of(b) + Of(k) + 1,
    };

    private static int OfProduct(Product p)
    {
        var (negative, coefficient, numerator, denominatorCoefficient, denominator) = PrintShape.SplitProduct(p);
        int size = negative ? 1 : 0;
        int items = (coefficient is null ? 0 : 1) + numerator.Count;
        size += coefficient is null ? 0 : Of(coefficient);
        foreach (var (b, k) in numerator) size += Factor(b, k);
        if (items == 0) { size++; items = 1; } // the 1 of "1/x"
        size += items - 1; // the multiplications
        int below = (denominatorCoefficient is null ? 0 : 1) + denominator.Count;
        if (below == 0) return size;
        size += denominatorCoefficient is null ? 0 : Of(denominatorCoefficient);
        foreach (var (b, k) in denominator) size += Factor(b, k);
        return size + below; // the division and the multiplications below it
    }

    private static int OfSum(Sum s)
    {
        var terms = PrintShape.DisplayTerms(s);
        int size = Of(terms[0]);
        for (int i = 1; i < terms.Count; i++)
            size += 1 + (PrintShape.IsNegativeTerm(terms[i]) ? Of(Expr.Negate(terms[i])) : Of(terms[i]));
        return size;
    }
}
