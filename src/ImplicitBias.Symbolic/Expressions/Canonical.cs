using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;

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
        // Like terms are found through their monomial part without building it, and a term that occurs once keeps
        // its node: adding 10⁵ distinct terms allocates little beyond the result.
        var collected = new Dictionary<MonomialKey, (Coefficient Sum, int Count)>();
        var order = new List<MonomialKey>();

        void AddTerm(Expr t)
        {
            switch (t)
            {
                case Number or Real: constant = constant.Plus(Coefficient.Of(t)); break;
                case Sum s: foreach (var u in s.Terms) AddTerm(u); break;
                default:
                    var key = new MonomialKey(t);
                    var c = t is Product p && p.Factors[0].IsNumber ? Coefficient.Of(p.Factors[0]) : Coefficient.One;
                    if (collected.TryGetValue(key, out var old)) collected[key] = (old.Sum.Plus(c), old.Count + 1);
                    else { collected[key] = (c, 1); order.Add(key); }
                    break;
            }
        }
        foreach (var t in terms) AddTerm(t);

        var result = new List<Expr>(order.Count + 1);
        foreach (var key in order)
        {
            var (c, count) = collected[key];
            if (c.IsZero) continue;
            result.Add(count == 1 ? key.Term : key.WithCoefficient(c));
        }
        if (!IsSorted(result)) result.Sort(ExprOrder.Compare);
        if (!constant.IsZero) result.Insert(0, constant.ToExpr());
        return result.Count switch
        {
            0 => Expr.Zero,
            1 => result[0],
            _ => new Sum([.. result]),
        };
    }

    private static bool IsSorted(List<Expr> items)
    {
        for (int i = 1; i < items.Count; i++) if (ExprOrder.Compare(items[i - 1], items[i]) > 0) return false;
        return true;
    }

    /// <summary>A term's monomial part (its factors after a numeric coefficient),
    /// hashed and compared in place.</summary>
    private readonly struct MonomialKey : IEquatable<MonomialKey>
    {
        private readonly int _hash;

        public MonomialKey(Expr term)
        {
            Term = term;
            var factors = Factors(term, out var single);
            if (single is not null) _hash = single.GetHashCode();
            else
            {
                var h = new HashCode();
                foreach (var f in factors) h.Add(f.GetHashCode());
                _hash = h.ToHashCode();
            }
        }

        /// <summary>The term the key was made from.</summary>
        public Expr Term { get; }

        /// <summary>The monomial's factors, or (empty, the single factor) when there is just one.</summary>
        private static ReadOnlySpan<Expr> Factors(Expr term, out Expr? single)
        {
            single = null;
            if (term is not Product p) { single = term; return default; }
            var span = p.Factors.AsSpan()[(p.Factors[0].IsNumber ? 1 : 0)..];
            if (span.Length == 1) { single = span[0]; return default; }
            return span;
        }

        /// <summary>The monomial times a new coefficient.</summary>
        public Expr WithCoefficient(Coefficient c)
        {
            var factors = Factors(Term, out var single);
            if (single is not null) return c.IsOne ? single : new Product([c.ToExpr(), single]);
            return c.IsOne ? new Product([.. factors]) : new Product([c.ToExpr(), .. factors]);
        }

        public bool Equals(MonomialKey other)
        {
            if (_hash != other._hash) return false;
            var a = Factors(Term, out var sa);
            var b = Factors(other.Term, out var sb);
            if (sa is not null || sb is not null) return sa is not null && sb is not null && sa.Equals(sb);
            return a.SequenceEqual(b);
        }

        public override bool Equals(object? obj) => obj is MonomialKey k && Equals(k);
        public override int GetHashCode() => _hash;
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

    // ---------------- products ----------------

    public static Expr Multiply(IReadOnlyList<Expr> factors)
    {
        if (factors.Count == 0) return Expr.One;
        if (factors.Count == 1) return factors[0];
        if (factors.Count <= 8 && SimpleProduct(factors) is { } simple) return simple;
        // Multiply and Pow call each other while collecting powers; should a pair of rules ever undo each other, this
        // is a catchable exception instead of a stack overflow that ends the process.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var collected = new ProductFactors();
        foreach (var f in factors) collected.Add(f);
        collected.MergeExponentials();
        var coefficient = collected.Coefficient;
        if (coefficient.IsZero) return Expr.Zero;
        var (result, reflatten) = CombinedPowers(collected.Bases, ref coefficient);
        // A sum beside other factors carries no numeric content: (−2x − 2)·y = −2·(x + 1)·y. Otherwise c·S·T would
        // depend on the order of multiplication, because c·S alone distributes (see below).
        if (result.Count >= 2 && MoveSumContents(result, ref coefficient)) reflatten = true;
        if (MergeRadicals(result) is { } merged)
        {
            // √2·√6 = 2·√3 and 6^(1/3)·36^(1/3) = 6: equal products of radicals get one form.
            result = merged;
            reflatten = true;
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

    /// <summary>
    /// Each base with its exponents added up; numbers join the coefficient. True with the factors when they must be
    /// collected again: a combined power may be a product, or come back over another base (6^(1/2)·6^(1/4) =
    /// 216^(1/4)) that can meet a factor already collected under that base.
    /// </summary>
    private static (List<Expr> Factors, bool Reflatten) CombinedPowers(
        List<(Expr Base, Expr Original, List<Expr> Exponents)> bases, ref Coefficient coefficient)
    {
        var result = new List<Expr>(bases.Count);
        bool reflatten = false;
        foreach (var (b, original, list) in bases)
        {
            if (list.Count == 1) { result.Add(original); continue; }
            var combined = Pow(b, Add(list));
            switch (combined)
            {
                case Number or Real: coefficient = coefficient.Times(Coefficient.Of(combined)); break;
                case Product: result.Add(combined); reflatten = true; break;
                default:
                    result.Add(combined);
                    if (!(combined is Power cp ? cp.Base : combined).Equals(b)) reflatten = true;
                    break;
            }
        }
        return (result, reflatten);
    }

    /// <summary>The numeric content of every sum factor moved into the coefficient; true when one moved.</summary>
    private static bool MoveSumContents(List<Expr> factors, ref Coefficient coefficient)
    {
        bool moved = false;
        for (int i = 0; i < factors.Count; i++)
        {
            if (factors[i] is not Sum sum || SplitContent(sum, allowSign: true) is not { } split) continue;
            coefficient = coefficient.Times(split.Content);
            factors[i] = split.Primitive;
            moved = true;
        }
        return moved;
    }

    /// <summary>−t for a canonical term, still canonical: only its numeric coefficient changes.</summary>
    internal static Expr NegateTerm(Expr t) => t switch
    {
        Number n => new Number(-n.Value),
        Real r => new Real(-r.Value),
        Product { Factors: [Number m, var single] } when m.Value == Rational.MinusOne => single,
        Product { Factors: [Number m, ..] } p when m.Value == Rational.MinusOne => new Product(p.Factors.RemoveAt(0)),
        Product { Factors: [Number c, ..] } p => new Product(p.Factors.SetItem(0, new Number(-c.Value))),
        Product { Factors: [Real c, ..] } p => new Product(p.Factors.SetItem(0, new Real(-c.Value))),
        Product p => new Product(p.Factors.Insert(0, Expr.MinusOne)),
        _ => new Product([Expr.MinusOne, t]),
    };

    /// <summary>
    /// The common product — exact numbers and factors over pairwise different symbolic bases, none of them a sum,
    /// a product or a power of a number — built without the general collection machinery; null otherwise.
    /// </summary>
    private static readonly Comparer<Expr> OrderComparer = Comparer<Expr>.Create(ExprOrder.Compare);

    private static Expr? SimpleProduct(IReadOnlyList<Expr> factors)
    {
        Span<int> others = stackalloc int[factors.Count];
        int count = 0;
        var coefficient = Rational.One;
        for (int i = 0; i < factors.Count; i++)
        {
            var f = factors[i];
            switch (f)
            {
                case Number n: coefficient *= n.Value; continue;
                case Real or Sum or Product or Power { Base: Number or Real or Sum } or Power { Exponent: Real }:
                    return null;
            }
            var b = f is Power pw ? pw.Base : f;
            for (int j = 0; j < count; j++)
            {
                var other = factors[others[j]];
                var ob = other is Power opw ? opw.Base : other;
                if (ob.GetHashCode() == b.GetHashCode() && ob.Equals(b)) return null; // powers to collect
                if (ob is Call { Function: Function.Exp } && b is Call { Function: Function.Exp }) return null;
            }
            others[count++] = i;
        }
        if (coefficient.IsZero) return Expr.Zero;
        if (count == 0) return new Number(coefficient);
        bool withCoefficient = !coefficient.IsOne;
        if (count == 1 && !withCoefficient) return factors[others[0]];
        var items = new Expr[count + (withCoefficient ? 1 : 0)];
        int start = withCoefficient ? 1 : 0;
        if (withCoefficient) items[0] = new Number(coefficient);
        for (int j = 0; j < count; j++) items[start + j] = factors[others[j]];
        Array.Sort(items, start, count, OrderComparer);
        return new Product(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(items));
    }

    /// <summary>
    /// A sum as content·primitive, or null when the content is 1. The primitive sum has integer coefficients
    /// without a common factor and a positive first term: (2 + 2x) = 2·(1 + x), (x/2 + y/3) = ⅙·(3x + 2y),
    /// (x − 1) = −(1 − x). Every nonzero multiple of a sum has the same primitive, so products and powers of sums
    /// get one form however they were built. With <paramref name="allowSign"/> false only the positive content is
    /// taken out (for non-integer powers, where the sign cannot come out); when the sum holds a floating-point
    /// number only the sign is (dividing floats would round), or nothing without <paramref name="allowSign"/>.
    /// </summary>
    internal static (Coefficient Content, Expr Primitive)? SplitContent(Sum s, bool allowSign)
    {
        bool exact = true;
        BigInteger numerators = BigInteger.Zero, denominators = BigInteger.One;
        foreach (var t in s.Terms)
        {
            var c = t switch
            {
                Number n => Coefficient.Exact(n.Value),
                Real r => Coefficient.Floating(r.Value),
                _ => SplitCoefficient(t).Coefficient,
            };
            if (c.IsFloat) { exact = false; break; }
            numerators = BigInteger.GreatestCommonDivisor(numerators, c.ExactValue.Numerator);
            var d = c.ExactValue.Denominator;
            denominators = denominators / BigInteger.GreatestCommonDivisor(denominators, d) * d;
        }
        if (!exact && !allowSign) return null;
        var magnitude = exact && !numerators.IsZero ? new Rational(numerators, denominators) : Rational.One;
        var content = allowSign && PrintShapeSign(s.Terms[0]) ? -magnitude : magnitude;
        if (content.IsOne) return null;
        return (Coefficient.Exact(content), Multiply([new Number(Rational.One / content), s]));
    }

    /// <summary>True for a negative number or a term with a negative numeric coefficient.</summary>
    private static bool PrintShapeSign(Expr t) => t switch
    {
        Number n => n.Value.Sign < 0,
        Real r => r.Value < 0,
        Product { Factors: [Number c, ..] } => c.Value.Sign < 0,
        Product { Factors: [Real c, ..] } => c.Value < 0,
        _ => false,
    };

    /// <summary>
    /// Radicals of positive rationals, multiplied into the normal form of <see cref="Radicals"/>: √2·√6 = 2√3,
    /// 6^(1/3)·36^(1/3) = 6, √2·2^(1/3) = 2^(5/6), whatever the order of multiplication. Null when they already
    /// are in that form (or a number would be too large).
    /// </summary>
    private static List<Expr>? MergeRadicals(List<Expr> factors)
    {
        int candidates = 0;
        foreach (var f in factors) if (f is Power { Base: Number }) candidates++;
        if (candidates < 2) return null; // the common case: nothing to merge, nothing allocated
        var members = new List<int>();
        var radicals = new List<(Rational, Rational)>();
        for (int i = 0; i < factors.Count; i++)
        {
            if (factors[i] is not Power { Base: Number { Value: var a }, Exponent: Number { Value: var k } }) continue;
            if (a.Sign <= 0 || k.IsInteger || k.Denominator > RealFunctions.MaxRootDegree
                || BigInteger.Abs(k.Numerator) > 1 << 20) continue;
            members.Add(i);
            radicals.Add((a, k));
        }
        if (members.Count < 2 || Radicals(radicals) is not { } normal) return null;
        // already normal: the same radicals, no rational part
        var current = members.Select(i => factors[i]).Order(Comparer<Expr>.Create(ExprOrder.Compare)).ToList();
        if (normal is Product np && np.Factors.SequenceEqual(current)) return null;
        var merged = new List<Expr> { normal };
        for (int i = 0; i < factors.Count; i++) if (!members.Contains(i)) merged.Add(factors[i]);
        return merged;
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
            case Real { Value: 0 } when e is Number { Value.Sign: < 0 } or Real { Value: < 0 }:
                throw new SymbolicException("division by zero"); // as for an exact 0
            case Number nb when e is Number ne2:
                return NumberPower(nb.Value, ne2.Value);
        }
        // exp(u)^k = exp(k·u) for every real k (exp(u) > 0): so e^w, parsed as exp(1)^w, is exp(w)
        if (b is Call { Function: Function.Exp } exp && ExpOfProduct(exp.Argument, e) is { } merged) return merged;
        if (b.IsNumber && e.IsNumber)
        {
            double v = RealFunctions.Pow(NumericValue(b), e);
            // overflow and underflow stay symbolic: folding 1e-300^(3/2) to 0 would make
            // its reciprocal a division by zero
            bool representable = double.IsFinite(v) && (v != 0 || NumericValue(b) == 0);
            return representable ? new Real(v) : new Power(b, e);
        }
        if (e is Number rational && PowerOfRational(b, rational) is { } power) return power;
        // p^(c + s) = p^c·p^s for a positive rational p and a rational constant c:
        // p^c goes into the numeric normal form
        // (2^(1/2 − x) = √2·2^(−x), (3/2)^(3 + x) = 27/8·(3/2)^x), so products of such
        // powers get one form in every order.
        if (b is Number { Value.Sign: > 0 } pb && e is Sum { Terms: [Number { Value: var constant }, ..] }
            && ExactNumberPower(pb.Value, constant) is { } numeric)
            return Multiply([numeric, Pow(b, Add([e, new Number(-constant)]))]);
        return new Power(b, e);
    }

    /// <summary>b^k for a rational k through the rules that move k inside (contents of sums, powers of powers,
    /// products); null when none applies.</summary>
    private static Expr? PowerOfRational(Expr b, Number exponent)
    {
        Expr e = exponent;
        var k = exponent.Value;
        switch (b)
        {
            // (c·S)^k = c^k·S^k with S primitive: for any c when k is an integer, for c > 0 otherwise.
            case Sum sum when SplitContent(sum, allowSign: k.IsInteger) is { } split:
                return Multiply([Pow(split.Content.ToExpr(), e), Pow(split.Primitive, e)]);
            // (u^a)^k = u^(a k): always for integer k when a's root is real-valued (odd denominator);
            // it fails only when k has an even denominator and a an even numerator ((u²)^(1/2) = |u|).
            case Power p when p.Exponent is Number a && !(a.Value.Numerator.IsEven && k.Denominator.IsEven):
                return Pow(p.Base, Multiply([p.Exponent, e]));
            // otherwise u^a = |u|^a: (u^(2/3))^(3/2) = |u|, (u^(−2))^(1/2) = 1/|u|
            case Power { Exponent: Number a } p:
                return Pow(Apply(Function.Abs, p.Base), Multiply([p.Exponent, e]));
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
        return null;
    }

    /// <summary>exp(u·k), or null when the product of floating-point constants overflows.</summary>
    private static Expr? ExpOfProduct(Expr u, Expr k)
    {
        try { return Apply(Function.Exp, Multiply([u, k])); }
        catch (SymbolicException) { return null; }
    }

    /// <summary>A radical in the normal form of <see cref="Radicals"/>: m^(1/q) for an integer
    /// m &gt; 1 and q ≤ MaxRootDegree.</summary>
    internal static bool IsRadical(Power p) =>
        p is { Base: Number { Value: { Sign: > 0, IsInteger: true } },
            Exponent: Number { Value: { IsInteger: false, Numerator.IsOne: true } k } }
        && k.Denominator <= RealFunctions.MaxRootDegree;

    /// <summary>
    /// r^k as a rational times radicals in normal form, or null when that is not exact (too large, or a root beyond
    /// the degree limit): a power left symbolic would collect with r^s again.
    /// </summary>
    private static Expr? ExactNumberPower(Rational r, Rational k)
    {
        static bool Exact(Expr f) => f is Number || f is Power p && IsRadical(p);
        var power = NumberPower(r, k);
        return (power is Product product ? product.Factors.All(Exact) : Exact(power)) ? power : null;
    }

    private static double NumericValue(Expr e) => e switch
    {
        Number n => n.Value.ToDouble(),
        Real r => r.Value,
        _ => throw new InvalidOperationException("not a number"),
    };

    /// <summary>
    /// r^k exactly where possible. A root that is not rational becomes c·Π m_q^(1/q), the normal form of
    /// <see cref="Radicals"/>: (3/2)^(1/2) = sqrt(6)/2, 8^(1/2) = 2*sqrt(2), 2^(2/3) = 4^(1/3), 72^(1/6) = √2·3^(1/3).
    /// </summary>
    private static Expr NumberPower(Rational r, Rational k)
    {
        Expr Raw() => new Power(new Number(r), new Number(k));
        if (k.IsInteger)
        {
            var exact = r.TryPow(k.Numerator);
            return exact is { } x ? new Number(x) : Raw();
        }
        if (k.Denominator > RealFunctions.MaxRootDegree || (r.Sign < 0 && k.Denominator.IsEven)) return Raw();
        if (Radicals([(r.Abs(), k)]) is not { } radicals) return Raw();
        // an odd root of a negative number: (−a)^(p/q) = (−1)^p·a^(p/q)
        return r.Sign < 0 && !k.Numerator.IsEven ? Multiply([Expr.MinusOne, radicals]) : radicals;
    }

    /// <summary>
    /// Π a_i^(k_i) for positive rationals a_i, in the normal form c·Π_q m_q^(1/q): every prime p gets its total
    /// exponent e_p = Σ k_i·(multiplicity of p in a_i); the integer part of e_p goes into the rational c, and the
    /// primes whose fractional parts share the denominator q share one radical m_q^(1/q) (m_q an integer). The form
    /// depends only on the value, so √2·√3 = √6, 6^(1/3)·36^(1/3) = 6 and √2·2^(1/3) = 2^(5/6) however they were
    /// multiplied, while √3·2^(1/3) keeps two radicals. Null when a number would exceed the size limits.
    /// (Factors beyond the small primes are treated as primes, after taking out perfect powers.)
    /// </summary>
    private static Expr? Radicals(IEnumerable<(Rational Base, Rational Exponent)> factors)
    {
        var exponents = new SortedDictionary<BigInteger, Rational>();
        void AddPrimes(BigInteger n, Rational exponent)
        {
            foreach (var (p, multiplicity) in Factor(n))
                exponents[p] = (exponents.TryGetValue(p, out var e) ? e : Rational.Zero) + exponent * multiplicity;
        }
        foreach (var (a, k) in factors)
        {
            AddPrimes(a.Numerator, k);
            AddPrimes(a.Denominator, -k);
        }
        var coefficient = Rational.One;
        var radicands = new SortedDictionary<BigInteger, BigInteger>(); // root degree → radicand
        foreach (var (p, e) in exponents)
        {
            if (e.IsZero) continue;
            var whole = e.Floor();
            if (BigInteger.Abs(whole) * p.GetBitLength() > Rational.MaxPowerBits) return null;
            if (!whole.IsZero) coefficient *= new Rational(p).TryPow(whole)!.Value;
            var fraction = e - whole;
            if (fraction.IsZero) continue;
            var q = fraction.Denominator;
            if (q > RealFunctions.MaxRootDegree) return null; // 2^(1/59)·6^(1/61): a 3599th root helps nobody
            var m = (radicands.TryGetValue(q, out var old) ? old : BigInteger.One)
                * BigInteger.Pow(p, (int)fraction.Numerator);
            if (m.GetBitLength() > Rational.MaxPowerBits) return null;
            radicands[q] = m;
        }
        var parts = new List<Expr>();
        foreach (var (q, m) in radicands)
            parts.Add(new Power(new Number(m), new Number(new Rational(BigInteger.One, q))));
        parts.Sort(ExprOrder.Compare);
        if (parts.Count == 0) return new Number(coefficient);
        if (!coefficient.IsOne) parts.Insert(0, new Number(coefficient));
        return parts.Count == 1 ? parts[0] : new Product([.. parts]);
    }

    private static readonly int[] SmallPrimes = Enumerable.Range(2, 998).Where(IsPrime).ToArray();

    private static bool IsPrime(int n)
    {
        for (int d = 2; d * d <= n; d++) if (n % d == 0) return false;
        return true;
    }

    /// <summary>n &gt; 0 as (prime, multiplicity) over the small primes; what remains counts as one more "prime",
    /// written as a perfect power when it is one (1009² is 1009 with multiplicity 2).</summary>
    private static IEnumerable<(BigInteger Prime, int Multiplicity)> Factor(BigInteger n)
    {
        foreach (var p in SmallPrimes)
        {
            if (n.IsOne) yield break;
            int count = 0;
            while ((n % p).IsZero) { n /= p; count++; }
            if (count > 0) yield return (p, count);
        }
        if (n.IsOne) yield break;
        // the cofactor has no prime below 1000, so it is at most a (bits/10)-th power
        for (int j = (int)Math.Min(RealFunctions.MaxRootDegree, n.GetBitLength() / 10); j >= 2; j--)
        {
            if (Rational.IntegerRoot(n, j) is { } root) { yield return (root, j); yield break; }
        }
        yield return (n, 1);
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
            Function.Abs => q is { } v ? new Number(v.Abs())
                : piMultiple is { } m ? Expr.Multiply(new Number(m.Abs()), Expr.Pi) : null,
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
                : q == Rational.Half ? Expr.Subtract(Expr.Multiply(Expr.Fraction(1, 12), Expr.Pow(Expr.Pi, Expr.Two)),
                    Expr.Multiply(Expr.Half, Expr.Pow(Expr.Log(Expr.Two), Expr.Two)))
                : null,
        };
    }

    private static Expr? LogOfRational(Rational v)
    {
        if (v.IsOne) return Expr.Zero;
        if (v.IsInteger) return null;
        // log(p/q) = log p − log q keeps logs of integers only, so equal values share one form.
        var logQ = new Call(Function.Log, new Number(v.Denominator));
        return v.Numerator.IsOne
            ? Expr.Negate(logQ)
            : Expr.Subtract(new Call(Function.Log, new Number(v.Numerator)), logQ);
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

    private Coefficient(Rational exact, double value, bool isFloat)
    {
        _exact = exact;
        _float = value;
        _isFloat = isFloat;
    }

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
    public bool IsFloat => _isFloat;
    /// <summary>The exact value (only meaningful when not <see cref="IsFloat"/>).</summary>
    public Rational ExactValue => _exact;

    public Coefficient Plus(Coefficient other) =>
        _isFloat || other._isFloat ? Floating(Value + other.Value) : Exact(_exact + other._exact);

    public Coefficient Times(Coefficient other) =>
        _isFloat || other._isFloat ? Floating(Value * other.Value) : Exact(_exact * other._exact);

    public Expr ToExpr()
    {
        if (!_isFloat) return new Number(_exact);
        return double.IsFinite(_float)
            ? new Real(_float)
            : throw new SymbolicException("floating-point overflow in a constant");
    }
}
