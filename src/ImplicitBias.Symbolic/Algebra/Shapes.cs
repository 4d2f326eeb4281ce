namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Shape tests on expressions in a variable x: linear in x, log|u| by the sign of u, the symbol named x, a fresh
/// name. Offered to the layers above (the integrator, the inverse solver and the derivation chain).
/// </summary>
internal static class Shapes
{
    /// <summary>
    /// True when e holds a kernel in x: a call of x, a fractional power of a base in x, or a power with an exponent
    /// in x. Such an e is neither linear nor rational in x, which this decides without differentiating or
    /// converting it (both cost a pass over every level of a deep chain).
    /// </summary>
    public static bool HasKernelIn(Expr e, string x) => e.DistinctNodes().Any(node => node switch
    {
        Call c => c.DependsOn(x),
        Power { Exponent: Number { Value.IsInteger: false } } p => p.Base.DependsOn(x),
        Power p => p.Exponent.DependsOn(x),
        _ => false,
    });

    /// <summary>u = a·x + b with a, b free of x and a ≠ 0.</summary>
    public static bool TryLinear(Expr u, string x, out Expr a, out Expr b)
    {
        a = Expr.Zero;
        b = Expr.Zero;
        if (!u.DependsOn(x)) return false;
        var slope = u.Differentiate(x);
        if (slope.DependsOn(x) || slope is Number { Value.IsZero: true }) return false;
        var intercept = (u - slope * Expr.Var(x, SymbolOf(u, x)!.Domain)).ApplyIdentities();
        if (intercept.DependsOn(x)) return false;
        a = slope;
        b = intercept;
        return true;
    }

    /// <summary>The symbol named x inside e (with its domain), or null.</summary>
    public static Symbol? SymbolOf(Expr e, string x) => e.Symbols().FirstOrDefault(s => s.Name == x);

    /// <summary>log|u|, or log(u) / log(−u) when the sign of u is known on the domain.</summary>
    public static Expr LogAbs(Expr u)
    {
        var r = u.Range();
        if (r.IsPositive) return Expr.Log(u);
        if (r.IsNegative) return Expr.Log(-u);
        return Expr.Log(Expr.Abs(u));
    }

    /// <summary>A fresh symbol name not used in any of the expressions.</summary>
    public static string FreshName(string stem, params Expr[] avoid)
    {
        var used = new HashSet<string>(avoid.SelectMany(e => e.FreeSymbols()));
        for (int i = 1; ; i++)
        {
            var name = $"{stem}{i}";
            if (!used.Contains(name)) return name;
        }
    }
}
