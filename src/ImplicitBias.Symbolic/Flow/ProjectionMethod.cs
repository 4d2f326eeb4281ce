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
}
