namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>
/// A baseline solution of A x = t, t = g⁻¹(y): the minimum-ℓ1 (<see cref="BasisPursuit"/>) or minimum-ℓ2
/// (<see cref="MinimumNorm"/>) x, with its multipliers, status and cost.
/// </summary>
public sealed class BaselineResult
{
    /// <summary>
    /// A x = t counts as holding (<see cref="Interpolating"/>) when max |A x − t| ≤ this × max(1, max |t|): well
    /// above the rounding of A x, below any real inconsistency of noisy data.
    /// </summary>
    public const double InterpolationTolerance = 1e-8;

    internal BaselineResult(BaselineKind kind, BaselineStatus status, BaselineSolver solver, double[]? x,
        double[]? lambda, double objective, double residual, bool interpolating, long? iterations, double seconds)
    {
        Kind = kind; Status = status; Solver = solver; X = x; Lambda = lambda; Objective = objective;
        Residual = residual; Interpolating = interpolating; Iterations = iterations; Seconds = seconds;
    }

    /// <summary>ℓ1, ℓ1 over x ≥ 0, or ℓ2.</summary>
    public BaselineKind Kind { get; }

    /// <summary>How the solve ended (always <see cref="BaselineStatus.Optimal"/> for the minimum norm).</summary>
    public BaselineStatus Status { get; }

    /// <summary>The engine that computed the solution.</summary>
    public BaselineSolver Solver { get; }

    /// <summary>
    /// The solution, length N; null when the linear program has none (<see cref="Status"/> other than
    /// <see cref="BaselineStatus.Optimal"/> or <see cref="BaselineStatus.Feasible"/>).
    /// </summary>
    public double[]? X { get; }

    /// <summary>
    /// The multipliers λ ∈ ℝ^M of A x = t. For ℓ1, OR-Tools' dual values as they are: Aᵀλ ∈ ∂‖x‖₁, i.e.
    /// |Aᵀλ| ≤ 1 with (Aᵀλ)ᵢ = sign(xᵢ) where xᵢ ≠ 0, and tᵀλ = ‖x‖₁ (for x ≥ 0: Aᵀλ ≤ 1, = 1 where xᵢ &gt; 0,
    /// tᵀλ = Σ x); see <see cref="DualCertificate"/>. For ℓ2 through <see cref="BaselineSolver.Qr"/>:
    /// λ = (AAᵀ)⁻¹t, so x = Aᵀλ. Null when there is no solution, and for <see cref="BaselineSolver.Svd"/>.
    /// </summary>
    public double[]? Lambda { get; }

    /// <summary>‖x‖₁ (Σ x for x ≥ 0) or ‖x‖₂ of <see cref="X"/>; NaN without a solution.</summary>
    public double Objective { get; }

    /// <summary>max |A x − t|; NaN without a solution.</summary>
    public double Residual { get; }

    /// <summary>
    /// True when A x = t holds to <see cref="InterpolationTolerance"/>; false without a solution, and for the
    /// least-squares answer of an inconsistent system.
    /// </summary>
    public bool Interpolating { get; }

    /// <summary>Simplex (GLOP) or primal-dual (PDLP) iterations; null for the factorizations.</summary>
    public long? Iterations { get; }

    /// <summary>Wall time, building the model included.</summary>
    public double Seconds { get; }

    /// <summary>"L1 Optimal by Glop: objective …, residual …, … s".</summary>
    public override string ToString() => FormattableString.Invariant(
        $"{Kind} {Status} by {Solver}: objective {Objective:G6}, residual {Residual:E2}, {Seconds:G3} s");

    /// <summary>max |A x − t| with t = g⁻¹(y), the model's targets.</summary>
    internal static double ResidualOf(LinearModel model, double[] x)
    {
        var z = new double[model.Rows];
        model.Matrix.Multiply(x, z);
        double largest = 0;
        for (int m = 0; m < z.Length; m++) largest = Math.Max(largest, Math.Abs(z[m] - model.Targets[m]));
        return largest;
    }

    /// <summary>Whether a residual counts as A x = t holding, relative to the largest target.</summary>
    internal static bool Holds(double residual, double[] targets)
    {
        double largest = 1;
        foreach (double t in targets) largest = Math.Max(largest, Math.Abs(t));
        return residual <= InterpolationTolerance * largest;
    }
}
