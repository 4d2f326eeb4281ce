namespace ImplicitBias.Symbolic;

/// <summary>
/// The integrator(s) a flow run used (<see cref="FlowMethod"/> is what was asked for).
/// <see cref="FlowText.Text(FlowIntegrator, double?)"/> gives the text reports and JSON show.
/// </summary>
public enum FlowIntegrator
{
    /// <summary>Dormand–Prince 5(4) throughout.</summary>
    RungeKutta,
    /// <summary>The Rosenbrock method ROS3 throughout.</summary>
    Rosenbrock,
    /// <summary>Dormand–Prince 5(4), then ROS3 once stiffness was detected.</summary>
    RungeKuttaThenRosenbrock,
    /// <summary>The reduced dual flow in s ∈ ℝ^M, by ROS3 (it assumes the invariant the theorem is about).</summary>
    Dual,
    /// <summary>Gradient descent with a fixed step η.</summary>
    GradientDescent,
}
