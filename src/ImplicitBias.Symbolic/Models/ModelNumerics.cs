using System.Globalization;
using ImplicitBias.Symbolic.Analysis;

namespace ImplicitBias.Symbolic.Models;

/// <summary>Small scalar helpers shared by losses, links and problems: accurate log1p/expm1, number text, limits at domain ends.</summary>
internal static class ModelNumerics
{
    private static readonly IReadOnlyDictionary<string, double> NoParameters = new Dictionary<string, double>();

    /// <summary>log(1 + x), accurate for small |x| (Kahan's trick; the BCL's LogP1 is log(x + 1)).</summary>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        if (u == 1) return x;
        if (double.IsInfinity(u)) return Math.Log(u);
        return Math.Log(u) * x / (u - 1);
    }

    /// <summary>exp(x) − 1, accurate for small |x| (Kahan's trick; the BCL's ExpM1 is exp(x) − 1).</summary>
    public static double Expm1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        if (um1 == -1) return -1;
        if (double.IsInfinity(u)) return u;
        return um1 * x / Math.Log(u);
    }

    /// <summary>The logistic function 1/(1 + e^−z), without overflow for large |z|.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0) return 1 / (1 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1 + e);
    }

    /// <summary>A number as round-trip text ("0.5", "-1E-08", "inf").</summary>
    public static string Text(double v) =>
        double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An approximate location as short text ("0.5", "1.23457").</summary>
    public static string Approx(double v) => (Math.Abs(v) < 1e-12 ? 0.0 : v).ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>
    /// The one-sided limit of f at an end of its variable's domain: symbolic where <see cref="LimitAnalysis"/> can
    /// tell, else the last finite value along points tending to the end (±∞ when they grow without bound).
    /// </summary>
    /// <param name="f">The function (no symbols other than <paramref name="variable"/>).</param>
    /// <param name="variable">Its variable.</param>
    /// <param name="compiled">f compiled, for the numeric fallback.</param>
    /// <param name="domain">The variable's domain.</param>
    /// <param name="end">The end approached (may be ±∞).</param>
    /// <param name="side">+1 when approaching from above (the lower end), −1 from below (the upper end).</param>
    public static double EndLimit(Expr f, string variable, Func<double, double> compiled, Interval domain, double end, int side)
    {
        Limit limit;
        try { limit = new LimitAnalysis(variable, end, side, NoParameters).Of(f); }
        catch (SymbolicException) { limit = Limit.Unknown; }
        if (limit.Kind == LimitKind.PlusInfinity) return double.PositiveInfinity;
        if (limit.Kind == LimitKind.MinusInfinity) return double.NegativeInfinity;
        if (limit.IsFinite) return Snap(limit.Value, f.Range());
        double first = double.NaN, last = double.NaN;
        foreach (var w in ApproachPoints(domain, end, side))
        {
            double v = compiled(w);
            if (!double.IsFinite(v))
            {
                if (double.IsInfinity(v)) return v;
                break;
            }
            if (double.IsNaN(first)) first = v;
            last = v;
        }
        if (double.IsNaN(last)) return double.NaN;
        if (Math.Abs(last) > 1e12 * Math.Max(1, Math.Abs(first))) return last > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        return Snap(last, f.Range());
    }

    /// <summary>The open interval between the limits of f at the two ends of <paramref name="domain"/> (in increasing order).</summary>
    public static Interval Image(Expr f, string variable, Func<double, double> compiled, Interval domain)
    {
        double a = EndLimit(f, variable, compiled, domain, domain.Lo, +1);
        double b = EndLimit(f, variable, compiled, domain, domain.Hi, -1);
        if (double.IsNaN(a) || double.IsNaN(b) || a == b) return f.Range();
        return Interval.Open(Math.Min(a, b), Math.Max(a, b));
    }

    private static double Snap(double v, Interval range)
    {
        // an integer first: the range analysis rounds its ends outward (1.0000000000000013 for 2*atan(z)/pi)
        foreach (var end in new[] { Math.Round(v), range.Lo, range.Hi })
            if (double.IsFinite(end) && Math.Abs(v - end) <= 1e-12 * Math.Max(1, Math.Abs(end))) return end;
        return v;
    }

    private static IEnumerable<double> ApproachPoints(Interval domain, double end, int side)
    {
        if (double.IsInfinity(end))
        {
            for (int k = 0; k <= 1023; k++) yield return -side * Math.Pow(2, k);
            yield break;
        }
        double width = double.IsFinite(domain.Hi - domain.Lo) ? domain.Hi - domain.Lo : Math.Max(1, Math.Abs(end));
        for (int k = 1; k <= 15; k++) yield return end + side * width * Math.Pow(10, -k);
    }

    /// <summary>Sample points ±10^(k/4) for k = −16 … 12 (1e-4 to 1e3, four per decade), sorted, without 0.</summary>
    public static double[] SymmetricSamples(double smallest = 1e-4, double largest = 1e3)
    {
        var positive = new List<double>();
        for (double k = Math.Round(4 * Math.Log10(smallest)); k <= Math.Round(4 * Math.Log10(largest)); k++)
            positive.Add(Math.Pow(10, k / 4));
        // irregular points between the decades, so special values (1, π/2) are not the only ones seen
        positive.AddRange(new[] { 0.37, 0.73, 1.29, 2.33, 3.91, 7.11 }.Where(p => p >= smallest && p <= largest));
        return [.. positive.Select(p => -p).Concat(positive).Order()];
    }

    /// <summary>Throws when a formula has symbols other than its variable.</summary>
    public static void RequireOnly(Expr formula, string variable, string what)
    {
        ArgumentNullException.ThrowIfNull(formula);
        if (!Lexicon.IsIdentifier(variable)) throw new SymbolicException($"'{variable}' is not a valid variable name");
        var others = formula.FreeSymbols().Where(n => n != variable).ToList();
        if (others.Count > 0)
            throw new SymbolicException($"the {what} {formula} has symbols other than {variable}: {string.Join(", ", others)} (substitute values for them)");
        if (!formula.DependsOn(variable))
            throw new SymbolicException($"the {what} {formula} does not depend on {variable}");
    }
}
