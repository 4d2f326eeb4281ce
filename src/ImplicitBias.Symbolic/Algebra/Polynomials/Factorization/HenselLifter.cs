using System.Numerics;
using static ImplicitBias.Symbolic.Algebra.IntegerPolynomialArithmetic;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Multifactor Hensel lifting: from f ≡ lc(f)·g₁⋯g_r (mod p) with monic, pairwise coprime g_i to the same
/// factorization mod p^k. The factors are split into halves along a balanced tree and every split f ≡ G·H is
/// lifted quadratically (von zur Gathen–Gerhard, Algorithm 15.10), keeping the Bézout cofactors lifted alongside.
/// </summary>
internal static class HenselLifter
{
    /// <summary>
    /// The monic lifts mod p^<paramref name="exponent"/> of <paramref name="factors"/>, whose product is
    /// f/lc(f) mod p^exponent; p must not divide lc(f) and the factors must be coprime mod p.
    /// </summary>
    public static List<BigInteger[]> Lift(BigInteger[] f, ModularPolynomialRing ring, IReadOnlyList<long[]> factors,
        int exponent)
    {
        int doublings = 0;
        while ((1 << doublings) < exponent) doublings++;
        var liftModulus = BigInteger.Pow(ring.Prime, 1 << doublings);
        var modulus = BigInteger.Pow(ring.Prime, exponent);
        var lifted = new List<BigInteger[]>();
        var pending = new Stack<(BigInteger[] Target, IReadOnlyList<long[]> Group)>();
        pending.Push((f, factors));
        while (pending.Count > 0)
        {
            var (target, group) = pending.Pop();
            if (group.Count == 1)
            {
                var monic = Reduce(Scale(target, ModularInverse(target[^1], liftModulus)), modulus);
                if (!ring.FromIntegers(monic).AsSpan().SequenceEqual(group[0])) throw LiftingFailed();
                lifted.Add(monic);
                continue;
            }
            int half = group.Count / 2;
            IReadOnlyList<long[]> left = [.. group.Take(half)], right = [.. group.Skip(half)];
            var (g, h) = LiftSplit(target, ring, left, right, doublings);
            pending.Push((g, left));
            pending.Push((h, right));
        }
        // Monic lifts of coprime factors are unique, so this check certifies them for the recombination proofs.
        var product = lifted.Aggregate(new[] { f[^1] }, (p, u) => MultiplyMod(p, u, modulus));
        if (Reduce(Subtract(product, f), modulus).Length != 0) throw LiftingFailed();
        return lifted;
    }

    private static InvalidOperationException LiftingFailed() =>
        new("Internal error: Hensel lifting produced factors that do not lift the modular factorization.");

    /// <summary>Lifts target ≡ lc·∏left · ∏right (mod p) to target ≡ G·H mod p^(2^doublings), H monic.</summary>
    private static (BigInteger[] G, BigInteger[] H) LiftSplit(BigInteger[] target, ModularPolynomialRing ring,
        IReadOnlyList<long[]> left, IReadOnlyList<long[]> right, int doublings)
    {
        var g0 = ring.Scale(left.Aggregate(ModularPolynomialRing.One, ring.Multiply), ring.Residue(target[^1]));
        var h0 = right.Aggregate(ModularPolynomialRing.One, ring.Multiply);
        var (_, s0, t0) = ring.ExtendedGcd(g0, h0);
        var state = new LiftState(FromResidues(g0), FromResidues(h0), FromResidues(s0), FromResidues(t0));
        BigInteger modulus = ring.Prime;
        for (int i = 0; i < doublings; i++)
        {
            modulus *= modulus;
            state = Step(target, state, modulus, liftCofactors: i < doublings - 1);
        }
        return (state.G, state.H);
    }

    /// <summary>
    /// One quadratic step: from f ≡ g·h and s·g + t·h ≡ 1 modulo √m to the same modulo m, with h monic,
    /// deg s &lt; deg h and deg t &lt; deg g preserved. The last step skips the cofactors, which are not used again.
    /// </summary>
    private static LiftState Step(BigInteger[] f, LiftState x, BigInteger m, bool liftCofactors)
    {
        var error = Reduce(Subtract(f, MultiplyMod(x.G, x.H, m)), m);
        var (q, r) = DivRemMonic(MultiplyMod(x.S, error, m), x.H, m);
        var g = Reduce(Add(x.G, Add(MultiplyMod(x.T, error, m), MultiplyMod(q, x.G, m))), m);
        var h = Reduce(Add(x.H, r), m);
        if (!liftCofactors) return x with { G = g, H = h };
        var bezout = Add(MultiplyMod(x.S, g, m), MultiplyMod(x.T, h, m));
        var bezoutError = Reduce(Subtract(bezout, [BigInteger.One]), m);
        var (c, d) = DivRemMonic(MultiplyMod(x.S, bezoutError, m), h, m);
        var s = Reduce(Subtract(x.S, d), m);
        var t = Reduce(Subtract(x.T, Add(MultiplyMod(x.T, bezoutError, m), MultiplyMod(c, g, m))), m);
        return new LiftState(g, h, s, t);
    }

    /// <summary>a⁻¹ mod m for a coprime to m, by the extended Euclidean algorithm.</summary>
    private static BigInteger ModularInverse(BigInteger a, BigInteger m)
    {
        BigInteger r0 = Residue(a, m), r1 = m, u0 = BigInteger.One, u1 = BigInteger.Zero;
        while (!r1.IsZero)
        {
            var q = BigInteger.DivRem(r0, r1, out var rest);
            (r0, r1) = (r1, rest);
            (u0, u1) = (u1, u0 - q * u1);
        }
        return Residue(u0, m);
    }

    /// <summary>A factorization G·H with Bézout cofactors S·G + T·H ≡ 1 at the current modulus.</summary>
    private readonly record struct LiftState(BigInteger[] G, BigInteger[] H, BigInteger[] S, BigInteger[] T);
}
