using System.Collections.Immutable;
using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// An immutable sparse polynomial with exact rational coefficients in several generators. A generator is any
/// expression treated as an indeterminate: a symbol, or a kernel such as exp(u), log(u), a radical or a function
/// call. Generators are kept sorted in the canonical expression order, and terms in decreasing lexicographic order
/// of their monomials (the first generator is the most significant). Operations on polynomials over different
/// generator lists work over the union of the lists.
/// </summary>
public sealed class Polynomial : IEquatable<Polynomial>
{
    /// <summary>Most terms an intermediate result may have; beyond it the computation stops
    /// with a budget error.</summary>
    public const int MaxTerms = 200_000;

    private readonly Monomial[] _monomials;
    private readonly Rational[] _coefficients;

    /// <summary>Trusted constructor: monomials strictly decreasing, coefficients nonzero.</summary>
    internal Polynomial(ImmutableArray<Expr> generators, Monomial[] monomials, Rational[] coefficients)
    {
        if (monomials.Length > MaxTerms) throw new PolynomialBudgetException();
        Generators = generators;
        _monomials = monomials;
        _coefficients = coefficients;
    }

    /// <summary>The generators, in canonical order.</summary>
    public ImmutableArray<Expr> Generators { get; }

    /// <summary>The number of generators.</summary>
    public int Arity => Generators.Length;

    /// <summary>The number of nonzero terms.</summary>
    public int TermCount => _monomials.Length;

    /// <summary>True for 0.</summary>
    public bool IsZero => _monomials.Length == 0;

    /// <summary>True for a constant (including 0).</summary>
    public bool IsConstant => IsZero || (_monomials.Length == 1 && _monomials[0].IsOne);

    /// <summary>The leading monomial in lexicographic order (only for a nonzero polynomial).</summary>
    public Monomial LeadingMonomial => _monomials[0];

    /// <summary>The leading coefficient (0 for the zero polynomial).</summary>
    public Rational LeadingCoefficient => IsZero ? Rational.Zero : _coefficients[0];

    /// <summary>The coefficient of the monomial 1.</summary>
    public Rational ConstantTerm => !IsZero && _monomials[^1].IsOne ? _coefficients[^1] : Rational.Zero;

    /// <summary>The terms in decreasing lexicographic order.</summary>
    public IEnumerable<(Monomial Monomial, Rational Coefficient)> Terms
    {
        get
        {
            for (int i = 0; i < _monomials.Length; i++) yield return (_monomials[i], _coefficients[i]);
        }
    }

    private int _coefficientWords = -1;

    /// <summary>The size of the largest coefficient (numerator and denominator) in 64-bit words.</summary>
    internal int CoefficientWords
    {
        get
        {
            if (_coefficientWords >= 0) return _coefficientWords;
            long bits = 0;
            foreach (var c in _coefficients)
                bits = Math.Max(bits, BigInteger.Abs(c.Numerator).GetBitLength() + c.Denominator.GetBitLength());
            return _coefficientWords = (int)Math.Min(bits / 64, int.MaxValue);
        }
    }

    internal ReadOnlySpan<Monomial> Monomials => _monomials;
    internal ReadOnlySpan<Rational> Coefficients => _coefficients;

    // ---------------- construction ----------------

    /// <summary>0 over the given generators.</summary>
    public static Polynomial Zero(ImmutableArray<Expr> generators) => new(generators, [], []);

    /// <summary>A constant over the given generators.</summary>
    public static Polynomial Constant(Rational value, ImmutableArray<Expr> generators) =>
        value.IsZero ? Zero(generators) : new(generators, [Monomial.One(generators.Length)], [value]);

    /// <summary>The polynomial g in the single generator g.</summary>
    public static Polynomial Generator(Expr generator) =>
        new([generator], [Monomial.Power(1, 0, 1)], [Rational.One]);

    /// <summary>The polynomial Σ cₖ·g^k in one generator g from its coefficients, lowest degree first.</summary>
    public static Polynomial Univariate(IReadOnlyList<Rational> coefficients, Expr generator)
    {
        var terms = new List<(Monomial, Rational)>(coefficients.Count);
        for (int k = 0; k < coefficients.Count; k++) terms.Add((Monomial.Power(1, 0, k), coefficients[k]));
        return FromTerms([generator], terms);
    }

