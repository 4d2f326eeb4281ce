namespace ImplicitBias.Symbolic;

/// <summary>
/// The double-precision meaning of every node, shared by evaluation, constant folding and compilation so
/// that all three agree to the last bit. Real semantics: odd roots of negative numbers are real, even roots
/// and logarithms of negative numbers are NaN.
/// </summary>
public static class RealFunctions
{
    /// <summary>Applies an elementary function.</summary>
    public static double Apply(Function function, double x) => function switch
    {
        Function.Exp => Math.Exp(x),
        Function.Log => Math.Log(x),
        Function.Abs => Math.Abs(x),
        Function.Sign => Sign(x),
        Function.Sin => Math.Sin(x),
        Function.Cos => Math.Cos(x),
        Function.Tan => Math.Tan(x),
        Function.Sinh => Math.Sinh(x),
        Function.Cosh => Math.Cosh(x),
        Function.Tanh => Math.Tanh(x),
        Function.Asin => Math.Asin(x),
        Function.Acos => Math.Acos(x),
        Function.Atan => Math.Atan(x),
        Function.Asinh => Math.Asinh(x),
        Function.Acosh => Math.Acosh(x),
        Function.Atanh => Math.Atanh(x),
        Function.Erf => Erf(x),
        Function.LambertW => LambertW(x),
        Function.Li2 => Li2(x),
    };

    /// <summary>The error function (MathNet.Numerics).</summary>
    public static double Erf(double x) => MathNet.Numerics.SpecialFunctions.Erf(x);

    /// <summary>Principal branch W₀ of Lambert W: w·e^w = x with w ≥ −1; NaN for x &lt; −1/e.</summary>
    public static double LambertW(double x)
    {
        const double minusInverseE = -0.36787944117144233;
        if (double.IsNaN(x) || x < minusInverseE) return double.NaN;
        if (x == 0) return 0;
        if (double.IsPositiveInfinity(x)) return x;
        if (x == minusInverseE) return -1;
        double w;
        if (x < -0.25)
        {
            // series at the branch point in p = sqrt(2(e x + 1))
            double p = Math.Sqrt(2 * (Math.E * x + 1));
            w = -1 + p - p * p / 3 + 11.0 / 72 * p * p * p;
        }
        else if (x < 3) w = Math.Log(1 + x) * (1 - Math.Log(1 + Math.Log(1 + x)) / (2 + Math.Log(1 + x)));
        else
        {
            double l1 = Math.Log(x), l2 = Math.Log(l1);
            w = l1 - l2 + l2 / l1;
        }
        // Halley's iteration
        for (int i = 0; i < 64; i++)
        {
            double ew = Math.Exp(w);
            double f = w * ew - x;
            double wp1 = w + 1;
            if (wp1 == 0) break;
            double step = f / (ew * wp1 - (w + 2) * f / (2 * wp1));
            w -= step;
            if (Math.Abs(step) <= 4 * double.Epsilon + 2e-16 * Math.Abs(w)) break;
        }
        return w;
    }

    /// <summary>The dilogarithm Li₂(x) for real x ≤ 1 (NaN above 1, where it is complex).</summary>
    public static double Li2(double x)
    {
        const double pi2over6 = Math.PI * Math.PI / 6;
        if (double.IsNaN(x) || x > 1) return double.NaN;
        if (x == 1) return pi2over6;
        if (x == 0) return 0;
        if (double.IsNegativeInfinity(x)) return double.NegativeInfinity;
        if (x < -1)
        {
            // inversion: Li₂(x) = −π²/6 − ½ log²(−x) − Li₂(1/x)
            double l = Math.Log(-x);
            return -pi2over6 - 0.5 * l * l - Li2(1 / x);
        }
        if (x < 0)
        {
            // Landen: Li₂(x) = −Li₂(x/(x−1)) − ½ log²(1−x), with x/(x−1) ∈ (0, 1/2]
            double l = Math.Log(1 - x);
            return -Li2Series(x / (x - 1)) - 0.5 * l * l;
        }
        if (x <= 0.5) return Li2Series(x);
        // reflection: Li₂(x) = π²/6 − log x · log(1−x) − Li₂(1−x)
        return pi2over6 - Math.Log(x) * Math.Log(1 - x) - Li2Series(1 - x);
    }

