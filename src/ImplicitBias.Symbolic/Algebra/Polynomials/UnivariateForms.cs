namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Expressions read as polynomials and rational functions in one variable x on the sparse polynomial core: the
/// other generators (parameters, constant kernels such as √2) must be free of x and form the coefficients.
/// </summary>
internal static class UnivariateForms
{
    /// <summary>
    /// e as a rational function in which x occurs only as a generator of its own (null when x sits inside a kernel,
    /// such as √x or exp(x), or the conversion exceeds its budget).
    /// </summary>
    public static RationalFunction? Rational(Expr e, string x)
    {
        // a kernel in x would be a generator in x: refused before converting (a long product of such kernels costs a
        // gcd per factor)
        if (Shapes.HasKernelIn(e, x)) return null;
        RationalFunction form;
        try { form = RationalConverter.ConvertOne(e, KernelMode.AsWritten, new WorkBudget()); }
        catch (SymbolicException) { return null; }
        return form.Generators.All(g => IsVariable(g, x) || !g.DependsOn(x)) ? form : null;
    }

    /// <summary>e as a rational function over ℚ in the symbol x alone, or null.</summary>
    public static RationalFunction? OverRationals(Expr e, string x) =>
        Rational(e, x) is { } form && form.Generators.All(g => IsVariable(g, x)) ? form : null;

    /// <summary>The index of x among the generators, or −1.</summary>
    public static int IndexOf(RationalFunction form, string x)
    {
        for (int i = 0; i < form.Generators.Length; i++)
            if (IsVariable(form.Generators[i], x)) return i;
        return -1;
    }

    /// <summary>
    /// The coefficients (free of x, lowest degree first) of numerator and denominator of e as polynomials in x of
    /// degree at most <paramref name="maxDegree"/>, or null.
    /// </summary>
    public static (Expr[] Numerator, Expr[] Denominator)? Coefficients(Expr e, string x, int maxDegree)
    {
        if (Rational(e, x) is not { } form) return null;
        int index = IndexOf(form, x);
        if (index >= 0 && Math.Max(form.Numerator.Degree(index), form.Denominator.Degree(index)) > maxDegree)
            return null;
        return (CoefficientsOf(form.Numerator, index), CoefficientsOf(form.Denominator, index));
    }

    /// <summary>The coefficients c₀…cₙ (free of x) of e as a polynomial in x of degree ≤ maxDegree, or null.</summary>
    public static Expr[]? PolynomialCoefficients(Expr e, string x, int maxDegree)
    {
        if (Coefficients(e, x, maxDegree) is not var (numerator, denominator) || denominator.Length != 1) return null;
        return [.. numerator.Select(c => (c / denominator[0]).ApplyIdentities())];
    }

    private static Expr[] CoefficientsOf(Polynomial p, int index)
    {
        if (p.IsZero) return [Expr.Zero];
        if (index < 0) return [p.ToExpr()];
        return [.. p.CoefficientsIn(index).Select(c => c.ToExpr())];
    }

    private static bool IsVariable(Expr g, string x) => g is Symbol s && s.Name == x;
}
