namespace ImplicitBias.Symbolic.Testing;

/// <summary>
/// Tolerances and sizes of the <see cref="Theorems"/> properties. Defaults keep each case fast (M ≤ 6, N ≤ 30).
/// C#: <c>new TheoremOptions { MaxRows = 4 }</c> or <c>TheoremOptions.Default with { FlowTolerance = 1e-5 }</c>;
/// F#: <c>TheoremOptions(MaxRows = 4)</c>.
/// </summary>
public sealed record TheoremOptions
{
    // declared before Default: static initializers run in order
    private static readonly Lazy<Link> CubicLink = new(() => Link.Parse("z + z^3/3"));

    /// <summary>The defaults.</summary>
    public static TheoremOptions Default { get; } = new();

    /// <summary>Relative tolerance of the mirror identity |f″(ρ(w))·ρ′(w)² − 1|.</summary>
    public double MirrorTolerance { get; init; } = 1e-8;

    /// <summary>Relative tolerance of a symbolic derivative against a (Richardson-extrapolated) central difference, on
    /// top of the difference's own error estimate.</summary>
    public double DerivativeTolerance { get; init; } = 1e-6;

    /// <summary>
    /// Absolute floor of the derivative comparison: intermediate results absorbed by rounding (log(1 + 10⁻⁴⁶) = 0)
    /// make a difference quotient 0 where the derivative is 10⁻⁴⁶.
    /// </summary>
    public double DerivativeAbsoluteTolerance { get; init; } = 1e-12;

    /// <summary>Relative tolerance of the design round trip (f″ of the designed ρ̃ against f″ of ρ).</summary>
    public double DesignTolerance { get; init; } = 1e-7;

    /// <summary>Agreement tolerance of the flow's limit and the Bregman projection (as in
    /// <see cref="Verification.Verify"/>: max |x_∞ − x̂| relative to max(1, max |x̂|)).</summary>
    public double FlowTolerance { get; init; } = 1e-6;

    /// <summary>Largest M of generated problems.</summary>
    public int MaxRows { get; init; } = 6;

    /// <summary>Largest N of generated problems (N ≥ 3M + 6 always).</summary>
    public int MaxColumns { get; init; } = 30;

    /// <summary>Largest support of the planted x* (also at most M).</summary>
    public int MaxSparsity { get; init; } = 3;

    /// <summary>Losses drawn for generated problems.</summary>
    public IReadOnlyList<Loss> Losses { get; init; } = [Loss.Square, Loss.Huber(1), Loss.LogCosh];

    /// <summary>Links drawn for generated problems (the flow-limit property).</summary>
    public IReadOnlyList<Link> Links { get; init; } = [Link.Identity];

    /// <summary>The links compared by the link-invariance property (the first is the reference); by default identity,
    /// sigmoid and z + z³/3.</summary>
    public IReadOnlyList<Link> InvarianceLinks { get; init; } = [Link.Identity, Link.Sigmoid, CubicLink.Value];

    /// <summary>
    /// How the flow runs: the integrator's relative tolerance is 10⁻¹⁰, four orders below the default
    /// <see cref="FlowTolerance"/> (the error accumulated along a long flow under a saturating link or a flat potential
    /// otherwise reaches 10⁻⁵), and a step limit keeps a pathological case from running for minutes.
    /// </summary>
    public FlowOptions Flow { get; init; } = new() { MaxSteps = 50_000, RelativeTolerance = 1e-10 };

    /// <summary>Flow properties fail at once, with the failing conditions as the label, when a condition of the
    /// theorem fails for ρ.</summary>
    public bool RequireConditions { get; init; } = true;
}
