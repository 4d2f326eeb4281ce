namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// The part of a sweep one task runs: rows whose index is <see cref="Index"/> modulo <see cref="Count"/>, so shards
/// of a grid sorted by size get equal shares of small and large problems.
/// </summary>
/// <param name="Index">K, from 0 to Count − 1 (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX).</param>
/// <param name="Count">N, the number of shards.</param>
public sealed record SweepShard(int Index, int Count)
{
    /// <summary>The whole sweep.</summary>
    public static SweepShard All { get; } = new(0, 1);

    /// <summary>Whether the row belongs to this shard.</summary>
    public bool Contains(int row) => row % Count == Index;

    /// <summary>"K/N".</summary>
    public override string ToString() => $"{Index}/{Count}";

    /// <summary>
    /// Parses "K/N", or "auto": SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT (a Slurm job array
    /// <c>--array=0-(N−1)</c>), or JOB_COMPLETION_INDEX with IBIAS_SHARD_COUNT (a Kubernetes Indexed Job).
    /// </summary>
    /// <exception cref="SymbolicException">Bad text, or "auto" without the environment variables.</exception>
    public static SweepShard Parse(string text, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (text.Trim() == "auto")
        {
            var slurm = environment("SLURM_ARRAY_TASK_ID");
            var (index, count, names) = slurm is not null
                ? (slurm, environment("SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT")
                : (environment("JOB_COMPLETION_INDEX"), environment("IBIAS_SHARD_COUNT"),
                    "JOB_COMPLETION_INDEX and IBIAS_SHARD_COUNT");
            if (index is null || count is null)
                throw new SymbolicException($"--shard auto needs {names} in the environment (or give --shard K/N)");
            return Create(index, count, $"--shard auto ({names} = {index}, {count})");
        }
        var parts = text.Split('/');
        if (parts.Length != 2) throw new SymbolicException($"--shard must be K/N or auto, got \"{text}\"");
        return Create(parts[0], parts[1], $"--shard {text}");
    }

    private static SweepShard Create(string index, string count, string what)
    {
        if (!int.TryParse(index.Trim(), out int k) || !int.TryParse(count.Trim(), out int n) || n < 1 || k < 0
            || k >= n)
            throw new SymbolicException($"{what}: K must be an integer from 0 to N − 1 and N at least 1");
        return new SweepShard(k, n);
    }
}
