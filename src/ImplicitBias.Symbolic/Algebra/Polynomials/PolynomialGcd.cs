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
        if (a.TermCount == 1) return MonomialGcd(a.LeadingMonomial, b);
        if (b.TermCount == 1) return MonomialGcd(b.LeadingMonomial, a);
        int v = MainGenerator(a, b);
        if (!a.DependsOn(v)) return Gcd(a, Content(b, v, budget), budget);
        if (!b.DependsOn(v)) return Gcd(Content(a, v, budget), b, budget);
        // most gcds are 1, and deciding that by remainder sequences in many generators is what costs: an evaluation of
        // the other generators bounds the gcd's degree in each one, and a generator of degree 0 in the gcd drops out
        foreach (var g in a.Occurring())
            if (b.DependsOn(g) && DegreeBound(a, b, g, budget) == 0)
                return Gcd(Content(a, g, budget), Content(b, g, budget), budget);
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
    /// An upper bound on the degree of gcd(a, b) in generator v: the degree of the gcd of a and b with the other
    /// generators replaced by integers at which both leading coefficients in v stay nonzero (the gcd's leading
    /// coefficient divides them, so its degree survives the evaluation). Without such a point, the smaller degree.
    /// </summary>
    private static int DegreeBound(Polynomial a, Polynomial b, int v, WorkBudget budget)
    {
        int fallback = Math.Min(a.Degree(v), b.Degree(v));
        var others = Enumerable.Range(0, a.Arity).Where(i => i != v && (a.DependsOn(i) || b.DependsOn(i))).ToList();
        if (others.Count == 0) return fallback;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var point = new Dictionary<int, Rational>();
            for (int k = 0; k < others.Count; k++)
                point[others[k]] = EvaluationValues[(k + 5 * attempt) % EvaluationValues.Length];
            budget.Spend(a.TermCount + b.TermCount);
            var ea = a.Evaluate(point);
            var eb = b.Evaluate(point);
            if (ea.Degree(v) < a.Degree(v) || eb.Degree(v) < b.Degree(v)) continue; // a leading coefficient vanished
            return Gcd(ea, eb, budget).Degree(v);
        }
        return fallback;
    }

    /// <summary>Small integers of both signs, far from the special values 0 and ±1.</summary>
    private static readonly Rational[] EvaluationValues = [3, -5, 7, 11, -13, 17, 19, -23, 29, 31, -37];

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
