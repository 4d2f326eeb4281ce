namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>One row of a sweep before it is computed: its place in the grid and its options.</summary>
/// <param name="Row">The row's index in the grid (0-based); shards and merges keep it.</param>
/// <param name="Rho">The index of its <c>[[rho]]</c> entry.</param>
/// <param name="Parameters">The parameter values of ρ for this row.</param>
/// <param name="M">Observations.</param>
/// <param name="N">Unknowns.</param>
/// <param name="K">Nonzero entries of the planted x*.</param>
/// <param name="Seed">The problem's seed.</param>
/// <param name="Init">The initial value of every w entry.</param>
/// <param name="Noise">The noise level.</param>
public sealed record SweepRowKey(int Row, int Rho, IReadOnlyList<KeyValuePair<string, double>> Parameters, int M,
    int N, int K, int Seed, double Init, double Noise)
{
    /// <summary>The problem file of the row, as the spec gives it; null for a generated problem (whose M, N, k and
    /// seed are the key's; a file's come from the file).</summary>
    public string? File { get; init; }
}
