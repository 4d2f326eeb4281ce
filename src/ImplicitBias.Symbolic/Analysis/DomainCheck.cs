namespace ImplicitBias.Symbolic.Analysis;

/// <summary>
/// A reparametrization must be real and finite on its whole domain: a pole or a stretch outside a function's domain
/// strictly inside it is an error that names the point and suggests the largest interval around 0 (or starting at
/// 0) where ρ is defined. A removable point (equal finite limits on both sides, as w·log|w| at 0) is not an error.
/// </summary>
internal static class DomainCheck
{
    /// <exception cref="SymbolicException">ρ is not defined on the whole domain.</exception>
    public static void Require(Expr rho, string variable, Interval domain,
        IReadOnlyDictionary<string, double> values) =>
        Require(rho, variable, domain, values, $"ρ = {rho}", suggest: true);

    /// <summary>The same check for any function: <paramref name="what"/> names it in the message.</summary>
    /// <exception cref="SymbolicException">The function is not defined on the whole domain.</exception>
    public static void Require(Expr rho, string variable, Interval domain, IReadOnlyDictionary<string, double> values,
        string what, bool suggest)
    {
        IReadOnlyList<Singularity> singular;
        Func<double, double> f;
        try
        {
            singular = DefinitionSet.Singularities(rho, variable, domain.Lo, domain.Hi, values);
            f = rho.CompileForChecks(variable, values);
        }
        catch (SymbolicException) { return; } // nothing to decide without values
        // a point within rounding of an end is that end (ends computed from π or a parameter sample)
        static double Slack(double end) => double.IsFinite(end) ? 1e-12 * Math.Max(1, Math.Abs(end)) : 0;
        var inside = singular
            .Where(s => s.Point > domain.Lo + Slack(domain.Lo) && s.Point < domain.Hi - Slack(domain.Hi)).ToList();
        var cuts = inside.Select(s => s.Point).Prepend(domain.Lo).Append(domain.Hi).Distinct().ToList();
        var pieces = cuts.Zip(cuts.Skip(1))
            .Where(p => double.IsFinite(f(Interval.Open(p.First, p.Second).Midpoint))).ToList();
        // report the trouble closest to 0
        var nearest = inside.OrderBy(s => Math.Abs(s.Point)).ThenByDescending(s => s.Point).ToList();
        var fatal = nearest.FirstOrDefault(s => s.Kind == SingularityKind.Pole && !Removable(rho, variable, s, values));
        if (fatal is null && pieces.Count == cuts.Count - 1) return;
        var suggestion = suggest && Suggest(pieces) is { } text ? $"; use --domain \"{text}\"" : "";
        if (fatal is not null)
            throw new SymbolicException($"{what} has {fatal.Describe(variable)} inside {domain}{suggestion}");
        if (nearest.Count == 0) throw Overflow(what, variable, cuts, pieces);
        var edges = string.Join("; ", nearest.Take(2).Select(s => s.Describe(variable)));
        throw new SymbolicException($"{what} is not real on all of {domain}: {edges}{suggestion}");
    }

    /// <summary>
    /// Nothing is singular, yet a piece evaluates to ±∞ or NaN: the function is real there but leaves double range
    /// (exp(exp(exp(exp(exp(w))))) at 0), which every numeric step of a derivation would meet.
    /// </summary>
    private static SymbolicException Overflow(string what, string variable, List<double> cuts,
        List<(double Lo, double Hi)> pieces)
    {
        var failing = cuts.Zip(cuts.Skip(1)).First(p => !pieces.Contains(p));
        double at = Interval.Open(failing.First, failing.Second).Midpoint;
        return new SymbolicException(
            $"{what} overflows double precision at {variable} = {Interval.EndText(at)}; use a smaller --domain");
    }

    private static bool Removable(Expr rho, string variable, Singularity s, IReadOnlyDictionary<string, double> values)
    {
        var below = new LimitAnalysis(variable, s.Point, -1, values).Of(rho);
        var above = new LimitAnalysis(variable, s.Point, +1, values).Of(rho);
        return below.IsFinite && above.IsFinite
            && Math.Abs(below.Value - above.Value) <= 1e-9 * Math.Max(1, Math.Abs(below.Value));
    }

    /// <summary>The piece containing 0, else the one starting at 0, else the first.</summary>
    private static string? Suggest(List<(double Lo, double Hi)> pieces)
    {
        if (pieces.Count == 0) return null;
        var best = pieces.FirstOrDefault(p => p.Lo < 0 && 0 < p.Hi);
        if (best == default) best = pieces.FirstOrDefault(p => p.Lo == 0);
        if (best == default) best = pieces[0];
        return DomainText.Format(Interval.Open(best.Lo, best.Hi));
    }
}
