using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// The heuristic gcd of Char, Geddes and Gonnet for integer polynomials: evaluate the main generator at a large
/// integer ξ, take the gcd of the images (recursively, down to integers), and read the gcd back from the ξ-adic
/// digits of the result. A candidate is kept only when it divides both inputs exactly, so a result is always a
/// common divisor; by the heuristic gcd theorem it is the greatest one for ξ this large. Remainder sequences in many
/// generators grow their intermediate coefficients; this does not, which is why it is tried first.
/// </summary>
internal static class HeuristicGcd
{
    private const int Attempts = 6;

    /// <summary>The normalized gcd of two normalized nonzero integer polynomials,
    /// or null when the heuristic fails.</summary>
    public static Polynomial? TryGcd(Polynomial a, Polynomial b, WorkBudget budget)
    {
        try { return Recurse(a, b, budget); }
        catch (PolynomialBudgetException) when (budget.Remaining > 0) { return null; } // a power too large to evaluate
    }

    /// <summary>
    /// The gcd with its integer content: the contents' gcd times the gcd of the primitive parts, which the
    /// evaluation finds (an image's integer factors matter one level up, so only the final candidate is made
    /// primitive).
    /// </summary>
    private static Polynomial? Recurse(Polynomial a, Polynomial b, WorkBudget budget)
    {
        var (contentA, contentB) = (Content(a), Content(b));
        var common = Polynomial.Constant(BigInteger.GreatestCommonDivisor(contentA, contentB), a.Generators);
        if (a.IsConstant || b.IsConstant) return common;
        a = a.Scale(new Rational(BigInteger.One, contentA));
        b = b.Scale(new Rational(BigInteger.One, contentB));
        int v = Enumerable.Range(0, a.Arity).First(i => a.DependsOn(i) || b.DependsOn(i));
        var (normA, normB) = (Norm(a), Norm(b));
        var bound = 2 * BigInteger.Min(normA, normB) + 29;
        var xi = BigInteger.Max(BigInteger.Min(bound, 99 * Sqrt(bound)),
            2 * BigInteger.Min(normA / BigInteger.Abs(a.LeadingCoefficient.Numerator),
                normB / BigInteger.Abs(b.LeadingCoefficient.Numerator)) + 2);
        for (int attempt = 0; attempt < Attempts; attempt++, xi = xi * 73794 / 27011)
        {
            budget.Spend((a.TermCount + b.TermCount) * (1L + a.CoefficientWords + b.CoefficientWords));
            var point = new Dictionary<int, Rational> { [v] = xi };
            var (ea, eb) = (a.Evaluate(point), b.Evaluate(point));
            if (ea.IsZero || eb.IsZero) continue;
            // a failure below fails the whole attempt: retrying every level would multiply the attempts
            if (Recurse(ea, eb, budget) is not { } image) return null;
            var candidate = Interpolate(image, xi, v, budget).Normalized();
            if (candidate.IsZero) continue;
            if (a.TryDivide(candidate, budget) is not null && b.TryDivide(candidate, budget) is not null)
                return Polynomial.Multiply(common, candidate, null);
        }
        return null;
    }

    /// <summary>The polynomial in generator v whose coefficients are the balanced ξ-adic digits of h.</summary>
    private static Polynomial Interpolate(Polynomial h, BigInteger xi, int v, WorkBudget budget)
    {
        var result = Polynomial.Zero(h.Generators);
        var half = xi / 2;
        for (int k = 0; !h.IsZero; k++)
        {
            if (k > Polynomial.MaxTerms) throw new PolynomialBudgetException();
            var digits = new List<(Monomial, Rational)>(h.TermCount);
            foreach (var (m, c) in h.Terms)
            {
                var digit = BigInteger.Remainder(c.Numerator, xi);
                if (digit > half) digit -= xi;
                else if (digit < -half) digit += xi;
                if (!digit.IsZero) digits.Add((m, digit));
            }
            budget.Spend(h.TermCount * (1L + h.CoefficientWords));
            var digitPolynomial = Polynomial.FromTerms(h.Generators, digits);
            result += Polynomial.Multiply(digitPolynomial, Polynomial.GeneratorPower(h.Generators, v, k), null);
            h = (h - digitPolynomial).Scale(new Rational(BigInteger.One, xi));
        }
        return result;
    }

    /// <summary>The gcd of the (integer) coefficients.</summary>
    private static BigInteger Content(Polynomial p) =>
        p.Terms.Aggregate(BigInteger.Zero, (g, t) => BigInteger.GreatestCommonDivisor(g, t.Coefficient.Numerator));

    /// <summary>The largest absolute value of a coefficient.</summary>
    private static BigInteger Norm(Polynomial p)
    {
        var norm = BigInteger.Zero;
        foreach (var (_, c) in p.Terms) norm = BigInteger.Max(norm, BigInteger.Abs(c.Numerator));
        return norm;
    }

    private static BigInteger Sqrt(BigInteger n)
    {
        if (n < 2) return n;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) / 2;
            if (y >= x) return x;
            x = y;
        }
    }
}
