namespace ImplicitBias.Symbolic;

/// <summary>Settings of a flow run. Defaults integrate to a loss of 1e-24 with relative tolerance 1e-8.</summary>
public sealed record FlowOptions
{
    /// <summary>The integrator.</summary>
    public FlowMethod Method { get; init; } = FlowMethod.Auto;
    /// <summary>Stop once the loss is at most this.</summary>
    public double LossTolerance { get; init; } = 1e-24;
    /// <summary>Stop once ‖Aᵀr‖ is at most this (0: not used).</summary>
    public double GradientTolerance { get; init; }
    /// <summary>
    /// Stop, with <see cref="StopReason.GradientVanished"/>, once ‖Aᵀr‖ is at most this fraction of ‖A‖_F·‖r‖ while the
    /// loss is above its tolerance: the flow reached a stationary point that does not interpolate (an inconsistent
    /// A x = g⁻¹(y)), where the loss stops falling (0: not used).
    /// </summary>
    public double VanishingGradient { get; init; } = 1e-10;
    /// <summary>Stop at this flow time.</summary>
    public double MaxTime { get; init; } = double.PositiveInfinity;
    /// <summary>Stop after this many accepted steps (iterations for gradient descent).</summary>
    public int MaxSteps { get; init; } = 2_000_000;
    /// <summary>Relative error tolerance of the adaptive integrators.</summary>
    public double RelativeTolerance { get; init; } = 1e-8;
    /// <summary>
    /// Absolute tolerance per coordinate, relative to its initial size (so tiny initial values keep digits).
    /// </summary>
    public double AbsoluteToleranceFactor { get; init; } = 1e-4;
    /// <summary>The step η of gradient descent.</summary>
    public double StepSize { get; init; } = 1e-2;
    /// <summary>How many trajectory samples to keep for plots (0: none).</summary>
    public int TrajectorySamples { get; init; }
    /// <summary>Receives progress about ten times a second, and once at the end.</summary>
    public IProgress<FlowProgress>? Progress { get; init; }
    /// <summary>Stops the run (reported as <see cref="StopReason.Cancelled"/>).</summary>
    public CancellationToken Cancellation { get; init; }
}
