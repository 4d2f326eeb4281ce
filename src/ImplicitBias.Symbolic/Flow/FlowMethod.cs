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
