using System.Globalization;

namespace ImplicitBias.Symbolic.Analysis;

internal enum LimitKind { Finite, PlusInfinity, MinusInfinity, Unknown }

/// <summary>
/// A one-sided limit in the extended reals. A finite limit records the side it is approached from
/// (−1 from below, +1 from above, 0 unknown); constants are exact.
/// </summary>
internal readonly record struct Limit(LimitKind Kind, double Value = 0, int Side = 0, bool IsConstant = false)
{
    public static readonly Limit Unknown = new(LimitKind.Unknown);
    public static readonly Limit PlusInfinity = new(LimitKind.PlusInfinity);
    public static readonly Limit MinusInfinity = new(LimitKind.MinusInfinity);
    // a value that is not finite (lambertw beyond its domain, an overflow) decides nothing
    public static Limit Finite(double value, int side) =>
        double.IsFinite(value) ? new(LimitKind.Finite, value, side) : Unknown;
    public static Limit Constant(double value) =>
        double.IsFinite(value) ? new(LimitKind.Finite, value, 0, true) : Unknown;

    public bool IsInfinite => Kind is LimitKind.PlusInfinity or LimitKind.MinusInfinity;
    public bool IsFinite => Kind == LimitKind.Finite;

    /// <summary>The sign of the values near the limit (0 when unknown).</summary>
    public int Sign => Kind switch
    {
        LimitKind.PlusInfinity => 1,
        LimitKind.MinusInfinity => -1,
        LimitKind.Finite => Value != 0 ? Math.Sign(Value) : Side,
        _ => 0,
    };

    public override string ToString() => Kind switch
    {
        LimitKind.PlusInfinity => "∞",
        LimitKind.MinusInfinity => "−∞",
        LimitKind.Finite => (Value == 0 ? 0.0 : Value).ToString("G6", CultureInfo.InvariantCulture),
        _ => "unknown",
    };
}

/// <summary>
/// Symbolic one-sided limits of closed forms as the variable tends to an end of its domain, propagated through
/// the expression: monotone functions map limits and sides, ∞ − ∞, 0·∞ and oscillation give "unknown".
/// Finite end points are doubles, so poles (cos u = 0 under tan) are recognized to a relative 1e-12.
/// </summary>
internal sealed class LimitAnalysis
{
    private const double PoleTolerance = 1e-12;
    private const double CancellationTolerance = 1e-13;
    private readonly string _variable;
    private readonly double _point;
    private readonly int _side;
    private readonly IReadOnlyDictionary<string, double> _parameters;

    /// <param name="variable">The variable.</param>
    /// <param name="point">The end approached (may be ±∞).</param>
    /// <param name="side">+1 when the variable decreases to the point (from above), −1 when it increases to it.</param>
    /// <param name="parameters">Values of the other symbols.</param>
    public LimitAnalysis(string variable, double point, int side, IReadOnlyDictionary<string, double> parameters)
    {
        _variable = variable;
        _point = point;
        _side = side;
        _parameters = parameters;
    }

