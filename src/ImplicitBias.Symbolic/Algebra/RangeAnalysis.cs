using System.Runtime.CompilerServices;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Conservative interval arithmetic over expressions: the returned interval contains every value the expression
/// takes (where it is defined) when its symbols range over their domains. Endpoints computed inexactly are rounded
/// outward and closed; exact ones (0, ±1, ±∞ images) keep their openness, so strict signs survive
/// (w &gt; 0 ⇒ w² &gt; 0, 1 − tanh(w)² &gt; 0).
/// </summary>
public sealed class RangeAnalysis
{
    private readonly Dictionary<Expr, Interval> _cache = new(ReferenceEqualityComparer.Instance);

    /// <summary>A range of e over the domains of its symbols.</summary>
    public static Interval Of(Expr e) => new RangeAnalysis().RangeOf(e);

    /// <summary>A range of e, memoized for this instance.</summary>
    public Interval RangeOf(Expr e)
    {
        if (_cache.TryGetValue(e, out var known)) return known;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var range = Compute(e);
        _cache[e] = range;
        return range;
    }

    /// <summary>e &gt; 0 on the whole domain (false means "not proven").</summary>
    public bool IsPositive(Expr e) => RangeOf(e).IsPositive;
    /// <summary>e ≥ 0 on the whole domain.</summary>
    public bool IsNonNegative(Expr e) => RangeOf(e).IsNonNegative;
    /// <summary>e &lt; 0 on the whole domain.</summary>
    public bool IsNegative(Expr e) => RangeOf(e).IsNegative;
    /// <summary>e ≤ 0 on the whole domain.</summary>
    public bool IsNonPositive(Expr e) => RangeOf(e).IsNonPositive;
    /// <summary>e ≠ 0 on the whole domain.</summary>
    public bool IsNonZero(Expr e) => RangeOf(e).IsNonZero;

    private Interval Compute(Expr e)
    {
        switch (e)
        {
            case Number n:
                {
                    double v = n.Value.ToDouble();
                    // beyond the double range: everything past the largest double, with the right sign
                    if (double.IsInfinity(v))
                        return v > 0 ? new Interval(double.MaxValue, v) : new Interval(v, -double.MaxValue);
                    if (Rational.FromDouble(v) == n.Value) return Interval.Point(v);
                    // rounded: widen, but keep the sign (a tiny rational may round to 0)
                    var sign = n.Value.Sign;
                    return sign > 0 && Down(v) <= 0 ? new Interval(0, Up(v), loOpen: true)
                        : sign < 0 && Up(v) >= 0 ? new Interval(Down(v), 0, hiOpen: true)
                        : Interval.Closed(Down(v), Up(v));
                }
            case Real r: return Interval.Point(r.Value);
            case Constant c: return c.Which switch { MathConstant.Pi => Interval.Closed(Math.PI, Up(Math.PI)) };
            case Symbol s: return s.Domain;
            case Sum s:
                {
                    var total = RangeOf(s.Terms[0]);
                    for (int i = 1; i < s.Terms.Length; i++) total = Add(total, RangeOf(s.Terms[i]));
                    return total;
                }
            case Product p:
                {
                    var total = RangeOf(p.Factors[0]);
                    for (int i = 1; i < p.Factors.Length; i++) total = Multiply(total, RangeOf(p.Factors[i]));
                    return total;
                }
            case Power p: return PowerRange(RangeOf(p.Base), p.Exponent);
            case Call c: return CallRange(c.Function, RangeOf(c.Argument));
            default: throw new System.Diagnostics.UnreachableException($"unknown node {e.GetType().Name}");
        }
    }

    // ---------- outward rounding ----------

    private static double Down(double v) => double.IsFinite(v) ? Math.BitDecrement(Math.BitDecrement(v)) : v;
    private static double Up(double v) => double.IsFinite(v) ? Math.BitIncrement(Math.BitIncrement(v)) : v;

    /// <summary>An end computed in floating point: kept (with its openness) when exact,
    /// otherwise nudged outward and closed.</summary>
    private static (double Value, bool Open) Lower(double v, bool open, bool exact) =>
        exact ? (v, open) : (Down(v), false);
    private static (double Value, bool Open) Upper(double v, bool open, bool exact) =>
        exact ? (v, open) : (Up(v), false);

    /// <summary>Library functions map 0, ±1 and ±∞ to such points exactly (exp 0 = 1, tanh ∞ = 1, log 1 = 0, …);
    /// anything else is treated as rounded.</summary>
    private static bool IsExactImage(double x, double fx) => IsSpecial(x) && IsSpecial(fx);
    private static bool IsSpecial(double v) => v == 0 || v == 1 || v == -1 || double.IsInfinity(v);

