using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Greatest common divisors, contents and primitive parts of multivariate polynomials over ℚ, by recursion on the
/// most significant generator: gcd(a, b) = gcd(cont a, cont b)·gcd(pp a, pp b), the latter by the primitive
/// polynomial remainder sequence (pseudo-remainders made primitive at each step, which keeps coefficients small).
/// Results are normalized: coprime integer coefficients and a positive leading coefficient.
/// </summary>
internal static class PolynomialGcd
{
    public static Polynomial Gcd(Polynomial a, Polynomial b, WorkBudget budget)
    {
        (a, b) = Polynomial.Unify(a, b);
        if (a.IsZero) return b.Normalized();
        if (b.IsZero) return a.Normalized();
        if (a.IsConstant || b.IsConstant) return Polynomial.Constant(Rational.One, a.Generators);
        if (a.Equals(b)) return a.Normalized();
        // no generator in common: no common factor but a constant (products of many distinct kernels meet this)
        if (!a.Occurring().Any(b.DependsOn)) return Polynomial.Constant(Rational.One, a.Generators);
        if (a.TermCount == 1) return MonomialGcd(a.LeadingMonomial, b);
        if (b.TermCount == 1) return MonomialGcd(b.LeadingMonomial, a);
        // a divisor of the other is the gcd: cheap to try, and common when fractions share a factor
        if (a.TermCount > b.TermCount) (a, b) = (b, a);
        if (b.TryDivide(a, budget) is not null) return a.Normalized();
        int v = MainGenerator(a, b);
        if (!a.DependsOn(v)) return Gcd(a, Content(b, v, budget), budget);
        if (!b.DependsOn(v)) return Gcd(Content(a, v, budget), b, budget);
        // most gcds are 1, and deciding that by remainder sequences in many generators is what costs: an evaluation of
        // the other generators bounds the gcd's degree in each one, and a generator of degree 0 in the gcd drops out
        foreach (var g in a.Occurring())
            if (b.DependsOn(g) && DegreeBound(a, b, g, budget) == 0) return ContentGcd(a, b, g, budget);
        if (HeuristicGcd.TryGcd(a.Normalized(), b.Normalized(), budget) is { } heuristic) return heuristic;
        var (contentA, primitiveA) = ContentAndPrimitive(a, v, budget);
        var (contentB, primitiveB) = ContentAndPrimitive(b, v, budget);
        var content = Gcd(contentA, contentB, budget);
        var primitive = PrimitiveRemainderSequence(primitiveA, primitiveB, v, budget);
        return Polynomial.Multiply(content, primitive, budget).Normalized();
    }

    /// <summary>
    /// The content in generator <paramref name="index"/> (the gcd of the coefficients of its powers, normalized) and
    /// the primitive part p/content.
    /// </summary>
    public static (Polynomial Content, Polynomial Primitive) ContentAndPrimitive(Polynomial p, int index,
        WorkBudget budget)
    {
        var content = Content(p, index, budget);
        var primitive = p.TryDivide(content, budget) ?? throw new InvalidOperationException("content must divide");
        return (content, primitive);
    }

    /// <summary>The gcd of the coefficients of the powers of generator <paramref name="index"/>.</summary>
    public static Polynomial Content(Polynomial p, int index, WorkBudget budget)
    {
        var coefficients = p.CoefficientsIn(index).Where(c => !c.IsZero).OrderBy(c => c.TermCount).ToList();
        if (coefficients.Count == 0) return p;
        var g = coefficients[0].Normalized();
        for (int i = 1; i < coefficients.Count && !g.IsConstant; i++) g = Gcd(g, coefficients[i], budget);
        return g.IsConstant ? Polynomial.Constant(Rational.One, p.Generators) : g;
    }