    /// <summary>Li₂ for 0 ≤ x ≤ 1/2 by its Bernoulli series in u = −log(1−x), which converges fast there.</summary>
    private static double Li2Series(double x)
    {
        // Li₂(x) = Σ B_n u^(n+1)/(n+1)!, n ≥ 0, with B_1 = −1/2 and odd B_n = 0 beyond it.
        ReadOnlySpan<double> b = [1.0, -0.5, 1.0 / 6, 0, -1.0 / 30, 0, 1.0 / 42, 0, -1.0 / 30, 0, 5.0 / 66, 0,
            -691.0 / 2730, 0, 7.0 / 6, 0, -3617.0 / 510, 0, 43867.0 / 798, 0, -174611.0 / 330, 0, 854513.0 / 138, 0,
            -236364091.0 / 2730];
        double u = -Math.Log(1 - x);
        double term = u, sum = 0; // term = u^(n+1)/(n+1)!
        for (int n = 0; n < b.Length; n++)
        {
            sum += b[n] * term;
            term *= u / (n + 2);
        }
        return sum;
    }

    /// <summary>sign x as a double; NaN stays NaN (Math.Sign would throw).</summary>
    public static double Sign(double x) => double.IsNaN(x) ? double.NaN : Math.Sign(x);

    /// <summary>x^n by binary powering; the compiler emits the same multiplications,
    /// so results agree exactly.</summary>
    public static double IntegerPower(double x, long n)
    {
        if (n < 0) return 1.0 / IntegerPower(x, -n);
        double result = 1.0, square = x;
        while (n > 0)
        {
            if ((n & 1) != 0) result *= square;
            n >>= 1;
            if (n > 0) square *= square;
        }
        return result;
    }

    /// <summary>The real q-th root: sqrt for q = 2, cbrt for q = 3, sign-aware for other odd q,
    /// NaN for negative x and even q.</summary>
    public static double Root(double x, int q) => q switch
    {
        1 => x,
        2 => Math.Sqrt(x),
        3 => Math.Cbrt(x),
        _ when q % 2 == 0 => x < 0 ? double.NaN : Math.Pow(x, 1.0 / q),
        _ => x < 0 ? -Math.Pow(-x, 1.0 / q) : Math.Pow(x, 1.0 / q),
    };

    /// <summary>x^(p/q) = (x^k · root(x)^r)^±1 with |p| = k·q + r: exact structure shared with the compiler.</summary>
    public static double RationalPower(double x, long p, int q)
    {
        if (q == 1) return IntegerPower(x, p);
        long magnitude = Math.Abs(p);
        long k = magnitude / q;
        long r = magnitude % q;
        double value = IntegerPower(Root(x, q), r);
        if (k > 0) value *= IntegerPower(x, k);
        return p < 0 ? 1.0 / value : value;
    }

    /// <summary>Largest denominator for which rational exponents use exact root semantics.</summary>
    public const int MaxRootDegree = 64;

    /// <summary>base^exponent for a numeric exponent expression (exact rationals keep odd roots real).</summary>
    internal static double Pow(double b, Expr exponent) => exponent switch
    {
        Number n when IsSmallRational(n.Value) => RationalPower(b, (long)n.Value.Numerator, (int)n.Value.Denominator),
        Number n => Math.Pow(b, n.Value.ToDouble()),
        Real r => Math.Pow(b, r.Value),
        _ => throw new ArgumentException("exponent is not a number", nameof(exponent)),
    };

    /// <summary>True for exponents handled by <see cref="RationalPower"/>.</summary>
    internal static bool IsSmallRational(Rational r) =>
        r.Denominator <= MaxRootDegree && System.Numerics.BigInteger.Abs(r.Numerator) <= 1 << 20;
}