    public Limit Of(Expr e)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (!e.DependsOn(_variable))
        {
            double v;
            try { v = e.Evaluate(_parameters); }
            catch (SymbolicException) { return Limit.Unknown; }
            return double.IsFinite(v) ? Limit.Constant(v) : Limit.Unknown;
        }
        return e switch
        {
            Symbol => double.IsPositiveInfinity(_point) ? Limit.PlusInfinity
                : double.IsNegativeInfinity(_point) ? Limit.MinusInfinity
                : Limit.Finite(_point, _side),
            Sum s => SumOf(s),
            Product p => ProductOf(p),
            Power p => PowerLimit(p),
            Call c => CallLimit(c.Function, Of(c.Argument)),
            _ => Limit.Unknown,
        };
    }

    /// <summary>Nested dominant-term factorings in progress (each costs a limit per pair of terms,
    /// so they are bounded).</summary>
    private int _factorings;
    private const int MaxFactorings = 5;

    /// <summary>
    /// A sum's limit; for ∞ − ∞, the sum is t_k·(1 + Σ_{j≠k} t_j/t_k) for an infinite term t_k: when every ratio has a
    /// finite limit L_j and 1 + Σ L_j ≠ 0, the sum tends to ∞ with the sign of t_k·(1 + Σ L_j)
    /// (w − 2w/(1 + eʷ) = w·(1 − 2/(1 + eʷ)) → +∞ as w → −∞).
    /// </summary>
    private Limit SumOf(Sum s)
    {
        var limits = s.Terms.Select(Of).ToList();
        var result = SumLimit(limits);
        bool indeterminate = limits.All(l => l.Kind != LimitKind.Unknown)
            && limits.Any(l => l.Kind == LimitKind.PlusInfinity) && limits.Any(l => l.Kind == LimitKind.MinusInfinity);
        if (!indeterminate || _factorings >= MaxFactorings) return result;
        _factorings++;
        try
        {
            for (int k = 0; k < limits.Count; k++)
            {
                if (!limits[k].IsInfinite) continue;
                double bracket = 1;
                for (int j = 0; j < limits.Count && double.IsFinite(bracket); j++)
                {
                    if (j == k) continue;
                    var ratio = Of((s.Terms[j] / s.Terms[k]).ApplyIdentities());
                    bracket = ratio.IsFinite ? bracket + ratio.Value : double.NaN;
                }
                // a cancelling bracket decides nothing
                if (!double.IsFinite(bracket) || Math.Abs(bracket) <= 1e-12) continue;
                int sign = (limits[k].Kind == LimitKind.PlusInfinity ? 1 : -1) * Math.Sign(bracket);
                return sign > 0 ? Limit.PlusInfinity : Limit.MinusInfinity;
            }
        }
        finally { _factorings--; }
        return result;
    }

    /// <summary>
    /// A product's limit; for 0·∞, the product is C·N/D with N the infinite factors, D the reciprocals of the vanishing
    /// ones and C the rest, and l'Hôpital's rule gives N/D → lim N′/D′ when that limit exists (w·(1 + eʷ)⁻¹ → 0 as
    /// w → ∞ because 1/eʷ → 0).
    /// </summary>
    private Limit ProductOf(Product p)
    {
        var limits = p.Factors.Select(Of).ToList();
        var result = ProductLimit(limits);
        bool indeterminate = limits.All(l => l.Kind != LimitKind.Unknown)
            && limits.Any(l => l.IsInfinite) && limits.Any(l => l.IsFinite && l.Value == 0);
        if (!indeterminate || _factorings >= MaxFactorings) return result;
        var infinite = p.Factors.Where((_, i) => limits[i].IsInfinite).ToList();
        var vanishing = p.Factors.Where((_, i) => limits[i].IsFinite && limits[i].Value == 0).ToList();
        var rest = limits.Where(l => l.IsFinite && l.Value != 0).ToList();
        _factorings++;
        try
        {
            var numerator = Expr.Multiply(infinite);
            var denominator = Expr.Multiply(vanishing.Select(f => Expr.Pow(f, Expr.MinusOne)));
            var ratio = Of((numerator.Differentiate(_variable) / denominator.Differentiate(_variable))
                .ApplyIdentities());
            return ratio.Kind == LimitKind.Unknown ? result : ProductLimit([.. rest, ratio]);
        }
        catch (SymbolicException) { return result; }
        finally { _factorings--; }
    }

    private static Limit SumLimit(List<Limit> terms)
    {
        if (terms.Any(t => t.Kind == LimitKind.Unknown)) return Limit.Unknown;
        bool plus = terms.Any(t => t.Kind == LimitKind.PlusInfinity),
            minus = terms.Any(t => t.Kind == LimitKind.MinusInfinity);
        if (plus && minus) return Limit.Unknown; // ∞ − ∞
        if (plus) return Limit.PlusInfinity;
        if (minus) return Limit.MinusInfinity;
        var sides = terms.Where(t => !t.IsConstant).Select(t => t.Side).Distinct().ToList();
        double sum = terms.Sum(t => t.Value), scale = terms.Max(t => Math.Abs(t.Value));
        // a finite end point is a double next to the exact zero (w − e at the pole found for 1/(w − e)): a sum that
        // cancels to rounding is that zero, approached from the side of its varying terms
        if (Math.Abs(sum) <= CancellationTolerance * scale && terms.Any(t => !t.IsConstant)) sum = 0;
        return Limit.Finite(sum, sides.Count == 1 ? sides[0] : 0);
    }

    private static Limit ProductLimit(List<Limit> factors)
    {
        if (factors.Any(t => t.Kind == LimitKind.Unknown)) return Limit.Unknown;
        bool infinite = factors.Any(f => f.IsInfinite);
        if (infinite)
        {
            if (factors.Any(f => f.IsFinite && f.Value == 0)) return Limit.Unknown; // 0·∞
            int sign = 1;
            foreach (var f in factors) sign *= f.Sign;
            return sign > 0 ? Limit.PlusInfinity : sign < 0 ? Limit.MinusInfinity : Limit.Unknown;
        }
        double product = factors.Aggregate(1.0, (acc, f) => acc * f.Value);
        // side: the sign of d(product) = Σ_i side_i · Π_{j≠i} value_j, when every varying factor agrees
        var contributions = new HashSet<int>();
        for (int i = 0; i < factors.Count; i++)
        {
            if (factors[i].IsConstant) continue;
            double others = 1;
            for (int j = 0; j < factors.Count; j++) if (j != i) others *= factors[j].Value;
            contributions.Add(others == 0 ? 0 : factors[i].Side * Math.Sign(others));
        }
        int side = contributions.Count == 1 ? contributions.Single() : 0;
        if (product == 0 && side == 0 && factors.Count(f => f.Value == 0) == 1)
        {
            // a single vanishing factor times non-zero constants: its side times their sign
            var zero = factors.Single(f => f.Value == 0);
            double rest = factors.Where(f => f.Value != 0).Aggregate(1.0, (acc, f) => acc * f.Value);
            side = zero.Side * Math.Sign(rest);
        }
        return Limit.Finite(product, side);
    }

    private Limit PowerLimit(Power p)
    {
        var b = Of(p.Base);
        if (p.Exponent.DependsOn(_variable))
            return CallLimit(Function.Exp, ProductLimit([Of(p.Exponent), CallLimit(Function.Log, b)]));
        var k = Of(p.Exponent);
        if (!k.IsFinite || b.Kind == LimitKind.Unknown) return Limit.Unknown;
        bool integer = p.Exponent is Number { Value.IsInteger: true };
        bool even = p.Exponent is Number { Value: { IsInteger: true } r } && r.Numerator.IsEven;
        if (b.Kind == LimitKind.PlusInfinity) return k.Value > 0 ? Limit.PlusInfinity : Limit.Finite(0, 1);
        if (b.Kind == LimitKind.MinusInfinity)
        {
            if (!integer) return Limit.Unknown;
            if (k.Value > 0) return even ? Limit.PlusInfinity : Limit.MinusInfinity;
            return Limit.Finite(0, even ? 1 : -1);
        }
        if (b.Value == 0)
        {
            if (k.Value > 0) return Limit.Finite(0, b.Side > 0 || even ? 1 : integer && b.Side < 0 ? -1 : 0);
            if (b.Side > 0 || (even && b.Side != 0)) return Limit.PlusInfinity;
            if (b.Side < 0 && integer) return Limit.MinusInfinity;
            return Limit.Unknown;
        }
        double v = RealFunctions.Pow(b.Value, p.Exponent.IsNumber ? p.Exponent : Expr.FromDouble(k.Value));
        if (!double.IsFinite(v)) return Limit.Unknown;
        // d(b^k)/db = k b^(k−1): its sign carries the side of b
        int slope = Math.Sign(k.Value) * (b.Value > 0 ? 1 : integer ? (even ? -1 : 1) : 0);
        return Limit.Finite(v, b.Side * slope);
    }

    private static Limit CallLimit(Function f, Limit u)
    {
        if (u.Kind == LimitKind.Unknown) return Limit.Unknown;
        bool plus = u.Kind == LimitKind.PlusInfinity, minus = u.Kind == LimitKind.MinusInfinity;
        return f switch
        {
            Function.Exp => plus ? Limit.PlusInfinity : minus ? Limit.Finite(0, 1) : Increasing(Math.Exp, u),
            Function.Log => plus ? Limit.PlusInfinity
                : minus || u.Value < 0 ? Limit.Unknown
                : u.Value == 0 ? (u.Side > 0 ? Limit.MinusInfinity : Limit.Unknown)
                : Increasing(Math.Log, u),
            Function.Sinh => plus ? Limit.PlusInfinity : minus ? Limit.MinusInfinity : Increasing(Math.Sinh, u),
            Function.Cosh => u.IsInfinite ? Limit.PlusInfinity
                : Limit.Finite(Math.Cosh(u.Value), u.Value == 0 ? (u.Side != 0 ? 1 : 0) : Math.Sign(u.Value) * u.Side),
            Function.Tanh => plus ? Limit.Finite(1, -1) : minus ? Limit.Finite(-1, 1) : Increasing(Math.Tanh, u),
            Function.Atan => plus ? Limit.Finite(Math.PI / 2, -1)
                : minus ? Limit.Finite(-Math.PI / 2, 1)
                : Increasing(Math.Atan, u),
            Function.Asinh => plus ? Limit.PlusInfinity : minus ? Limit.MinusInfinity : Increasing(Math.Asinh, u),
            Function.Acosh => plus ? Limit.PlusInfinity
                : u.IsFinite && u.Value >= 1 ? Increasing(Math.Acosh, u) : Limit.Unknown,
            Function.Atanh => u.IsInfinite ? Limit.Unknown
                : Math.Abs(u.Value - 1) < PoleTolerance ? (u.Side < 0 ? Limit.PlusInfinity : Limit.Unknown)
                : Math.Abs(u.Value + 1) < PoleTolerance ? (u.Side > 0 ? Limit.MinusInfinity : Limit.Unknown)
                : Math.Abs(u.Value) < 1 ? Increasing(Math.Atanh, u) : Limit.Unknown,
            Function.Erf => plus ? Limit.Finite(1, -1) : minus ? Limit.Finite(-1, 1) : Increasing(RealFunctions.Erf, u),
            Function.LambertW => plus ? Limit.PlusInfinity
                : u.IsFinite ? Increasing(RealFunctions.LambertW, u) : Limit.Unknown,
            Function.Li2 => minus ? Limit.MinusInfinity
                : u.IsFinite && u.Value <= 1 ? Increasing(RealFunctions.Li2, u) : Limit.Unknown,
            Function.Abs => u.IsInfinite ? Limit.PlusInfinity
                : u.Value == 0 ? Limit.Finite(0, u.Side != 0 ? 1 : 0)
                : Limit.Finite(Math.Abs(u.Value), Math.Sign(u.Value) * u.Side),
            Function.Asin => u.IsFinite && Math.Abs(u.Value) <= 1 ? Increasing(Math.Asin, u) : Limit.Unknown,
            Function.Acos => u.IsFinite && Math.Abs(u.Value) <= 1
                ? Limit.Finite(Math.Acos(u.Value), -u.Side)
                : Limit.Unknown,
            Function.Sign => u.Sign != 0 ? Limit.Constant(u.Sign) : Limit.Unknown,
            Function.Sin => u.IsFinite ? Periodic(Math.Sin(u.Value), Math.Cos(u.Value), u) : Limit.Unknown,
            Function.Cos => u.IsFinite ? Periodic(Math.Cos(u.Value), -Math.Sin(u.Value), u) : Limit.Unknown,
            Function.Tan => u.IsFinite ? TanLimit(u) : Limit.Unknown,
        };
    }

    private static Limit Increasing(Func<double, double> f, Limit u) => Limit.Finite(f(u.Value), u.Side);

    /// <summary>sin or cos with its slope at the limit point; at an extremum the value is
    /// approached from inside.</summary>
    private static Limit Periodic(double value, double slope, Limit u)
    {
        if (Math.Abs(slope) < PoleTolerance) return Limit.Finite(Math.Round(value), value > 0 ? -1 : 1);
        return Limit.Finite(Math.Abs(value) < PoleTolerance ? 0 : value, Math.Sign(slope) * u.Side);
    }

    private static Limit TanLimit(Limit u)
    {
        double c = Math.Cos(u.Value), s = Math.Sin(u.Value);
        if (Math.Abs(c) < PoleTolerance * Math.Max(1, Math.Abs(u.Value)))
        {
            // tan increases on each branch: +∞ approaching a pole from below, −∞ from above
            if (u.Side == 0) return Limit.Unknown;
            return u.Side < 0 ? Limit.PlusInfinity : Limit.MinusInfinity;
        }
        // tan increases, so it leaves a zero (u = jπ) on the side u does
        if (Math.Abs(s) < PoleTolerance * Math.Max(1, Math.Abs(u.Value))) return Limit.Finite(0, u.Side);
        return Limit.Finite(s / c, u.Side);
    }
}
