namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// The <c>[problem]</c> table of a sweep spec: the values of each problem option. Every combination is a cell, and
/// every cell is run once per seed with exactly the problem <c>ibias problem generate</c> writes for those options.
/// </summary>
/// <param name="Rows">M, the observations.</param>
/// <param name="Columns">N, the unknowns.</param>
/// <param name="Sparsity">k, the nonzero entries of the planted x*.</param>
/// <param name="Init">The initial value of every w entry (the scale α).</param>
/// <param name="Noise">The standard deviation of the Gaussian noise added to A x* before the link.</param>
/// <param name="Loss">The loss, as <c>--loss</c> takes it.</param>
/// <param name="Link">The link, as <c>--link</c> takes it.</param>
public sealed record ProblemGrid(IReadOnlyList<int> Rows, IReadOnlyList<int> Columns, IReadOnlyList<int> Sparsity,
    IReadOnlyList<double> Init, IReadOnlyList<double> Noise, string Loss, string Link)
{
    /// <summary>
    /// Problem files (any format of <c>ProblemFiles</c>) in place of generated problems, as the spec gives them
    /// (relative to <see cref="SweepSpec.BaseDirectory"/>); empty for generated problems. Each file is one cell,
    /// run for every ρ and init, without seeds.
    /// </summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}
