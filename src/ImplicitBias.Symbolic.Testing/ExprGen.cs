using FsCheck;
using FsCheck.Fluent;

namespace ImplicitBias.Symbolic.Testing;

/// <summary>
/// A generated expression over the symbols x and y (each with a domain, often the whole line) together with a
/// point inside those domains at which to evaluate it.
/// </summary>
/// <param name="Expression">The expression.</param>
/// <param name="X">The symbol x (with its domain).</param>
/// <param name="Y">The symbol y (with its domain).</param>
/// <param name="PointX">A value of x inside its domain.</param>
/// <param name="PointY">A value of y inside its domain.</param>
public sealed record ExprCase(Expr Expression, Symbol X, Symbol Y, double PointX, double PointY)
{
    /// <summary>The bindings for evaluation at the case's point.</summary>
    public Dictionary<string, double> Bindings => new() { ["x"] = PointX, ["y"] = PointY };

    /// <summary>The assumptions that reproduce the symbols' domains when parsing.</summary>
    public Assumptions Assumptions => Assumptions.None.With("x", X.Domain).With("y", Y.Domain);

    /// <summary>Shown by FsCheck for a failing case.</summary>
    public override string ToString() =>
        $"{Expression}   with x ∈ {X.Domain}, y ∈ {Y.Domain}, at x = {PointX:R}, y = {PointY:R}";
}

/// <summary>
/// Generators of random expressions of the supported node classes (numbers, symbols, sums, products, powers and calls
/// of every supported function), built through the Expr builders (never from strings), of bounded depth and size.
/// </summary>
public static class ExprGen
{
    /// <summary>Maximum nesting of generated operations.</summary>
    public const int MaxDepth = 4;

    /// <summary>Maximum number of nodes (<see cref="Expr.NodeCount"/>) of a generated expression.</summary>
    public const int MaxNodes = 160;

    /// <summary>
    /// The expression itself when it has at most <paramref name="maxNodes"/> nodes, else its largest subexpression
    /// that does (descending into the largest child): a size bound that never rejects a case.
    /// </summary>
    /// <param name="e">The expression.</param>
    /// <param name="maxNodes">The bound (at least 1).</param>
    public static Expr Bounded(Expr e, int maxNodes = MaxNodes)
    {
        ArgumentNullException.ThrowIfNull(e);
        while (e.NodeCount() > Math.Max(1, maxNodes))
            e = e.Children.MaxBy(c => c.NodeCount())!;
        return e;
    }

    /// <summary>Domains a generated symbol may carry (the whole line is the most frequent).</summary>
    public static readonly Interval[] Domains =
    [
        Interval.Real, Interval.Real, Interval.Real,
        Interval.Positive, Interval.NonNegative, Interval.Negative, Interval.NonZero,
        Interval.Open(-1, 1), Interval.Open(0, Math.PI / 2), Interval.Closed(1, 3),
    ];

    private static readonly Expr[] Exponents =
    [
        Expr.Integer(2), Expr.Integer(3), Expr.MinusOne, Expr.Integer(-2), Expr.Half, Expr.Fraction(-1, 2),
        Expr.Fraction(1, 3), Expr.Fraction(2, 3), Expr.Fraction(3, 2), Expr.Fraction(-1, 3), Expr.Fraction(5, 2),
    ];

    /// <summary>Small exact rationals p/q with |p| ≤ 4 and q ≤ 3.</summary>
    public static Gen<Expr> SmallRational =>
        from p in Gen.Choose(-4, 4)
        from q in Gen.Choose(1, 3)
        select (Expr)Expr.Fraction(p, q);

    /// <summary>A few floating-point constants.</summary>
    public static Gen<Expr> SmallReal => Gen.Elements(0.5, -1.25, 2.0, 0.1, 3.75).Select(v => (Expr)Expr.FromDouble(v));

