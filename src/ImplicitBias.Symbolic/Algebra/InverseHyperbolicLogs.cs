namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Logarithms that are inverse hyperbolic functions: log(a + √(a² + c)) = asinh(a/√c) + log(c)/2 for a constant
/// c &gt; 0, and log(a + √(a² − c)) = acosh(a/√c) + log(c)/2 where a ≥ √c. Solving x = e^w − e^−w gives the first
/// form; a person writes the second.
/// </summary>
internal static class InverseHyperbolicLogs
{
    public static Expr? Recognize(Expr argument, RangeAnalysis ranges)
    {
        if (argument is not Sum s) return null;
        foreach (var root in s.Terms)
        {
            if (!IsPositiveRoot(root)) continue;
            var a = Expr.Add(s.Terms.Where(t => !ReferenceEquals(t, root)));
            if (RationalForms.Cancel(Expr.Pow(root, 2) - Expr.Pow(a, 2)) is not Number { Value: var c } || c.IsZero)
                continue;
            var scale = Expr.Sqrt(Expr.FromRational(c.Abs()));
            var shift = Expr.Log(Expr.FromRational(c.Abs())) / 2;
            if (c.Sign > 0) return Expr.Asinh(a / scale) + shift;
            if (ranges.RangeOf(a / scale).Lo >= 1) return Expr.Acosh(a / scale) + shift;
        }
        return null;
    }

    /// <summary>A positive multiple of a square root of a non-constant expression.</summary>
    private static bool IsPositiveRoot(Expr t)
    {
        var (coefficient, rest) = Canonical.SplitCoefficient(t);
        return !coefficient.IsFloat && coefficient.ExactValue.Sign > 0
            && rest is Power { Exponent: Number { Value: var h }, Base: var b } && h == Rational.Half && !b.IsConstant;
    }
}
