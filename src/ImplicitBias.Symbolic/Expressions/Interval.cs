using System.Globalization;

namespace ImplicitBias.Symbolic;

/// <summary>
/// A real interval with open or closed ends (infinite ends are always open), optionally with 0 removed.
/// Used for the domains symbols carry and for the ranges the algebra infers.
/// </summary>
public readonly record struct Interval
{
    /// <summary>Lower end (may be −∞).</summary>
    public double Lo { get; }
    /// <summary>Upper end (may be +∞).</summary>
    public double Hi { get; }
    /// <summary>True when <see cref="Lo"/> itself is excluded.</summary>
    public bool LoOpen { get; }
    /// <summary>True when <see cref="Hi"/> itself is excluded.</summary>
    public bool HiOpen { get; }
    /// <summary>True when 0 is removed from the interval (as in w ≠ 0).</summary>
    public bool ExcludesZero { get; }

    /// <summary>Creates an interval; infinite ends are made open, and an excluded zero
    /// outside it is forgotten.</summary>
    public Interval(double lo, double hi, bool loOpen = false, bool hiOpen = false, bool excludesZero = false)
    {
        if (double.IsNaN(lo) || double.IsNaN(hi)) throw new ArgumentException("Interval ends must not be NaN.");
        if (lo > hi) throw new ArgumentException($"Empty interval: lower end {lo} exceeds upper end {hi}.");
        Lo = lo == 0 ? 0.0 : lo; // one zero: -0.0 prints as "-0"
        Hi = hi == 0 ? 0.0 : hi;
        LoOpen = loOpen || double.IsInfinity(lo);
        HiOpen = hiOpen || double.IsInfinity(hi);
        if (lo == hi && (LoOpen || HiOpen)) throw new ArgumentException($"Empty interval at {lo}.");
        // Zero is only worth recording when it would otherwise belong to the interval.
        ExcludesZero = excludesZero && ContainsIgnoringZeroExclusion(0);
        if (ExcludesZero && lo == 0 && hi == 0) throw new ArgumentException("Empty interval {0} \\ {0}.");
        // An excluded zero at an end is an open end: [0, 1] \ {0} is (0, 1], so equal sets compare equal.
        if (ExcludesZero && Lo == 0) { LoOpen = true; ExcludesZero = false; }
        if (ExcludesZero && Hi == 0) { HiOpen = true; ExcludesZero = false; }
    }

    /// <summary>(−∞, ∞).</summary>
    public static Interval Real => new(double.NegativeInfinity, double.PositiveInfinity);
    /// <summary>(0, ∞).</summary>
    public static Interval Positive => new(0, double.PositiveInfinity, loOpen: true);
    /// <summary>[0, ∞).</summary>
    public static Interval NonNegative => new(0, double.PositiveInfinity);
    /// <summary>(−∞, 0).</summary>
    public static Interval Negative => new(double.NegativeInfinity, 0, hiOpen: true);
    /// <summary>(−∞, 0].</summary>
    public static Interval NonPositive => new(double.NegativeInfinity, 0);
    /// <summary>ℝ \ {0}.</summary>
    public static Interval NonZero => new(double.NegativeInfinity, double.PositiveInfinity, excludesZero: true);
    /// <summary>A single point.</summary>
    public static Interval Point(double x) => new(x, x);
    /// <summary>The open interval (lo, hi).</summary>
    public static Interval Open(double lo, double hi) => new(lo, hi, true, true);
    /// <summary>The closed interval [lo, hi].</summary>
    public static Interval Closed(double lo, double hi) => new(lo, hi);

    /// <summary>True for the whole real line.</summary>
    public bool IsReal => double.IsNegativeInfinity(Lo) && double.IsPositiveInfinity(Hi) && !ExcludesZero;

    /// <summary>Membership.</summary>
    public bool Contains(double x) => ContainsIgnoringZeroExclusion(x) && !(ExcludesZero && x == 0);

    private bool ContainsIgnoringZeroExclusion(double x) =>
        (LoOpen ? x > Lo : x >= Lo) && (HiOpen ? x < Hi : x <= Hi);

    /// <summary>Every element is &gt; 0.</summary>
    public bool IsPositive => Lo > 0 || (Lo == 0 && (LoOpen || ExcludesZero));
    /// <summary>Every element is ≥ 0.</summary>
    public bool IsNonNegative => Lo >= 0;
    /// <summary>Every element is &lt; 0.</summary>
    public bool IsNegative => Hi < 0 || (Hi == 0 && (HiOpen || ExcludesZero));
    /// <summary>Every element is ≤ 0.</summary>
    public bool IsNonPositive => Hi <= 0;
    /// <summary>0 is not an element.</summary>
    public bool IsNonZero => IsPositive || IsNegative || ExcludesZero;
    /// <summary>Both ends are finite.</summary>
    public bool IsBounded => double.IsFinite(Lo) && double.IsFinite(Hi);
    /// <summary>Within the closed interval [lo, hi].</summary>
    public bool IsWithin(double lo, double hi) => Lo >= lo && Hi <= hi;
    /// <summary>Within the open interval (lo, hi).</summary>
    public bool IsStrictlyWithin(double lo, double hi) =>
        (Lo > lo || (Lo == lo && LoOpen)) && (Hi < hi || (Hi == hi && HiOpen));

    /// <summary>The smallest interval holding both.</summary>
    public Interval Hull(Interval other)
    {
        var (lo, loOpen) = Lo < other.Lo ? (Lo, LoOpen)
            : other.Lo < Lo ? (other.Lo, other.LoOpen)
            : (Lo, LoOpen && other.LoOpen);
        var (hi, hiOpen) = Hi > other.Hi ? (Hi, HiOpen)
            : other.Hi > Hi ? (other.Hi, other.HiOpen)
            : (Hi, HiOpen && other.HiOpen);
        bool zeroOut = (ExcludesZero || !ContainsIgnoringZeroExclusion(0))
            && (other.ExcludesZero || !other.ContainsIgnoringZeroExclusion(0));
        return new Interval(lo, hi, loOpen, hiOpen, zeroOut);
    }

    /// <summary>A point well inside the interval, used for sampling.</summary>
    public double Midpoint
    {
        get
        {
            if (double.IsFinite(Lo) && double.IsFinite(Hi))
            {
                var m = Lo + (Hi - Lo) / 2;
                return m == 0 && ExcludesZero ? Hi / 2 : m;
            }
            if (double.IsFinite(Lo)) return Lo + Math.Max(1, Math.Abs(Lo));
            if (double.IsFinite(Hi)) return Hi - Math.Max(1, Math.Abs(Hi));
            return ExcludesZero ? 1 : 0;
        }
    }

    /// <summary>
    /// Interval notation such as "(0, inf)", "[-1, 1]" or "(-pi/2, pi/2)", with "\ {0}" for an excluded zero.
    /// </summary>
    public override string ToString()
    {
        var text = $"{(LoOpen ? '(' : '[')}{EndText(Lo)}, {EndText(Hi)}{(HiOpen ? ')' : ']')}";
        return ExcludesZero ? text + " \\ {0}" : text;
    }

    /// <summary>
    /// The interval in LaTeX: <c>(0, \infty)</c>, <c>\left(-\frac{\pi}{2}, \frac{\pi}{2}\right)</c>, with
    /// <c>\setminus \{0\}</c> for an excluded zero.
    /// </summary>
    public string ToLatex()
    {
        static string End(double v) =>
            double.IsPositiveInfinity(v) ? @"\infty" : double.IsNegativeInfinity(v) ? @"-\infty"
            : (PiMultiple(v) ?? Expr.FromDouble(v)).ToLatex();
        string lo = End(Lo), hi = End(Hi);
        // fractions are taller than plain brackets
        bool tall = lo.Contains(@"\frac", StringComparison.Ordinal) || hi.Contains(@"\frac", StringComparison.Ordinal);
        var (open, close) = (LoOpen ? "(" : "[", HiOpen ? ")" : "]");
        var text = tall ? $@"\left{open}{lo}, {hi}\right{close}" : $"{open}{lo}, {hi}{close}";
        return ExcludesZero ? text + @" \setminus \{0\}" : text;
    }

    /// <summary>An end as text that <see cref="DomainText.Parse"/> reads: inf, -inf, pi/2, or the number.</summary>
    internal static string EndText(double v) =>
        double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf"
        : PiMultiple(v)?.ToString() ?? v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// p/q·π when v is one to a relative 1e-12 with q ≤ 12 (and |p| ≤ 10⁴, so that large ends are not matched by
    /// chance); null otherwise. Ends computed from pi/2 or by range analysis print as such, not as 1.5707963267948966.
    /// </summary>
    internal static Expr? PiMultiple(double v)
    {
        if (!double.IsFinite(v) || v == 0) return null;
        for (int q = 1; q <= 12; q++)
        {
            double p = Math.Round(v * q / Math.PI);
            if (p != 0 && Math.Abs(p) <= 10_000 && Math.Abs(v - p * Math.PI / q) <= 1e-12 * Math.Abs(v))
                return Expr.FromRational(new Rational(new System.Numerics.BigInteger(p), q)) * Expr.Pi;
        }
        return null;
    }
}
