using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>Shape tests shared by the integrator and the solver.</summary>
internal static class Shapes
{
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

    /// <summary>Coefficients c0..cn of e as a polynomial in x (coefficients free of x), after expansion; null if not polynomial.</summary>
    public static Expr[]? PolynomialCoefficients(Expr e, string x, int maxDegree)
    {
        var expanded = e.Expand();
        var coefficients = new List<Expr>[maxDegree + 1];
        IEnumerable<Expr> terms = expanded is Sum s ? s.Terms : [expanded];
        foreach (var term in terms)
        {
            int degree = 0;
            var rest = new List<Expr>();
            IEnumerable<Expr> factors = term is Product p ? p.Factors : [term];
            foreach (var f in factors)
            {
                if (f is Symbol sym && sym.Name == x) degree += 1;
                else if (f is Power { Base: Symbol ps, Exponent: Number k } && ps.Name == x && k.Value.IsInteger && k.Value.Sign > 0 && k.Value <= maxDegree)
                    degree += (int)k.Value.Numerator;
                else if (f.DependsOn(x)) return null;
                else rest.Add(f);
            }
            if (degree > maxDegree) return null;
            (coefficients[degree] ??= []).Add(Expr.Multiply(rest));
        }
        int top = maxDegree;
        while (top > 0 && coefficients[top] is null) top--;
        var result = new Expr[top + 1];
        for (int k = 0; k <= top; k++) result[k] = coefficients[k] is null ? Expr.Zero : Expr.Add(coefficients[k]).ApplyIdentities();
        return result;
    }

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

/// <summary>
/// The substitution t = exp(c·w) for an expression whose w-dependence is all through exp (and, on request, sinh, cosh,
/// tanh) of linear arguments a·w + b with rational slopes: c is the gcd of the |a|, and each call becomes a rational
/// function of t (exp(a w + b) = e^b·t^(a/c), sinh = (E − 1/E)/2, cosh = (E + 1/E)/2, tanh = (E² − 1)/(E² + 1)).
/// </summary>
internal static class ExponentialSubstitution
{
    /// <summary>c and the rewrite of g in t; null when g has no such call or another occurrence of w is left over.</summary>
    public static (Rational Slope, Expr Rewritten)? TryRewrite(Expr g, Symbol w, Symbol t, bool hyperbolic)
    {
        bool Eligible(Call c) => c.DependsOn(w.Name) && (c.Function == Function.Exp
            || (hyperbolic && c.Function is Function.Sinh or Function.Cosh or Function.Tanh));
        var calls = new List<Call>();
        var stack = new Stack<Expr>();
        stack.Push(g);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e is Call c && Eligible(c)) { calls.Add(c); continue; }
            foreach (var child in e.Children) stack.Push(child);
        }
        if (calls.Count == 0) return null;
        Rational? slope = null;
        foreach (var c in calls)
        {
            if (!Shapes.TryLinear(c.Argument, w.Name, out var a, out _) || a is not Number n) return null;
            var size = n.Value.Abs();
            slope = slope is { } known ? Rational.Gcd(known, size) : size;
        }
        var c0 = slope!.Value;
        var rewritten = g.Transform(e =>
        {
            if (e is not Call call || !Eligible(call) || !Shapes.TryLinear(call.Argument, w.Name, out var a, out var b)) return e;
            var power = Expr.Exp(b) * Expr.Pow(t, Expr.FromRational(((Number)a).Value / c0));
            return call.Function switch
            {
                Function.Sinh => (power - 1 / power) / 2,
                Function.Cosh => (power + 1 / power) / 2,
                Function.Tanh => (Expr.Pow(power, 2) - 1) / (Expr.Pow(power, 2) + 1),
                _ => power,
            };
        });
        return rewritten.DependsOn(w.Name) ? null : (c0, rewritten);
    }
}


/// <summary>
/// Rational functions over ℚ: an expression built from x, rational numbers, +, × and integer powers,
/// brought to numerator/denominator polynomials.
/// </summary>
internal static class RationalFunctions
{
    public static (DensePolynomial Numerator, DensePolynomial Denominator)? TrySplit(Expr e, string x)
    {
        switch (e)
        {
            case Number n: return (Constant(n.Value), Constant(Rational.One));
            case Symbol s when s.Name == x: return (new DensePolynomial([Rational.Zero, Rational.One]), Constant(Rational.One));
            case Sum s:
                {
                    DensePolynomial num = new([]), den = Constant(Rational.One);
                    foreach (var t in s.Terms)
                    {
                        if (TrySplit(t, x) is not var (n2, d2)) return null;
                        num = Add(num * d2, n2 * den);
                        den = den * d2;
                        if (den.Degree > DensePolynomial.MaxDegree / 4) return null;
                    }
                    return Reduce(num, den);
                }
            case Product p:
                {
                    DensePolynomial num = Constant(Rational.One), den = Constant(Rational.One);
                    foreach (var f in p.Factors)
                    {
                        if (TrySplit(f, x) is not var (n2, d2)) return null;
                        num = num * n2;
                        den = den * d2;
                        if (den.Degree + num.Degree > DensePolynomial.MaxDegree / 4) return null;
                    }
                    return (num, den);
                }
            case Power { Exponent: Number k } pw when k.Value.IsInteger && BigInteger.Abs(k.Value.Numerator) <= 64:
                {
                    if (TrySplit(pw.Base, x) is not var (n2, d2)) return null;
                    int m = (int)BigInteger.Abs(k.Value.Numerator);
                    DensePolynomial pn = Constant(Rational.One), pd = Constant(Rational.One);
                    for (int i = 0; i < m; i++) { pn = pn * n2; pd = pd * d2; }
                    if (pn.Degree + pd.Degree > DensePolynomial.MaxDegree / 4) return null;
                    return k.Value.Sign > 0 ? (pn, pd) : (pd, pn);
                }
            default: return null;
        }
    }

    private static (DensePolynomial, DensePolynomial) Reduce(DensePolynomial num, DensePolynomial den)
    {
        var g = DensePolynomial.Gcd(num, den);
        if (g.Degree < 1) return (num, den);
        return (num.DivRem(g).Quotient, den.DivRem(g).Quotient);
    }

    public static DensePolynomial Constant(Rational c) => new([c]);

    public static DensePolynomial Add(DensePolynomial a, DensePolynomial b)
    {
        int n = Math.Max(a.Degree, b.Degree) + 1;
        var r = new Rational[Math.Max(n, 0)];
        for (int i = 0; i < r.Length; i++) r[i] = a[i] + b[i];
        return new DensePolynomial(r);
    }

    public static DensePolynomial Subtract(DensePolynomial a, DensePolynomial b) => Add(a, b.Scale(Rational.MinusOne));
}
