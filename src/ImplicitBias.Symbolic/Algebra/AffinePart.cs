namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// The affine part a·x + b of an expression in x (a and b free of x): its terms free of x, its terms that are a
/// constant times x, and the affine part of the polynomial quotient of its rational part in x, so that
/// −x(2 + x)/(6(1 + x)²) = −1/6 + 1/(6(1 + x)²) has the affine part −1/6. A potential matters only up to such terms.
/// </summary>
internal static class AffinePart
{
    public static (Expr Slope, Expr Intercept) Of(Expr f, string x)
    {
        var slope = new List<Expr>();
        var intercept = new List<Expr>();
        var rational = new List<Expr>();
        var expanded = Expander.Expand(f);
        foreach (var term in expanded is Sum s ? s.Terms.ToArray() : [expanded])
        {
            if (!term.DependsOn(x)) intercept.Add(term);
            else if (Linear(term, x) is { } coefficient) slope.Add(coefficient);
            else if (RationalIn(term, x)) rational.Add(term);
        }
        if (rational.Count > 0 && QuotientAffinePart(Expr.Add(rational), x) is var (a, b))
        {
            slope.Add(a);
            intercept.Add(b);
        }
        return (Expr.Add(slope).ApplyIdentities(), Expr.Add(intercept).ApplyIdentities());
    }

    /// <summary>c for a term c·x with c free of x, else null.</summary>
    private static Expr? Linear(Expr term, string x)
    {
        var variable = term.Symbols().First(s => s.Name == x);
        var coefficient = term / variable;
        return coefficient.DependsOn(x) ? null : coefficient;
    }

    /// <summary>True when x occurs only as a generator of a rational function (not inside a kernel).</summary>
    private static bool RationalIn(Expr e, string x) => e switch
    {
        Symbol => true,
        Sum or Product => e.Children.All(c => RationalIn(c, x)),
        Power { Exponent: Number { Value.IsInteger: true } } p => RationalIn(p.Base, x),
        _ => !e.DependsOn(x),
    };

    /// <summary>The affine part of the polynomial quotient of N/D in x.</summary>
    private static (Expr Slope, Expr Intercept)? QuotientAffinePart(Expr rational, string x)
    {
        RationalFunction form;
        try { form = RationalConverter.ConvertOne(rational, KernelMode.AsWritten, new WorkBudget()); }
        catch (PolynomialBudgetException) { return null; }
        var variable = rational.Symbols().First(s => s.Name == x);
        int index = form.Denominator.IndexOf(variable);
        if (index < 0 || form.Numerator.Degree(index) < form.Denominator.Degree(index)) return null;
        var (quotient, _) = form.Numerator.PseudoDivRem(form.Denominator, index);
        int delta = form.Numerator.Degree(index) - form.Denominator.Degree(index) + 1;
        var lead = form.Denominator.CoefficientsIn(index)[^1].Pow(delta);
        int q = quotient.IndexOf(variable);
        IReadOnlyList<Polynomial> coefficients = q < 0 ? [quotient] : quotient.CoefficientsIn(q);
        Expr At(int k) => k < coefficients.Count ? coefficients[k].ToExpr() / lead.ToExpr() : Expr.Zero;
        return (At(1), At(0));
    }
}
