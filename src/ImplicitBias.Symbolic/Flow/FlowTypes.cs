namespace ImplicitBias.Symbolic;

/// <summary>How to run the gradient flow.</summary>
public enum FlowMethod
{
    /// <summary>Dormand–Prince 5(4), switching to the Rosenbrock method ROS3 once stiffness is detected.</summary>
    Auto,
    /// <summary>Dormand–Prince 5(4) only.</summary>
    RungeKutta,
    /// <summary>The Rosenbrock method ROS3 from the start (Woodbury solves: O(M²N + M³) per step).</summary>
    Rosenbrock,
    /// <summary>The reduced dual flow in s ∈ ℝ^M (fast, but assumes the invariant the theorem is about).</summary>
    Dual,
    /// <summary>Plain gradient descent with a fixed step η (its limit is O(η) away from the flow's).</summary>
    GradientDescent,
}

/// <summary>Progress of a running flow.</summary>
/// <param name="Time">Flow time reached (or iterations for gradient descent).</param>
/// <param name="Loss">Current loss.</param>
/// <param name="Steps">Accepted steps so far.</param>
public sealed record FlowProgress(double Time, double Loss, int Steps);

/// <summary>Settings of a flow run. Defaults integrate to a loss of 1e-24 with relative tolerance 1e-8.</summary>
public sealed record FlowOptions
{
    /// <summary>The integrator.</summary>
    public FlowMethod Method { get; init; } = FlowMethod.Auto;
    /// <summary>Stop once the loss is at most this.</summary>
    public double LossTolerance { get; init; } = 1e-24;
    /// <summary>Stop once ‖Aᵀr‖ is at most this (0: not used).</summary>
    public double GradientTolerance { get; init; }
    /// <summary>Stop at this flow time.</summary>
    public double MaxTime { get; init; } = double.PositiveInfinity;
    /// <summary>Stop after this many accepted steps (iterations for gradient descent).</summary>
    public int MaxSteps { get; init; } = 2_000_000;
    /// <summary>Relative error tolerance of the adaptive integrators.</summary>
    public double RelativeTolerance { get; init; } = 1e-8;
    /// <summary>Absolute tolerance per coordinate, relative to its initial size (so tiny initial values keep digits).</summary>
    public double AbsoluteToleranceFactor { get; init; } = 1e-4;
    /// <summary>The step η of gradient descent.</summary>
    public double StepSize { get; init; } = 1e-2;
    /// <summary>How many trajectory samples to keep for plots (0: none).</summary>
    public int TrajectorySamples { get; init; }
    /// <summary>Receives progress about ten times a second, and once at the end.</summary>
    public IProgress<FlowProgress>? Progress { get; init; }
    /// <summary>Stops the run (reported as "cancelled").</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>Where a flow ended and how it got there.</summary>
public sealed class FlowResult
{
    internal FlowResult(double[] x, double[] state, double time, double loss, double gradientNorm, int steps, int rejected, int evaluations,
        string stopReason, string method, double seconds, double? conservedDrift, IReadOnlyList<(double Time, double[] X, double Loss)> trajectory)
    {
        X = x; State = state; Time = time; Loss = loss; GradientNorm = gradientNorm; Steps = steps; Rejected = rejected;
        Evaluations = evaluations; StopReason = stopReason; Method = method; Seconds = seconds; ConservedDrift = conservedDrift; Trajectory = trajectory;
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
    /// <summary>
    /// Why it stopped: "loss tolerance", "gradient tolerance", "time limit", "step limit", "cancelled", "step too small",
    /// "left the domain", "diverged" (gradient descent), "overflow" (the loss or gradient is not finite),
    /// "stalled" (explicit Runge–Kutta pinned at its stability boundary once the flow turned stiff), or "at rest"
    /// (the step's error estimate vanished and the step grew without bound: no step moves the state, a fixed point of
    /// the flow in floating point — the loss sits at its rounding floor, as when a zero loss tolerance is asked for or
    /// w is pinned next to an end of the domain).
    /// </summary>
    public string StopReason { get; }
    /// <summary>The integrator(s) used.</summary>
    public string Method { get; }
    /// <summary>Wall time of the run.</summary>
    public double Seconds { get; }
    /// <summary>For x = ρ(u) − ρ(v): the largest change of Φ(u) + Φ(v) along the run (0 in exact arithmetic), relative to max(1, |Φ(u₀)| + |Φ(v₀)|).</summary>
    public double? ConservedDrift { get; }
    /// <summary>Samples (time, x, loss), geometrically spaced in time, when requested.</summary>
    public IReadOnlyList<(double Time, double[] X, double Loss)> Trajectory { get; }
    /// <summary>True when the run reached its loss or gradient tolerance, or came to rest (a fixed point in floating point).</summary>
    public bool Converged => StopReason is "loss tolerance" or "gradient tolerance" or "at rest";
}
