using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>A univariate polynomial with exact rational coefficients, lowest degree first.</summary>
internal sealed class DensePolynomial
{
    private readonly Rational[] _coefficients;

    /// <summary>Creates a polynomial from coefficients c0, c1, …; trailing zeros are dropped.</summary>
    public DensePolynomial(IEnumerable<Rational> coefficients)
    {
        var list = coefficients.ToList();
        while (list.Count > 0 && list[^1].IsZero) list.RemoveAt(list.Count - 1);
        _coefficients = [.. list];
    }

    /// <summary>Degree; −1 for the zero polynomial.</summary>
    public int Degree => _coefficients.Length - 1;
    /// <summary>Coefficient of x^k.</summary>
    public Rational this[int k] => k < _coefficients.Length ? _coefficients[k] : Rational.Zero;
    /// <summary>True for 0.</summary>
    public bool IsZero => _coefficients.Length == 0;
    /// <summary>Leading coefficient (0 for the zero polynomial).</summary>
    public Rational Leading => IsZero ? Rational.Zero : _coefficients[^1];

    /// <summary>Largest degree a conversion accepts; beyond it a sum is not treated as a polynomial.</summary>
    public const int MaxDegree = 512;

    /// <summary>Reads e as a polynomial in the symbol <paramref name="variable"/> with rational coefficients, or null.</summary>
    public static DensePolynomial? From(Expr e, string variable)
    {
        var coefficients = new Dictionary<int, Rational>();
        IEnumerable<Expr> terms = e is Sum s ? s.Terms : [e];
        foreach (var term in terms)
        {
            if (!TryMonomial(term, variable, out var c, out var k)) return null;
            coefficients[k] = coefficients.TryGetValue(k, out var old) ? old + c : c;
        }
        if (coefficients.Count == 0) return new DensePolynomial([]);
        var dense = new Rational[coefficients.Keys.Max() + 1];
        foreach (var (k, c) in coefficients) dense[k] = c;
        return new DensePolynomial(dense);
    }

    private static bool TryMonomial(Expr term, string variable, out Rational coefficient, out int degree)
    {
        coefficient = Rational.One;
        degree = 0;
        IEnumerable<Expr> factors = term is Product p ? p.Factors : [term];
        foreach (var f in factors)
        {
            switch (f)
            {
                case Number n: coefficient *= n.Value; break;
                case Symbol s when s.Name == variable: degree += 1; break;
                case Power { Base: Symbol s, Exponent: Number k } when s.Name == variable && k.Value.IsInteger && k.Value.Sign > 0 && k.Value <= MaxDegree:
                    degree += (int)k.Value.Numerator;
                    break;
                default: return false;
            }
        }
        return degree <= MaxDegree;
    }

    /// <summary>The polynomial as an expression in <paramref name="variable"/>.</summary>
    public Expr ToExpr(Expr variable)
    {
        var terms = new List<Expr>();
        for (int k = 0; k < _coefficients.Length; k++)
            if (!_coefficients[k].IsZero) terms.Add(Expr.Multiply(Expr.FromRational(_coefficients[k]), Expr.Pow(variable, k)));
        return Expr.Add(terms);
    }

    /// <summary>Quotient and remainder of polynomial division.</summary>
    public (DensePolynomial Quotient, DensePolynomial Remainder) DivRem(DensePolynomial divisor)
    {
        if (divisor.IsZero) throw new DivideByZeroException("polynomial division by zero");
        var remainder = (Rational[])_coefficients.Clone();
        int dq = Degree - divisor.Degree;
        if (dq < 0) return (new DensePolynomial([]), this);
        var quotient = new Rational[dq + 1];
        for (int k = dq; k >= 0; k--)
        {
            var c = remainder[k + divisor.Degree] / divisor.Leading;
            quotient[k] = c;
            if (c.IsZero) continue;
            for (int j = 0; j <= divisor.Degree; j++) remainder[k + j] -= c * divisor[j];
        }
        return (new DensePolynomial(quotient), new DensePolynomial(remainder.Take(divisor.Degree)));
    }

    /// <summary>Monic greatest common divisor.</summary>
    public static DensePolynomial Gcd(DensePolynomial a, DensePolynomial b)
    {
        while (!b.IsZero)
        {
            var (_, r) = a.DivRem(b);
            a = b;
            b = r;
        }
        return a.IsZero ? a : a.Scale(Rational.One / a.Leading);
    }

    /// <summary>Multiplies every coefficient.</summary>
    public DensePolynomial Scale(Rational factor) => new(_coefficients.Select(c => c * factor));

    /// <summary>Derivative.</summary>
    public DensePolynomial Derivative() => new(_coefficients.Skip(1).Select((c, i) => c * new Rational(new BigInteger(i + 1))));

    /// <summary>Product.</summary>
    public static DensePolynomial operator *(DensePolynomial a, DensePolynomial b)
    {
        if (a.IsZero || b.IsZero) return new DensePolynomial([]);
        var r = new Rational[a.Degree + b.Degree + 1];
        for (int i = 0; i <= a.Degree; i++)
            for (int j = 0; j <= b.Degree; j++) r[i + j] += a[i] * b[j];
        return new DensePolynomial(r);
    }
}