    /// <summary>
    /// Expressions over x and y with all functions, rational powers and variable powers, nesting at most
    /// <paramref name="depth"/> operations and with at most <see cref="MaxNodes"/> nodes.
    /// </summary>
    /// <param name="x">The first symbol.</param>
    /// <param name="y">The second symbol.</param>
    /// <param name="depth">Maximum nesting.</param>
    /// <param name="withReals">Allow floating-point constants (else only exact rationals and π).</param>
    public static Gen<Expr> Expressions(Symbol x, Symbol y, int depth, bool withReals = true) =>
        Unbounded(x, y, depth, withReals).Select(e => Bounded(e));

    private static Gen<Expr> Unbounded(Symbol x, Symbol y, int depth, bool withReals)
    {
        var leafChoices = new List<(int, Gen<Expr>)>
        {
            (6, Gen.Elements<Expr>(x, y)),
            (2, SmallRational),
            (1, Gen.Constant<Expr>(Expr.Pi)),
        };
        if (withReals) leafChoices.Add((1, SmallReal));
        var leaf = Gen.Frequency(leafChoices);
        if (depth == 0) return leaf;
        var sub = Unbounded(x, y, depth - 1, withReals);
        var unary =
            from f in Gen.Elements(Enum.GetValues<Function>())
            from a in sub
            select Safe(() => Expr.Apply(f, a), a);
        var binary =
            from op in Gen.Choose(0, 3)
            from a in sub
            from b in sub
            select Safe(() => op switch { 0 => a + b, 1 => a - b, 2 => a * b, _ => a / b }, a);
        var power =
            from a in sub
            from k in Gen.Elements(Exponents)
            select Safe(() => Expr.Pow(a, k), a);
        var variablePower =
            from a in sub
            from b in sub
            select Safe(() => Expr.Pow(a, b), a);
        var sqrt = sub.Select(a => Safe(() => Expr.Sqrt(a), a));
        return Gen.Frequency(
            (1, leaf), (4, unary), (4, binary), (2, power), (1, sqrt), (1, variablePower), (3, Patterns(sub, x, y)));
    }

    /// <summary>Shapes the simplifier has rules for: compositions f(g(u)), powers of powers, Pythagorean sums,
    /// exp·exp, logs of powers and products, common factors and polynomial quotients.</summary>
    private static Gen<Expr> Patterns(Gen<Expr> sub, Symbol x, Symbol y)
    {
        var functions = Gen.Elements(Enum.GetValues<Function>());
        var composition =
            from f in functions
            from g in functions
            from a in sub
            select Safe(() => Expr.Apply(f, Expr.Apply(g, a)), a);
        var powerOfPower =
            from a in sub
            from k1 in Gen.Elements(Exponents)
            from k2 in Gen.Elements(Exponents)
            select Safe(() => Expr.Pow(Expr.Pow(a, k1), k2), a);
        var pythagorean =
            from a in sub
            from r in sub
            from hyperbolic in Gen.Elements(false, true)
            select Safe(() => hyperbolic
                ? r * Expr.Pow(Expr.Cosh(a), 2) - r * Expr.Pow(Expr.Sinh(a), 2) + a
                : r * Expr.Pow(Expr.Sin(a), 2) + r * Expr.Pow(Expr.Cos(a), 2) - a, a);
        var exponentials =
            from a in sub
            from b in sub
            select Safe(() => Expr.Exp(a) * Expr.Exp(b) * b, a);
        var logs =
            from a in sub
            from b in sub
            from k in Gen.Elements(Exponents)
            select Safe(() => Expr.Log(Expr.Pow(a, k)) + Expr.Log(a * b), a);
        var commonFactor =
            from a in sub
            from b in sub
            from c in sub
            select Safe(() => (a * b + a * c) / a, a);
        var polynomialQuotient =
            from n in Gen.Choose(1, 4)
            from r in Gen.Choose(-2, 2)
            from v in Gen.Elements(x, y)
            from a in sub
            select Safe(() => (Expr.Pow(v, n + 1) - Expr.Pow(Expr.Integer(r), n + 1)) / (v - r) + a, a);
        var absSign =
            from f in Gen.Elements(Function.Abs, Function.Sign)
            from a in sub
            from b in sub
            select Safe(() => Expr.Apply(f, a * b), a);
        return Gen.OneOf(composition, composition, powerOfPower, pythagorean, exponentials, logs, commonFactor,
            polynomialQuotient, absSign);
    }

