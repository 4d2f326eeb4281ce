namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// One computed row of a sweep: its options and what was measured. A quantity that was not asked for, or could not
/// be computed, is null; <see cref="Error"/> then says why when the row failed as a whole.
/// </summary>
public sealed record SweepRow
{
    /// <summary>The columns every sweep has, in file order; the parameter columns of ρ follow "difference".</summary>
    public static IReadOnlyList<string> FixedColumns { get; } =
    [
        "row", "rho", "difference", "m", "n", "k", "seed", "init", "noise", "problem", "truthError", "l1Distance",
        "l2Distance", "success", "predictionSeconds", "flowDifference", "flowSeconds", "flowAgree", "error",
    ];

    /// <summary>The row's index in the grid.</summary>
    public required int Row { get; init; }
    /// <summary>ρ as the spec gives it.</summary>
    public required string Rho { get; init; }
    /// <summary>Whether the row uses x = ρ(u) − ρ(v).</summary>
    public required bool Difference { get; init; }
    /// <summary>The parameter values of ρ (only those of its own entry).</summary>
    public required IReadOnlyDictionary<string, double> Parameters { get; init; }
    /// <summary>Observations M.</summary>
    public required int M { get; init; }
    /// <summary>Unknowns N.</summary>
    public required int N { get; init; }
    /// <summary>Nonzero entries k of x*.</summary>
    public required int K { get; init; }
    /// <summary>The problem's seed.</summary>
    public required int Seed { get; init; }
    /// <summary>The initial value of every w entry (the scale).</summary>
    public required double Init { get; init; }
    /// <summary>The noise level.</summary>
    public required double Noise { get; init; }
    /// <summary>The problem file of the row, as the spec gives it; null for a generated problem.</summary>
    public string? Problem { get; init; }
    /// <summary>max |x̂ − x*|: the prediction against the planted solution.</summary>
    public double? TruthError { get; init; }
    /// <summary>max |x̂ − x_ℓ1|.</summary>
    public double? L1Distance { get; init; }
    /// <summary>max |x̂ − x_ℓ2|.</summary>
    public double? L2Distance { get; init; }
    /// <summary>TruthError ≤ 1e-3·max(1, max |x*|): the prediction recovers x*.</summary>
    public bool? Success { get; init; }
    /// <summary>Seconds of the Bregman projection.</summary>
    public double? PredictionSeconds { get; init; }
    /// <summary>max |x_flow − x̂|, when the flow was run.</summary>
    public double? FlowDifference { get; init; }
    /// <summary>Seconds of the flow.</summary>
    public double? FlowSeconds { get; init; }
    /// <summary>The verdict of <c>ibias verify</c> for this row: the flow converged to the prediction.</summary>
    public bool? FlowAgree { get; init; }
    /// <summary>Why the row could not be computed (a problem that cannot be generated, a failed projection).</summary>
    public string? Error { get; init; }

    /// <summary>Equal up to the timings: what a rerun, a shard or another machine must reproduce.</summary>
    public bool SameResults(SweepRow other) =>
        this with { PredictionSeconds = null, FlowSeconds = null, Parameters = other.Parameters }
            == other with { PredictionSeconds = null, FlowSeconds = null }
        && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v.Equals(p.Value));
}
