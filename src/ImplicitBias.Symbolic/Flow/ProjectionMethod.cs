namespace ImplicitBias.Symbolic;

/// <summary>
/// How a Bregman projection was computed. <see cref="FlowText.Text(ProjectionMethod)"/> gives the text reports and
/// JSON show.
/// </summary>
public enum ProjectionMethod
{
    /// <summary>Damped Newton on the M-dimensional dual (<see cref="BregmanProjection.Solve"/>).</summary>
    DualNewton,
    /// <summary>Infeasible-start Newton in x, the cross-check (<see cref="BregmanProjection.SolvePrimal"/>).</summary>
    PrimalNewton,
    /// <summary>
    /// Damped Newton on the loss in x, for M ≥ N with A of full column rank and data that cannot be interpolated:
    /// the loss has one minimizer, which the flow reaches whatever ρ is.
    /// </summary>
    LeastSquares,
}
