using FsCheck;
using FsCheck.Fluent;

namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>
/// A generated expression over the symbols x and y (each with a domain, often the whole line) together with a
/// point inside those domains at which to evaluate it.
/// </summary>
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

/// <summary>Generators of random expressions, built through the Expr builders (never from strings).</summary>
public static class ExprGenerators
{
    /// <summary>Maximum nesting of generated operations.</summary>
    public const int MaxDepth = 4;

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

    /// <summary>Expressions over x and y with all functions, rational powers and variable powers.</summary>
    public static Gen<Expr> Expressions(Symbol x, Symbol y, int depth, bool withReals = true)
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
        var sub = Expressions(x, y, depth - 1, withReals);
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
        return Gen.OneOf(composition, composition, powerOfPower, pythagorean, exponentials, logs, commonFactor, polynomialQuotient, absSign);
    }

    /// <summary>A builder that may reject its input (division by zero, overflow) falls back to an operand.</summary>
    private static Expr Safe(Func<Expr> build, Expr fallback)
    {
        try { return build(); }
        catch (SymbolicException) { return fallback; }
    }

    /// <summary>A point strictly inside the domain, in a moderate range.</summary>
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
    public static Gen<Symbol> Symbols(string name, bool withDomains) =>
        withDomains ? Gen.Elements(Domains).Select(d => Expr.Var(name, d)) : Gen.Constant(Expr.Var(name));

    /// <summary>Cases: symbols with domains, an expression, and a point in the domains.</summary>
    public static Gen<ExprCase> Cases(bool withDomains = true, bool withReals = true, int depth = MaxDepth) =>
        from x in Symbols("x", withDomains)
        from y in Symbols("y", withDomains)
        from d in Gen.Choose(Math.Min(2, depth), depth)
        from e in Expressions(x, y, d, withReals)
        from px in PointIn(x.Domain)
        from py in PointIn(y.Domain)
        select new ExprCase(e, x, y, px, py);

    /// <summary>Smaller cases: each child of the expression (same symbols and point).</summary>
    public static IEnumerable<ExprCase> Shrink(ExprCase c) =>
        c.Expression.Children.Select(child => c with { Expression = child });

    /// <summary>The arbitrary FsCheck uses for <see cref="ExprCase"/>.</summary>
    public static Arbitrary<ExprCase> CaseArbitrary(bool withDomains = true, bool withReals = true) =>
        Arb.From(Cases(withDomains, withReals), Shrink);
}

/// <summary>Registered with [Property(Arbitrary = …)]: expressions over x, y with domains and floats.</summary>
public static class ExprArbitraries
{
    /// <summary>Random expressions with domains and points.</summary>
    public static Arbitrary<ExprCase> Cases() => ExprGenerators.CaseArbitrary();
}
