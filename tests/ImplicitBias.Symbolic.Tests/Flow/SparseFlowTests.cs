using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Experiments.Data;
using ImplicitBias.Symbolic.Tests.Models;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Flow;

/// <summary>
/// The numerical paths on a CSR matrix against the same problem made dense: the projection (dual and primal), the
/// flow in w (Dormand–Prince, Rosenbrock), the dual flow and gradient descent, the rank and consistency notes of the
/// verification, a sparse fixture file, and a large sparse problem that is projected without a dense A.
/// </summary>
public class SparseFlowTests
{
    private static readonly Reparametrization Square = Reparametrization.Parse("w^2", domain: "(0,inf)");
    private static readonly Reparametrization Difference = Square.Difference(0.1, 0.1);
    private static readonly Derivation SquareChain = Square.Derive();
    private static readonly Derivation DifferenceChain = Difference.Derive();

    /// <summary>
    /// A small random sparse problem (N ≥ 3M + 6, so its projection is interior), one- or two-variable.
    /// </summary>
    private static Gen<(Problem Problem, Derivation Chain)> Problems() =>
        from rows in Gen.Choose(2, 6)
        from extra in Gen.Choose(0, 20)
        from perColumn in Gen.Choose(1, 3)
        from seed in Gen.Choose(0, int.MaxValue)
        from difference in Gen.Elements(false, true)
        select Sample(rows, 3 * rows + 6 + extra, Math.Min(perColumn, rows), seed, difference);

    private static (Problem, Derivation) Sample(int rows, int columns, int perColumn, int seed, bool difference)
    {
        var a = SparseProblems.Matrix(rows, columns, perColumn, seed);
        var rho = difference ? Difference : Square;
        var problem = SparseProblems.Create(a, rho, 0.1, Math.Max(1, rows / 2), seed);
        return (problem, difference ? DifferenceChain : SquareChain);
    }

    private static double MaxDistance(double[] a, double[] b) => a.Zip(b, (p, q) => Math.Abs(p - q)).Max();

    [Property(MaxTest = 40)]
    public Property Sparse_and_dense_give_the_same_projection() => Prop.ForAll(Problems().ToArbitrary(), t =>
    {
        var (problem, chain) = t;
        var dense = SparseProblems.Densified(problem);
        var (sparse, reference) = (BregmanProjection.Solve(problem, chain), BregmanProjection.Solve(dense, chain));
        var (primal, densePrimal) =
            (BregmanProjection.SolvePrimal(problem, chain), BregmanProjection.SolvePrimal(dense, chain));
        return (sparse.Converged == reference.Converged && MaxDistance(sparse.X, reference.X) <= 1e-10
                && primal.Converged == densePrimal.Converged && MaxDistance(primal.X, densePrimal.X) <= 1e-10)
            .Label($"{problem}: dual {MaxDistance(sparse.X, reference.X):E2}, primal "
                + $"{MaxDistance(primal.X, densePrimal.X):E2}");
    });

    [Property(MaxTest = 6)]
    public Property Sparse_and_dense_flows_reach_the_same_limit() => Prop.ForAll(Problems().ToArbitrary(), t =>
    {
        var (problem, chain) = t;
        var options = new FlowOptions { LossTolerance = 1e-20 };
        var sparse = GradientFlow.Run(problem, chain, options);
        var dense = GradientFlow.Run(SparseProblems.Densified(problem), chain, options);
        return (sparse.Converged && dense.Converged && MaxDistance(sparse.X, dense.X) <= 1e-7)
            .Label($"{problem}: {sparse.StopReason}/{dense.StopReason}, {MaxDistance(sparse.X, dense.X):E2}");
    });

    [Property(MaxTest = 10)]
    public Property Sparse_and_dense_gradient_descent_take_the_same_steps() =>
        Prop.ForAll(Problems().ToArbitrary(), t =>
        {
            // few steps: a step that is too large for a case makes descent unstable, and then rounding differences
            // of the two sums grow without bound (seen: 0.33 apart after 400 steps)
            var options = new FlowOptions { Method = FlowMethod.GradientDescent, StepSize = 0.05, MaxSteps = 12 };
            var sparse = GradientFlow.Run(t.Problem, t.Chain, options);
            var dense = GradientFlow.Run(SparseProblems.Densified(t.Problem), t.Chain, options);
            return (sparse.Steps == dense.Steps && sparse.StopReason == dense.StopReason
                    && MaxDistance(sparse.State, dense.State) <= 1e-10 * Math.Max(1, dense.State.Max(Math.Abs)))
                .Label($"{sparse.Steps}/{dense.Steps} steps, {MaxDistance(sparse.State, dense.State):E2}");
        });