    private static Interval Make((double Value, bool Open) lo, (double Value, bool Open) hi, bool excludesZero = false)
    {
        if (double.IsNaN(lo.Value) || double.IsNaN(hi.Value)) return Interval.Real;
        if (lo.Value > hi.Value) return Interval.Real;
        // Both ends at the same infinity (log 0 = −∞): no real value at all, so nothing narrower is known.
        if (lo.Value == hi.Value && double.IsInfinity(lo.Value)) return Interval.Real;
        if (excludesZero && lo.Value == 0 && hi.Value == 0) return Interval.Real; // {0} \ {0}: no value at all
        if (lo.Value == hi.Value && (lo.Open || hi.Open)) return Interval.Point(lo.Value);
        return new Interval(lo.Value, hi.Value, lo.Open, hi.Open, excludesZero);
    }

    // ---------- arithmetic ----------

    internal static Interval Add(Interval a, Interval b)
    {
        static (double, bool) End(double x, double y, bool open, bool up)
        {
            double s = x + y;
            if (double.IsNaN(s)) return (up ? double.PositiveInfinity : double.NegativeInfinity, true);
            if (double.IsInfinity(s)) return (s, true);
            double bb = s - x;
            bool exact = (x - (s - bb)) + (y - bb) == 0; // TwoSum: the rounding error of x + y

            return exact ? (s, open) : (up ? Up(s) : Down(s), false);
        }
        return Make(End(a.Lo, b.Lo, a.LoOpen || b.LoOpen, false), End(a.Hi, b.Hi, a.HiOpen || b.HiOpen, true));
    }

    internal static Interval Negate(Interval a) => new(-a.Hi, -a.Lo, a.HiOpen, a.LoOpen, a.ExcludesZero);

    internal static Interval Multiply(Interval a, Interval b)
    {
        Span<(double Value, bool Open, bool Exact)> candidates =
        [
            Product(a.Lo, a.LoOpen, b.Lo, b.LoOpen), Product(a.Lo, a.LoOpen, b.Hi, b.HiOpen),
            Product(a.Hi, a.HiOpen, b.Lo, b.LoOpen), Product(a.Hi, a.HiOpen, b.Hi, b.HiOpen),
        ];
        var lo = (Value: double.PositiveInfinity, Open: true, Exact: true);
        var hi = (Value: double.NegativeInfinity, Open: true, Exact: true);
        foreach (var c in candidates)
        {
            if (c.Value < lo.Value || (c.Value == lo.Value && !c.Open)) lo = c;
            if (c.Value > hi.Value || (c.Value == hi.Value && !c.Open)) hi = c;
        }
        return Make(Lower(lo.Value, lo.Open, lo.Exact), Upper(hi.Value, hi.Open, hi.Exact), a.IsNonZero && b.IsNonZero);
    }

    private static (double Value, bool Open, bool Exact) Product(double x, bool xOpen, double y, bool yOpen)
    {
        if ((x == 0 && !xOpen) || (y == 0 && !yOpen)) return (0, false, true);
        if (x == 0 || y == 0) return (0, true, true); // approached, e.g. (0,1]·[2,3] → (0,3]
        double p = x * y;
        bool exact = double.IsInfinity(p) || Math.FusedMultiplyAdd(x, y, -p) == 0;
        return (p, xOpen || yOpen, exact);
    }

    internal static Interval Reciprocal(Interval a)
    {
        bool containsZeroInside = a.Lo < 0 && a.Hi > 0;
        if (containsZeroInside) return Interval.NonZero;
        if (a.Lo >= 0)
        {
            // (0 or lo, hi] → [1/hi, 1/lo)
            var lo = Lower(1 / a.Hi, a.HiOpen, IsExactImage(a.Hi, 1 / a.Hi));
            var hi = a.Lo == 0
                ? (double.PositiveInfinity, true)
                : Upper(1 / a.Lo, a.LoOpen, IsExactImage(a.Lo, 1 / a.Lo));
            return Make(lo, hi, true);
        }
        return Negate(Reciprocal(Negate(a)));
    }

    private static Interval Abs(Interval a)
    {
        if (a.Lo >= 0) return a;
        if (a.Hi <= 0) return Negate(a);
        // straddles zero: [0 (or excluded), max]
        var (hi, hiOpen) = -a.Lo > a.Hi ? (-a.Lo, a.LoOpen)
            : a.Hi > -a.Lo ? (a.Hi, a.HiOpen)
            : (a.Hi, a.HiOpen && a.LoOpen);
        return new Interval(0, hi, a.ExcludesZero, hiOpen);
    }

