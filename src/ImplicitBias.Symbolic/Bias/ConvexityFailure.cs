namespace ImplicitBias.Symbolic.Bias;

/// <summary>How f″ &gt; 0 fails on the domain of a wanted potential.</summary>
internal enum ConvexityFailure
{
    /// <summary>f″ &lt; 0 somewhere: f is not convex.</summary>
    Negative,
    /// <summary>f″ vanishes at isolated points: ρ⁻¹ exists, but ρ′ is infinite there.</summary>
    VanishesAtPoints,
    /// <summary>f″ vanishes on an interval: ρ⁻¹ is constant there, so no reparametrization exists.</summary>
    VanishesOnInterval,
}
