namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>How far a sweep run is: rows finished (including those a resumed run kept) out of its rows.</summary>
/// <param name="Done">Finished rows.</param>
/// <param name="Total">Rows of the run (of its shard).</param>
/// <param name="Computed">Rows computed by this run so far.</param>
/// <param name="Elapsed">Time since this run started.</param>
public sealed record SweepProgress(int Done, int Total, int Computed, TimeSpan Elapsed)
{
    /// <summary>The time left at the rate of this run, or null before the first row.</summary>
    public TimeSpan? Remaining => Computed == 0 ? null
        : TimeSpan.FromSeconds(Elapsed.TotalSeconds / Computed * (Total - Done));
}
