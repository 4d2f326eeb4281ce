using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Irreducible factorization in F_p[x] (p odd) of a monic square-free polynomial: distinct-degree factorization
/// followed by Cantor–Zassenhaus equal-degree splitting with a seeded random source, so results are reproducible.
/// </summary>
internal static class ModularFactorizer
{
    /// <summary>The monic irreducible factors of the monic square-free <paramref name="f"/> of degree ≥ 1.</summary>
    public static List<long[]> Factor(ModularPolynomialRing ring, long[] f)
    {
        var random = new Random((int)ring.Prime);
        var factors = new List<long[]>();
        foreach (var (product, degree) in DistinctDegree(ring, f))
            factors.AddRange(EqualDegree(ring, product, degree, random));
        return factors;
    }

    /// <summary>
    /// Splits f into products of all its irreducible factors of one degree, using x^(p^i) ≡ x (mod every
    /// irreducible factor of degree dividing i). Powers x^(p^i) come from the Frobenius matrix, one product each.
    /// </summary>
    private static List<(long[] Product, int Degree)> DistinctDegree(ModularPolynomialRing ring, long[] f)
    {
        var result = new List<(long[], int)>();
        var frobenius = FrobeniusMatrix(ring, f);
        var remaining = f;
        var power = ModularPolynomialRing.X;
        for (int degree = 1; 2 * degree <= ModularPolynomialRing.Degree(remaining); degree++)
        {
            power = ring.LinearCombination(power, frobenius);
            var product = ring.Gcd(remaining, ring.Subtract(power, ModularPolynomialRing.X));
            if (ModularPolynomialRing.Degree(product) <= 0) continue;
            result.Add((product, degree));
            remaining = ring.DivRem(remaining, product).Quotient;
        }
        // What is left has no factor of degree at most half its own, so it is irreducible.
        int restDegree = ModularPolynomialRing.Degree(remaining);
        if (restDegree > 0) result.Add((remaining, restDegree));
        return result;
    }

    /// <summary>Row j holds x^(j·p) mod f, so h^p mod f = Σ h_j·row_j (coefficients satisfy c^p = c).</summary>
    private static long[][] FrobeniusMatrix(ModularPolynomialRing ring, long[] f)
    {
        int n = ModularPolynomialRing.Degree(f);
        var rows = new long[n][];
        var xToP = ring.PowerMod(ModularPolynomialRing.X, ring.Prime, f);
        rows[0] = ModularPolynomialRing.One;
        for (int j = 1; j < n; j++) rows[j] = ring.Remainder(ring.Multiply(rows[j - 1], xToP), f);
        return rows;
    }

    /// <summary>
    /// Splits a product of irreducible factors all of degree <paramref name="degree"/>: for a random a,
    /// gcd(g, a^((p^d − 1)/2) − 1) picks each factor independently with probability about one half.
    /// </summary>
    private static List<long[]> EqualDegree(ModularPolynomialRing ring, long[] product, int degree, Random random)
    {
        var irreducible = new List<long[]>();
        var pending = new Stack<long[]>();
        pending.Push(product);
        var exponent = (BigInteger.Pow(ring.Prime, degree) - 1) / 2;
        while (pending.Count > 0)
        {
            var g = pending.Pop();
            if (ModularPolynomialRing.Degree(g) == degree)
            {
                irreducible.Add(g);
                continue;
            }
            var split = ring.Gcd(g, ring.Subtract(ring.PowerMod(RandomBelow(ring, g, random), exponent, g),
                ModularPolynomialRing.One));
            int splitDegree = ModularPolynomialRing.Degree(split);
            if (splitDegree > 0 && splitDegree < ModularPolynomialRing.Degree(g))
            {
                pending.Push(split);
                pending.Push(ring.DivRem(g, split).Quotient);
            }
            else pending.Push(g);
        }
        return irreducible;
    }

    private static long[] RandomBelow(ModularPolynomialRing ring, long[] g, Random random)
    {
        var a = new long[ModularPolynomialRing.Degree(g)];
        for (int i = 0; i < a.Length; i++) a[i] = random.NextInt64(ring.Prime);
        return ModularPolynomialRing.Normalize(a);
    }
}
