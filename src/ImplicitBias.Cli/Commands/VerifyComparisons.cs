using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Experiments.Baselines;

namespace ImplicitBias.Cli.Commands;

/// <summary>
/// What <c>ibias verify</c> reports beside the flow: the prediction against the problem's known solution ("truth"),
/// and with --baselines the ℓ1 and ℓ2 baselines a reviewer asks for.
/// </summary>
/// <param name="TruthError">max |x̂ − x*| when the problem has a truth.</param>
/// <param name="L1">Basis pursuit (over x ≥ 0 when ρ maps onto positive values), with --baselines.</param>
/// <param name="L2">The minimum-norm solution, with --baselines.</param>
/// <param name="NoiseNote">For a generated problem with noise: whether the theorem still applies.</param>
internal sealed record VerifyComparisons(double? TruthError, BaselineJson? L1, BaselineJson? L2, string? NoiseNote)
{
    /// <summary>Whether the ℓ1 baseline is over x ≥ 0.</summary>
    public bool Nonnegative { get; private init; }

    public static VerifyComparisons Of(Problem problem, Derivation derivation, VerificationReport report,
        double noise, bool baselines)
    {
        var prediction = report.Prediction.X;
        double? truth = problem.Truth is { } t ? Distances.MaxAbs(prediction, t) : null;
        var note = noise <= 0 ? null
            : report.Interpolating
                ? "the data still interpolate (M < N, A of full row rank), so the theorem applies to the noisy y; " +
                    "the truth is the noise-free x*"
                : "the noisy data cannot be interpolated (M ≥ N)";
        if (!baselines) return new VerifyComparisons(truth, null, null, note);
        var l1 = BasisPursuit.Solve(problem.Model, nonnegative: derivation.Image.Lo >= 0);
        return new VerifyComparisons(truth, BaselineJson.Of(l1, prediction),
            BaselineJson.Of(MinimumNorm.Solve(problem.Model), prediction), note)
        {
            Nonnegative = l1.Kind == BaselineKind.L1Nonnegative,
        };
    }

    /// <summary>The rows of the text report.</summary>
    public IEnumerable<(string Label, string Value)> Rows(Func<double, string> number)
    {
        if (NoiseNote is { } noise) yield return ("noise", noise);
        if (TruthError is { } e) yield return ("max |x_prediction − truth|", number(e));
        if (L1 is { } l1) yield return (Nonnegative ? "ℓ1 baseline (x ≥ 0)" : "ℓ1 baseline", Text(l1));
        if (L2 is { } l2) yield return ("ℓ2 baseline (minimum norm)", Text(l2));

        string Text(BaselineJson b) => b.Distance is { } d
            ? $"max |x_prediction − x_baseline| = {number(d)}; norm {number(b.Objective!.Value)}, " +
                $"{b.Solver}, {number(b.Seconds)} s" + (b.Interpolating ? "" : ", least squares (A x ≠ y)")
            : $"{b.Status} ({b.Solver})";
    }
}

/// <summary>A baseline in the JSON of <c>ibias verify --baselines</c>.</summary>
/// <param name="Kind">"l1", "l1Nonnegative" or "l2".</param>
/// <param name="Status">"optimal", "infeasible", ….</param>
/// <param name="Solver">"glop", "pdlp", "qr" or "svd".</param>
/// <param name="Distance">max |x̂ − x_baseline|; null without a solution.</param>
/// <param name="Objective">‖x‖₁ (Σ x for x ≥ 0) or ‖x‖₂; null without a solution.</param>
/// <param name="Interpolating">A x = g⁻¹(y) holds for the baseline.</param>
/// <param name="Seconds">Its time.</param>
/// <param name="X">The baseline solution; null without one.</param>
internal sealed record BaselineJson(string Kind, string Status, string Solver, double? Distance, double? Objective,
    bool Interpolating, double Seconds, double[]? X)
{
    public static BaselineJson Of(BaselineResult b, double[] prediction) => new(
        Camel(b.Kind.ToString()), Camel(b.Status.ToString()), Camel(b.Solver.ToString()),
        b.X is null ? null : Distances.MaxAbs(prediction, b.X), b.X is null ? null : b.Objective, b.Interpolating,
        b.Seconds, b.X);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
