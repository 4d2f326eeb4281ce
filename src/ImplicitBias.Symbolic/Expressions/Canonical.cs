using System.Collections.Immutable;
using System.Numerics;

namespace ImplicitBias.Symbolic;

/// <summary>
/// The canonicalizing constructors behind every builder. Only identities that hold wherever the input is
/// defined are applied here (flattening, ordering, collecting like terms and powers, exact arithmetic, parity
/// and special values); anything that needs an assumption is left to Simplify.
/// </summary>
internal static class Canonical
{
    // ---------------- sums ----------------

    public static Expr Add(IReadOnlyList<Expr> terms)
    {
        if (terms.Count == 0) return Expr.Zero;
        if (terms.Count == 1) return terms[0];
        var constant = Coefficient.Zero;
        var collected = new Dictionary<Expr, Coefficient>();
        var order = new List<Expr>();

        void AddTerm(Expr t)
        {
            switch (t)
            {
                case Number or Real: constant = constant.Plus(Coefficient.Of(t)); break;
                case Sum s: foreach (var u in s.Terms) AddTerm(u); break;
                default:
                    var (c, m) = SplitCoefficient(t);
                    if (collected.TryGetValue(m, out var old)) collected[m] = old.Plus(c);
                    else { collected[m] = c; order.Add(m); }
                    break;
            }
        }
        foreach (var t in terms) AddTerm(t);

        var result = new List<Expr>(order.Count + 1);
        foreach (var m in order)
        {
            var c = collected[m];
            if (c.IsZero) continue;
            result.Add(c.IsOne ? m : AttachCoefficient(c.ToExpr(), m));
        }
        result.Sort(ExprOrder.Compare);
        if (!constant.IsZero) result.Insert(0, constant.ToExpr());
        return result.Count switch
        {
            0 => Expr.Zero,
            1 => result[0],
            _ => new Sum([.. result]),
        };
    }

    /// <summary>A term as (numeric coefficient, the rest): 3*x*y → (3, x*y); x → (1, x).</summary>
    public static (Coefficient Coefficient, Expr Monomial) SplitCoefficient(Expr term)
    {
        if (term is Product p && p.Factors[0].IsNumber)
        {
            var rest = p.Factors.Length == 2 ? p.Factors[1] : new Product(p.Factors.RemoveAt(0));
            return (Coefficient.Of(p.Factors[0]), rest);
        }
        return (Coefficient.One, term);
    }

    /// <summary>c·m for a monomial m that carries no coefficient of its own.</summary>
    private static Expr AttachCoefficient(Expr c, Expr m) =>
        m is Product p ? new Product(p.Factors.Insert(0, c)) : new Product([c, m]);

    // ---------------- products ----------------

    public static Expr Multiply(IReadOnlyList<Expr> factors)
    {
        if (factors.Count == 0) return Expr.One;
        if (factors.Count == 1) return factors[0];
        var coefficient = Coefficient.One;
        var exponents = new Dictionary<Expr, List<Expr>>();
        var originals = new Dictionary<Expr, Expr>();
        var order = new List<Expr>();

        void AddFactor(Expr f)
        {
            switch (f)
            {
                case Number or Real: coefficient = coefficient.Times(Coefficient.Of(f)); break;
                case Product p: foreach (var g in p.Factors) AddFactor(g); break;
                default:
                    var (b, e) = f is Power pw ? (pw.Base, pw.Exponent) : (f, Expr.One);
                    if (exponents.TryGetValue(b, out var list)) list.Add(e);
                    else { exponents[b] = [e]; originals[b] = f; order.Add(b); }
                    break;
            }
        }
        foreach (var f in factors) AddFactor(f);
        if (coefficient.IsZero) return Expr.Zero;

        var result = new List<Expr>(order.Count);
        bool reflatten = false;
        foreach (var b in order)
        {
            var list = exponents[b];
            if (list.Count == 1) { result.Add(originals[b]); continue; }
            var combined = Pow(b, Add(list));
            switch (combined)
            {
                case Number or Real: coefficient = coefficient.Times(Coefficient.Of(combined)); break;
                case Product: result.Add(combined); reflatten = true; break;
                default: result.Add(combined); break;
            }
        }
        if (coefficient.IsZero) return Expr.Zero;
        if (reflatten)
        {
            result.Add(coefficient.ToExpr());
            return Multiply(result);
        }
        // A numeric multiple of a single sum distributes, so like terms stay collectable: 2*(x+y) = 2*x + 2*y.
        if (result.Count == 1 && result[0] is Sum s && !coefficient.IsOne)
        {
            var c = coefficient.ToExpr();
            var distributed = new Expr[s.Terms.Length];
            for (int i = 0; i < distributed.Length; i++) distributed[i] = Multiply([c, s.Terms[i]]);
            return Add(distributed);
        }
        result.Sort(ExprOrder.Compare);
        if (!coefficient.IsOne || (result.Count == 0)) result.Insert(0, coefficient.ToExpr());
        return result.Count == 1 ? result[0] : new Product([.. result]);
    }

