namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// The rational normal forms of expressions over their kernels: Cancel (expanded numerator over expanded
/// denominator, coprime), Together (one fraction whose denominator keeps the input's factors), Factor, and the
/// decision whether an expression is identically zero. Every form is computed within a <see cref="WorkBudget"/>;
/// when the budget runs out, or a denominator is identically 0, the input is returned unchanged (the zero test
/// answers "not proven").
/// </summary>
internal static class RationalForms
{
    /// <summary>numerator/denominator, expanded and coprime.</summary>
    public static Expr Cancel(Expr e) => Guarded(e, () => Convert(e).ToExpr());

    /// <summary>One fraction: an expanded numerator over the least common multiple of the input's denominators,
    /// kept as a product of the denominators that occur in the input.</summary>
    public static Expr Together(Expr e) => Guarded(e, () =>
    {
        var budget = new WorkBudget();
        var form = RationalConverter.ConvertOne(e, KernelMode.AsWritten, budget);
        if (form.IsPolynomial) return form.ToExpr();
        var (unit, factors) = SplitByInputDenominators(form.Denominator, DenominatorBases(e), budget);
        var denominator = Expr.Multiply(factors.Select(f => Expr.Pow(f.Factor.ToExpr(), f.Multiplicity)));
        return Expr.Divide(form.Numerator.Scale(Rational.One / unit).ToExpr(), denominator);
    });

    /// <summary>Numerator and denominator factored over ℚ (see <see cref="PolynomialFactorizer"/>).</summary>
    public static Expr Factor(Expr e) => Guarded(e, () =>
    {
        var budget = new WorkBudget();
        var form = RationalConverter.ConvertOne(e, KernelMode.AsWritten, budget);
        if (form.IsZero) return Expr.Zero;
        var numerator = PolynomialFactorizer.Factor(form.Numerator, budget).ToExpr();
        if (form.IsPolynomial) return numerator;
        return Expr.Divide(numerator, PolynomialFactorizer.Factor(form.Denominator, budget).ToExpr());
    });

    /// <summary>The normal form over the kernel basis (sinh and cosh through exp, tan through sin and cos, …).</summary>
    public static Expr InBasis(Expr e) =>
        Guarded(e, () => RationalConverter.ConvertOne(e, KernelMode.Basis, new WorkBudget()).ToExpr());

    /// <summary>
    /// True when e is proven identically zero wherever it is defined: its rational normal form over a basis of
    /// kernels (<see cref="KernelMode.Basis"/>) is 0. False means "not proven", not "nonzero".
    /// </summary>
    public static bool IsZero(Expr e)
    {
        if (e is Number n) return n.Value.IsZero;
        if (e.IsNumber) return false;
        try { return RationalConverter.ConvertOne(e, KernelMode.Basis, new WorkBudget()).IsZero; }
        catch (SymbolicException) { return false; } // over budget, or nowhere defined
    }

    private static RationalFunction Convert(Expr e) =>
        RationalConverter.ConvertOne(e, KernelMode.AsWritten, new WorkBudget());

    /// <summary>The form, or e itself when the computation exceeds its budget (or finds e nowhere defined).</summary>
    private static Expr Guarded(Expr e, Func<Expr> form)
    {
        try { return form(); }
        catch (SymbolicException) { return e; }
    }

    /// <summary>The bases of the negative integer powers in e: the denominators as the input writes them.</summary>
    private static List<Expr> DenominatorBases(Expr e)
    {
        var bases = new List<Expr>();
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is Power { Exponent: Number { Value: { IsInteger: true, Sign: < 0 } } } p && !p.Base.IsNumber
                && !bases.Contains(p.Base)) bases.Add(p.Base);
            if (node is not Call) foreach (var child in node.Children) stack.Push(child);
        }
        return bases;
    }

    /// <summary>
    /// d as unit·Π fᵢ^kᵢ where the fᵢ are the input's denominators (as polynomials) that divide it, and a last factor
    /// holds whatever they leave.
    /// </summary>
    private static (Rational Unit, List<(Polynomial Factor, int Multiplicity)> Factors) SplitByInputDenominators(
        Polynomial d, List<Expr> bases, WorkBudget budget)
    {
        var factors = new List<(Polynomial, int)>();
        foreach (var b in bases)
        {
            var f = RationalConverter.ConvertOne(b, KernelMode.AsWritten, budget);
            if (!f.IsPolynomial || f.Numerator.IsConstant) continue;
            var factor = f.Numerator.Normalized();
            int multiplicity = 0;
            while (d.TryDivide(factor, budget) is { } quotient)
            {
                d = quotient;
                multiplicity++;
            }
            if (multiplicity > 0) factors.Add((factor, multiplicity));
        }
        var unit = d.IsConstant ? d.ConstantTerm : d.LeadingCoefficient / d.Normalized().LeadingCoefficient;
        if (!d.IsConstant) factors.Add((d.Normalized(), 1));
        return (unit, factors);
    }
}
