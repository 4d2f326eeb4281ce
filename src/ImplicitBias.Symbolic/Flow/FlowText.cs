namespace ImplicitBias.Symbolic;

/// <summary>
/// The one mapping from the flow's closed sets to the text reports, the CLI table and its JSON show. The texts are a
/// contract: a new member gets a new text, an existing text never changes.
/// </summary>
public static class FlowText
{
    /// <summary>"loss tolerance", "gradient tolerance", "time limit", "step limit", "cancelled", … .</summary>
    public static string Text(this StopReason reason) => reason switch
    {
        StopReason.LossTolerance => "loss tolerance",
        StopReason.GradientTolerance => "gradient tolerance",
        StopReason.TimeLimit => "time limit",
        StopReason.StepLimit => "step limit",
        StopReason.Cancelled => "cancelled",
        StopReason.StepTooSmall => "step too small",
        StopReason.LeftDomain => "left the domain",
        StopReason.Diverged => "diverged",
        StopReason.Overflow => "overflow",
        StopReason.Stalled => "stalled",
        StopReason.AtRest => "at rest",
        StopReason.GradientVanished => "gradient vanished",
    };

    /// <summary>The integrator's description; gradient descent names its step η when one is given.</summary>
    public static string Text(this FlowIntegrator integrator, double? step = null) => integrator switch
    {
        FlowIntegrator.RungeKutta => "runge-kutta (Dormand-Prince 5(4))",
        FlowIntegrator.Rosenbrock => "rosenbrock (ROS3)",
        FlowIntegrator.RungeKuttaThenRosenbrock => "runge-kutta, then rosenbrock (ROS3) once stiff",
        FlowIntegrator.Dual => "dual flow (Rosenbrock ROS3 in s ∈ ℝ^M; assumes the invariant)",
        FlowIntegrator.GradientDescent => step is { } eta ? $"gradient descent (η = {eta:G3})" : "gradient descent",
    };

    /// <summary>"dual Newton" or "primal Newton (infeasible start)".</summary>
    public static string Text(this ProjectionMethod method) => method switch
    {
        ProjectionMethod.DualNewton => "dual Newton",
        ProjectionMethod.PrimalNewton => "primal Newton (infeasible start)",
        ProjectionMethod.LeastSquares => "least squares (Newton on the loss)",
    };
}
