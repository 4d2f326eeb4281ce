using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Testing;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Flow;

/// <summary>
/// The theorem on real runs: the limit of the reparametrized gradient flow is the Bregman projection of x₀ onto
/// {x : Ax = g⁻¹(y)}, for every reference reparametrization, link and integrator; and every stop is reported.
/// </summary>
public class VerificationTests
{
    private static Problem Small(Reparametrization r, double init, int seed = 1, Link? link = null, Loss? loss = null,
        int m = 5, int n = 20) =>
        Problem.Generate(m, n, 3, seed, r, init, loss ?? Loss.Square, link ?? Link.Identity);

    private static double MaxDistance(double[] a, double[] b) => a.Zip(b, (p, q) => Math.Abs(p - q)).Max();

    /// <summary>
    /// Per reference case: the initial value and seed of a setting where the flow converges in the interior.
    /// </summary>
    public static TheoryData<string, double, int> CatalogSettings => new()
    {
        { "identity", 0.1, 1 },
        { "square", 0.1, 1 },
        { "power", 0.1, 1 },
        { "lp_design", 1.0, 1 },
        { "exp", 0.1, 1 },
        { "sinh", 0.1, 1 },
        { "beta_sinh", 0.1, 1 },
        { "tan", 0.1, 1 },
        { "tanh", 0.1, 1 },
        { "sin", 0.1, 1 },
        { "logcosh_design", 0.1, 1 },
    };

    [Fact]
    public void Every_catalog_case_has_a_setting() =>
        Assert.Equal(Catalog.All.Select(c => c.Name).Order(), CatalogSettings.Select(row => (string)row[0]).Order());

    [Theory]
    [MemberData(nameof(CatalogSettings))]
    public void Catalog_flow_limits_equal_the_Bregman_projection(string name, double init, int seed)
    {
        var c = Catalog.Get(name);
        var r = Reparametrization.Create(c.RhoExpr(), c.Variable, c.Domain);
        var report = Verification.Verify(Small(r, init, seed), r.Derive());
        Assert.True(report.Agree, $"{name}: {report.Flow.StopReason}, max |Δ| = {report.MaxAbsDifference}");
        Assert.True(report.MaxAbsDifference <= 1e-6, $"{report.MaxAbsDifference}");
        Assert.True(report.KktResidual <= 1e-6, $"KKT {report.KktResidual}");
        Assert.True(report.PrimalCheckDifference <= 1e-9, $"primal cross-check {report.PrimalCheckDifference}");
    }

    [Fact]
    public void A_setting_where_the_projection_reaches_the_boundary_is_not_verified_and_the_failing_condition_is_named()
    {
        // ρ = w^(4/3): Φ stays bounded at 0, so f is not of Legendre type and coordinates reach x = 0 in finite time
        var r = Reparametrization.Parse("w^(4/3)", domain: "(0,inf)");
        var report = Verification.Verify(Small(r, 1.0, seed: 2), r.Derive());
        Assert.False(report.Agree);
        Assert.False(report.Flow.Converged);
        Assert.Contains(report.FailedConditions, c => c.Name == "Legendre type");
    }