    /// <summary>A builder that may reject its input (division by zero, overflow) falls back to an operand.</summary>
    private static Expr Safe(Func<Expr> build, Expr fallback)
    {
        try { return build(); }
        catch (SymbolicException) { return fallback; }
    }

    /// <summary>A point strictly inside the domain, in a moderate range [−4, 4] (the midpoint when
    /// that range misses it).</summary>
    /// <param name="domain">The domain.</param>
    public static Gen<double> PointIn(Interval domain)
    {
        double lo = Math.Max(domain.Lo, -4), hi = Math.Min(domain.Hi, 4);
        return Gen.Choose(1, 9999).Select(i =>
        {
            double t = lo + (hi - lo) * (i / 10000.0);
            return domain.Contains(t) ? t : domain.Midpoint;
        });
    }

    /// <summary>A symbol named <paramref name="name"/> with a random domain (or always the real line).</summary>
    /// <param name="name">The symbol's name.</param>
    /// <param name="withDomains">Draw a domain from <see cref="Domains"/> (else the real line).</param>
    public static Gen<Symbol> Symbols(string name, bool withDomains) =>
        withDomains ? Gen.Elements(Domains).Select(d => Expr.Var(name, d)) : Gen.Constant(Expr.Var(name));

    /// <summary>Cases: symbols with domains, an expression, and a point in the domains.</summary>
    /// <param name="withDomains">Give the symbols random domains (else the real line).</param>
    /// <param name="withReals">Allow floating-point constants.</param>
    /// <param name="depth">Maximum nesting.</param>
    public static Gen<ExprCase> Cases(bool withDomains = true, bool withReals = true, int depth = MaxDepth) =>
        from x in Symbols("x", withDomains)
        from y in Symbols("y", withDomains)
        from d in Gen.Choose(Math.Min(2, depth), depth)
        from e in Expressions(x, y, d, withReals)
        from px in PointIn(x.Domain)
        from py in PointIn(y.Domain)
        select new ExprCase(e, x, y, px, py);

    /// <summary>Smaller cases: each child of the expression (same symbols and point).</summary>
    /// <param name="c">The case to shrink.</param>
    public static IEnumerable<ExprCase> Shrink(ExprCase c) =>
        c.Expression.Children.Select(child => c with { Expression = child });

    /// <summary>The arbitrary FsCheck uses for <see cref="ExprCase"/>.</summary>
    /// <param name="withDomains">Give the symbols random domains (else the real line).</param>
    /// <param name="withReals">Allow floating-point constants.</param>
    public static Arbitrary<ExprCase> CaseArbitrary(bool withDomains = true, bool withReals = true) =>
        Arb.From(Cases(withDomains, withReals), Shrink);

    // ------------------------------------------------------------ smooth expressions on the real line

    /// <summary>Small exact rationals n/d with |n| ≤ 9 and d ∈ {1, 2, 3, 4} (1 most often).</summary>
    public static Gen<Expr> Coefficient =>
        from n in Gen.Choose(-9, 9)
        from d in Gen.Elements(1, 1, 1, 2, 3, 4)
        select (Expr)Expr.Fraction(n, d);

