using System.Collections.Immutable;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// A quotient of polynomials in lowest terms: numerator and denominator are coprime, and the denominator is
/// normalized (coprime integer coefficients, positive leading coefficient), so every rational function has exactly
/// one representation over a given generator list. Zero is 0/1.
/// </summary>
public sealed class RationalFunction : IEquatable<RationalFunction>
{
    private RationalFunction(Polynomial numerator, Polynomial denominator)
    {
        // one generator list for both, so an index into Generators is an index into each
        (Numerator, Denominator) = Polynomial.Unify(numerator, denominator);
    }

    /// <summary>The numerator.</summary>
    public Polynomial Numerator { get; }

    /// <summary>The denominator, normalized.</summary>
    public Polynomial Denominator { get; }

    /// <summary>The generators (shared by numerator and denominator).</summary>
    public ImmutableArray<Expr> Generators => Numerator.Generators;

    /// <summary>True for 0.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>True when the denominator is 1.</summary>
    public bool IsPolynomial => Denominator.IsConstant;

    /// <summary>A polynomial as a rational function.</summary>
    public static RationalFunction FromPolynomial(Polynomial p) =>
        new(p, Polynomial.Constant(Rational.One, p.Generators));

    /// <summary>A constant over the given generators.</summary>
    public static RationalFunction Constant(Rational value, ImmutableArray<Expr> generators) =>
        FromPolynomial(Polynomial.Constant(value, generators));

    /// <summary>n/d in lowest terms.</summary>
    /// <exception cref="DivideByZeroException">d is 0.</exception>
    public static RationalFunction Create(Polynomial numerator, Polynomial denominator) =>
        Create(numerator, denominator, new WorkBudget());

    internal static RationalFunction Create(Polynomial numerator, Polynomial denominator, WorkBudget budget)
    {
        (numerator, denominator) = Polynomial.Unify(numerator, denominator);
        if (denominator.IsZero) throw new DivideByZeroException("rational function with a zero denominator");
        if (numerator.IsZero) return Constant(Rational.Zero, numerator.Generators);
        var g = PolynomialGcd.Gcd(numerator, denominator, budget);
        if (!g.IsConstant)
        {
            numerator = numerator.TryDivide(g, budget)!;
            denominator = denominator.TryDivide(g, budget)!;
        }
        return Normalize(numerator, denominator);
    }

    /// <summary>n/d for coprime n and d: the unit of d moves into n.</summary>
    private static RationalFunction Normalize(Polynomial numerator, Polynomial denominator)
    {
        var normalized = denominator.Normalized();
        var unit = denominator.LeadingCoefficient / normalized.LeadingCoefficient;
        return new RationalFunction(numerator.Scale(Rational.One / unit), normalized);
    }

    // ---------------- arithmetic ----------------

    /// <summary>Sum.</summary>
    public static RationalFunction operator +(RationalFunction a, RationalFunction b) => Add(a, b, new WorkBudget());

    /// <summary>Difference.</summary>
    public static RationalFunction operator -(RationalFunction a, RationalFunction b) => Add(a, -b, new WorkBudget());

    /// <summary>Negation.</summary>
    public static RationalFunction operator -(RationalFunction a) => new(-a.Numerator, a.Denominator);

    /// <summary>Product.</summary>
    public static RationalFunction operator *(RationalFunction a, RationalFunction b) =>
        Multiply(a, b, new WorkBudget());

    /// <summary>Quotient.</summary>
    /// <exception cref="DivideByZeroException">b is 0.</exception>
    public static RationalFunction operator /(RationalFunction a, RationalFunction b) =>
        Multiply(a, b.Reciprocal(), new WorkBudget());

    private bool IsConstantValue => Numerator.IsConstant && Denominator.IsConstant;

    /// <summary>this times a nonzero rational (still in lowest terms).</summary>
    private RationalFunction Scaled(Rational c) => new(Numerator.Scale(c), Denominator);

    /// <summary>1/this.</summary>
    /// <exception cref="DivideByZeroException">This is 0.</exception>
    public RationalFunction Reciprocal()
    {
        if (IsZero) throw new DivideByZeroException("reciprocal of the zero rational function");
        return Normalize(Denominator, Numerator);
    }

