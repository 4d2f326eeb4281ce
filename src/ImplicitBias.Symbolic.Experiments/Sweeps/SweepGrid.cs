namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// The rows of a sweep in their fixed order: ρ entry, its parameter values (the first parameter slowest), then M, N,
/// k, init, noise and seed. The order decides the row indices, so it never depends on threads or shards.
/// </summary>
public static class SweepGrid
{
    /// <summary>The most rows a sweep may have.</summary>
    public const int MaxRows = 10_000_000;

    /// <summary>All rows of the spec.</summary>
    /// <exception cref="SymbolicException">The grid has more than <see cref="MaxRows"/> rows.</exception>
    public static IReadOnlyList<SweepRowKey> Rows(SweepSpec spec)
    {
        var g = spec.Problem;
        long perVariant = g.Files.Count > 0 ? (long)g.Files.Count * g.Init.Count
            : (long)g.Rows.Count * g.Columns.Count * g.Sparsity.Count * g.Init.Count * g.Noise.Count
                * spec.Seeds.Count;
        long total = spec.Rhos.Sum(r => r.Parameters.Aggregate(1L, (n, p) => n * p.Values.Count)) * perVariant;
        if (total > MaxRows)
            throw new SymbolicException($"the sweep has {total} rows, more than {MaxRows}; make the grid smaller");
        var rows = new List<SweepRowKey>((int)total);
        for (int r = 0; r < spec.Rhos.Count; r++)
            foreach (var parameters in Combinations(spec.Rhos[r].Parameters))
            {
                if (g.Files.Count > 0) AddFileRows(rows, g, r, parameters);
                else AddGeneratedRows(rows, spec, r, parameters);
            }
        return rows;
    }

    private static void AddGeneratedRows(List<SweepRowKey> rows, SweepSpec spec, int rho,
        IReadOnlyList<KeyValuePair<string, double>> parameters)
    {
        var g = spec.Problem;
        foreach (int m in g.Rows)
        foreach (int n in g.Columns)
        foreach (int k in g.Sparsity)
        foreach (double init in g.Init)
        foreach (double noise in g.Noise)
        foreach (int seed in spec.Seeds)
            rows.Add(new SweepRowKey(rows.Count, rho, parameters, m, n, k, seed, init, noise));
    }

    /// <summary>One row per problem file and init (no seeds, no noise: the file holds the data).</summary>
    private static void AddFileRows(List<SweepRowKey> rows, ProblemGrid g, int rho,
        IReadOnlyList<KeyValuePair<string, double>> parameters)
    {
        foreach (var file in g.Files)
            foreach (double init in g.Init)
                rows.Add(new SweepRowKey(rows.Count, rho, parameters, 0, 0, 0, 0, init, 0) { File = file });
    }

    private static IEnumerable<IReadOnlyList<KeyValuePair<string, double>>> Combinations(
        IReadOnlyList<SweepParameter> parameters)
    {
        IEnumerable<IReadOnlyList<KeyValuePair<string, double>>> result = [[]];
        foreach (var p in parameters)
            result = result.SelectMany(prefix => p.Values.Select(v =>
                (IReadOnlyList<KeyValuePair<string, double>>)[.. prefix, new(p.Name, v)])).ToList();
        return result;
    }
}
