using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;

namespace ImplicitBias.Symbolic.Testing;

/// <summary>
/// Sampling of points inside intervals. An interval is covered by a fixed grid of cells in a parameter t ∈ (0, 1)
/// (linear on a bounded interval, logarithmic toward a finite end of a half-line, uniform on [−5, 5] for the whole
/// line); the accepted cells are found once, and a generated point is a random position inside an accepted cell
/// (its centre when the random position itself is not accepted). So generation never fails or retries.
/// </summary>
internal static class Sampling
{
    /// <summary>Cells per interval.</summary>
    internal const int GridSize = 2048;

    /// <summary>Sub-positions per cell.</summary>
    private const int SubSteps = 1000;

    /// <summary>The point of the interval at parameter t ∈ (0, 1) (the sampling window).</summary>
    internal static double Map(Interval interval, double t)
    {
        double lo = interval.Lo, hi = interval.Hi;
        bool loFinite = double.IsFinite(lo), hiFinite = double.IsFinite(hi);
        if (loFinite && hiFinite) return lo + (hi - lo) * t;
        if (loFinite) return lo + Math.Max(1, Math.Abs(lo)) * Math.Pow(10, -3 + 4 * t);
        if (hiFinite) return hi - Math.Max(1, Math.Abs(hi)) * Math.Pow(10, 1 - 4 * t);
        return 5 * (2 * t - 1);
    }

    /// <summary>A far wider monotone map of (0, 1) onto the interval, for bracketing root searches.</summary>
    internal static double WideMap(Interval interval, double t)
    {
        double lo = interval.Lo, hi = interval.Hi;
        bool loFinite = double.IsFinite(lo), hiFinite = double.IsFinite(hi);
        if (loFinite && hiFinite) return lo + (hi - lo) * t;
        if (loFinite) return lo + Math.Max(1, Math.Abs(lo)) * Math.Pow(10, -12 + 18 * t);
        if (hiFinite) return hi - Math.Max(1, Math.Abs(hi)) * Math.Pow(10, 6 - 18 * t);
        return Math.Sinh(30 * (2 * t - 1));
    }

    /// <summary>True when the point lies strictly inside the interval (and is not an excluded 0).</summary>
    internal static bool Inside(Interval interval, double x) =>
        double.IsFinite(x) && x > interval.Lo && x < interval.Hi && !(interval.ExcludesZero && x == 0);

    /// <summary>The centres of the grid cells whose points pass <paramref name="accept"/>, as cell indices.</summary>
    internal static int[] AcceptedCells(Interval interval, Func<double, bool> accept)
    {
        var cells = new List<int>();
        for (int i = 0; i < GridSize; i++)
        {
            double x = Map(interval, (i + 0.5) / GridSize);
            if (Inside(interval, x) && SafeAccept(accept, x)) cells.Add(i);
        }
        return [.. cells];
    }

    private static bool SafeAccept(Func<double, bool> accept, double x)
    {
        try { return accept(x); }
        catch (ArithmeticException) { return false; }
        catch (SymbolicException) { return false; }
    }

    /// <summary>A generator of points inside accepted cells.</summary>
    internal static Gen<double> FromCells(Interval interval, int[] cells, Func<double, bool> accept)
    {
        if (cells.Length == 0) throw new ArgumentException("no accepted cells", nameof(cells));
        return Gen.Choose(0, cells.Length * SubSteps - 1).Select(k =>
        {
            int cell = cells[k / SubSteps];
            double offset = (k % SubSteps + 0.5) / SubSteps;
            double x = Map(interval, (cell + offset) / GridSize);
            return Inside(interval, x) && SafeAccept(accept, x) ? x : Map(interval, (cell + 0.5) / GridSize);
        });
    }

    /// <summary>Points inside the interval that pass <paramref name="accept"/>; throws when none does.</summary>
    internal static Gen<double> Points(Interval interval, Func<double, bool> accept, string what)
    {
        var cells = AcceptedCells(interval, accept);
        if (cells.Length == 0) throw new ArgumentException($"no sample point of {interval} is usable: {what}");
        return FromCells(interval, cells, accept);
    }

    /// <summary>"1.2345" with up to 6 significant digits, invariant culture.</summary>
    internal static string Num(double v) => (v == 0 ? 0.0 : v).ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>The round-trip text of a double.</summary>
    internal static string Exact(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>Derivations and compiled pieces shared by generators and properties (a
/// reparametrization is derived once).</summary>
internal static class Cache
{
    private static readonly ConditionalWeakTable<Reparametrization, Derivation> Derivations = new();
    private static readonly ConditionalWeakTable<Reparametrization, RhoFunctions> Functions = new();

    /// <summary>The derivation of the reparametrization (computed once per instance).</summary>
    internal static Derivation Derive(Reparametrization r) => Derivations.GetValue(r, x => x.Derive());

    /// <summary>ρ and ρ′ compiled (computed once per instance).</summary>
    internal static RhoFunctions Rho(Reparametrization r) => Functions.GetValue(r, x => new RhoFunctions(x));
}

/// <summary>ρ and ρ′ as delegates, compiled from the reparametrization's expression.</summary>
internal sealed class RhoFunctions
{
    public RhoFunctions(Reparametrization r)
    {
        if (r.SymbolicParameters.Count > 0)
            throw new ArgumentException(
                $"ρ = {r.Rho} has parameters without values " +
                $"({string.Join(", ", r.SymbolicParameters.Select(s => s.Name))}); " +
                "give them values with Reparametrization.Parse(..., parameters: ...)");
        Value = r.Rho.Compile(r.Variable);
        Derivative = r.Rho.Differentiate(r.Variable).Compile(r.Variable);
    }

    /// <summary>ρ(w).</summary>
    public Func<double, double> Value { get; }

    /// <summary>ρ′(w).</summary>
    public Func<double, double> Derivative { get; }
}
