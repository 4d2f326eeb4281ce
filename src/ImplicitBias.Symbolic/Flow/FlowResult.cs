namespace ImplicitBias.Symbolic;

/// <summary>Where a flow ended and how it got there.</summary>
public sealed class FlowResult
{
    internal FlowResult(double[] x, double[] state, double time, double loss, double gradientNorm, int steps,
        int rejected, int evaluations, StopReason stopReason, FlowIntegrator integrator, double? stepSize,
        double seconds, double? conservedDrift, IReadOnlyList<(double Time, double[] X, double Loss)> trajectory)
    {
        X = x; State = state; Time = time; Loss = loss; GradientNorm = gradientNorm; Steps = steps; Rejected = rejected;
        Evaluations = evaluations; StopReason = stopReason; Integrator = integrator; StepSize = stepSize;
        Seconds = seconds; ConservedDrift = conservedDrift; Trajectory = trajectory;
    }

    /// <summary>x at the end.</summary>
    public double[] X { get; }
    /// <summary>The integrated state at the end: w (or u then v for x = ρ(u) − ρ(v); s for the dual flow).</summary>
    public double[] State { get; }
    /// <summary>Flow time reached (iterations for gradient descent).</summary>
    public double Time { get; }
    /// <summary>Final loss.</summary>
    public double Loss { get; }
    /// <summary>Final ‖Aᵀr‖.</summary>
    public double GradientNorm { get; }
    /// <summary>Accepted steps.</summary>
    public int Steps { get; }
    /// <summary>Rejected steps.</summary>
    public int Rejected { get; }
    /// <summary>Evaluations of the vector field.</summary>
    public int Evaluations { get; }
    /// <summary>Why it stopped; <see cref="FlowText"/> gives the text reports show.</summary>
    public StopReason StopReason { get; }
    /// <summary>The integrator(s) used.</summary>
    public FlowIntegrator Integrator { get; }
    /// <summary>The step η of gradient descent; null for the flow integrators.</summary>
    public double? StepSize { get; }
    /// <summary>The integrator(s) used, described ("rosenbrock (ROS3)", "gradient descent (η = 0.05)", …).</summary>
    public string Method => Integrator.Text(StepSize);
    /// <summary>Wall time of the run.</summary>
    public double Seconds { get; }
    /// <summary>
    /// For x = ρ(u) − ρ(v): the largest change of Φ(u) + Φ(v) along the run (0 in exact arithmetic), relative to
    /// max(1, |Φ(u₀)| + |Φ(v₀)|).
    /// </summary>
    public double? ConservedDrift { get; }
    /// <summary>Samples (time, x, loss), geometrically spaced in time, when requested.</summary>
    public IReadOnlyList<(double Time, double[] X, double Loss)> Trajectory { get; }
    /// <summary>
    /// True when the run reached its loss or gradient tolerance, or came to rest (a fixed point in floating point).
    /// </summary>
    public bool Converged =>
        StopReason is StopReason.LossTolerance or StopReason.GradientTolerance or StopReason.AtRest;
}
