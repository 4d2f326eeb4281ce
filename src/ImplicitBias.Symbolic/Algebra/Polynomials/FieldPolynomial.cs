namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// A polynomial in one generator x whose coefficients lie in the field of rational functions of the other
/// generators (parameters and kernels free of x), dense, lowest degree first: the univariate view that division
/// with remainder, the extended Euclidean algorithm and partial fractions with parameters need.
/// </summary>
internal sealed class FieldPolynomial
{
    private readonly RationalFunction[] _coefficients;
    private readonly WorkBudget _budget;

    private FieldPolynomial(RationalFunction[] coefficients, WorkBudget budget)
    {
        int n = coefficients.Length;
        while (n > 0 && coefficients[n - 1].IsZero) n--;
        _coefficients = n == coefficients.Length ? coefficients : coefficients[..n];
        _budget = budget;
    }

    /// <summary>The degree (−1 for 0).</summary>
    public int Degree => _coefficients.Length - 1;

    /// <summary>True for 0.</summary>
    public bool IsZero => _coefficients.Length == 0;

    /// <summary>The coefficient of x^k.</summary>
    public RationalFunction this[int k] => k < _coefficients.Length ? _coefficients[k] : Zero;

    private static RationalFunction Zero => RationalFunction.Constant(Rational.Zero, []);

    /// <summary>p as a polynomial in generator <paramref name="index"/> (its other generators
    /// go into coefficients).</summary>
    public static FieldPolynomial From(Polynomial p, int index, WorkBudget budget) =>
        new([.. p.CoefficientsIn(index).Select(RationalFunction.FromPolynomial)], budget);

    /// <summary>A constant.</summary>
    public static FieldPolynomial Constant(RationalFunction c, WorkBudget budget) => new([c], budget);

    /// <summary>Σ cₖ·x^k as an expression.</summary>
    public Expr ToExpr(Expr x) =>
        Expr.Add(_coefficients.Select((c, k) => c.IsZero ? Expr.Zero : c.ToExpr() * Expr.Pow(x, k)));

    /// <summary>this + sign·other.</summary>
    public FieldPolynomial Add(FieldPolynomial other, int sign = 1)
    {
        var result = new RationalFunction[Math.Max(_coefficients.Length, other._coefficients.Length)];
        for (int k = 0; k < result.Length; k++)
        {
            var b = sign > 0 ? other[k] : -other[k];
            result[k] = RationalFunction.Add(this[k], b, _budget);
        }
        return new FieldPolynomial(result, _budget);
    }

    /// <summary>The product.</summary>
    public FieldPolynomial Multiply(FieldPolynomial other)
    {
        if (IsZero || other.IsZero) return new FieldPolynomial([], _budget);
        var result = Enumerable.Repeat(Zero, Degree + other.Degree + 1).ToArray();
        for (int i = 0; i <= Degree; i++)
            for (int j = 0; j <= other.Degree; j++)
                result[i + j] = RationalFunction.Add(result[i + j],
                    RationalFunction.Multiply(_coefficients[i], other._coefficients[j], _budget), _budget);
        return new FieldPolynomial(result, _budget);
    }

    /// <summary>The power with a non-negative exponent.</summary>
    public FieldPolynomial Pow(int exponent)
    {
        var result = Constant(RationalFunction.Constant(Rational.One, []), _budget);
        for (int i = 0; i < exponent; i++) result = result.Multiply(this);
        return result;
    }

    /// <summary>The derivative in x.</summary>
    public FieldPolynomial Derivative() => new([.. _coefficients.Skip(1).Select((c, k) =>
        RationalFunction.Multiply(c, RationalFunction.Constant(k + 1, []), _budget))], _budget);

    /// <summary>The coefficients as rational numbers, lowest degree first; null when one holds a generator.</summary>
    public Rational[]? RationalCoefficients()
    {
        var result = new Rational[_coefficients.Length];
        for (int k = 0; k < result.Length; k++)
        {
            var c = _coefficients[k];
            if (!c.Numerator.IsConstant || !c.Denominator.IsConstant) return null;
            result[k] = c.Numerator.ConstantTerm / c.Denominator.ConstantTerm;
        }
        return result;
    }

    /// <summary>Quotient and remainder of division by a nonzero divisor.</summary>
    public (FieldPolynomial Quotient, FieldPolynomial Remainder) DivRem(FieldPolynomial divisor)
    {
        if (divisor.IsZero) throw new DivideByZeroException("polynomial division by zero");
        var remainder = (RationalFunction[])_coefficients.Clone();
        int dq = Degree - divisor.Degree;
        if (dq < 0) return (new FieldPolynomial([], _budget), this);
        var quotient = new RationalFunction[dq + 1];
        var inverse = divisor._coefficients[^1].Reciprocal();
        for (int k = dq; k >= 0; k--)
        {
            var c = RationalFunction.Multiply(remainder[k + divisor.Degree], inverse, _budget);
            quotient[k] = c;
            if (c.IsZero) continue;
            for (int j = 0; j <= divisor.Degree; j++)
                remainder[k + j] = RationalFunction.Add(remainder[k + j],
                    -RationalFunction.Multiply(c, divisor._coefficients[j], _budget), _budget);
        }
        return (new FieldPolynomial(quotient, _budget), new FieldPolynomial(remainder[..divisor.Degree], _budget));
    }

    /// <summary>s with s·a ≡ 1 modulo m, for a coprime to m (the extended Euclidean algorithm);
    /// null when not coprime.</summary>
    public static FieldPolynomial? InverseModulo(FieldPolynomial a, FieldPolynomial m)
    {
        var budget = m._budget;
        FieldPolynomial r0 = m, r1 = a.DivRem(m).Remainder;
        FieldPolynomial s0 = new([], budget), s1 = Constant(RationalFunction.Constant(Rational.One, []), budget);
        while (!r1.IsZero)
        {
            var (q, r) = r0.DivRem(r1);
            (r0, r1) = (r1, r);
            (s0, s1) = (s1, s0.Add(q.Multiply(s1), -1));
        }
        if (r0.Degree != 0) return null;
        var scale = Constant(r0[0].Reciprocal(), budget);
        return s0.Multiply(scale).DivRem(m).Remainder;
    }
}