    /// <summary>
    /// gcd(cont a, cont b) in generator g (the gcd when it is free of g), folding the coefficients of the larger
    /// polynomial into the content of the smaller one and stopping as soon as it is 1.
    /// </summary>
    private static Polynomial ContentGcd(Polynomial a, Polynomial b, int g, WorkBudget budget)
    {
        if (a.TermCount > b.TermCount) (a, b) = (b, a);
        var result = Content(a, g, budget);
        foreach (var c in b.CoefficientsIn(g).Where(c => !c.IsZero).OrderBy(c => c.TermCount))
        {
            if (result.IsConstant) break;
            result = Gcd(result, c, budget);
        }
        return result.IsConstant ? Polynomial.Constant(Rational.One, a.Generators) : result.Normalized();
    }

    /// <summary>The gcd of two polynomials primitive in generator v, both of positive degree in it.</summary>
    private static Polynomial PrimitiveRemainderSequence(Polynomial a, Polynomial b, int v, WorkBudget budget)
    {
        if (a.Degree(v) < b.Degree(v)) (a, b) = (b, a);
        while (true)
        {
            var (_, r) = a.PseudoDivRem(b, v, budget);
            if (r.IsZero) return b.Normalized();
            if (!r.DependsOn(v)) return Polynomial.Constant(Rational.One, a.Generators);
            a = b;
            b = ContentAndPrimitive(r, v, budget).Primitive;
        }
    }

    /// <summary>
    /// An upper bound on the degree of gcd(a, b) in generator v: the degree of the gcd of the images of a and b in
    /// F_p[v] with the other generators replaced by residues at which both leading coefficients in v stay nonzero
    /// (the gcd divides both images and keeps its degree, since its leading coefficient divides theirs). Modular
    /// images keep every number small. Without such a point, the smaller degree.
    /// </summary>
    private static int DegreeBound(Polynomial a, Polynomial b, int v, WorkBudget budget)
    {
        int fallback = Math.Min(a.Degree(v), b.Degree(v));
        var (ia, ib) = (a.Normalized(), b.Normalized()); // integer coefficients
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var ring = new ModularPolynomialRing(BoundPrimes[attempt]);
            budget.Spend(ia.TermCount + ib.TermCount);
            var ea = Image(ia, v, ring, attempt);
            var eb = Image(ib, v, ring, attempt);
            if (ModularPolynomialRing.Degree(ea) < a.Degree(v) || ModularPolynomialRing.Degree(eb) < b.Degree(v))
                continue; // a leading coefficient vanished at this point
            return ModularPolynomialRing.Degree(ring.Gcd(ea, eb));
        }
        return fallback;
    }

    /// <summary>Primes below the ring's limit for the modular images.</summary>
    private static readonly long[] BoundPrimes = [1_048_573, 1_048_571, 1_048_559];

    /// <summary>p in F_p[v]: every other generator i replaced by the residue 7919·(i + 1) + 104729·attempt.</summary>
    private static long[] Image(Polynomial p, int v, ModularPolynomialRing ring, int attempt)
    {
        var image = new long[p.Degree(v) + 1];
        for (int t = 0; t < p.TermCount; t++)
        {
            var m = p.Monomials[t];
            long value = ring.Residue(p.Coefficients[t].Numerator);
            for (int i = 0; i < p.Arity && value != 0; i++)
            {
                if (i == v || m[i] == 0) continue;
                long point = (7919L * (i + 1) + 104_729L * attempt) % ring.Prime;
                value = value * (long)BigInteger.ModPow(point, m[i], ring.Prime) % ring.Prime;
            }
            image[m[v]] = (image[m[v]] + value) % ring.Prime;
        }
        return ModularPolynomialRing.Normalize(image);
    }

    /// <summary>gcd(m, p) for a monomial m: the monomial gcd of m and every term of p.</summary>
    private static Polynomial MonomialGcd(Monomial m, Polynomial p)
    {
        var g = m;
        foreach (var (term, _) in p.Terms) g = Monomial.Gcd(g, term);
        return new Polynomial(p.Generators, [g], [Rational.One]);
    }

    /// <summary>The most significant generator occurring in either polynomial.</summary>
    private static int MainGenerator(Polynomial a, Polynomial b)
    {
        for (int i = 0; i < a.Arity; i++) if (a.DependsOn(i) || b.DependsOn(i)) return i;
        throw new InvalidOperationException("constant polynomials have no main generator");
    }
}