    /// <summary>
    /// The rational coefficients c₀, c₁, … of a polynomial in generator <paramref name="index"/> alone (lowest degree
    /// first; empty for 0).
    /// </summary>
    /// <exception cref="InvalidOperationException">Another generator occurs.</exception>
    public Rational[] UnivariateCoefficients(int index)
    {
        var result = new Rational[Math.Max(Degree(index) + 1, 0)];
        for (int i = 0; i < TermCount; i++)
        {
            var m = _monomials[i];
            if (m.TotalDegree != m[index]) throw new InvalidOperationException($"{this} is not univariate");
            result[m[index]] = _coefficients[i];
        }
        return result;
    }

    /// <summary>Generator <paramref name="index"/> of <paramref name="generators"/> to a power.</summary>
    internal static Polynomial GeneratorPower(ImmutableArray<Expr> generators, int index, int exponent) =>
        new(generators, [Monomial.Power(generators.Length, index, exponent)], [Rational.One]);

    /// <summary>A polynomial from terms in any order; equal monomials are added and zero terms dropped.</summary>
    internal static Polynomial FromTerms(ImmutableArray<Expr> generators, IEnumerable<(Monomial, Rational)> terms)
    {
        var collected = new Dictionary<Monomial, Rational>();
        foreach (var (m, c) in terms)
            collected[m] = collected.TryGetValue(m, out var old) ? old + c : c;
        return FromDictionary(generators, collected);
    }

    internal static Polynomial FromDictionary(ImmutableArray<Expr> generators, Dictionary<Monomial, Rational> terms)
    {
        if (terms.Count > MaxTerms) throw new PolynomialBudgetException();
        var monomials = new List<Monomial>(terms.Count);
        foreach (var (m, c) in terms) if (!c.IsZero) monomials.Add(m);
        monomials.Sort((a, b) => b.CompareTo(a));
        var coefficients = new Rational[monomials.Count];
        for (int i = 0; i < coefficients.Length; i++) coefficients[i] = terms[monomials[i]];
        return new Polynomial(generators, [.. monomials], coefficients);
    }

    // ---------------- generators ----------------

    /// <summary>The index of a generator, or −1.</summary>
    public int IndexOf(Expr generator) => Generators.IndexOf(generator);

    /// <summary>The same polynomial over a superset of its generators (in canonical order).</summary>
    public Polynomial WithGenerators(ImmutableArray<Expr> generators)
    {
        if (generators == Generators || generators.AsSpan().SequenceEqual(Generators.AsSpan())) return this;
        if (IsConstant) return Constant(ConstantTerm, generators); // the common case: a number joins a polynomial
        var map = new int[Arity];
        for (int i = 0; i < Arity; i++)
        {
            map[i] = generators.IndexOf(Generators[i]);
            if (map[i] < 0) throw new ArgumentException($"generator {Generators[i]} is missing", nameof(generators));
        }
        var terms = new Dictionary<Monomial, Rational>(TermCount);
        for (int i = 0; i < TermCount; i++) terms[_monomials[i].Remap(map, generators.Length)] = _coefficients[i];
        return FromDictionary(generators, terms);
    }

