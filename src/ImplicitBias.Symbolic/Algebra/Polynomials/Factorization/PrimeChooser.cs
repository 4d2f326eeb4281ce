using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Chooses the prime for the Zassenhaus method: odd primes not dividing the leading coefficient and keeping f
/// square-free; among the first few such primes the one with the fewest modular factors wins.
/// </summary>
internal static class PrimeChooser
{
    /// <summary>How many usable primes are compared.</summary>
    private const int Candidates = 5;

    /// <summary>
    /// The chosen prime's ring and the monic irreducible factors of f mod p, or null when no prime below the
    /// search limit is usable.
    /// </summary>
    /// <exception cref="ArgumentException">f is provably not square-free.</exception>
    public static (ModularPolynomialRing Ring, List<long[]> Factors)? Choose(BigInteger[] f)
    {
        (ModularPolynomialRing Ring, List<long[]> Factors)? best = null;
        int usable = 0;
        var certificate = new NonSquareFreeCertificate(f);
        foreach (long p in OddPrimes())
        {
            if ((f[^1] % p).IsZero) continue;
            var ring = new ModularPolynomialRing(p);
            var image = ring.Monic(ring.FromIntegers(f));
            if (ModularPolynomialRing.Degree(ring.Gcd(image, ring.Derivative(image))) > 0)
            {
                if (certificate.AddBadPrime(p)) throw IntegerPolynomialFactorizer.NotSquareFree();
                continue;
            }
            var factors = ModularFactorizer.Factor(ring, image);
            if (best is null || factors.Count < best.Value.Factors.Count) best = (ring, factors);
            if (factors.Count == 1 || ++usable == Candidates) break;
        }
        return best;
    }

    private static IEnumerable<long> OddPrimes()
    {
        var found = new List<long>();
        for (long n = 3; n < ModularPolynomialRing.PrimeLimit; n += 2)
        {
            bool prime = true;
            foreach (long q in found)
            {
                if (q * q > n) break;
                if (n % q == 0) { prime = false; break; }
            }
            if (!prime) continue;
            found.Add(n);
            yield return n;
        }
    }
}
