using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Proves an integer polynomial f not square-free from primes p ∤ lc(f) for which f mod p is not square-free:
/// each such p divides the resultant res(f, f′), so once their product exceeds Hadamard's bound
/// ‖f‖₂^(n−1)·‖f′‖₂^n on |res(f, f′)|, the resultant is 0 and f has a repeated factor.
/// </summary>
internal sealed class NonSquareFreeCertificate
{
    /// <summary>An upper bound on log₂ of the squared Hadamard bound.</summary>
    private readonly long _squaredBoundBits;

    private BigInteger _badPrimeProduct = BigInteger.One;

    /// <summary>Prepares the bound for f (lowest degree first, degree n ≥ 1).</summary>
    public NonSquareFreeCertificate(BigInteger[] f)
    {
        int n = f.Length - 1;
        BigInteger normSquared = BigInteger.Zero, derivativeNormSquared = BigInteger.Zero;
        for (int i = 0; i <= n; i++)
        {
            normSquared += f[i] * f[i];
            derivativeNormSquared += i * f[i] * (i * f[i]);
        }
        _squaredBoundBits = (n - 1) * (long)normSquared.GetBitLength()
            + n * (long)derivativeNormSquared.GetBitLength();
    }

    /// <summary>Records a bad prime; true once the bad primes prove that f is not square-free.</summary>
    public bool AddBadPrime(long prime)
    {
        _badPrimeProduct *= prime;
        // (product)² ≥ 2^(2·(bits − 1)) exceeds the squared bound, which is below 2^_squaredBoundBits.
        return 2 * (_badPrimeProduct.GetBitLength() - 1) >= _squaredBoundBits;
    }
}