    // ---------------- powers ----------------

    public static Expr Pow(Expr b, Expr e)
    {
        if (e is Number ne)
        {
            if (ne.Value.IsZero) return Expr.One;
            if (ne.Value.IsOne) return b;
        }
        switch (b)
        {
            case Number { Value.IsOne: true }: return Expr.One;
            case Number { Value.IsZero: true }:
                int sign = e switch { Number n => n.Value.Sign, Real r => Math.Sign(r.Value), _ => 0 };
                if (sign > 0) return Expr.Zero;
                if (sign < 0) throw new SymbolicException("division by zero");
                return new Power(b, e);
            case Number nb when e is Number ne2:
                return NumberPower(nb.Value, ne2.Value);
        }
        if (b.IsNumber && e.IsNumber)
        {
            double v = RealFunctions.Pow(NumericValue(b), e);
            return double.IsFinite(v) ? new Real(v) : new Power(b, e);
        }
        if (e is Number n2)
        {
            var k = n2.Value;
            switch (b)
            {
                // (u^a)^k = u^(a k): always for integer k when a's root is real-valued (odd denominator);
                // it fails only when k has an even denominator and a an even numerator ((u²)^(1/2) = |u|).
                case Power p when p.Exponent is Number a && !(a.Value.Numerator.IsEven && k.Denominator.IsEven):
                    return Pow(p.Base, Multiply([p.Exponent, e]));
                case Power p when k.IsInteger:
                    return Pow(p.Base, Multiply([p.Exponent, e]));
                case Product p when k.IsInteger:
                    {
                        var parts = new Expr[p.Factors.Length];
                        for (int i = 0; i < parts.Length; i++) parts[i] = Pow(p.Factors[i], e);
                        return Multiply(parts);
                    }
                case Product p when p.Factors[0] is Number c && (c.Value.Sign > 0 || k.Denominator.IsEven == false):
                    {
                        // (c·X)^k = |c|^k · X^k for c > 0, and for odd roots the sign comes out as (−1)^numerator.
                        var rest = p.Factors.Length == 2 ? p.Factors[1] : new Product(p.Factors.RemoveAt(0));
                        var signFactor = c.Value.Sign < 0 && k.Numerator.IsEven == false ? Expr.MinusOne : Expr.One;
                        return Multiply([signFactor, NumberPower(c.Value.Abs(), k), Pow(rest, e)]);
                    }
            }
        }
        return new Power(b, e);
    }

    private static double NumericValue(Expr e) => e switch
    {
        Number n => n.Value.ToDouble(),
        Real r => r.Value,
        _ => throw new InvalidOperationException("not a number"),
    };

    /// <summary>
    /// r^k exactly where possible. A root that is not rational becomes c·m^(1/q) with m free of q-th powers of
    /// small primes and the denominator rationalized: (3/2)^(1/2) = sqrt(6)/2, 8^(1/2) = 2*sqrt(2), 2^(2/3) = 4^(1/3).
    /// </summary>
    private static Expr NumberPower(Rational r, Rational k)
    {
        Expr Raw() => new Power(new Number(r), new Number(k));
        if (k.IsInteger)
        {
            var exact = r.TryPow(k.Numerator);
            return exact is { } x ? new Number(x) : Raw();
        }
        if (k.Denominator > 64 || (r.Sign < 0 && k.Denominator.IsEven)) return Raw();
        int q = (int)k.Denominator;
        var whole = k.Floor();
        int j = (int)(k.Numerator - whole * q);
        var a = r.Abs();
        if (a.TryPow(whole) is not { } wholePart) return Raw();
        // a^(j/q) = (n^j · d^(q−j))^(1/q) / d: a single radical over a rational denominator.
        BigInteger n = a.Numerator, d = a.Denominator;
        if (n.GetBitLength() * j + d.GetBitLength() * (q - j) > Rational.MaxPowerBits) return Raw();
        var (outside, inside, rootDegree) = ExtractRoot(BigInteger.Pow(n, j) * BigInteger.Pow(d, q - j), q);
        var coefficient = wholePart * new Rational(outside, d);
        if (r.Sign < 0 && k.Numerator.IsEven == false) coefficient = -coefficient;
        if (inside.IsOne) return new Number(coefficient);
        var radical = new Power(new Number(inside), new Number(new Rational(1, rootDegree)));
        return coefficient.IsOne ? radical : new Product([new Number(coefficient), radical]);
    }

    private static readonly int[] SmallPrimes = Enumerable.Range(2, 998).Where(IsPrime).ToArray();

