using ImplicitBias.Symbolic.Flow;
using ImplicitBias.Symbolic.Models;

namespace ImplicitBias.Symbolic;

/// <summary>
/// The flow's limit next to the theorem's prediction: differences, final loss, KKT residual, conserved-quantity drift,
/// method, steps, evaluations and times, and the gradient-descent distance when asked for.
/// </summary>
public sealed class VerificationReport
{
    internal VerificationReport(FlowResult flow, ProjectionResult prediction, ProjectionResult? primalCheck,
        double maxAbs, double maxRel, double kkt,
        double tolerance, FlowResult? descent, double? descentStep, double? descentDistance,
        IReadOnlyList<Condition> conditions,
        string? primalCheckNote, string? systemNote, bool interpolating)
    {
        Conditions = conditions;
        Interpolating = interpolating;
        PrimalCheckNote = primalCheckNote;
        SystemNote = systemNote;
        Flow = flow; Prediction = prediction; PrimalCheck = primalCheck;
        MaxAbsDifference = maxAbs; MaxRelativeDifference = maxRel; KktResidual = kkt;
        Tolerance = tolerance; GradientDescent = descent; GradientDescentDistance = descentDistance;
        GradientDescentStep = descentStep;
        PrimalCheckDifference = primalCheck is null
            ? null
            : prediction.X.Zip(primalCheck.X, (a, b) => Math.Abs(a - b)).DefaultIfEmpty().Max();
    }

    /// <summary>
    /// What the rank of A changed (dependent rows dropped for the prediction), or that A x = g⁻¹(y) is inconsistent;
    /// null at full rank.
    /// </summary>
    public string? SystemNote { get; }
    /// <summary>
    /// True when A x = g⁻¹(y) has a solution. When it is inconsistent no interpolating limit exists: the flow stops at
    /// a stationary point (<see cref="StopReason.GradientVanished"/>), the prediction is that of the independent rows
    /// alone, and the report never agrees.
    /// </summary>
    public bool Interpolating { get; }
    /// <summary>
    /// True when A x = g⁻¹(y) is inconsistent but A has full column rank (M ≥ N): the loss has one minimizer inside
    /// the image of ρ, the prediction is that point (<see cref="ProjectionMethod.LeastSquares"/>), and the flow
    /// converges to it whatever ρ is.
    /// </summary>
    public bool LeastSquares { get; internal init; }
    /// <summary>Why the primal cross-check did not run or could not finish (null when it ran).</summary>
    public string? PrimalCheckNote { get; }
    /// <summary>The conditions of the theorem for this reparametrization (from its derivation).</summary>
    public IReadOnlyList<Condition> Conditions { get; }
    /// <summary>The conditions that fail: the theorem does not promise convergence to the prediction then.</summary>
    public IReadOnlyList<Condition> FailedConditions =>
        Conditions.Where(c => c.Status == ConditionStatus.Fails).ToList();
    /// <summary>The flow run.</summary>
    public FlowResult Flow { get; }
    /// <summary>The Bregman projection of x₀ (dual Newton).</summary>
    public ProjectionResult Prediction { get; }
    /// <summary>
    /// The same projection by infeasible-start primal Newton; null when f′ or f″ is not available or the problem is
    /// large (M²N, or Σ_j nnz_j² + M³ for a sparse A, above <see cref="Verification.MaxPrimalCheckCost"/>). Near the
    /// edge of the image it converges slowly: check its <see cref="ProjectionResult.Converged"/> before reading
    /// <see cref="PrimalCheckDifference"/>.
    /// </summary>
    public ProjectionResult? PrimalCheck { get; }
    /// <summary>max_n |x̂_dual − x̂_primal|: how well the two routes to the prediction agree.</summary>
    public double? PrimalCheckDifference { get; }
    /// <summary>max_n |x_∞ − x̂|.</summary>
    public double MaxAbsDifference { get; }
    /// <summary>max_n |x_∞ − x̂| / max(|x̂|, 1).</summary>
    public double MaxRelativeDifference { get; }
    /// <summary>Relative distance of f′(x_∞) − f′(x₀) from range(Aᵀ) at the flow's limit (NaN when Φ or f′ is not
    /// available).</summary>
    public double KktResidual { get; }
    /// <summary>The agreement tolerance used for <see cref="Agree"/>.</summary>
    public double Tolerance { get; }
    /// <summary>Gradient descent with step η, when requested.</summary>
    public FlowResult? GradientDescent { get; }
    /// <summary>The step η of <see cref="GradientDescent"/>.</summary>
    public double? GradientDescentStep { get; }
    /// <summary>max_n |x_GD − x_∞|, the discretization bias of gradient descent.</summary>
    public double? GradientDescentDistance { get; }
    /// <summary>
    /// True when the flow's final state matches the prediction within <see cref="Tolerance"/> (relative to
    /// max(1, max |x̂|)) and its conserved quantity (two-variable form) drifted by at most <see cref="Tolerance"/>
    /// relative to its size — whether or not the flow converged.
    /// </summary>
    public bool LimitMatchesPrediction => (Flow.ConservedDrift ?? 0) <= Tolerance
        && MaxAbsDifference <= Tolerance * Math.Max(1, Prediction.X.DefaultIfEmpty().Max(Math.Abs));
    /// <summary>
    /// True when the system is <see cref="Interpolating"/>, the flow and the prediction converged and
    /// <see cref="LimitMatchesPrediction"/>.
    /// </summary>
    public bool Agree => (Interpolating || LeastSquares) && FlowReachedItsLimit && Prediction.Converged
        && LimitMatchesPrediction;