    /// <summary>
    /// Unary constructions that are smooth on the whole real line: each function is applied inside its domain (log of a
    /// positive argument, acosh of an argument above 1, atanh inside (−1, 1), …).
    /// </summary>
    private static readonly Func<Expr, Expr>[] SmoothWrappers =
    [
        Expr.Sin, Expr.Cos, Expr.Atan, Expr.Tanh, Expr.Asinh, Expr.Erf,
        u => Expr.Sinh(u / 2),
        u => Expr.Cosh(u / 2),
        u => Expr.Exp(Expr.Sin(u)),
        u => Expr.Exp(-Expr.Pow(u, 2)),
        u => Expr.Log(1 + Expr.Pow(u, 2)),
        u => Expr.Log(2 + Expr.Cos(u)),
        u => Expr.Sqrt(1 + Expr.Pow(u, 2)),
        u => Expr.Pow(2 + Expr.Sin(u), Expr.Fraction(-3, 2)),
        u => Expr.Pow(1 + Expr.Pow(u, 2), Expr.Fraction(1, 3)),
        u => Expr.Pow(u, 3),
        u => 1 / (1 + Expr.Pow(u, 2)),
        u => Expr.Acosh(2 + Expr.Pow(u, 2)),
        u => Expr.Atanh(Expr.Tanh(u) / 2),
        u => Expr.Asin(Expr.Sin(u) / 2),
        u => Expr.Acos(Expr.Cos(u) / 3),
        u => Expr.Tan(Expr.Atan(u) / 2),
        u => Expr.Pow(2 + Expr.Cos(u), Expr.Sin(u)),
    ];

    /// <summary>
    /// Expressions in <paramref name="x"/> that are smooth (C^∞) on the whole real line and finite in double precision
    /// on [−4, 4], nesting at most <paramref name="depth"/> operations and with at most <see cref="MaxNodes"/> nodes:
    /// for derivative and compilation checks at any moderate point.
    /// </summary>
    /// <param name="x">The variable.</param>
    /// <param name="depth">Maximum nesting (0 gives x, a constant or an affine c·x + d).</param>
    public static Gen<Expr> Smooth(Symbol x, int depth = 3) => SmoothOfDepth(x, depth).Select(e => Bounded(e));

    /// <summary><see cref="Smooth(Symbol, int)"/> with a depth growing with FsCheck's size (1 to 4).</summary>
    /// <param name="x">The variable.</param>
    public static Gen<Expr> SmoothSized(Symbol x) => Gen.Sized(size => Smooth(x, 1 + Math.Min(3, size / 25)));

    private static Gen<Expr> SmoothOfDepth(Symbol x, int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Constant<Expr>(x),
            Coefficient,
            from c in Coefficient from d in Coefficient select Safe(() => c * x + d, x));
        if (depth <= 0) return leaf;
        var sub = SmoothOfDepth(x, depth - 1);
        return Gen.Frequency(
            (1, leaf),
            (4, from f in Gen.Elements(SmoothWrappers) from u in sub select FiniteOrElse(Safe(() => f(u), u), u, x)),
            (2, from a in sub from b in sub select Safe(() => a + b, a)),
            (2, from a in sub from b in sub select Safe(() => a * b, a)),
            (1, from a in sub from b in sub select Safe(() => a - b, a)),
            (1, from a in sub from b in sub select Safe(() => a / (2 + Expr.Sin(b)), a)));
    }

    /// <summary>
    /// <paramref name="e"/> when it is finite on a grid of [−4, 4], else <paramref name="fallback"/>: cosh and powers
    /// of growing arguments overflow (sin(cosh(17³/2)) is NaN in doubles although smooth in the reals).
    /// </summary>
    private static Expr FiniteOrElse(Expr e, Expr fallback, Symbol x)
    {
        const int points = 128;
        for (int i = 0; i <= points; i++)
            if (!double.IsFinite(e.Evaluate(x.Name, -4 + 8.0 * i / points))) return fallback;
        return e;
    }

    /// <summary>Shrinks an expression to its subexpressions (a failing case usually survives in one of them).</summary>
    /// <param name="e">The expression.</param>
    public static IEnumerable<Expr> ShrinkExpr(Expr e) => e.Children;
}
