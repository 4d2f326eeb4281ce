using System.Collections.Immutable;
using System.Numerics;
using static ImplicitBias.Symbolic.Algebra.IntegerPolynomialArithmetic;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Irreducible factorization over ℤ (hence over ℚ) of a primitive, square-free polynomial by the Zassenhaus
/// method: factor modulo a well-chosen prime p, Hensel-lift to p^k above twice the factor coefficient bound,
/// recombine modular factors by subsets of increasing size, and confirm every factor by exact division.
/// </summary>
internal static class IntegerPolynomialFactorizer
{
    /// <summary>Above this degree the input comes back as one factor, not proven irreducible.</summary>
    public const int MaxDegree = 200;

    /// <summary>
    /// Lifting this many bits past the bound makes a false subset pass the next-to-leading coefficient test
    /// with probability about 2^−32, so almost no futile product or trial division is formed.
    /// </summary>
    private const int FilterMarginBits = 32;

    /// <summary>
    /// The irreducible factors of f (coefficients lowest degree first): degree at least 1, positive leading
    /// coefficient, content 1, square-free. Complete is false when a budget (degree above
    /// <see cref="MaxDegree"/>, <see cref="FactorRecombiner.TrialBudget"/> subset trials, or no usable prime
    /// below the search limit) left a factor that may be reducible; the product of the factors is f in any case.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// f is zero or constant, its leading coefficient is negative, its content is not 1, or it is provably not
    /// square-free.
    /// </exception>
    public static IntegerFactorization Factor(IReadOnlyList<BigInteger> coefficients)
    {
        var f = Validated(coefficients);
        if (Degree(f) > MaxDegree) return Result(f, [f], complete: false);
        var factors = new List<BigInteger[]>();
        var rest = f;
        if (rest[0].IsZero)
        {
            // Square-free, so x divides f once; removing it keeps the constant term nonzero for recombination.
            factors.Add([BigInteger.Zero, BigInteger.One]);
            rest = rest[1..];
            if (rest[0].IsZero) throw NotSquareFree();
        }
        bool complete = true;
        if (Degree(rest) == 1) factors.Add(rest);
        else if (Degree(rest) > 1) complete = FactorWithNonzeroConstant(rest, factors);
        return Result(f, factors, complete);
    }

    /// <summary>Appends the factors of f (degree ≥ 2, f(0) ≠ 0); true when all are proven irreducible.</summary>
    private static bool FactorWithNonzeroConstant(BigInteger[] f, List<BigInteger[]> factors)
    {
        var image = PrimeChooser.Choose(f);
        if (image is null || image.Value.Factors.Count == 1)
        {
            // Irreducible modulo a prime not dividing lc(f) means irreducible over ℤ for a primitive f.
            factors.Add(f);
            return image is not null;
        }
        var (ring, modularFactors) = image.Value;
        long boundBits = CoefficientBoundBits(f);
        int exponent = 1;
        var modulus = new BigInteger(ring.Prime);
        for (; modulus.GetBitLength() <= boundBits + 1 + FilterMarginBits; modulus *= ring.Prime) exponent++;
        var lifted = HenselLifter.Lift(f, ring, modularFactors, exponent);
        var (found, complete) = FactorRecombiner.Recombine(f, lifted, modulus, BigInteger.One << (int)boundBits);
        factors.AddRange(found);
        return complete;
    }

    /// <summary>
    /// Bits b with 2^b ≥ lc(f)·2^n·‖f‖₂. By Mignotte's bound every factorization f = g·h has
    /// ‖lc(h)·g‖∞ ≤ 2^n·‖f‖₂, so symmetric residues mod M &gt; 2^(b+1) recover lc(h)·g exactly
    /// (the factor lc(f) is a safety margin).
    /// </summary>
    private static long CoefficientBoundBits(BigInteger[] f)
    {
        var normSquared = f.Aggregate(BigInteger.Zero, (sum, c) => sum + c * c);
        // 2^⌈bits/2⌉ is at least ‖f‖₂.
        return (long)f[^1].GetBitLength() + Degree(f) + ((long)normSquared.GetBitLength() + 1) / 2;
    }

    /// <summary>The error for an input with a repeated factor.</summary>
    public static ArgumentException NotSquareFree() =>
        new("The polynomial is not square-free.", "coefficients");

    private static BigInteger[] Validated(IReadOnlyList<BigInteger> coefficients)
    {
        var f = Normalize([.. coefficients]);
        if (f.Length == 0)
            throw new ArgumentException("The zero polynomial has no factorization.", nameof(coefficients));
        if (f.Length == 1) throw new ArgumentException("A constant is not factored here.", nameof(coefficients));
        if (f[^1].Sign < 0)
            throw new ArgumentException("The leading coefficient must be positive.", nameof(coefficients));
        if (!Content(f).IsOne) throw new ArgumentException("The polynomial must be primitive.", nameof(coefficients));
        return f;
    }

    /// <summary>The result in canonical order, after checking that the factors multiply back to f exactly.</summary>
    private static IntegerFactorization Result(BigInteger[] f, List<BigInteger[]> factors, bool complete)
    {
        if (!Product(factors).AsSpan().SequenceEqual(f))
            throw new InvalidOperationException("Internal error: the factors do not multiply back to the input.");
        factors.Sort(CanonicalOrder);
        return new IntegerFactorization([.. factors.Select(c => ImmutableArray.Create(c))], complete);
    }

    /// <summary>By degree, then by coefficients from the leading one down.</summary>
    private static int CanonicalOrder(BigInteger[] a, BigInteger[] b)
    {
        if (a.Length != b.Length) return a.Length.CompareTo(b.Length);
        for (int i = a.Length - 1; i >= 0; i--)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return 0;
    }
}