    /// <summary>Converged, or (least squares) stopped at the stationary point the loss cannot go below.</summary>
    private bool FlowReachedItsLimit =>
        Flow.Converged || LeastSquares && Flow.StopReason == StopReason.GradientVanished;
}

/// <summary>Runs the flow and the prediction and compares them.</summary>
public static class Verification
{
    /// <summary>Verifies the implicit-bias theorem on a problem: the flow's limit against the Bregman
    /// projection.</summary>
    /// <param name="problem">The problem (its reparametrization must match the derivation's).</param>
    /// <param name="derivation">The derivation chain of the problem's reparametrization.</param>
    /// <param name="options">How to run the flow.</param>
    /// <param name="tolerance">Agreement tolerance on max |x_∞ − x̂| (relative to max(|x̂|, 1)).</param>
    /// <param name="gradientDescentStep">
    /// When given, also run gradient descent with this step and report its distance to the flow's limit. With
    /// <see cref="FlowMethod.GradientDescent"/> the run itself is gradient descent (step
    /// <see cref="FlowOptions.StepSize"/>), and the flow is integrated as well to measure that distance.
    /// </param>
    public static VerificationReport Verify(Problem problem, Derivation derivation, FlowOptions? options = null,
        double tolerance = 1e-6, double? gradientDescentStep = null)
    {
        options ??= new FlowOptions();
        DualPieces.RequireSameReparametrization(problem, derivation);
        var (predicted, systemNote, interpolating) = Interpolating(problem);
        bool leastSquares = !interpolating && predicted.Model.Rows == problem.Model.Columns;
        var prediction = leastSquares
            ? LeastSquaresPoint.Solve(problem)
            : BregmanProjection.Solve(predicted, derivation);
        if (leastSquares) (leastSquares, systemNote) = LeastSquaresNote(prediction, derivation, systemNote!);
        var (primal, primalNote) = PrimalCheck(predicted, derivation);
        var flow = GradientFlow.Run(problem, derivation, options);
        double maxAbs = 0, maxRel = 0;
        for (int i = 0; i < flow.X.Length; i++)
        {
            double d = Math.Abs(flow.X[i] - prediction.X[i]);
            maxAbs = Math.Max(maxAbs, d);
            maxRel = Math.Max(maxRel, d / Math.Max(1, Math.Abs(prediction.X[i])));
        }
        double kkt = FlowKkt(problem, derivation, flow, dual: options.Method == FlowMethod.Dual);
        FlowResult? descent = null;
        double? distance = null, descentStep = null;
        if (options.Method == FlowMethod.GradientDescent)
        {
            // the run was gradient descent: its distance is to the limit of the flow it discretizes
            descent = flow;
            descentStep = options.StepSize;
            var reference = GradientFlow.Integrate(problem,
                options with { Method = FlowMethod.Auto, Progress = null, TrajectorySamples = 0 });
            distance = MaxDistance(descent.X, reference.X);
        }
        else if (gradientDescentStep is { } eta)
        {
            descentStep = eta;
            descent = GradientFlow.Descend(problem, options with
            {
                StepSize = eta, Method = FlowMethod.GradientDescent, Progress = null, TrajectorySamples = 0
            });
            distance = MaxDistance(flow.X, descent.X);
        }
        return new VerificationReport(flow, prediction, primal, maxAbs, maxRel, kkt, tolerance, descent, descentStep,
            distance,
            derivation.Conditions, primalNote, systemNote, interpolating) { LeastSquares = leastSquares };
    }

