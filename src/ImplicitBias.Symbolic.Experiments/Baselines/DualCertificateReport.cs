namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>
/// The KKT conditions of basis pursuit at (x, λ), as <see cref="DualCertificate.Check"/> measures them from A and t
/// alone: together they prove x a minimizer (up to the tolerance), whatever solver produced it.
/// </summary>
/// <param name="PrimalFeasibility">max |A x − t| (and max(−xᵢ) for the nonnegative variant, when larger).</param>
/// <param name="DualFeasibility">max(‖Aᵀλ‖∞ − 1, 0); for the nonnegative variant max(maxᵢ (Aᵀλ)ᵢ − 1, 0).</param>
/// <param name="Gap">The strong-duality gap |tᵀλ − ‖x‖₁| (|tᵀλ − Σ x| for the nonnegative variant).</param>
/// <param name="SignMismatch">
/// Complementary slackness: max |(Aᵀλ)ᵢ − sign(xᵢ)| over the support (0 on an empty support).
/// </param>
/// <param name="Support">
/// The size of the support: the i with |xᵢ| (xᵢ for the nonnegative variant) above tolerance × max(1, ‖x‖∞).
/// </param>
/// <param name="Holds">
/// True when the feasibilities and the sign mismatch are at most the tolerance and the gap at most the tolerance ×
/// max(1, ‖x‖₁).
/// </param>
public sealed record DualCertificateReport(double PrimalFeasibility, double DualFeasibility, double Gap,
    double SignMismatch, int Support, bool Holds);
