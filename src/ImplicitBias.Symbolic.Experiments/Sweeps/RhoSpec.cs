namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>One <c>[[rho]]</c> entry of a sweep spec: a reparametrization and the values of its parameters.</summary>
/// <param name="Formula">ρ as the user typed it, e.g. "beta*sinh(w/beta)".</param>
/// <param name="Variable">Its variable.</param>
/// <param name="Domain">The open interval ρ acts on (null: the real line).</param>
/// <param name="Difference">The two-variable form x = ρ(u) − ρ(v) with u₀ = v₀ = init.</param>
/// <param name="Parameters">Each parameter with the values the sweep takes, in the order of the spec.</param>
public sealed record RhoSpec(string Formula, string Variable, string? Domain, bool Difference,
    IReadOnlyList<SweepParameter> Parameters);
