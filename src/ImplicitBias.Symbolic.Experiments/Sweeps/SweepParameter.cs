namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>A parameter of ρ and the values a sweep gives it (one row set per value).</summary>
/// <param name="Name">The parameter, e.g. "beta".</param>
/// <param name="Values">Its values, at least one.</param>
public sealed record SweepParameter(string Name, IReadOnlyList<double> Values);
