using System.Numerics;
using static ImplicitBias.Symbolic.Algebra.IntegerPolynomialArithmetic;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Zassenhaus recombination: the true factors of f over ℤ are products of subsets of its monic factors mod M.
/// Subsets are tried by increasing size; a candidate lc(f)·∏subset in symmetric residues is confirmed by exact
/// division. With M above twice a bound C on the coefficients of lc(h)·g for every factorization f = g·h, a factor
/// found at the smallest size still possible is irreducible, and what remains once the size exceeds half the
/// modular factors is irreducible too. Cheap tests on the constant and the next-to-leading coefficient discard
/// most subsets before any product is formed.
/// </summary>
internal static class FactorRecombiner
{
    /// <summary>Subset trials allowed for one polynomial before the rest is returned unsplit.</summary>
    public const int TrialBudget = 50_000;

    /// <summary>
    /// Factors of the primitive f (f(0) ≠ 0) from its monic modular factors mod <paramref name="modulus"/>, which
    /// exceeds twice <paramref name="coefficientBound"/>; Complete is false when the trial budget stopped the
    /// search (the last factor may then be reducible).
    /// </summary>
    public static (List<BigInteger[]> Factors, bool Complete) Recombine(BigInteger[] f,
        IReadOnlyList<BigInteger[]> modularFactors, BigInteger modulus, BigInteger coefficientBound)
    {
        var found = new List<BigInteger[]>();
        var remaining = modularFactors.ToList();
        var search = new Search(modulus, coefficientBound);
        for (int size = 1; 2 * size <= remaining.Count;)
        {
            var hit = FindFactor(f, remaining, size, search);
            if (hit is null)
            {
                if (search.Exhausted) break;
                size++;
                continue;
            }
            var (subset, factor, quotient) = hit.Value;
            found.Add(factor);
            f = quotient;
            foreach (int index in subset.Reverse()) remaining.RemoveAt(index);
        }
        if (Degree(f) > 0) found.Add(f);
        return (found, !search.Exhausted);
    }

    /// <summary>The first subset of the given size whose candidate divides f, or null.</summary>
    private static (int[] Subset, BigInteger[] Factor, BigInteger[] Quotient)? FindFactor(BigInteger[] f,
        List<BigInteger[]> modular, int size, Search search)
    {
        // At exactly half the factors a subset and its complement give the same split: keep the first factor.
        bool halfSplit = 2 * size == modular.Count;
        var subset = Enumerable.Range(0, size).ToArray();
        do
        {
            if (!search.TryCount()) return null;
            var candidate = Candidate(f, modular, subset, search);
            if (candidate is null) continue;
            var quotient = ExactQuotient(f, candidate);
            if (quotient is not null) return ((int[])subset.Clone(), candidate, quotient);
        }
        while (NextSubset(subset, modular.Count) && !(halfSplit && subset[0] != 0));
        return null;
    }

    /// <summary>
    /// The primitive part of lc(f)·∏subset in symmetric residues, or null when a cheap test rules it out: a true
    /// candidate lc(h)·g has a constant term dividing lc(f)·f(0) (nonzero here), and its coefficient of x^(m−1),
    /// lc(f) times the sum of the factors' next-to-leading coefficients, is within the bound.
    /// </summary>
    private static BigInteger[]? Candidate(BigInteger[] f, List<BigInteger[]> modular, int[] subset, Search search)
    {
        var lc = f[^1];
        var constant = lc;
        foreach (int i in subset) constant = constant * modular[i][0] % search.Modulus;
        constant = SymmetricResidue(constant, search.Modulus);
        if (constant.IsZero || !(lc * f[0] % constant).IsZero) return null;
        var nextToLeading = BigInteger.Zero;
        foreach (int i in subset) nextToLeading += modular[i][^2];
        var nextCoefficient = SymmetricResidue(lc * nextToLeading, search.Modulus);
        if (BigInteger.Abs(nextCoefficient) > search.CoefficientBound) return null;
        var product = new[] { lc };
        foreach (int i in subset) product = MultiplyMod(product, modular[i], search.Modulus);
        return PrimitivePart(Symmetric(product, search.Modulus));
    }

    /// <summary>Advances to the next subset in lexicographic order; false after the last one.</summary>
    private static bool NextSubset(int[] subset, int count)
    {
        int k = subset.Length;
        int i = k - 1;
        while (i >= 0 && subset[i] == count - k + i) i--;
        if (i < 0) return false;
        subset[i]++;
        for (int j = i + 1; j < k; j++) subset[j] = subset[j - 1] + 1;
        return true;
    }

    /// <summary>The modulus, the coefficient bound, and the subset trials counted against the budget.</summary>
    private sealed class Search(BigInteger modulus, BigInteger coefficientBound)
    {
        private int _trials;

        /// <summary>The modulus M of the lifted factors.</summary>
        public BigInteger Modulus { get; } = modulus;

        /// <summary>A bound on every coefficient of a true candidate lc(h)·g.</summary>
        public BigInteger CoefficientBound { get; } = coefficientBound;

        /// <summary>True once a trial was refused.</summary>
        public bool Exhausted { get; private set; }

        /// <summary>Counts one trial; false (and exhausted from then on) when the budget is spent.</summary>
        public bool TryCount()
        {
            Exhausted |= _trials == TrialBudget;
            if (!Exhausted) _trials++;
            return !Exhausted;
        }
    }
}