    /// <summary>The sorted union of two generator lists.</summary>
    internal static ImmutableArray<Expr> Union(ImmutableArray<Expr> a, ImmutableArray<Expr> b)
    {
        if (a == b || b.IsEmpty) return a;
        if (a.IsEmpty) return b;
        if (a.AsSpan().SequenceEqual(b.AsSpan())) return a;
        // both sorted: one merge
        var merged = ImmutableArray.CreateBuilder<Expr>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            int c = i == a.Length ? 1 : j == b.Length ? -1 : ExprOrder.Compare(a[i], b[j]);
            if (c <= 0) merged.Add(a[i++]);
            else merged.Add(b[j++]);
            if (c == 0) j++;
        }
        return merged.ToImmutable();
    }

    /// <summary>Both polynomials over the union of their generators.</summary>
    internal static (Polynomial A, Polynomial B) Unify(Polynomial a, Polynomial b)
    {
        if (a.Generators == b.Generators) return (a, b);
        var generators = Union(a.Generators, b.Generators);
        return (a.WithGenerators(generators), b.WithGenerators(generators));
    }

    // ---------------- degrees ----------------

    /// <summary>The degree in generator <paramref name="index"/> (−1 for 0).</summary>
    public int Degree(int index)
    {
        if (IsZero) return -1;
        int degree = 0;
        foreach (var m in _monomials) degree = Math.Max(degree, m[index]);
        return degree;
    }

    /// <summary>The degree in a generator (0 when it does not occur, −1 for 0).</summary>
    public int Degree(Expr generator) => IndexOf(generator) is var i and >= 0 ? Degree(i) : IsZero ? -1 : 0;

    /// <summary>The largest total degree of a term (−1 for 0).</summary>
    public int TotalDegree => IsZero ? -1 : _monomials.Max(m => m.TotalDegree);

    /// <summary>True when generator <paramref name="index"/> occurs with a positive exponent.</summary>
    public bool DependsOn(int index) => Degree(index) > 0;

    /// <summary>The indices of the generators that occur.</summary>
    public IReadOnlyList<int> Occurring()
    {
        var found = new List<int>();
        for (int i = 0; i < Arity; i++) if (DependsOn(i)) found.Add(i);
        return found;
    }

    // ---------------- arithmetic ----------------

    /// <summary>Sum.</summary>
    public static Polynomial operator +(Polynomial a, Polynomial b) => Combine(a, b, Rational.One);

    /// <summary>Difference.</summary>
    public static Polynomial operator -(Polynomial a, Polynomial b) => Combine(a, b, Rational.MinusOne);

    /// <summary>Negation.</summary>
    public static Polynomial operator -(Polynomial a) => a.Scale(Rational.MinusOne);

    /// <summary>Product.</summary>
    public static Polynomial operator *(Polynomial a, Polynomial b) => Multiply(a, b, null);

    /// <summary>Product with a rational.</summary>
    public static Polynomial operator *(Rational c, Polynomial a) => a.Scale(c);

    /// <summary>Every coefficient times <paramref name="factor"/>.</summary>
    public Polynomial Scale(Rational factor)
    {
        if (factor.IsZero) return Zero(Generators);
        if (factor.IsOne) return this;
        var coefficients = new Rational[TermCount];
        for (int i = 0; i < coefficients.Length; i++) coefficients[i] = _coefficients[i] * factor;
        return new Polynomial(Generators, _monomials, coefficients);
    }

    /// <summary>a + sign·b by merging the sorted term lists.</summary>
    private static Polynomial Combine(Polynomial a, Polynomial b, Rational sign)
    {
        (a, b) = Unify(a, b);
        var monomials = new List<Monomial>(a.TermCount + b.TermCount);
        var coefficients = new List<Rational>(a.TermCount + b.TermCount);
        int i = 0, j = 0;
        while (i < a.TermCount || j < b.TermCount)
        {
            int c = i == a.TermCount ? -1 : j == b.TermCount ? 1 : a._monomials[i].CompareTo(b._monomials[j]);
            if (c > 0) { monomials.Add(a._monomials[i]); coefficients.Add(a._coefficients[i++]); continue; }
            if (c < 0) { monomials.Add(b._monomials[j]); coefficients.Add(sign * b._coefficients[j++]); continue; }
            var sum = a._coefficients[i] + sign * b._coefficients[j];
            if (!sum.IsZero) { monomials.Add(a._monomials[i]); coefficients.Add(sum); }
            i++;
            j++;
        }
        return new Polynomial(a.Generators, [.. monomials], [.. coefficients]);
    }

    /// <summary>The product, spending |a|·|b| units of <paramref name="budget"/> when one is given.</summary>
    internal static Polynomial Multiply(Polynomial a, Polynomial b, WorkBudget? budget)
    {
        if (a.IsConstant && !a.IsZero && a.Arity <= b.Arity) return b.Scale(a.ConstantTerm);
        if (b.IsConstant && !b.IsZero && b.Arity <= a.Arity) return a.Scale(b.ConstantTerm);
        (a, b) = Unify(a, b);
        if (a.IsZero || b.IsZero) return Zero(a.Generators);
        if ((long)a.TermCount * b.TermCount > 50L * MaxTerms) throw new PolynomialBudgetException();
        // a coefficient product costs like the product of the sizes of the numbers, in machine words
        budget?.Spend((long)a.TermCount * b.TermCount * (1 + a.CoefficientWords * b.CoefficientWords));
        if (a.IsConstant) return b.Scale(a._coefficients[0]);
        if (b.IsConstant) return a.Scale(b._coefficients[0]);
        var terms = new Dictionary<Monomial, Rational>(a.TermCount * b.TermCount);
        for (int i = 0; i < a.TermCount; i++)
            for (int j = 0; j < b.TermCount; j++)
            {
                var m = a._monomials[i].Times(b._monomials[j]);
                var c = a._coefficients[i] * b._coefficients[j];
                terms[m] = terms.TryGetValue(m, out var old) ? old + c : c;
            }
        return FromDictionary(a.Generators, terms);
    }

    /// <summary>The <paramref name="exponent"/>-th power (exponent ≥ 0), by repeated squaring.</summary>
    public Polynomial Pow(int exponent) => Pow(exponent, null);

    internal Polynomial Pow(int exponent, WorkBudget? budget)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        var result = Constant(Rational.One, Generators);
        var square = this;
        for (int k = exponent; k > 0; k >>= 1)
        {
            if ((k & 1) == 1) result = Multiply(result, square, budget);
            if (k > 1) square = Multiply(square, square, budget);
        }
        return result;
    }

    // ---------------- division ----------------

    /// <summary>
    /// Multivariate division by one divisor in lexicographic order: this = q·divisor + r where no term of r is
    /// divisible by the divisor's leading monomial. For one generator this is polynomial long division.
    /// </summary>
    public (Polynomial Quotient, Polynomial Remainder) DivRem(Polynomial divisor) => DivRem(divisor, null);

    internal (Polynomial Quotient, Polynomial Remainder) DivRem(Polynomial divisor, WorkBudget? budget) =>
        Divide(divisor, budget, exactOnly: false)!.Value;

    /// <summary>
    /// The division algorithm; with <paramref name="exactOnly"/> it stops (null) at the first term that would go to
    /// the remainder, which in lexicographic division stays there: an exact division is decided early.
    /// </summary>
    private (Polynomial Quotient, Polynomial Remainder)? Divide(Polynomial divisor, WorkBudget? budget, bool exactOnly)
    {
        var (p, d) = Unify(this, divisor);
        if (d.IsZero) throw new DivideByZeroException("polynomial division by zero");
        var rest = new SortedDictionary<Monomial, Rational>(Comparer<Monomial>.Create((x, y) => y.CompareTo(x)));
        for (int i = 0; i < p.TermCount; i++) rest[p._monomials[i]] = p._coefficients[i];
        var quotient = new Dictionary<Monomial, Rational>();
        var remainder = new Dictionary<Monomial, Rational>();
        var lead = d._monomials[0];
        var leadCoefficient = d._coefficients[0];
        while (rest.Count > 0)
        {
            var (m, c) = rest.First();
            rest.Remove(m);
            if (!lead.Divides(m))
            {
                if (exactOnly) return null;
                remainder[m] = c;
                continue;
            }
            var qm = m.DividedBy(lead);
            var qc = c / leadCoefficient;
            quotient[qm] = qc;
            budget?.Spend(d.TermCount * (1L + d.CoefficientWords));
            for (int j = 1; j < d.TermCount; j++)
            {
                var t = d._monomials[j].Times(qm);
                var value = (rest.TryGetValue(t, out var old) ? old : Rational.Zero) - qc * d._coefficients[j];
                if (value.IsZero) rest.Remove(t); else rest[t] = value;
            }
            if (rest.Count > MaxTerms) throw new PolynomialBudgetException();
        }
        return (FromDictionary(p.Generators, quotient), FromDictionary(p.Generators, remainder));
    }

    /// <summary>The exact quotient, or null when <paramref name="divisor"/> does not divide this polynomial.</summary>
    public Polynomial? TryDivide(Polynomial divisor) => TryDivide(divisor, null);

    internal Polynomial? TryDivide(Polynomial divisor, WorkBudget? budget)
    {
        if (divisor.IsConstant && !divisor.IsZero) return Scale(Rational.One / divisor._coefficients[0]);
        return Divide(divisor, budget, exactOnly: true)?.Quotient;
    }

    /// <summary>
    /// Pseudo-division in generator <paramref name="index"/>: lc^δ·this = q·divisor + r with deg r &lt; deg divisor in
    /// that generator, where lc is the divisor's leading coefficient in it and δ = max(deg this − deg divisor + 1, 0).
    /// </summary>
    public (Polynomial Quotient, Polynomial Remainder) PseudoDivRem(Polynomial divisor, int index) =>
        PseudoDivRem(divisor, index, null);

    internal (Polynomial Quotient, Polynomial Remainder) PseudoDivRem(Polynomial divisor, int index, WorkBudget? budget)
    {
        var (a, b) = Unify(this, divisor);
        int m = b.Degree(index);
        if (m < 0) throw new DivideByZeroException("polynomial division by zero");
        int n = a.Degree(index);
        if (n < m) return (Zero(a.Generators), a);
        var lc = b.CoefficientsIn(index)[m];
        var q = Zero(a.Generators);
        var r = a;
        int remaining = n - m + 1;
        while (!r.IsZero && r.Degree(index) >= m)
        {
            int k = r.Degree(index);
            var s = Multiply(r.CoefficientsIn(index)[k], GeneratorPower(a.Generators, index, k - m), budget);
            q = Multiply(lc, q, budget) + s;
            r = Multiply(lc, r, budget) - Multiply(s, b, budget);
            remaining--;
        }
        var scale = lc.Pow(remaining, budget);
        return (Multiply(scale, q, budget), Multiply(scale, r, budget));
    }

    /// <summary>
    /// The coefficients in generator <paramref name="index"/>: element k is the coefficient of g^k, a polynomial over
    /// the same generators in which g does not occur.
    /// </summary>
    public IReadOnlyList<Polynomial> CoefficientsIn(int index)
    {
        int degree = Degree(index);
        var parts = new List<(Monomial, Rational)>[Math.Max(degree + 1, 0)];
        for (int i = 0; i < TermCount; i++)
        {
            var m = _monomials[i];
            (parts[m[index]] ??= []).Add((m.With(index, 0), _coefficients[i]));
        }
        var result = new Polynomial[parts.Length];
        for (int k = 0; k < parts.Length; k++)
            result[k] = parts[k] is null ? Zero(Generators) : FromTerms(Generators, parts[k]);
        return result;
    }

    /// <summary>The polynomial Σ cₖ·g^k over <paramref name="generators"/> from its
    /// coefficients in generator g.</summary>
    internal static Polynomial FromCoefficients(IReadOnlyList<Polynomial> coefficients, int index,
        ImmutableArray<Expr> generators)
    {
        var result = Zero(generators);
        for (int k = 0; k < coefficients.Count; k++)
            if (!coefficients[k].IsZero)
                result += Multiply(coefficients[k], GeneratorPower(generators, index, k), null);
        return result;
    }

    /// <summary>The partial derivative in generator <paramref name="index"/>.</summary>
    public Polynomial Derivative(int index)
    {
        var terms = new List<(Monomial, Rational)>();
        for (int i = 0; i < TermCount; i++)
        {
            int e = _monomials[i][index];
            if (e > 0) terms.Add((_monomials[i].With(index, e - 1), _coefficients[i] * e));
        }
        return FromTerms(Generators, terms);
    }

    /// <summary>The value after substituting rational values for some generators (by index).</summary>
    public Polynomial Evaluate(IReadOnlyDictionary<int, Rational> values)
    {
        var terms = new List<(Monomial, Rational)>(TermCount);
        for (int i = 0; i < TermCount; i++)
        {
            var m = _monomials[i];
            var c = _coefficients[i];
            foreach (var (index, value) in values)
            {
                if (m[index] == 0) continue;
                c *= value.TryPow(m[index]) ?? throw new PolynomialBudgetException();
                m = m.With(index, 0);
            }
            terms.Add((m, c));
        }
        return FromTerms(Generators, terms);
    }

    // ---------------- content ----------------

    /// <summary>
    /// The positive rational c for which this/c has coprime integer coefficients (0 for the zero polynomial):
    /// the gcd of the numerators over the lcm of the denominators.
    /// </summary>
    public Rational NumericContent()
    {
        BigInteger numerators = BigInteger.Zero, denominators = BigInteger.One;
        foreach (var c in _coefficients)
        {
            numerators = BigInteger.GreatestCommonDivisor(numerators, c.Numerator);
            denominators = denominators / BigInteger.GreatestCommonDivisor(denominators, c.Denominator) * c.Denominator;
        }
        return numerators.IsZero ? Rational.Zero : new Rational(numerators, denominators);
    }

    /// <summary>
    /// The associate with coprime integer coefficients and a positive leading coefficient: the representative of
    /// this polynomial up to a rational unit, which is how gcds and factors are returned.
    /// </summary>
    public Polynomial Normalized()
    {
        if (IsZero) return this;
        var content = NumericContent();
        return Scale(LeadingCoefficient.Sign < 0 ? -(Rational.One / content) : Rational.One / content);
    }

    /// <summary>The greatest common divisor, normalized (see <see cref="Normalized"/>); gcd(0, 0) = 0.</summary>
    public static Polynomial Gcd(Polynomial a, Polynomial b) => PolynomialGcd.Gcd(a, b, new WorkBudget());

    // ---------------- conversion ----------------

    /// <summary>
    /// Reads an expression as a polynomial over its symbols and kernels (non-polynomial subterms such as exp(u) or
    /// √u are generators): (x + 1)² − x becomes x² + x + 1 in the generator x.
    /// </summary>
    /// <exception cref="ArgumentException">The expression has a non-constant denominator.</exception>
    public static Polynomial FromExpr(Expr e)
    {
        var form = RationalConverter.ConvertOne(e, KernelMode.AsWritten, new WorkBudget());
        if (!form.IsPolynomial) throw new ArgumentException($"{e} is not a polynomial in its generators", nameof(e));
        return form.Numerator.Scale(Rational.One / form.Denominator.LeadingCoefficient);
    }

    /// <summary>The polynomial as a canonical expression in its generators.</summary>
    public Expr ToExpr()
    {
        var terms = new Expr[TermCount];
        for (int i = 0; i < terms.Length; i++)
            terms[i] = Expr.Multiply(Expr.FromRational(_coefficients[i]), MonomialExpr(Generators, _monomials[i]));
        return Expr.Add(terms);
    }

    /// <summary>A monomial as the product of its generator powers.</summary>
    internal static Expr MonomialExpr(ImmutableArray<Expr> generators, Monomial m)
    {
        var factors = new List<Expr>();
        for (int g = 0; g < generators.Length; g++)
            if (m[g] > 0) factors.Add(Expr.Pow(generators[g], m[g]));
        return Expr.Multiply(factors);
    }

    /// <inheritdoc/>
    public bool Equals(Polynomial? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        var (a, b) = Unify(this, other);
        return a._monomials.AsSpan().SequenceEqual(b._monomials)
            && a._coefficients.AsSpan().SequenceEqual(b._coefficients);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Polynomial p && Equals(p);

    /// <summary>The hash of the expression form (so equal polynomials over different generator lists agree).</summary>
    public override int GetHashCode() => ToExpr().GetHashCode();

    /// <summary>The text form of <see cref="ToExpr"/>.</summary>
    public override string ToString() => ToExpr().ToString();
}
