using ImplicitBias.Symbolic.Flow;

namespace ImplicitBias.Symbolic;

/// <summary>
/// The flow's limit next to the theorem's prediction: differences, final loss, KKT residual, conserved-quantity drift,
/// method, steps, evaluations and times, and the gradient-descent distance when asked for.
/// </summary>
public sealed class VerificationReport
{
    internal VerificationReport(FlowResult flow, ProjectionResult prediction, double maxAbs, double maxRel, double kkt, double tolerance,
        FlowResult? descent, double? descentDistance)
    {
        Flow = flow; Prediction = prediction; MaxAbsDifference = maxAbs; MaxRelativeDifference = maxRel; KktResidual = kkt;
        Tolerance = tolerance; GradientDescent = descent; GradientDescentDistance = descentDistance;
    }

    /// <summary>The flow run.</summary>
    public FlowResult Flow { get; }
    /// <summary>The Bregman projection of x₀.</summary>
    public ProjectionResult Prediction { get; }
    /// <summary>max_n |x_∞ − x̂|.</summary>
    public double MaxAbsDifference { get; }
    /// <summary>max_n |x_∞ − x̂| / max(|x̂|, 1).</summary>
    public double MaxRelativeDifference { get; }
    /// <summary>Relative distance of f′(x_∞) − f′(x₀) from range(Aᵀ) along the flow's own limit.</summary>
    public double KktResidual { get; }
    /// <summary>The agreement tolerance used for <see cref="Agree"/>.</summary>
    public double Tolerance { get; }
    /// <summary>Gradient descent with step η, when requested.</summary>
    public FlowResult? GradientDescent { get; }
    /// <summary>max_n |x_GD − x_∞|, the discretization bias of gradient descent.</summary>
    public double? GradientDescentDistance { get; }
    /// <summary>True when the flow converged and its limit matches the prediction within <see cref="Tolerance"/>.</summary>
    public bool Agree => Flow.Converged && Prediction.Converged && MaxAbsDifference <= Tolerance * Math.Max(1, Prediction.X.Max(Math.Abs));
}

/// <summary>Runs the flow and the prediction and compares them.</summary>
public static class Verification
{
    /// <summary>Verifies the implicit-bias theorem on a problem: the flow's limit against the Bregman projection.</summary>
    /// <param name="problem">The problem (its reparametrization must match the derivation's).</param>
    /// <param name="derivation">The derivation chain of the problem's reparametrization.</param>
    /// <param name="options">How to run the flow.</param>
    /// <param name="tolerance">Agreement tolerance on max |x_∞ − x̂| (relative to max(|x̂|, 1)).</param>
    /// <param name="gradientDescentStep">When given, also run gradient descent with this step and report its distance to the flow's limit.</param>
    public static VerificationReport Verify(Problem problem, Derivation derivation, FlowOptions? options = null, double tolerance = 1e-6,
        double? gradientDescentStep = null)
    {
        options ??= new FlowOptions();
        var prediction = BregmanProjection.Solve(problem, derivation);
        var flow = GradientFlow.Run(problem, derivation, options);
        double maxAbs = 0, maxRel = 0;
        for (int i = 0; i < flow.X.Length; i++)
        {
            double d = Math.Abs(flow.X[i] - prediction.X[i]);
            maxAbs = Math.Max(maxAbs, d);
            maxRel = Math.Max(maxRel, d / Math.Max(1, Math.Abs(prediction.X[i])));
        }
        double kkt = FlowKkt(problem, derivation, flow);
        FlowResult? descent = null;
        double? distance = null;
        if (gradientDescentStep is { } eta)
        {
            descent = GradientFlow.Descend(problem, options with { StepSize = eta, Method = FlowMethod.GradientDescent, Progress = null });
            distance = flow.X.Zip(descent.X, (a, b) => Math.Abs(a - b)).Max();
        }
        return new VerificationReport(flow, prediction, maxAbs, maxRel, kkt, tolerance, descent, distance);
    }

    /// <summary>dist(f′(x_∞) − f′(x₀), range Aᵀ) in z = Φ(w) coordinates (for two-variable forms z = Φ(u) − Φ(u₀)).</summary>
    private static double FlowKkt(Problem problem, Derivation derivation, FlowResult flow)
    {
        if (flow.Method.StartsWith("dual", StringComparison.Ordinal) || derivation.DualCoordinate is null) return 0;
        var phi = derivation.DualCoordinate.Function;
        int n = problem.Model.Columns;
        var z = new double[n];
        var z0 = new double[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = phi(flow.State[i]);
            z0[i] = phi(problem.W0[i]);
        }
        return Kkt.Residual(problem.Model.A.ToArray(), problem.Model.Rows, n, z, z0);
    }
}
