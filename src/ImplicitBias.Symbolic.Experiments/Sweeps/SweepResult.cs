namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>The outcome of a sweep run or merge.</summary>
/// <param name="Rows">The rows, sorted by their index.</param>
/// <param name="Columns">The columns of the row files.</param>
/// <param name="Computed">Rows computed by this run (0 for a merge).</param>
/// <param name="Kept">Rows kept from an earlier, interrupted run (or read from the shards of a merge).</param>
/// <param name="Expected">The rows the run or merge should have.</param>
/// <param name="Cancelled">Whether the run was interrupted before all rows were computed.</param>
public sealed record SweepResult(IReadOnlyList<SweepRow> Rows, IReadOnlyList<SweepColumn> Columns, int Computed,
    int Kept, int Expected, bool Cancelled)
{
    /// <summary>Rows that could not be computed (their error column says why).</summary>
    public int Failed => Rows.Count(r => r.Error is not null);
}
