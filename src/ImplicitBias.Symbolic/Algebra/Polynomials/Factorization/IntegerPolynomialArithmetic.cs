using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Dense polynomials with integer coefficients as <c>BigInteger[]</c>, lowest degree first, without trailing
/// zeros: arithmetic over ℤ and modulo an integer m (residues kept in [0, m)).
/// </summary>
internal static class IntegerPolynomialArithmetic
{
    /// <summary>Below this many terms in the shorter factor, packing costs more than the schoolbook product.</summary>
    private const int KroneckerThreshold = 12;

    /// <summary>Degree; −1 for the zero polynomial.</summary>
    public static int Degree(BigInteger[] a) => a.Length - 1;

    /// <summary>a without trailing zero coefficients.</summary>
    public static BigInteger[] Normalize(BigInteger[] a)
    {
        int length = a.Length;
        while (length > 0 && a[length - 1].IsZero) length--;
        return length == a.Length ? a : a[..length];
    }

    /// <summary>Residues in [0, p) as integers.</summary>
    public static BigInteger[] FromResidues(long[] residues) => [.. residues.Select(r => new BigInteger(r))];

    /// <summary>a·b.</summary>
    public static BigInteger[] Multiply(BigInteger[] a, BigInteger[] b)
    {
        if (a.Length == 0 || b.Length == 0) return [];
        var result = new BigInteger[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].IsZero) continue;
            for (int j = 0; j < b.Length; j++) result[i + j] += a[i] * b[j];
        }
        return Normalize(result);
    }

    /// <summary>a + b.</summary>
    public static BigInteger[] Add(BigInteger[] a, BigInteger[] b)
    {
        var result = new BigInteger[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < result.Length; i++)
            result[i] = (i < a.Length ? a[i] : BigInteger.Zero) + (i < b.Length ? b[i] : BigInteger.Zero);
        return Normalize(result);
    }

    /// <summary>a − b.</summary>
    public static BigInteger[] Subtract(BigInteger[] a, BigInteger[] b) => Add(a, Scale(b, BigInteger.MinusOne));

    /// <summary>c·a.</summary>
    public static BigInteger[] Scale(BigInteger[] a, BigInteger c) => Normalize([.. a.Select(x => x * c)]);

    /// <summary>Coefficients reduced into [0, m).</summary>
    public static BigInteger[] Reduce(BigInteger[] a, BigInteger m) => Normalize([.. a.Select(x => Residue(x, m))]);

    /// <summary>Coefficients reduced into the symmetric range (−m/2, m/2].</summary>
    public static BigInteger[] Symmetric(BigInteger[] a, BigInteger m) =>
        Normalize([.. a.Select(x => SymmetricResidue(x, m))]);

    /// <summary>x mod m in (−m/2, m/2].</summary>
    public static BigInteger SymmetricResidue(BigInteger x, BigInteger m)
    {
        var r = Residue(x, m);
        return r > m / 2 ? r - m : r;
    }

    /// <summary>x mod m in [0, m).</summary>
    public static BigInteger Residue(BigInteger x, BigInteger m)
    {
        var r = x % m;
        return r.Sign < 0 ? r + m : r;
    }

    /// <summary>
    /// a·b mod m. Beyond a few terms by Kronecker substitution: with coefficients in [0, m), each polynomial is
    /// packed into one integer with slots wide enough for every coefficient of the product, so one (subquadratic)
    /// integer product does the work of the schoolbook double loop.
    /// </summary>
    public static BigInteger[] MultiplyMod(BigInteger[] a, BigInteger[] b, BigInteger m)
    {
        a = Reduce(a, m);
        b = Reduce(b, m);
        if (Math.Min(a.Length, b.Length) < KroneckerThreshold) return Reduce(Multiply(a, b), m);
        // A product coefficient is a sum of at most min(|a|, |b|) products below m².
        long slotBits = 2 * (long)m.GetBitLength() + BitOperations.Log2((uint)Math.Min(a.Length, b.Length)) + 1;
        int slotBytes = (int)((slotBits + 7) / 8);
        var packed = Pack(a, slotBytes) * Pack(b, slotBytes);
        return Reduce(Unpack(packed, slotBytes, a.Length + b.Length - 1), m);
    }

    private static BigInteger Pack(BigInteger[] coefficients, int slotBytes)
    {
        var bytes = new byte[coefficients.Length * slotBytes];
        for (int i = 0; i < coefficients.Length; i++)
            coefficients[i].TryWriteBytes(bytes.AsSpan(i * slotBytes, slotBytes), out _, isUnsigned: true);
        return new BigInteger(bytes, isUnsigned: true);
    }

    private static BigInteger[] Unpack(BigInteger packed, int slotBytes, int count)
    {
        var bytes = packed.ToByteArray(isUnsigned: true);
        var coefficients = new BigInteger[count];
        for (int i = 0; i < count && i * slotBytes < bytes.Length; i++)
        {
            int start = i * slotBytes;
            coefficients[i] = new BigInteger(bytes.AsSpan(start, Math.Min(slotBytes, bytes.Length - start)),
                isUnsigned: true);
        }
        return coefficients;
    }

    /// <summary>Quotient and remainder mod m of a by b, whose leading coefficient is 1 mod m.</summary>
    public static (BigInteger[] Quotient, BigInteger[] Remainder) DivRemMonic(BigInteger[] a, BigInteger[] b,
        BigInteger m)
    {
        var remainder = Reduce(a, m);
        if (remainder.Length < b.Length) return ([], remainder);
        remainder = (BigInteger[])remainder.Clone();
        var quotient = new BigInteger[remainder.Length - b.Length + 1];
        for (int k = quotient.Length - 1; k >= 0; k--)
        {
            var c = Residue(remainder[k + b.Length - 1], m);
            quotient[k] = c;
            if (c.IsZero) continue;
            for (int j = 0; j < b.Length; j++) remainder[k + j] -= c * b[j];
        }
        return (Reduce(quotient, m), Reduce(remainder[..(b.Length - 1)], m));
    }

    /// <summary>a / b over ℤ when b divides a exactly, otherwise null.</summary>
    public static BigInteger[]? ExactQuotient(BigInteger[] a, BigInteger[] b)
    {
        if (a.Length < b.Length) return null;
        var remainder = (BigInteger[])a.Clone();
        var quotient = new BigInteger[a.Length - b.Length + 1];
        for (int k = quotient.Length - 1; k >= 0; k--)
        {
            var c = BigInteger.DivRem(remainder[k + b.Length - 1], b[^1], out var rest);
            if (!rest.IsZero) return null;
            quotient[k] = c;
            if (c.IsZero) continue;
            for (int j = 0; j < b.Length; j++) remainder[k + j] -= c * b[j];
        }
        for (int j = 0; j < b.Length - 1; j++)
            if (!remainder[j].IsZero) return null;
        return Normalize(quotient);
    }

    /// <summary>The gcd of the coefficients (0 for the zero polynomial).</summary>
    public static BigInteger Content(IEnumerable<BigInteger> a) =>
        a.Aggregate(BigInteger.Zero, BigInteger.GreatestCommonDivisor);

    /// <summary>a divided by its content, with positive leading coefficient; a must be nonzero.</summary>
    public static BigInteger[] PrimitivePart(BigInteger[] a)
    {
        var content = Content(a);
        if (a[^1].Sign < 0) content = -content;
        return [.. a.Select(x => x / content)];
    }

    /// <summary>The product of several polynomials (1 for none).</summary>
    public static BigInteger[] Product(IEnumerable<BigInteger[]> factors) =>
        factors.Aggregate(new BigInteger[] { BigInteger.One }, Multiply);
}