    /// <summary>
    /// With full column rank the loss has one minimizer: the prediction when it lies inside the image of ρ (the flow
    /// reaches it); outside, the flow's limit is a constrained minimizer that is not predicted.
    /// </summary>
    private static (bool LeastSquares, string Note) LeastSquaresNote(ProjectionResult point, Derivation derivation,
        string inconsistency)
    {
        var inside = point.X.All(derivation.Image.Contains);
        int cut = inconsistency.IndexOf(": the flow cannot", StringComparison.Ordinal);
        var what = cut < 0 ? inconsistency : inconsistency[..cut];
        return inside
            ? (true, $"{what}. A has full column rank (M ≥ N), so the loss has one minimizer, the least-squares " +
                "point; the flow converges to it whatever ρ is, and it is the prediction (no implicit bias to test)")
            : (false, $"{what}. The least-squares point leaves the image of ρ, so the flow's limit is a constrained " +
                "minimizer that this tool does not predict");
    }

    /// <summary>Largest relative residual of a dependent row for A x = g⁻¹(y) to count as consistent.</summary>
    public const double InconsistencyTolerance = 1e-8;

    /// <summary>
    /// The problem the prediction solves: without the dependent rows of a rank-deficient A (the solution set is the
    /// same), with a note saying so; and whether A x = g⁻¹(y) has a solution at all. When it has none, no
    /// interpolating limit exists: the note says so, and the prediction is that of the independent rows alone.
    /// </summary>
    private static (Problem Problem, string? Note, bool Interpolating) Interpolating(Problem problem)
    {
        var rank = RowRank.Of(problem.Model);
        int rows = problem.Model.Rows;
        if (rank.Inconsistency > InconsistencyTolerance)
            return (problem.WithRows(rank.Independent),
                $"no interpolating solution: A x = y is inconsistent (residual {rank.Inconsistency:G3} relative to " +
                $"1 + max |y|; A has rank {rank.Rank} with {rows} rows): the flow cannot reach a zero loss, and the " +
                $"prediction uses the {rank.Rank} independent rows alone", false);
        if (rank.Rank == rows) return (problem, null, true);
        return (problem.WithRows(rank.Independent),
            $"A has rank {rank.Rank} < {rows} rows: the system is consistent, " +
            $"and the prediction uses {rank.Rank} independent rows", true);
    }

    /// <summary>
    /// The primal cross-check, or why it did not run: a cross-check that fails is a line of the report, never the
    /// loss of the flow and the prediction that already ran.
    /// </summary>
    private static (ProjectionResult? Result, string? Note) PrimalCheck(Problem problem, Derivation derivation)
    {
        if (derivation.MirrorMap is null || derivation.Metric is null) return (null, "f′ or f″ is not available");
        if (PrimalCheckCost(problem.Model) > MaxPrimalCheckCost)
            return (null, problem.Model.IsSparse
                ? "skipped: the problem is too large (Σ nnz(column)² + M³ > 1e8)"
                : "skipped: the problem is too large (M²N > 1e8)");
        try { return (BregmanProjection.SolvePrimal(problem, derivation), null); }
        catch (SymbolicException e) { return (null, $"failed: {e.Message}"); }
        catch (ArithmeticException e) { return (null, $"failed: {e.Message}"); }
    }

    /// <summary>The primal cross-check runs when M²N is at most this (each of its iterations forms an M×M Gram
    /// matrix); for a sparse A the cost is that of forming it, Σ_j nnz_j², plus factoring it, M³.</summary>
    public const double MaxPrimalCheckCost = 1e8;

    private static double PrimalCheckCost(LinearModel model) => model.Sparse is { } sparse
        ? 2.0 * sparse.GramWork + (double)model.Rows * model.Rows * model.Rows
        : (double)model.Rows * model.Rows * model.Columns;

    private static double MaxDistance(double[] a, double[] b) =>
        a.Zip(b, (p, q) => Math.Abs(p - q)).DefaultIfEmpty().Max();

    /// <summary>
    /// dist(f′(x_∞) − f′(x₀), range Aᵀ). For runs in w it is measured in z = Φ(w) (for two-variable forms
    /// z = Φ(u) − Φ(u₀)), the invariant the theorem rests on; the dual flow holds it by construction, so there it is
    /// measured through f′(x_∞), which only tests rounding.
    /// </summary>
    private static double FlowKkt(Problem problem, Derivation derivation, FlowResult flow, bool dual)
    {
        int n = problem.Model.Columns;
        var z = new double[n];
        var z0 = new double[n];
        if (dual)
        {
            if (derivation.MirrorMap is null) return double.NaN;
            var mirror = derivation.MirrorMap.Function;
            for (int i = 0; i < n; i++) { z[i] = mirror(flow.X[i]); z0[i] = mirror(problem.X0[i]); }
        }
        else
        {
            if (derivation.DualCoordinate is null) return double.NaN;
            var phi = derivation.DualCoordinate.Function;
            for (int i = 0; i < n; i++) { z[i] = phi(flow.State[i]); z0[i] = phi(problem.W0[i]); }
        }
        return Kkt.Residual(problem.Model.Matrix, z, z0);
    }
}
