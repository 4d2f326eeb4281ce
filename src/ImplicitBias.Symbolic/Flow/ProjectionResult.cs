namespace ImplicitBias.Symbolic;

/// <summary>The predicted limit: the Bregman projection of x₀ onto {x : Ax = g⁻¹(y)}.</summary>
public sealed class ProjectionResult
{
    internal ProjectionResult(ProjectionMethod method, double[] x, double[] lambda, int iterations, double residual,
        double kktResidual, bool converged, double seconds)
    {
        Method = method; X = x; Lambda = lambda; Iterations = iterations; Residual = residual;
        KktResidual = kktResidual; Converged = converged; Seconds = seconds;
    }

    /// <summary>Dual or primal Newton; <see cref="FlowText"/> gives the text reports show.</summary>
    public ProjectionMethod Method { get; }
    /// <summary>The projection x̂.</summary>
    public double[] X { get; }
    /// <summary>The multipliers λ ∈ ℝ^M with f′(x̂) − f′(x₀) = Aᵀλ (the primal method reports −ν).</summary>
    public double[] Lambda { get; }
    /// <summary>Newton iterations.</summary>
    public int Iterations { get; }
    /// <summary>max |A x̂ − g⁻¹(y)|.</summary>
    public double Residual { get; }
    /// <summary>Relative distance of f′(x̂) − f′(x₀) from range(Aᵀ).</summary>
    public double KktResidual { get; }
    /// <summary>
    /// True when the constraints hold to the solver's tolerance, or to the rounding level of A x̂ when that is larger.
    /// </summary>
    public bool Converged { get; }
    /// <summary>Wall time.</summary>
    public double Seconds { get; }
}