    public static TheoryData<string, string?, double> Families => new()
    {
        { "w^2", "(0,inf)", 0.1 },
        { "sinh(w)", null, 0.3 },
        { "exp(w)", null, 0.0 },
        { "w^3 + w", null, 0.2 },
        { "log(1 + exp(w))", null, 0.0 },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void The_limit_does_not_depend_on_the_link(string rho, string? domain, double init)
    {
        var r = Reparametrization.Parse(rho, domain: domain);
        var d = r.Derive();
        var identity = Verification.Verify(Small(r, init, link: Link.Identity), d);
        var sigmoid = Verification.Verify(Small(r, init, link: Link.Sigmoid), d);
        var logCosh = Verification.Verify(Small(r, init, link: Link.Tanh, loss: Loss.LogCosh), d);
        Assert.True(identity.Agree && sigmoid.Agree && logCosh.Agree);
        Assert.True(MaxDistance(identity.Flow.X, sigmoid.Flow.X) <= 1e-6);
        Assert.True(MaxDistance(identity.Flow.X, logCosh.Flow.X) <= 1e-6);
        Assert.True(MaxDistance(identity.Prediction.X, sigmoid.Prediction.X) <= 1e-12);
    }

    [Theory]
    [InlineData(FlowMethod.Auto)]
    [InlineData(FlowMethod.RungeKutta)]
    [InlineData(FlowMethod.Rosenbrock)]
    [InlineData(FlowMethod.Dual)]
    public void Every_integrator_lands_on_the_prediction(FlowMethod method)
    {
        // Near the limit every flow turns stiff (its rate is the smallest eigenvalue of A diag(ρ′²) Aᵀ, its step limit
        // the largest): plain Runge–Kutta then sits at its stability boundary with a noise floor near loss 1e-18, and
        // w² with vanishing coordinates is stiff throughout. So Runge–Kutta alone gets the easy cases and a looser
        // loss.
        var cases = new[] { ("w^2", "(0,inf)", 0.05), ("sinh(w)", null, 0.1), ("tan(w)", "(-pi/2,pi/2)", 0.1) };
        bool explicitOnly = method == FlowMethod.RungeKutta;
        foreach (var (rho, domain, init) in explicitOnly ? cases[1..] : cases)
        {
            var r = Reparametrization.Parse(rho, domain: domain);
            var options = new FlowOptions { Method = method, LossTolerance = explicitOnly ? 1e-16 : 1e-24 };
            var report = Verification.Verify(Small(r, init), r.Derive(), options);
            Assert.True(report.Agree,
                $"{rho} by {method}: {report.Flow.StopReason}, max |Δ| = {report.MaxAbsDifference}");
        }
    }

    [Fact]
    public void Hyperbolic_entropy_the_two_variable_square_flow_conserves_phi_u_plus_phi_v_and_lands_on_the_prediction()
    {
        const double alpha = 0.1;
        var r = Reparametrization.Parse("w^2", domain: "(0,inf)").Difference(alpha, alpha);
        var problem = Small(r, alpha, m: 6, n: 24);
        var report = Verification.Verify(problem, r.Derive(), new FlowOptions { TrajectorySamples = 50 });
        Assert.True(report.Agree, $"{report.Flow.StopReason}, max |Δ| = {report.MaxAbsDifference}");
        Assert.NotNull(report.Flow.ConservedDrift);
        Assert.True(report.Flow.ConservedDrift < 1e-7, $"drift {report.Flow.ConservedDrift}");
        // the mirror map of the hyperbolic entropy, asinh(x/(2α²))/4, moved only within range(Aᵀ)
        var z = report.Prediction.X.Select(x => Math.Asinh(x / (2 * alpha * alpha)) / 4).ToArray();
        Assert.True(Kkt(problem, z, new double[z.Length]) <= 1e-9);
    }

    [Fact]
    public void The_limit_comparison_is_separate_from_convergence()
    {
        var r = Reparametrization.Parse("sinh(w)");
        var problem = Problem.Generate(4, 20, 2, 3, r, 0.1, Loss.Square, Link.Identity);
        var early = Verification.Verify(problem, r.Derive(), new FlowOptions { MaxSteps = 3 });
        Assert.False(early.Flow.Converged);
        Assert.False(early.LimitMatchesPrediction); // three steps are far from the limit
        Assert.False(early.Agree);
        var full = Verification.Verify(problem, r.Derive(), new FlowOptions());
        Assert.True(full.LimitMatchesPrediction && full.Agree);
    }

    [Fact]
    public void A_flow_that_comes_to_rest_at_its_rounding_floor_has_converged()
    {
        // found by the theorem library: x̂ ≈ 11 puts w within 3e-5 of π/2, where the spacing of doubles near w keeps
        // the loss at ~2e-23, above the default tolerance 1e-24: the step's error estimate vanishes and the step
        // overflows
        var r = Reparametrization.Parse("asinh(tan(w))", domain: "(-pi/2,pi/2)");
        var problem = Problem.Generate(3, 17, 2, 450059, r, 1.2677285095227244, Loss.Huber(1), Link.Identity);
        var report = Verification.Verify(problem, r.Derive(),
            new FlowOptions { MaxSteps = 50_000, RelativeTolerance = 1e-10 });
        Assert.Equal(StopReason.AtRest, report.Flow.StopReason);
        Assert.True(report.Flow.Converged);
        Assert.InRange(report.Flow.Loss, 1e-24, 1e-20);
        Assert.True(report.Agree, $"max |Δ| = {report.MaxAbsDifference}");
    }

    [Fact]
    public void The_conserved_quantity_drift_is_measured_relative_to_its_size()
    {
        // ρ = w³ at α = 0.001: Φ(α) = −1/(3α) ≈ −333, so rounding alone moves Φ(u) + Φ(v) by ~1e-6 in absolute terms.
        const double alpha = 0.001;
        var r = Reparametrization.Parse("w^3", domain: "(0,inf)").Difference(alpha, alpha);
        var problem = Small(r, alpha, m: 6, n: 24);
        var report = Verification.Verify(problem, r.Derive(), new FlowOptions());
        Assert.True(report.Agree,
            $"{report.Flow.StopReason}, max |Δ| = {report.MaxAbsDifference}, drift {report.Flow.ConservedDrift}");
        Assert.InRange(report.Flow.ConservedDrift!.Value, 0, 1e-7);
    }

    /// <summary>
    /// ‖v − Aᵀμ‖/‖v‖ for v = z − z₀ by least squares with MathNet (independent of the library's kernel).
    /// </summary>
    private static double Kkt(Problem problem, double[] z, double[] z0)
    {
        int m = problem.Model.Rows, n = problem.Model.Columns;
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m, n, (i, j) => problem.Model.A[i * n + j]);
        var v = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n, i => z[i] - z0[i]);
        var mu = a.Transpose().QR().Solve(v);
        return (v - a.Transpose() * mu).L2Norm() / v.L2Norm();
    }

    [Fact]
    public void Gradient_descent_bias_shrinks_linearly_with_the_step()
    {
        var r = Reparametrization.Parse("w^2", domain: "(0,inf)");
        var problem = Small(r, 0.1);
        var d = r.Derive();
        var distances = new[] { 0.1, 0.05, 0.025 }
            .Select(eta => Verification.Verify(problem, d, gradientDescentStep: eta).GradientDescentDistance!.Value)
            .ToArray();
        Assert.True(distances[0] > distances[1] && distances[1] > distances[2], string.Join(", ", distances));
        // first order in η: halving the step roughly halves the bias
        Assert.InRange(distances[0] / distances[1], 1.5, 2.7);
        Assert.InRange(distances[1] / distances[2], 1.5, 2.7);
        Assert.True(distances[2] > 1e-4, "gradient descent is biased, not exact");
    }

    [Fact]
    public void Gradient_descent_as_the_method_is_compared_with_the_flow_it_discretizes()
    {
        var r = Reparametrization.Parse("sinh(w)");
        var report = Verification.Verify(Small(r, 0.1), r.Derive(),
            new FlowOptions { Method = FlowMethod.GradientDescent, StepSize = 0.05 });
        Assert.Equal(FlowIntegrator.GradientDescent, report.Flow.Integrator);
        Assert.Equal("gradient descent (η = 0.05)", report.Flow.Method);
        Assert.Same(report.Flow, report.GradientDescent);
        Assert.Equal(0.05, report.GradientDescentStep);
        Assert.True(report.GradientDescentDistance > 0);
        Assert.True(Math.Abs(report.GradientDescentDistance!.Value - report.MaxAbsDifference) <= 1e-6,
            "the flow's limit is the prediction");
    }

    [Fact]
    public void The_line_search_keeps_z_on_the_branch_of_psi()
    {
        // ρ = sinh: Φ = gd(w) ∈ (−π/2, π/2) and ψ = tan. The full Newton step from z = 0 toward x = 1000 lands at
        // z = 1000, where tan is defined but on another branch; the projection must stay on the principal one.
        var r = Reparametrization.Parse("sinh(w)");
        var problem = Problem.FromJson("""{"A": [[1, 0, 0], [0, 1, 1]], "y": [1000, -400], "w0": [0, 0, 0]}""",
            r, Loss.Square, Link.Identity);
        var d = r.Derive();
        var dual = BregmanProjection.Solve(problem, d);
        Assert.True(dual.Converged);
        Assert.Equal(1000, dual.X[0], 9);
        Assert.Equal(-200, dual.X[1], 9); // the symmetric split minimizes the divergence
        Assert.Equal(-200, dual.X[2], 9);
        Assert.All(dual.Lambda, l => Assert.InRange(l, -Math.PI / 2, Math.PI / 2));
        var primal = BregmanProjection.SolvePrimal(problem, d);
        Assert.True(primal.Converged);
        Assert.True(MaxDistance(dual.X, primal.X) <= 1e-8);
    }

    [Fact]
    public void Dual_and_primal_Newton_agree_on_a_larger_problem()
    {
        var r = Reparametrization.Parse("beta*sinh(w/beta)",
            parameters: new Dictionary<string, double> { ["beta"] = 0.5 });
        var problem = Problem.Generate(30, 400, 5, 3, r, 0.2, Loss.Square, Link.Identity);
        var d = r.Derive();
        var dual = BregmanProjection.Solve(problem, d);
        var primal = BregmanProjection.SolvePrimal(problem, d);
        Assert.True(dual.Converged && primal.Converged);
        Assert.True(MaxDistance(dual.X, primal.X) <= 1e-9);
        Assert.True(dual.KktResidual <= 1e-12 && primal.KktResidual <= 1e-9);
        Assert.True(dual.Residual <= 1e-12);
    }

    [Fact]
    public void Dependent_rows_stop_both_Newton_methods_at_the_singular_system()
    {
        // row 3 repeats row 0: A diag(·) Aᵀ is singular, and the factorization says so instead of returning garbage
        var r = Reparametrization.Parse("w^2", domain: "(0,inf)");
        var generated = Small(r, 0.1, m: 4, n: 30);
        double[] a = [.. generated.Model.A], y = [.. generated.Model.Y];
        a.AsSpan(0, 30).CopyTo(a.AsSpan(90, 30));
        y[3] = y[0];
        var problem = Problem.Create(new LinearModel(a, 4, 30, y, Loss.Square, Link.Identity), r, init: 0.1);
        var d = r.Derive();
        foreach (var result in new[] { BregmanProjection.Solve(problem, d), BregmanProjection.SolvePrimal(problem, d) })
        {
            Assert.False(result.Converged);
            Assert.Equal(1, result.Iterations);
            Assert.All(result.X, v => Assert.Equal(0.01, v, 12)); // x₀ = ρ(0.1): no step was taken
        }
    }

    [Theory]
    [InlineData(7, 300)]       // one sweep
    [InlineData(20, 60_000)]   // split over the cores
    public void The_fused_dual_sweep_equals_the_separate_products(int m, int n)
    {
        var random = new Random(5);
        var a = Enumerable.Range(0, m * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var z0 = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var b = Enumerable.Range(0, m).Select(_ => random.NextDouble()).ToArray();
        var lambda = Enumerable.Range(0, m).Select(k => k % 3 == 1 ? 0 : random.NextDouble() - 0.5).ToArray();
        var sweep = new DualSweep(a, m, n, z0, Math.Sinh, Interval.Real, b);
        double[] z = new double[n], x = new double[n], r = new double[m];
        double worst = sweep.Run(lambda, z, x, r);
        var expectedZ = new double[n];
        LinearAlgebra.MultiplyTransposed(a, m, n, lambda, expectedZ);
        for (int i = 0; i < n; i++) expectedZ[i] += z0[i];
        var expectedR = new double[m];
        LinearAlgebra.Multiply(a, m, n, expectedZ.Select(Math.Sinh).ToArray(), expectedR);
        for (int k = 0; k < m; k++) expectedR[k] -= b[k];
        Assert.True(MaxDistance(z, expectedZ) <= 1e-13);
        Assert.True(MaxDistance(r, expectedR) <= 1e-11 * Math.Sqrt(n));
        Assert.Equal(r.Max(Math.Abs), worst);
        // a z outside the range of Φ is reported, not evaluated
        var narrow = new DualSweep(a, m, n, z0, Math.Tan, Interval.Open(-0.1, 0.1), b);
        Assert.True(double.IsNaN(narrow.Run(lambda, z, x, r)));
    }

    [Fact]
    public void An_infeasible_problem_is_reported_as_not_verified()
    {
        // x ≥ 0 (ρ = w²) cannot satisfy x₂ + x₃ = −1
        var r = Reparametrization.Parse("w^2", domain: "(0,inf)");
        var problem = Problem.FromJson("""{"A": [[1, 1, 0], [0, 1, 1]], "y": [1, -1], "init": 0.1}""",
            r, Loss.Square, Link.Identity);
        var report = Verification.Verify(problem, r.Derive(), new FlowOptions { MaxSteps = 20_000 });
        Assert.False(report.Agree);
        Assert.False(report.Prediction.Converged);
        Assert.False(report.Flow.Converged);
    }

    [Fact]
    public void When_the_constraints_only_touch_the_edge_of_the_image_the_run_is_reported_as_not_verified()
    {
        // ρ = exp, 10 equations, 14 unknowns, a 3-sparse x* ≥ 0: x* is the only nonnegative solution, so the flow
        // creeps toward the boundary (loss ~ 1/t) and no interior Bregman projection exists
        var r = Reparametrization.Parse("exp(w)");
        var problem = Problem.Generate(10, 14, 3, 6206, r, -0.1, Loss.Square, Link.Identity);
        var report = Verification.Verify(problem, r.Derive(), new FlowOptions { MaxSteps = 20_000 });
        Assert.False(report.Agree);
        Assert.False(report.Prediction.Converged);
        Assert.Equal(StopReason.StepLimit, report.Flow.StopReason);
        Assert.True(report.Flow.X.Min() < problem.X0.Min() / 10, "some coordinates head for the boundary x = 0");
    }

    /// <summary>A x = y with two equal rows of A and different y: no x interpolates; least squares: 1/4.</summary>
    private static Problem Inconsistent(Reparametrization r) =>
        Problem.FromJson("""{"A": [[1,1,0],[1,1,0]], "y": [1,2], "init": 0.1}""", r, Loss.Square, Link.Identity);

    [Theory]
    [InlineData(FlowMethod.Auto)]
    [InlineData(FlowMethod.Rosenbrock)]
    [InlineData(FlowMethod.Dual)]
    [InlineData(FlowMethod.GradientDescent)]
    public void An_inconsistent_system_stops_the_flow_once_its_gradient_vanishes(FlowMethod method)
    {
        var r = Reparametrization.Parse("w^2", domain: "(0,inf)");
        var run = GradientFlow.Run(Inconsistent(r), r.Derive(), new FlowOptions { Method = method, StepSize = 0.05 });
        Assert.Equal(StopReason.GradientVanished, run.StopReason);
        Assert.Equal("gradient vanished", run.StopReason.Text());
        Assert.False(run.Converged);
        Assert.Equal(0.25, run.Loss, 6); // the least-squares loss: residuals ±1/2
        Assert.True(run.GradientNorm <= 1e-9, $"‖Aᵀr‖ = {run.GradientNorm}");
        Assert.True(run.Steps <= 10_000, $"{run.Steps} steps"); // not the 2 000 000 of the step limit
        Assert.True(run.Seconds < 5, $"{run.Seconds} s");
    }

    [Fact]
    public void Explicit_Runge_Kutta_on_an_inconsistent_system_stalls_quickly_before_its_gradient_vanishes()
    {
        // pinned at its stability boundary, the fast mode keeps ‖Aᵀr‖ near the tolerance times ‖r‖: the stall rule
        // ends the run after two windows of 5000 steps, long before the step limit
        var r = Reparametrization.Parse("w^2", domain: "(0,inf)");
        var run = GradientFlow.Run(Inconsistent(r), r.Derive(), new FlowOptions { Method = FlowMethod.RungeKutta });
        Assert.Equal(StopReason.Stalled, run.StopReason);
        Assert.Equal(0.25, run.Loss, 6);
        Assert.True(run.Steps <= 10_000, $"{run.Steps} steps");
    }

    [Fact]
    public void An_inconsistent_system_is_a_report_that_never_agrees()
    {
        var r = Reparametrization.Parse("w^2", domain: "(0,inf)");
        var report = Verification.Verify(Inconsistent(r), r.Derive(), gradientDescentStep: 0.05);
        Assert.False(report.Interpolating);
        Assert.False(report.Agree);
        Assert.StartsWith("no interpolating solution: A x = y is inconsistent (residual ", report.SystemNote);
        Assert.Equal(StopReason.GradientVanished, report.Flow.StopReason);
        Assert.Equal(StopReason.GradientVanished, report.GradientDescent!.StopReason);
        Assert.True(report.Prediction.Converged); // of the independent row alone
    }

    [Fact]
    public void A_consistent_system_is_interpolating()
    {
        var r = Reparametrization.Parse("sinh(w)");
        Assert.True(Verification.Verify(Small(r, 0.1), r.Derive()).Interpolating);
    }

    [Fact]
    public void Stop_reasons_are_reported()
    {
        var r = Reparametrization.Parse("sinh(w)");
        var problem = Small(r, 0.1);
        Assert.Equal(StopReason.StepLimit,
            GradientFlow.Run(problem, r.Derive(), new FlowOptions { MaxSteps = 5 }).StopReason);
        var timed = GradientFlow.Run(problem, r.Derive(), new FlowOptions { MaxTime = 0.5 });
        Assert.Equal(StopReason.TimeLimit, timed.StopReason);
        Assert.Equal(0.5, timed.Time, 12);
        var gradient = GradientFlow.Run(problem, r.Derive(), new FlowOptions { GradientTolerance = 1e-3 });
        Assert.Equal(StopReason.GradientTolerance, gradient.StopReason);
        Assert.True(gradient.GradientNorm <= 1e-3);
        Assert.Equal(StopReason.LossTolerance, GradientFlow.Run(problem, r.Derive()).StopReason);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Equal(StopReason.Cancelled,
            GradientFlow.Run(problem, r.Derive(), new FlowOptions { Cancellation = cancelled.Token }).StopReason);
        var descent = new FlowOptions { Method = FlowMethod.GradientDescent, Cancellation = cancelled.Token };
        Assert.Equal(StopReason.Cancelled, GradientFlow.Run(problem, r.Derive(), descent).StopReason);
    }

    private sealed class CancelOnFirstReport(CancellationTokenSource source) : IProgress<FlowProgress>
    {
        public List<FlowProgress> Reports { get; } = [];

        public void Report(FlowProgress value)
        {
            Reports.Add(value);
            source.Cancel();
        }
    }

    [Fact]
    public void Progress_is_reported_and_a_run_can_be_cancelled_from_it()
    {
        // gradient descent with a tiny step needs millions of iterations: the first report (after ~0.1 s) cancels it
        var r = Reparametrization.Parse("w^2", domain: "(0,inf)");
        using var source = new CancellationTokenSource();
        var progress = new CancelOnFirstReport(source);
        var run = GradientFlow.Run(Small(r, 0.1), r.Derive(),
            new FlowOptions
            {
                Method = FlowMethod.GradientDescent, StepSize = 1e-6, MaxSteps = int.MaxValue, Progress = progress,
                Cancellation = source.Token,
            });
        Assert.Equal(StopReason.Cancelled, run.StopReason);
        Assert.False(run.Converged);
        Assert.Equal(2, progress.Reports.Count); // the one that cancelled, and the final one
        Assert.True(progress.Reports[0].Steps > 0 && progress.Reports[0].Loss > 0);
        Assert.Equal(run.Steps, progress.Reports[1].Steps);
    }

    [Fact]
    public void Verification_needs_a_reparametrization_the_theorem_covers()
    {
        var turning = Reparametrization.Parse("w^2");
        var e = Assert.Throws<SymbolicException>(() => Verification.Verify(Small(turning, 0.1), turning.Derive()));
        Assert.Contains("monotonicity", e.Message);

        var unbound = Reparametrization.Parse("beta*sinh(w/beta)", assumptions: ["beta>0"]);
        Assert.Contains("beta", Assert.Throws<SymbolicException>(() => Small(unbound, 0.1)).Message);

        var difference = Reparametrization.Parse("w^2", domain: "(0,inf)").Difference(0.1, 0.1);
        var other = Reparametrization.Parse("w^2", domain: "(0,inf)").Difference(0.2, 0.2);
        var mismatch = Assert.Throws<SymbolicException>(
            () => Verification.Verify(Small(other, 0.2), difference.Derive()));
        Assert.Contains("the derivation is of", mismatch.Message);
        var sinh = Reparametrization.Parse("sinh(w)");
        Assert.Throws<SymbolicException>(() => BregmanProjection.Solve(Small(sinh, 0.1),
            Reparametrization.Parse("tan(w)", domain: "(-pi/2,pi/2)").Derive()));
    }

    /// <summary>
    /// The families of the former hand-written settings, from the theorem library: w², w³ on (0, ∞), β·sinh(w/β),
    /// exp, tanh. The library draws M ≤ 10, 3M + 6 ≤ N ≤ 40 (N ≥ 3M + 6: then, by Wendel, almost surely no y ≠ 0 has
    /// Aᵀy ≥ 0, so {Ax = b} meets the interior of the image; with fewer columns a sparse nonnegative x* is often the
    /// only nonnegative solution, see the boundary test above), a seed and an initial value inside the domain.
    /// </summary>
    private static Gen<Reparametrization> FlowFamilies => Gen.OneOf(
        Gen.Constant(ReparametrizationGen.Shared("w^2", "(0,inf)")),
        Gen.Constant(ReparametrizationGen.Shared("w^3", "(0,inf)")),
        ReparametrizationGen.ScaledSinh(0.1, 2),
        Gen.Constant(ReparametrizationGen.Shared("exp(w)")),
        Gen.Constant(ReparametrizationGen.Shared("tanh(w)")));

    private static readonly TheoremOptions LibraryOptions =
        new() { MaxRows = 10, MaxColumns = 40, Losses = [Loss.Square] };

    [Property(MaxTest = 25)]
    public Property Flow_limit_equals_the_Bregman_projection_on_random_problems() =>
        Prop.ForAll(FlowFamilies.ToArbitrary(), r => Theorems.FlowLimit(r, LibraryOptions));
}
