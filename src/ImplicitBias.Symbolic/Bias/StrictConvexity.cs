using ImplicitBias.Symbolic.Analysis;

namespace ImplicitBias.Symbolic.Bias;

/// <summary>
/// Whether f″ &gt; 0 on the domain of a wanted potential, by the analysis module's one sign check: proven by range
/// analysis or Sturm sequences, refuted where f″ vanishes or turns negative, and otherwise sampled but not proven.
/// Where f″ vanishes on an interval, ρ⁻¹ = ∫√f″ is constant there and no reparametrization exists; at an isolated
/// zero ρ′ is infinite.
/// </summary>
internal static class StrictConvexity
{
    /// <summary>The condition's name.</summary>
    public const string Name = "strict convexity (f″ > 0)";

    /// <summary>The condition, and how it fails when it does.</summary>
    public static (Condition Condition, ConvexityFailure? Failure) Check(Expr metric, Symbol x,
        IReadOnlyDictionary<string, double> values)
    {
        var domain = x.Domain;
        var report = SignAnalysis.Of(metric, x.Name, domain, values);
        string how = report.Proven ? "" : " at the samples";
        if (report.Changes.Count > 0)
            return (Fails($"f″ = {metric} changes sign at {Where(x, report.Changes)}{how}"), ConvexityFailure.Negative);
        if (report.Sign < 0) return (Fails($"f″ = {metric} < 0 on {domain}{how}"), ConvexityFailure.Negative);
        if (report.Vanishing is var (from, to) && from < to)
            return (Fails($"f″ = {metric} vanishes on ({Deriver.EndText(from)}, {Deriver.EndText(to)}), so " +
                "ρ⁻¹ = ∫√f″ is constant there and no reparametrization exists"), ConvexityFailure.VanishesOnInterval);
        if (report.Vanishing is var (point, _))
            return (Fails($"f″ = {metric} vanishes at {Where(x, [point])}, where ρ′ would be infinite"),
                ConvexityFailure.VanishesAtPoints);
        if (report.Sign == 0)
            return (new(Name, ConditionStatus.Unknown, $"f″ = {metric} is undefined at the sample points"), null);
        if (report.Proven) return (new(Name, ConditionStatus.Holds, $"f″ = {metric} > 0 on {domain}"), null);
        return (new(Name, ConditionStatus.Unknown, $"f″ = {metric} > 0 at 800 sample points; not proven"), null);
    }

    private static Condition Fails(string reason) => new(Name, ConditionStatus.Fails, reason);

    private static string Where(Symbol x, IReadOnlyList<double> roots) =>
        string.Join(", ", roots.Take(3).Select(r => $"{x.Name} = {Derivation.Format(r)}"));
}