    private static bool IsPrime(int n)
    {
        for (int d = 2; d * d <= n; d++) if (n % d == 0) return false;
        return true;
    }

    /// <summary>
    /// m^(1/q) = outside · inside^(1/degree): q-th powers of small primes come out, and when m factors completely
    /// the root degree is reduced by the gcd of the remaining multiplicities (4^(1/4) = 2^(1/2)).
    /// </summary>
    private static (BigInteger Outside, BigInteger Inside, int Degree) ExtractRoot(BigInteger m, int q)
    {
        BigInteger outside = BigInteger.One;
        var remaining = new List<(int Prime, int Multiplicity)>();
        foreach (var p in SmallPrimes)
        {
            if (m.IsOne) break;
            int count = 0;
            while ((m % p).IsZero) { m /= p; count++; }
            if (count == 0) continue;
            outside *= BigInteger.Pow(p, count / q);
            if (count % q != 0) remaining.Add((p, count % q));
        }
        if (!m.IsOne)
        {
            if (Rational.IntegerRoot(m, q) is { } root) { outside *= root; m = BigInteger.One; }
        }
        int g = q;
        if (m.IsOne) foreach (var (_, mult) in remaining) g = (int)BigInteger.GreatestCommonDivisor(g, mult);
        else g = 1;
        var inside = m;
        foreach (var (p, mult) in remaining) inside *= BigInteger.Pow(p, mult / g);
        return (outside, inside, q / g);
    }

    // ---------------- function calls ----------------

    public static Expr Apply(Function f, Expr u)
    {
        if (u is Real r)
        {
            double v = RealFunctions.Apply(f, r.Value);
            return double.IsFinite(v) ? new Real(v) : new Call(f, u);
        }
        if (Parity(f) != 0 && CouldExtractMinus(u))
        {
            var positive = Expr.Negate(u);
            return Parity(f) > 0 ? Apply(f, positive) : Expr.Negate(Apply(f, positive));
        }
        return SpecialValue(f, u) ?? new Call(f, u);
    }

    /// <summary>+1 for even functions, −1 for odd ones, 0 otherwise.</summary>
    public static int Parity(Function f) => f switch
    {
        Function.Cos or Function.Cosh or Function.Abs => 1,
        Function.Sin or Function.Tan or Function.Sinh or Function.Tanh or Function.Asin or Function.Atan
            or Function.Asinh or Function.Atanh or Function.Sign or Function.Erf => -1,
        Function.Exp or Function.Log or Function.Acos or Function.Acosh or Function.LambertW or Function.Li2 => 0,
    };

    /// <summary>True when u's canonical sign is negative: a negative number, a negative coefficient,
    /// or a sum whose first non-constant term is negative.</summary>
    public static bool CouldExtractMinus(Expr u) => u switch
    {
        Number n => n.Value.Sign < 0,
        Real r => r.Value < 0,
        Product p => p.Factors[0] is Number c ? c.Value.Sign < 0 : p.Factors[0] is Real rc && rc.Value < 0,
        Sum s => CouldExtractMinus(s.Terms[s.Terms[0].IsNumber ? 1 : 0]),
        _ => false,
    };

    private static Expr? SpecialValue(Function f, Expr u)
    {
        Rational? q = u is Number n ? n.Value : null;
        Rational? piMultiple = u is Constant { Which: MathConstant.Pi } ? Rational.One
            : u is Product { Factors: [Number c, Constant { Which: MathConstant.Pi }] } ? c.Value : null;
        bool isZero = q is { IsZero: true };
        bool isOne = q is { IsOne: true };
        return f switch
        {
            Function.Exp => isZero ? Expr.One : null,
            Function.Log => q is { } v && v.Sign > 0 ? LogOfRational(v) : null,
            Function.Abs => q is { } v ? new Number(v.Abs()) : piMultiple is { } m ? Expr.Multiply(new Number(m.Abs()), Expr.Pi) : null,
            Function.Sign => q is { } v ? new Number(v.Sign) : piMultiple is { } m ? new Number(m.Sign) : null,
            Function.Sin => isZero ? Expr.Zero : piMultiple is { } m ? SinOfPiMultiple(m) : null,
            Function.Cos => isZero ? Expr.One : piMultiple is { } m ? SinOfPiMultiple(m + Rational.Half) : null,
            Function.Tan => isZero ? Expr.Zero : piMultiple is { } m ? TanOfPiMultiple(m) : null,
            Function.Sinh or Function.Tanh or Function.Asinh or Function.Atanh => isZero ? Expr.Zero : null,
            Function.Cosh => isZero ? Expr.One : null,
            Function.Asin => isZero ? Expr.Zero : isOne ? Expr.Multiply(Expr.Half, Expr.Pi)
                : q == Rational.Half ? Expr.Multiply(Expr.Fraction(1, 6), Expr.Pi) : null,
            Function.Acos => isOne ? Expr.Zero : isZero ? Expr.Multiply(Expr.Half, Expr.Pi)
                : q == Rational.MinusOne ? Expr.Pi
                : q == Rational.Half ? Expr.Multiply(Expr.Fraction(1, 3), Expr.Pi)
                : q == -Rational.Half ? Expr.Multiply(Expr.Fraction(2, 3), Expr.Pi) : null,
            Function.Atan => isZero ? Expr.Zero : isOne ? Expr.Multiply(Expr.Fraction(1, 4), Expr.Pi) : null,
            Function.Acosh => isOne ? Expr.Zero : null,
            Function.Erf or Function.LambertW => isZero ? Expr.Zero : null,
            Function.Li2 => isZero ? Expr.Zero
                : isOne ? Expr.Multiply(Expr.Fraction(1, 6), Expr.Pow(Expr.Pi, Expr.Two))
                : q == Rational.MinusOne ? Expr.Multiply(Expr.Fraction(-1, 12), Expr.Pow(Expr.Pi, Expr.Two))
                : q == Rational.Half ? Expr.Subtract(Expr.Multiply(Expr.Fraction(1, 12), Expr.Pow(Expr.Pi, Expr.Two)), Expr.Multiply(Expr.Half, Expr.Pow(Expr.Log(Expr.Two), Expr.Two)))
                : null,
        };
    }

