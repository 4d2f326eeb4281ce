using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Arithmetic in F_p[x] for an odd prime p &lt; 2^20. A polynomial is a <c>long[]</c> of residues in [0, p),
/// lowest degree first, without trailing zeros (the zero polynomial is empty). Products of residues are below
/// 2^40, so sums of fewer than 2^23 of them fit a <c>long</c> and are reduced once at the end.
/// </summary>
internal sealed class ModularPolynomialRing
{
    /// <summary>Largest prime (exclusive) the ring accepts.</summary>
    public const long PrimeLimit = 1 << 20;

    /// <summary>Creates the ring for <paramref name="prime"/>, an odd prime below <see cref="PrimeLimit"/>.</summary>
    public ModularPolynomialRing(long prime) => Prime = prime;

    /// <summary>The characteristic p.</summary>
    public long Prime { get; }

    /// <summary>The constant polynomial 1.</summary>
    public static long[] One => [1];

    /// <summary>The polynomial x.</summary>
    public static long[] X => [0, 1];

    /// <summary>Degree; −1 for the zero polynomial.</summary>
    public static int Degree(long[] a) => a.Length - 1;

    /// <summary>a without trailing zero coefficients.</summary>
    public static long[] Normalize(long[] a)
    {
        int length = a.Length;
        while (length > 0 && a[length - 1] == 0) length--;
        return length == a.Length ? a : a[..length];
    }

    /// <summary>The residue of an integer in [0, p).</summary>
    public long Residue(BigInteger value)
    {
        var r = (long)(value % Prime);
        return r < 0 ? r + Prime : r;
    }

    /// <summary>Reduces integer coefficients (lowest degree first) modulo p.</summary>
    public long[] FromIntegers(IReadOnlyList<BigInteger> coefficients)
    {
        var result = new long[coefficients.Count];
        for (int i = 0; i < result.Length; i++) result[i] = Residue(coefficients[i]);
        return Normalize(result);
    }

    /// <summary>The inverse of a nonzero residue (Fermat's little theorem).</summary>
    public long Inverse(long a) => (long)BigInteger.ModPow(a, Prime - 2, Prime);

    /// <summary>a + b.</summary>
    public long[] Add(long[] a, long[] b)
    {
        var result = new long[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < result.Length; i++)
            result[i] = ((i < a.Length ? a[i] : 0) + (i < b.Length ? b[i] : 0)) % Prime;
        return Normalize(result);
    }

    /// <summary>a − b.</summary>
    public long[] Subtract(long[] a, long[] b)
    {
        var result = new long[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < result.Length; i++)
            result[i] = ((i < a.Length ? a[i] : 0) - (i < b.Length ? b[i] : 0) + Prime) % Prime;
        return Normalize(result);
    }

    /// <summary>c·a for a residue c.</summary>
    public long[] Scale(long[] a, long c)
    {
        var result = new long[a.Length];
        for (int i = 0; i < a.Length; i++) result[i] = a[i] * c % Prime;
        return Normalize(result);
    }

    /// <summary>a·b.</summary>
    public long[] Multiply(long[] a, long[] b)
    {
        if (a.Length == 0 || b.Length == 0) return [];
        var result = new long[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == 0) continue;
            for (int j = 0; j < b.Length; j++) result[i + j] += a[i] * b[j];
        }
        return Reduced(result);
    }

    /// <summary>Σ cᵢ·termsᵢ, the terms given as polynomials.</summary>
    public long[] LinearCombination(long[] c, long[][] terms)
    {
        var result = new long[terms.Max(t => t.Length)];
        for (int i = 0; i < c.Length; i++)
        {
            if (c[i] == 0) continue;
            var term = terms[i];
            for (int j = 0; j < term.Length; j++) result[j] += c[i] * term[j];
        }
        return Reduced(result);
    }

    /// <summary>Quotient and remainder of a by a nonzero b.</summary>
    public (long[] Quotient, long[] Remainder) DivRem(long[] a, long[] b)
    {
        if (b.Length == 0) throw new DivideByZeroException("polynomial division by zero");
        if (a.Length < b.Length) return ([], a);
        // Entries below the current leading position collect unreduced products until the end.
        var remainder = (long[])a.Clone();
        var quotient = new long[a.Length - b.Length + 1];
        long leadInverse = Inverse(b[^1]);
        for (int k = quotient.Length - 1; k >= 0; k--)
        {
            long c = Mod(remainder[k + b.Length - 1]) * leadInverse % Prime;
            quotient[k] = c;
            if (c == 0) continue;
            for (int j = 0; j < b.Length - 1; j++) remainder[k + j] -= c * b[j];
        }
        return (Normalize(quotient), Reduced(remainder[..(b.Length - 1)]));
    }

    /// <summary>a mod b.</summary>
    public long[] Remainder(long[] a, long[] b) => DivRem(a, b).Remainder;

    /// <summary>a scaled to leading coefficient 1 (the zero polynomial stays zero).</summary>
    public long[] Monic(long[] a) => a.Length == 0 || a[^1] == 1 ? a : Scale(a, Inverse(a[^1]));

    /// <summary>The monic greatest common divisor.</summary>
    public long[] Gcd(long[] a, long[] b)
    {
        while (b.Length > 0) (a, b) = (b, Remainder(a, b));
        return Monic(a);
    }

    /// <summary>
    /// Monic g = gcd(a, b) with s·a + t·b = g, deg s &lt; deg b − deg g and deg t &lt; deg a − deg g.
    /// </summary>
    public (long[] Gcd, long[] S, long[] T) ExtendedGcd(long[] a, long[] b)
    {
        long[] s0 = One, s1 = [], t0 = [], t1 = One;
        while (b.Length > 0)
        {
            var (q, r) = DivRem(a, b);
            (a, b) = (b, r);
            (s0, s1) = (s1, Subtract(s0, Multiply(q, s1)));
            (t0, t1) = (t1, Subtract(t0, Multiply(q, t1)));
        }
        long normalizer = Inverse(a[^1]);
        return (Scale(a, normalizer), Scale(s0, normalizer), Scale(t0, normalizer));
    }

    /// <summary>The formal derivative.</summary>
    public long[] Derivative(long[] a)
    {
        if (a.Length <= 1) return [];
        var result = new long[a.Length - 1];
        for (int i = 1; i < a.Length; i++) result[i - 1] = a[i] * (i % Prime) % Prime;
        return Normalize(result);
    }

    /// <summary>a^exponent mod modulus, by square and multiply.</summary>
    public long[] PowerMod(long[] a, BigInteger exponent, long[] modulus)
    {
        var result = One;
        var power = Remainder(a, modulus);
        for (; !exponent.IsZero; exponent >>= 1)
        {
            if (!exponent.IsEven) result = Remainder(Multiply(result, power), modulus);
            if (exponent > 1) power = Remainder(Multiply(power, power), modulus);
        }
        return Remainder(result, modulus);
    }

    private long Mod(long x)
    {
        long r = x % Prime;
        return r < 0 ? r + Prime : r;
    }

    /// <summary>Reduces every entry into [0, p) in place and drops trailing zeros.</summary>
    private long[] Reduced(long[] values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = Mod(values[i]);
        return Normalize(values);
    }
}