    /// <summary>Range of a monotone function f applied to a (already restricted to f's domain).</summary>
    private static Interval Monotone(Interval a, Func<double, double> f, bool increasing)
    {
        var lo = (a.Lo, a.LoOpen);
        var hi = (a.Hi, a.HiOpen);
        if (!increasing) (lo, hi) = (hi, lo);
        double flo = f(lo.Item1), fhi = f(hi.Item1);
        return Make(Lower(flo, lo.Item2, IsExactImage(lo.Item1, flo)),
            Upper(fhi, hi.Item2, IsExactImage(hi.Item1, fhi)));
    }

    /// <summary>a ∩ [lo, hi] (ends closed as given), or null when empty.</summary>
    private static Interval? Restrict(Interval a, double lo, double hi, bool loOpen = false, bool hiOpen = false)
    {
        var (l, lOpen) = a.Lo > lo ? (a.Lo, a.LoOpen) : a.Lo < lo ? (lo, loOpen) : (lo, loOpen || a.LoOpen);
        var (h, hOpen) = a.Hi < hi ? (a.Hi, a.HiOpen) : a.Hi > hi ? (hi, hiOpen) : (hi, hiOpen || a.HiOpen);
        if (l > h || (l == h && (lOpen || hOpen))) return null;
        if (l == 0 && h == 0 && a.ExcludesZero) return null;
        return new Interval(l, h, lOpen, hOpen, a.ExcludesZero);
    }

    private static Interval PowerRange(Interval b, Expr exponent)
    {
        if (exponent is Number { Value: var k })
        {
            if (!RealFunctions.IsSmallRational(k))
                return b.IsPositive ? Interval.Positive : b.IsNonNegative ? Interval.NonNegative : Interval.Real;
            long p = (long)k.Numerator;
            int q = (int)k.Denominator;
            Interval? domain = q % 2 == 0 ? Restrict(b, 0, double.PositiveInfinity) : b;
            if (domain is not { } d) return Interval.Real;
            double e = Math.Abs((double)p) / q;
            Func<double, double> g = x => Math.Pow(x, e);
            Interval magnitude = Monotone(Abs(d), g, true);
            bool odd = p % 2 != 0 && q % 2 != 0;
            Interval result;
            if (!odd || d.Lo >= 0) result = magnitude;
            else if (d.Hi <= 0) result = Negate(magnitude);
            else result = Make(Lower(-g(-d.Lo), d.LoOpen, IsExactImage(d.Lo, -g(-d.Lo))),
                Upper(g(d.Hi), d.HiOpen, IsExactImage(d.Hi, g(d.Hi))), d.ExcludesZero);
            if (d.IsNonZero && !result.IsNonZero)
                result = new Interval(result.Lo, result.Hi, result.LoOpen, result.HiOpen, true);
            return p < 0 ? Reciprocal(result) : result;
        }
        if (b.IsPositive)
        {
            // b^e = exp(e log b)
            var analysis = new RangeAnalysis();
            var exponentRange = analysis.RangeOf(exponent);
            return CallRange(Function.Exp, Multiply(exponentRange, CallRange(Function.Log, b)));
        }
        return b.IsNonNegative ? Interval.NonNegative : Interval.Real;
    }

    private static Interval CallRange(Function f, Interval a) => f switch
    {
        Function.Exp => Positive(Monotone(a, Math.Exp, true)),
        Function.Log => Restrict(a, 0, double.PositiveInfinity) is { } d ? Monotone(d, Math.Log, true) : Interval.Real,
        Function.Abs => Abs(a),
        Function.Sign => a.IsPositive ? Interval.Point(1)
            : a.IsNegative ? Interval.Point(-1)
            : a.IsNonNegative ? Interval.Closed(0, 1)
            : a.IsNonPositive ? Interval.Closed(-1, 0)
            : new Interval(-1, 1, excludesZero: a.ExcludesZero),
        Function.Sin => Periodic(a, Math.Sin, Math.PI / 2),
        Function.Cos => Periodic(a, Math.Cos, 0),
        Function.Tan => TanRange(a),
        Function.Sinh => Monotone(a, Math.Sinh, true),
        Function.Cosh => AtLeastOne(Monotone(Abs(a), Math.Cosh, true)),
        Function.Tanh => Restrict(Monotone(a, Math.Tanh, true), -1, 1, true, true) ?? Interval.Open(-1, 1),
        Function.Asin => Restrict(a, -1, 1) is { } d ? Monotone(d, Math.Asin, true) : Interval.Real,
        Function.Acos => Restrict(a, -1, 1) is { } d ? Monotone(d, Math.Acos, false) : Interval.Real,
        Function.Atan => Monotone(a, Math.Atan, true),
        Function.Asinh => Monotone(a, Math.Asinh, true),
        Function.Acosh => Restrict(a, 1, double.PositiveInfinity) is { } d
            ? Monotone(d, Math.Acosh, true) : Interval.Real,
        Function.Atanh => Restrict(a, -1, 1, true, true) is { } d ? Monotone(d, Math.Atanh, true) : Interval.Real,
        Function.Erf => Restrict(Monotone(a, RealFunctions.Erf, true), -1, 1) ?? Interval.Closed(-1, 1),
        Function.LambertW => Restrict(a, -1 / Math.E, double.PositiveInfinity) is { } d
            ? Monotone(d, RealFunctions.LambertW, true) : Interval.Real,
        Function.Li2 => Restrict(a, double.NegativeInfinity, 1) is { } d
            ? Monotone(d, RealFunctions.Li2, true) : Interval.Real,
    };