    private static Expr? LogOfRational(Rational v)
    {
        if (v.IsOne) return Expr.Zero;
        if (v.IsInteger) return null;
        // log(p/q) = log p − log q keeps logs of integers only, so equal values share one form.
        var logQ = new Call(Function.Log, new Number(v.Denominator));
        return v.Numerator.IsOne ? Expr.Negate(logQ) : Expr.Subtract(new Call(Function.Log, new Number(v.Numerator)), logQ);
    }

    /// <summary>sin(m·π) for m a multiple of 1/4 or 1/6, else null.</summary>
    private static Expr? SinOfPiMultiple(Rational m)
    {
        var twelfths = m * 12;
        if (!twelfths.IsInteger) return null;
        int t = (int)(((twelfths.Numerator % 24) + 24) % 24); // angle in twelfths of π, in [0, 2π)
        bool negative = t >= 12;
        t %= 12;
        if (t > 6) t = 12 - t; // sin(π − x) = sin x
        Expr? value = t switch
        {
            0 => Expr.Zero,
            2 => Expr.Half,
            3 => Expr.Multiply(Expr.Half, Expr.Sqrt(Expr.Two)),
            4 => Expr.Multiply(Expr.Half, Expr.Sqrt(Expr.Integer(3))),
            6 => Expr.One,
            _ => null,
        };
        return value is not null && negative ? Expr.Negate(value) : value;
    }

    private static Expr? TanOfPiMultiple(Rational m)
    {
        var s = SinOfPiMultiple(m);
        var c = SinOfPiMultiple(m + Rational.Half);
        if (s is null || c is null || c is Number { Value.IsZero: true }) return null;
        return Expr.Divide(s, c);
    }
}

/// <summary>A numeric coefficient: exact until a floating-point number enters it, floating from then on.</summary>
internal readonly record struct Coefficient
{
    private readonly Rational _exact;
    private readonly double _float;
    private readonly bool _isFloat;

    private Coefficient(Rational exact, double value, bool isFloat) { _exact = exact; _float = value; _isFloat = isFloat; }

    public static Coefficient Exact(Rational value) => new(value, 0, false);
    public static Coefficient Floating(double value) => new(Rational.Zero, value, true);
    public static readonly Coefficient Zero = Exact(Rational.Zero);
    public static readonly Coefficient One = Exact(Rational.One);

    public static Coefficient Of(Expr number) => number switch
    {
        Number n => Exact(n.Value),
        Real r => Floating(r.Value),
        _ => throw new ArgumentException("not a number", nameof(number)),
    };

    private double Value => _isFloat ? _float : _exact.ToDouble();

    public bool IsZero => _isFloat ? _float == 0 : _exact.IsZero;
    public bool IsOne => !_isFloat && _exact.IsOne;

    public Coefficient Plus(Coefficient other) =>
        _isFloat || other._isFloat ? Floating(Value + other.Value) : Exact(_exact + other._exact);

    public Coefficient Times(Coefficient other) =>
        _isFloat || other._isFloat ? Floating(Value * other.Value) : Exact(_exact * other._exact);

    public Expr ToExpr()
    {
        if (!_isFloat) return new Number(_exact);
        return double.IsFinite(_float) ? new Real(_float) : throw new SymbolicException("floating-point overflow in a constant");
    }
}
