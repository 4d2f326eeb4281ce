using ImplicitBias.Symbolic.Analysis;
using ImplicitBias.Symbolic.Algebra;
using ImplicitBias.Symbolic.Algebra.Calculus;

namespace ImplicitBias.Symbolic.Bias;

/// <summary>
/// Whether f″ &gt; 0 on the domain of a wanted potential: proven by range analysis, refuted where f″ vanishes (at
/// the real roots of a polynomial numerator, or on a run of sample points) or turns negative, and otherwise sampled
/// but not proven. Where f″ vanishes on an interval, ρ⁻¹ = ∫√f″ is constant there and no reparametrization exists;
/// at an isolated zero ρ′ is infinite.
/// </summary>
internal static class StrictConvexity
{
    public const string Name = "strict convexity (f″ > 0)";

    /// <summary>The condition, and how it fails when it does.</summary>
    public static (Condition Condition, ConvexityFailure? Failure) Check(Expr metric, Symbol x,
        IReadOnlyDictionary<string, double> values)
    {
        var domain = x.Domain;
        if (metric.Range().IsPositive) return (new(Name, ConditionStatus.Holds, $"f″ = {metric} > 0 on {domain}"), null);
        var f2 = metric.Compile(x.Name, values);
        var grid = SignAnalysis.Grid(domain);
        var samples = grid.Select(f2).ToArray();
        double largest = samples.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (Array.FindIndex(samples, v => v < -1e-12 * largest) is var negative and >= 0)
        {
            var changes = SignAnalysis.Analyze(metric, x.Name, domain, values).Changes;
            var where = changes.Count > 0 ? $"changes sign at {Where(x, changes)}"
                : $"< 0 at {x.Name} ≈ {Derivation.Format(grid[negative])}";
            return (Fails($"f″ = {metric} {where}"), ConvexityFailure.Negative);
        }
        if (PolynomialRoots(metric, x) is { Count: > 0 } roots)
            return (Fails($"f″ = {metric} vanishes at {Where(x, roots)}, where ρ′ would be infinite"),
                ConvexityFailure.VanishesAtPoints);
        if (ZeroRuns(grid, samples, largest) is { } runs)
            return (Fails($"f″ = {metric} vanishes on {runs} (at every sample point there), so ρ⁻¹ = ∫√f″ is "
                + "constant there and no reparametrization exists"),
                ConvexityFailure.VanishesOnInterval);
        var reason = samples.Any(v => v == 0 || !double.IsFinite(v))
            ? $"f″ = {metric} is zero or undefined at some sample points"
            : $"f″ = {metric} > 0 at {grid.Length} sample points; not proven";
        return (new(Name, ConditionStatus.Unknown, reason), null);
    }

    private static Condition Fails(string reason) => new(Name, ConditionStatus.Fails, reason);

    /// <summary>The real roots inside the domain of a numerator that is a polynomial in x alone.</summary>
    private static List<double> PolynomialRoots(Expr metric, Symbol x)
    {
        Polynomial numerator;
        try { numerator = RationalConverter.ConvertOne(metric, KernelMode.AsWritten, new WorkBudget()).Numerator; }
        catch (SymbolicException) { return []; }
        if (numerator.Generators is not [Symbol only] || only.Name != x.Name) return [];
        var roots = new List<double>();
        foreach (var (factor, _) in PolynomialFactorizer.Factor(numerator, new WorkBudget()).Factors)
        {
            var f = factor.ToExpr().Compile(x.Name);
            var grid = SignAnalysis.Grid(x.Domain);
            if (factor.Degree(0) == 1) roots.Add((-factor.UnivariateCoefficients(0)[0] / factor.LeadingCoefficient).ToDouble());
            else for (int i = 1; i < grid.Length; i++)
                if (Math.Sign(f(grid[i - 1])) * Math.Sign(f(grid[i])) < 0) roots.Add(grid[i - 1]);
        }
        return [.. roots.Where(x.Domain.Contains).Order()];
    }

    /// <summary>The runs of at least three consecutive sample points where f″ is zero (to rounding), as text.</summary>
    private static string? ZeroRuns(double[] grid, double[] samples, double largest)
    {
        var runs = new List<string>();
        for (int i = 0, start = 0; i <= samples.Length; i++)
        {
            if (i < samples.Length && Math.Abs(samples[i]) <= 1e-12 * largest) continue;
            if (i - start >= 3) runs.Add($"[{Derivation.Format(grid[start])}, {Derivation.Format(grid[i - 1])}]");
            start = i + 1;
        }
        return runs.Count == 0 ? null : string.Join(" and ", runs.Take(3));
    }

    private static string Where(Symbol x, List<double> roots) =>
        string.Join(", ", roots.Take(3).Select(r => $"{x.Name} = {Derivation.Format(r)}"));
}