    /// <summary>An integer power (negative exponents invert).</summary>
    public RationalFunction Pow(int exponent) => Pow(exponent, new WorkBudget());

    internal RationalFunction Pow(int exponent, WorkBudget budget)
    {
        var positive = new RationalFunction(Numerator.Pow(Math.Abs(exponent), budget),
            Denominator.Pow(Math.Abs(exponent), budget));
        return exponent >= 0 ? Normalize(positive.Numerator, positive.Denominator) : positive.Reciprocal();
    }

    /// <summary>a + b through the gcd of the denominators (the numerator only shares factors with that gcd).</summary>
    internal static RationalFunction Add(RationalFunction a, RationalFunction b, WorkBudget budget)
    {
        if (a.IsZero) return b;
        if (b.IsZero) return a;
        if (a.Denominator.IsConstant && b.Denominator.IsConstant)
            return new RationalFunction(a.Numerator.Scale(Rational.One / a.Denominator.ConstantTerm)
                + b.Numerator.Scale(Rational.One / b.Denominator.ConstantTerm), Polynomial.Constant(Rational.One,
                Polynomial.Union(a.Generators, b.Generators)));
        if (a.Denominator.Equals(b.Denominator))
            return Create(a.Numerator + b.Numerator, a.Denominator, budget);
        var g = PolynomialGcd.Gcd(a.Denominator, b.Denominator, budget);
        var aCofactor = a.Denominator.TryDivide(g, budget)!;
        var bCofactor = b.Denominator.TryDivide(g, budget)!;
        var numerator = Polynomial.Multiply(a.Numerator, bCofactor, budget)
            + Polynomial.Multiply(b.Numerator, aCofactor, budget);
        if (numerator.IsZero) return Constant(Rational.Zero, numerator.Generators);
        var common = PolynomialGcd.Gcd(numerator, g, budget);
        var denominator = Polynomial.Multiply(aCofactor, b.Denominator, budget);
        if (!common.IsConstant)
        {
            numerator = numerator.TryDivide(common, budget)!;
            denominator = denominator.TryDivide(common, budget)!;
        }
        return Normalize(numerator, denominator);
    }

    /// <summary>a·b, cancelling across (gcd(a.num, b.den) and gcd(b.num, a.den)).</summary>
    internal static RationalFunction Multiply(RationalFunction a, RationalFunction b, WorkBudget budget)
    {
        if (a.IsZero || b.IsZero) return Constant(Rational.Zero, Polynomial.Union(a.Generators, b.Generators));
        if (a.IsConstantValue) return b.Scaled(a.Numerator.ConstantTerm / a.Denominator.ConstantTerm);
        if (b.IsConstantValue) return a.Scaled(b.Numerator.ConstantTerm / b.Denominator.ConstantTerm);
        var g1 = PolynomialGcd.Gcd(a.Numerator, b.Denominator, budget);
        var g2 = PolynomialGcd.Gcd(b.Numerator, a.Denominator, budget);
        var numerator = Polynomial.Multiply(a.Numerator.TryDivide(g1, budget)!, b.Numerator.TryDivide(g2, budget)!,
            budget);
        var denominator = Polynomial.Multiply(a.Denominator.TryDivide(g2, budget)!,
            b.Denominator.TryDivide(g1, budget)!, budget);
        return Normalize(numerator, denominator);
    }

    // ---------------- conversion ----------------

    /// <summary>numerator/denominator as a canonical expression (both expanded).</summary>
    public Expr ToExpr() => IsPolynomial
        ? Numerator.Scale(Rational.One / Denominator.LeadingCoefficient).ToExpr()
        : Expr.Divide(Numerator.ToExpr(), Denominator.ToExpr());

    /// <inheritdoc/>
    public bool Equals(RationalFunction? other) =>
        other is not null && Numerator.Equals(other.Numerator) && Denominator.Equals(other.Denominator);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RationalFunction r && Equals(r);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>The text form of <see cref="ToExpr"/>.</summary>
    public override string ToString() => ToExpr().ToString();
}
