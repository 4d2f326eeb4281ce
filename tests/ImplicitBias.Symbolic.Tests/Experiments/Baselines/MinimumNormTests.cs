using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Experiments.Baselines;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitBias.Symbolic.Tests.Experiments.Baselines;

/// <summary>The minimum-norm baseline against formulas computed independently with MathNet.Numerics.</summary>
public class MinimumNormTests
{
    private static Gen<(int Rows, int Columns, int Seed)> Underdetermined =>
        from rows in Gen.Choose(1, 30)
        from extra in Gen.Choose(0, 40)
        from seed in Gen.Choose(0, int.MaxValue)
        select (rows, rows + extra, seed);

    private static Vector<double> Targets(LinearModel model) => Vector<double>.Build.DenseOfArray(model.Targets);

    private static bool Close(Vector<double> expected, double[]? actual, double tolerance) =>
        actual is not null && Distances.MaxAbs(expected.ToArray(), actual) <= tolerance;

    [Property(MaxTest = 60)]
    public Property Equals_A_transposed_times_the_inverse_Gram_matrix_times_t() =>
        Prop.ForAll(Underdetermined.ToArbitrary(), c =>
        {
            var model = BaselineProblems.Planted(c.Rows, c.Columns, Math.Min(3, c.Columns), c.Seed).Model;
            var a = BaselineProblems.Matrix(model);
            var lambda = (a * a.Transpose()).Cholesky().Solve(Targets(model));
            var result = MinimumNorm.Solve(model);
            return result.Solver == BaselineSolver.Qr && result.Interpolating && result.Residual <= 1e-10
                && Close(a.TransposeThisAndMultiply(lambda), result.X, 1e-9) && Close(lambda, result.Lambda, 1e-7);
        });

    [Property(MaxTest = 40)]
    public Property Lies_in_the_row_space_orthogonal_to_the_null_space() =>
        Prop.ForAll(Underdetermined.ToArbitrary(), c =>
        {
            var model = BaselineProblems.Planted(c.Rows, c.Columns, Math.Min(3, c.Columns), c.Seed).Model;
            var x = Vector<double>.Build.DenseOfArray(MinimumNorm.Solve(model).X!);
            // the right singular vectors beyond the rank span the null space of A
            var kernel = BaselineProblems.Matrix(model).Kernel();
            return kernel.All(v => Math.Abs(v * x) <= 1e-9 * (1 + x.L2Norm()));
        });

    [Fact]
    public void The_minimum_norm_solution_of_x1_plus_x2_equal_to_1_is_one_half_each()
    {
        var result = MinimumNorm.Solve(BaselineProblems.Model([[1, 1]], [1]));
        Assert.Equal(BaselineKind.L2, result.Kind);
        Assert.Equal(BaselineStatus.Optimal, result.Status);
        Assert.Equal([0.5, 0.5], result.X!.Select(v => Math.Round(v, 14)));
        Assert.Equal(Math.Sqrt(0.5), result.Objective, 14);
        Assert.Equal(0.5, Assert.Single(result.Lambda!), 14);
        Assert.Null(result.Iterations);
    }

    [Theory]
    [InlineData(30, 10, 1)]
    [InlineData(30, 10, 2)]
    [InlineData(12, 11, 3)]
    public void An_inconsistent_overdetermined_system_gets_its_least_squares_solution(int rows, int columns, int seed)
    {
        var model = BaselineProblems.Inconsistent(rows, columns, seed);
        var a = BaselineProblems.Matrix(model);
        var normal = a.TransposeThisAndMultiply(a).Cholesky().Solve(a.TransposeThisAndMultiply(Targets(model)));
        var result = MinimumNorm.Solve(model);
        Assert.Equal(BaselineSolver.Svd, result.Solver);
        Assert.Equal(BaselineStatus.Optimal, result.Status);
        Assert.False(result.Interpolating);
        Assert.True(result.Residual > 1e-3);
        Assert.Null(result.Lambda);
        Assert.True(Close(normal, result.X, 1e-9));
    }

    [Fact]
    public void A_repeated_row_is_rank_deficient_and_still_interpolated()
    {
        double[][] rows = [[1, 2, 0, -1, 3], [0, 1, 1, 2, -1], [1, 2, 0, -1, 3]];
        var repeated = MinimumNorm.Solve(BaselineProblems.Model(rows, [2, -1, 2]));
        var distinct = MinimumNorm.Solve(BaselineProblems.Model(rows[..2], [2, -1]));
        Assert.Equal(BaselineSolver.Svd, repeated.Solver);
        Assert.Equal(BaselineSolver.Qr, distinct.Solver);
        Assert.True(repeated.Interpolating);
        Assert.True(Distances.MaxAbs(repeated.X, distinct.X) <= 1e-12);
    }

    [Fact]
    public void A_rank_deficient_inconsistent_system_gets_the_pseudo_inverse_solution()
    {
        double[][] rows = [[1, 2, 0, -1], [0, 1, 1, 2], [1, 2, 0, -1], [2, 5, 1, 0]];
        var model = BaselineProblems.Model(rows, [1, 0, 3, 1]);
        var expected = BaselineProblems.Matrix(model).PseudoInverse() * Targets(model);
        var result = MinimumNorm.Solve(model);
        Assert.Equal(BaselineSolver.Svd, result.Solver);
        Assert.False(result.Interpolating);
        Assert.True(Close(expected, result.X, 1e-12));
    }

    [Fact]
    public void A_square_invertible_system_is_solved_exactly_and_A_zero_gives_x_zero()
    {
        var square = MinimumNorm.Solve(BaselineProblems.Model([[2, 1], [1, 3]], [3, 4]));
        Assert.Equal(BaselineSolver.Qr, square.Solver);
        Assert.Equal([1, 1], square.X!.Select(v => Math.Round(v, 13)));
        var zero = MinimumNorm.Solve(BaselineProblems.Model([[0, 0, 0]], [1]));
        Assert.Equal([0, 0, 0], zero.X!);
        Assert.False(zero.Interpolating);
        Assert.Equal(1, zero.Residual);
    }
}
