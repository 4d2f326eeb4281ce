namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// ℚ(θ) for a real algebraic number θ written as an expression (√2, 5^(1/4), √(2√3)): its elements are
/// polynomials in θ of degree below that of θ's minimal polynomial, so the arithmetic is exact and an element is
/// zero exactly when it is 0; values and expressions come from θ's.
/// </summary>
internal sealed class RealNumberField
{
    private static readonly Symbol Theta = Expr.Var("theta");
    private readonly Expr _generator;
    private readonly Polynomial _minimal;
    private readonly double _value;
    private readonly WorkBudget _budget;

    private RealNumberField(Expr generator, Polynomial minimal, double value, WorkBudget budget)
    {
        _generator = generator;
        _minimal = minimal;
        _value = value;
        _budget = budget;
    }

    /// <summary>
    /// ℚ(θ) for θ = <paramref name="generator"/>, a root of the polynomial with rational coefficients
    /// <paramref name="defining"/> (lowest degree first): its minimal polynomial is the irreducible factor that
    /// vanishes at θ's value. Null when no factor does (θ is not a root, or not real).
    /// </summary>
    public static RealNumberField? Create(Expr generator, IReadOnlyList<Rational> defining, WorkBudget budget)
    {
        double value = generator.Evaluate();
        if (!double.IsFinite(value)) return null;
        var factorization = PolynomialFactorizer.Factor(Polynomial.Univariate(defining, Theta), budget);
        foreach (var (factor, _) in factorization.Factors)
        {
            var coefficients = factor.WithGenerators([Theta]).UnivariateCoefficients(0);
            double at = Horner(coefficients, value);
            double scale = Horner([.. coefficients.Select(c => c.Abs())], Math.Abs(value));
            if (Math.Abs(at) <= 1e-9 * Math.Max(1, scale))
                return new RealNumberField(generator, factor.WithGenerators([Theta]), value, budget);
        }
        return null;
    }

    /// <summary>The rational number r.</summary>
    public Polynomial Of(Rational r) => Polynomial.Constant(r, [Theta]);

    /// <summary>θ.</summary>
    public Polynomial Root => Reduce(Polynomial.Generator(Theta));

    /// <summary>The product.</summary>
    public Polynomial Multiply(Polynomial a, Polynomial b) => Reduce(Polynomial.Multiply(a, b, _budget));

    /// <summary>The inverse of a nonzero element.</summary>
    /// <exception cref="DivideByZeroException">a is 0.</exception>
    public Polynomial Inverse(Polynomial a)
    {
        var inverse = FieldPolynomial.InverseModulo(FieldPolynomial.From(a, 0, _budget),
            FieldPolynomial.From(_minimal, 0, _budget)) ?? throw new DivideByZeroException("0 has no inverse");
        return Polynomial.Univariate(inverse.RationalCoefficients()!, Theta);
    }

    /// <summary>The value of an element in floating point.</summary>
    public double Value(Polynomial a) => Horner(a.WithGenerators([Theta]).UnivariateCoefficients(0), _value);

    /// <summary>The element as an expression in θ's expression.</summary>
    public Expr ToExpr(Polynomial a) => a.ToExpr().Substitute(Theta.Name, _generator).ApplyIdentities();

    private Polynomial Reduce(Polynomial a) => a.WithGenerators([Theta]).DivRem(_minimal, _budget).Remainder;

    private static double Horner(IReadOnlyList<Rational> coefficients, double x)
    {
        double acc = 0;
        for (int k = coefficients.Count - 1; k >= 0; k--) acc = acc * x + coefficients[k].ToDouble();
        return acc;
    }
}
