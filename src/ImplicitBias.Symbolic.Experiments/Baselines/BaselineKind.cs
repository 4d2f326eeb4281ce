namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>Which baseline a <see cref="BaselineResult"/> holds.</summary>
public enum BaselineKind
{
    /// <summary>Basis pursuit: argmin ‖x‖₁ subject to A x = g⁻¹(y).</summary>
    L1,
    /// <summary>Basis pursuit over x ≥ 0: argmin Σ x subject to A x = g⁻¹(y), x ≥ 0 (for ρ onto (0, ∞)).</summary>
    L1Nonnegative,
    /// <summary>The minimum-norm solution: argmin ‖x‖₂ subject to A x = g⁻¹(y), or A⁺ g⁻¹(y) in general.</summary>
    L2,
}