    private static Interval Positive(Interval r) => r.Lo <= 0 ? new Interval(0, Math.Max(r.Hi, 0), true, r.HiOpen) : r;
    private static Interval AtLeastOne(Interval r) =>
        r.Lo < 1 ? new Interval(1, Math.Max(r.Hi, 1), false, r.HiOpen) : r;

    /// <summary>tan is monotone on each branch (kπ − π/2, kπ + π/2);
    /// an interval that may touch a pole has all of ℝ.</summary>
    private static Interval TanRange(Interval a)
    {
        if (PeriodicBranch(a, 0, strict: true) is not { } k) return Interval.Real;
        var range = Monotone(a, Math.Tan, true);
        // the double nearest π/4 lies below π/4, so an end up to it (for k = 0) has |tan| < 1, or ≤ 1 when closed:
        // rounding outward would lose that tan maps (−π/4, π/4) into (−1, 1)
        const double quarter = Math.PI / 4;
        if (k != 0 || a.Lo < -quarter || a.Hi > quarter) return range;
        var lo = range.Lo < -1 ? (-1.0, a.LoOpen) : (range.Lo, range.LoOpen);
        var hi = range.Hi > 1 ? (1.0, a.HiOpen) : (range.Hi, range.HiOpen);
        return new Interval(lo.Item1, hi.Item1, lo.Item2, hi.Item2, range.ExcludesZero);
    }

    /// <summary>
    /// The k for which the interval lies in the branch [kπ + offset − π/2, kπ + offset + π/2] of a π-periodic
    /// function, or null. Ends are doubles, so a relative 1e-12 decides "at the branch end": <paramref name="strict"/>
    /// keeps that far inside (to stay sound next to a pole), otherwise touching the ends is allowed.
    /// </summary>
    internal static long? PeriodicBranch(Interval range, double offset, bool strict)
    {
        if (!range.IsBounded) return null;
        double k = Math.Round((range.Lo + (range.Hi - range.Lo) / 2 - offset) / Math.PI);
        double slack = 1e-12 * Math.Max(1, Math.Max(Math.Abs(range.Lo), Math.Abs(range.Hi))) * (strict ? -1 : 1);
        double center = k * Math.PI + offset;
        bool inside = range.Lo >= center - Math.PI / 2 - slack && range.Hi <= center + Math.PI / 2 + slack
            && (!strict || (range.Lo > center - Math.PI / 2 - slack && range.Hi < center + Math.PI / 2 + slack));
        return inside ? (long)k : null;
    }

    /// <summary>sin or cos over a: extrema where the argument crosses peak + kπ (tested with
    /// a widened interval).</summary>
    private static Interval Periodic(Interval a, Func<double, double> f, double peak)
    {
        if (!a.IsBounded || a.Hi - a.Lo >= 2 * Math.PI) return Interval.Closed(-1, 1);
        var lo = Lower(Math.Min(f(a.Lo), f(a.Hi)), false, false);
        var hi = Upper(Math.Max(f(a.Lo), f(a.Hi)), false, false);
        double slack = 1e-12 * Math.Max(1, Math.Max(Math.Abs(a.Lo), Math.Abs(a.Hi)));
        for (double k = Math.Ceiling((a.Lo - slack - peak) / Math.PI); peak + k * Math.PI <= a.Hi + slack; k++)
        {
            if (((long)k & 1) == 0) hi = (1, false); else lo = (-1, false);
        }
        return Make((Math.Max(-1, lo.Value), lo.Open), (Math.Min(1, hi.Value), hi.Open));
    }
}
