namespace ImplicitBias.Symbolic;

/// <summary>Where the argument u must lie for a composition identity f(g(u)) = R(u) to keep the domain.</summary>
internal enum CompositionGuard
{
    /// <summary>Holds wherever f(g(u)) is defined.</summary>
    None,
    /// <summary>−1 ≤ u ≤ 1.</summary>
    ClosedUnit,
    /// <summary>−1 &lt; u &lt; 1.</summary>
    OpenUnit,
    /// <summary>u ≥ 1.</summary>
    AtLeastOne,
    /// <summary>u &gt; 0.</summary>
    Positive,
    /// <summary>−π/2 ≤ u ≤ π/2 (the principal branch of asin).</summary>
    SineBranch,
    /// <summary>0 ≤ u ≤ π (the principal branch of acos).</summary>
    CosineBranch,
    /// <summary>−π/2 &lt; u &lt; π/2 (the principal branch of atan).</summary>
    TangentBranch,
}
