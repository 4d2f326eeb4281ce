namespace ImplicitBias.Symbolic.Analysis;

/// <summary>
/// Exact counting of the distinct real roots of a polynomial over ℚ on an interval (Sturm's theorem): the number of
/// roots in (a, b] is V(a) − V(b), where V counts the sign changes along p, p′, −rem(p, p′), … at a point.
/// </summary>
internal sealed class SturmSequence
{
    /// <summary>Degrees above this are not attempted (the remainder coefficients grow quickly).</summary>
    public const int MaxDegree = 48;

    private readonly List<Rational[]> _chain;

    private SturmSequence(List<Rational[]> chain) => _chain = chain;

    /// <summary>The sequence of p (coefficients lowest degree first, nonzero), or null when p is too large.</summary>
    public static SturmSequence? Of(Rational[] p)
    {
        var first = Trim(p);
        if (first.Length == 0 || first.Length - 1 > MaxDegree) return null;
        var chain = new List<Rational[]> { first };
        var next = Derivative(first);
        while (next.Length > 0)
        {
            chain.Add(next);
            var remainder = Remainder(chain[^2], chain[^1]);
            next = [.. remainder.Select(c => -c)];
        }
        return new SturmSequence(chain);
    }

    /// <summary>The number of distinct roots strictly between a and b (either may be infinite; a &lt; b).</summary>
    public int RootsBetween(double a, double b)
    {
        int count = Changes(a) - Changes(b);
        return double.IsFinite(b) && Value(_chain[0], Exact(b)).IsZero ? count - 1 : count;
    }

    /// <summary>The sign of p at a point.</summary>
    public int SignAt(double x) => double.IsFinite(x) ? Value(_chain[0], Exact(x)).Sign : SignAtInfinity(_chain[0], x);

    private int Changes(double x)
    {
        int changes = 0, previous = 0;
        foreach (var q in _chain)
        {
            int s = double.IsFinite(x) ? Value(q, Exact(x)).Sign : SignAtInfinity(q, x);
            if (s == 0) continue;
            if (previous != 0 && s != previous) changes++;
            previous = s;
        }
        return changes;
    }

    /// <summary>A finite end as the rational it stands for: a fraction with a small denominator if it is one.</summary>
    private static Rational Exact(double x)
    {
        for (int q = 1; q <= 1000; q++)
        {
            double p = Math.Round(x * q);
            if (Math.Abs(p / q - x) <= 1e-15 * Math.Max(1, Math.Abs(x)))
                return new Rational(new System.Numerics.BigInteger(p), q);
        }
        return Rational.FromDouble(x);
    }

    private static int SignAtInfinity(Rational[] q, double x)
    {
        int lead = q[^1].Sign;
        return x > 0 || (q.Length - 1) % 2 == 0 ? lead : -lead;
    }

    private static Rational Value(Rational[] q, Rational x)
    {
        var sum = Rational.Zero;
        for (int k = q.Length - 1; k >= 0; k--) sum = sum * x + q[k];
        return sum;
    }

    private static Rational[] Derivative(Rational[] q) => [.. q.Skip(1).Select((c, k) => c * (k + 1))];

    /// <summary>The remainder of a by b, made monic up to sign so that coefficients stay small.</summary>
    private static Rational[] Remainder(Rational[] a, Rational[] b)
    {
        var r = (Rational[])a.Clone();
        for (int shift = r.Length - b.Length; shift >= 0; shift--)
        {
            var factor = r[shift + b.Length - 1] / b[^1];
            if (factor.IsZero) continue;
            for (int k = 0; k < b.Length; k++) r[shift + k] -= factor * b[k];
        }
        var trimmed = Trim(r[..Math.Max(0, b.Length - 1)]);
        if (trimmed.Length == 0) return trimmed;
        var scale = trimmed[^1].Abs();
        return [.. trimmed.Select(c => c / scale)];
    }

    private static Rational[] Trim(Rational[] q)
    {
        int n = q.Length;
        while (n > 0 && q[n - 1].IsZero) n--;
        return q[..n];
    }
}