    [Theory]
    [InlineData(FlowMethod.Rosenbrock)]
    [InlineData(FlowMethod.Dual)]
    public void Sparse_and_dense_agree_for_the_implicit_and_the_dual_flow(FlowMethod method)
    {
        foreach (bool difference in new[] { false, true })
        {
            var (problem, chain) = Sample(4, 24, 2, seed: 3, difference);
            var options = new FlowOptions { Method = method, LossTolerance = 1e-20 };
            var sparse = GradientFlow.Run(problem, chain, options);
            var dense = GradientFlow.Run(SparseProblems.Densified(problem), chain, options);
            Assert.True(sparse.Converged && dense.Converged, $"{sparse.StopReason}, {dense.StopReason}");
            Assert.Equal(dense.Integrator, sparse.Integrator);
            Assert.True(MaxDistance(sparse.X, dense.X) <= 1e-8, $"{MaxDistance(sparse.X, dense.X)}");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Rank_deficient_and_inconsistent_sparse_systems_are_reported_as_dense_ones(double shift)
    {
        var (a, y) = SparseModelTests.WithRepeatedRow(4, 24, shift, seed: 1);
        var problem = Problem.Create(new LinearModel(a, y, Loss.Square, Link.Identity), Square, init: 0.1);
        var sparse = Verification.Verify(problem, SquareChain);
        var dense = Verification.Verify(SparseProblems.Densified(problem), SquareChain);
        Assert.NotNull(sparse.SystemNote);
        Assert.Equal(dense.SystemNote, sparse.SystemNote);
        Assert.Equal(dense.Interpolating, sparse.Interpolating);
        Assert.Equal(shift == 0, sparse.Interpolating);
        Assert.Equal(dense.Agree, sparse.Agree);
        Assert.Equal(dense.Flow.StopReason, sparse.Flow.StopReason);
        Assert.True(MaxDistance(sparse.Prediction.X, dense.Prediction.X) <= 1e-10);
        Assert.StartsWith(shift == 0 ? "A has rank 4 < 5 rows" : "no interpolating solution", sparse.SystemNote);
    }

    [Theory]
    [InlineData("sparse.npz")]
    [InlineData("sparse.h5")]
    [InlineData("coordinate.mtx")]
    public void A_sparse_problem_file_verifies_sparse(string name)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "data", "problems", name);
        var rho = Reparametrization.Parse("sinh(w)");
        var arrays = ProblemFiles.Read(path);
        var problem = new ProblemArrays(arrays.A, [.. arrays.Y], init: 0.1).ToProblem(rho, Loss.Square, Link.Identity);
        Assert.True(problem.Model.IsSparse);
        var report = Verification.Verify(problem, rho.Derive());
        Assert.True(report.Agree, $"{report.Flow.StopReason}, {report.MaxAbsDifference}");
        Assert.NotNull(report.PrimalCheck);
        Assert.True(report.PrimalCheckDifference <= 1e-10);
        var dense = Verification.Verify(SparseProblems.Densified(problem), rho.Derive());
        Assert.True(MaxDistance(report.Prediction.X, dense.Prediction.X) <= 1e-12);
    }

    [Fact]
    public void A_large_sparse_problem_projects_without_a_dense_matrix()
    {
        // 200×2·10⁵ with 10⁶ entries: a dense A would take 8·M·N = 320 MB
        const int rows = 200, columns = 200_000;
        var a = SparseProblems.Matrix(rows, columns, 5, seed: 1);
        var y = new double[rows];
        a.Multiply(Enumerable.Repeat(1.0, columns).ToArray(), y);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var model = new LinearModel(a, y, Loss.Square, Link.Identity);
        long building = GC.GetAllocatedBytesForCurrentThread() - before;
        var problem = Problem.Create(model, Square, init: 0.1);
        before = GC.GetAllocatedBytesForCurrentThread();
        var result = BregmanProjection.Solve(problem, SquareChain);
        long solving = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(result.Converged, $"residual {result.Residual}");
        // the model adds the column form of A (12 bytes an entry); the projection vectors of length N and M×M
        Assert.True(building < 16L * a.NonZeros + 8L * columns, $"{building / 1e6:F1} MB to build the model");
        Assert.True(solving < 8L * rows * columns / 10, $"{solving / 1e6:F1} MB to project");
        var z = new double[rows];
        problem.Model.Matrix.Multiply(result.X, z);
        Assert.True(MaxDistance(z, y) <= 1e-9);
    }

    [HeavyFact]
    [Trait("Category", "Heavy")]
    public void The_scale_target_projects_in_seconds_and_far_below_8_GB()
    {
        // M = 1000, N = 10⁶, nnz = 10⁷: the dense A alone would be 8 GB
        var a = SparseProblems.Matrix(1000, 1_000_000, 10, seed: 1);
        foreach (var (rho, chain) in new[] { (Square, SquareChain), (Difference, DifferenceChain) })
        {
            var problem = SparseProblems.Create(a, rho, 0.1, 100, seed: 1);
            var clock = Stopwatch.StartNew();
            var result = BregmanProjection.Solve(problem, chain);
            Assert.True(result.Converged, $"{rho}: residual {result.Residual}");
            Assert.True(clock.Elapsed.TotalSeconds < 20, $"{rho}: {clock.Elapsed.TotalSeconds:F1} s");
            Assert.True(GC.GetTotalMemory(forceFullCollection: true) < 2L << 30);
        }
        Assert.True(Process.GetCurrentProcess().PeakWorkingSet64 < 8L << 30);
    }
}
