namespace ImplicitBias.Symbolic;

/// <summary>
/// Why a flow run (or gradient descent) stopped. <see cref="FlowText.Text(StopReason)"/> gives the text reports and
/// JSON show ("loss tolerance", "step limit", …).
/// </summary>
public enum StopReason
{
    /// <summary>The loss reached the loss tolerance (converged).</summary>
    LossTolerance,
    /// <summary>‖Aᵀr‖ reached the gradient tolerance (converged).</summary>
    GradientTolerance,
    /// <summary>The time limit.</summary>
    TimeLimit,
    /// <summary>The step limit (iterations for gradient descent).</summary>
    StepLimit,
    /// <summary>The cancellation token fired.</summary>
    Cancelled,
    /// <summary>The adaptive step became too small.</summary>
    StepTooSmall,
    /// <summary>The state left the domain of ρ (or of ψ for the dual flow).</summary>
    LeftDomain,
    /// <summary>Gradient descent diverged: its loss is no longer finite.</summary>
    Diverged,
    /// <summary>The loss or the gradient is not finite (huge data, a state far out).</summary>
    Overflow,
    /// <summary>Explicit Runge–Kutta pinned at its stability boundary once the flow turned stiff.</summary>
    Stalled,
    /// <summary>
    /// The step's error estimate vanished and the step grew without bound: no step moves the state, a fixed point of
    /// the flow in floating point — the loss sits at its rounding floor, as when a zero loss tolerance is asked for
    /// or w is pinned next to an end of the domain (counted as converged).
    /// </summary>
    AtRest,
    /// <summary>
    /// ‖∇L(x)‖ = ‖Aᵀr‖ fell below <see cref="FlowOptions.VanishingGradient"/>·‖A‖_F·‖r‖ while the loss stayed above its
    /// tolerance: a stationary point that does not interpolate, as for an inconsistent A x = g⁻¹(y) (not converged).
    /// </summary>
    GradientVanished,
}
