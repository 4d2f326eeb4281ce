using ImplicitBias.Symbolic.Experiments.Baselines;

namespace ImplicitBias.Symbolic.Tests.Experiments.Baselines;

/// <summary>Basis pursuit by GLOP and PDLP: recovery, hand-checkable optima, signs, infeasibility, options.</summary>
public class BasisPursuitTests
{
    private static BaselineOptions On(BaselineSolver engine) => new() { Solver = engine };

    [Theory]
    [InlineData(1, BaselineSolver.Glop)]
    [InlineData(2, BaselineSolver.Glop)]
    [InlineData(3, BaselineSolver.Glop)]
    [InlineData(4, BaselineSolver.Glop)]
    [InlineData(5, BaselineSolver.Glop)]
    [InlineData(1, BaselineSolver.Pdlp)]
    [InlineData(2, BaselineSolver.Pdlp)]
    [InlineData(3, BaselineSolver.Pdlp)]
    public void Recovers_a_planted_4_sparse_solution_from_40_of_100_measurements(int seed, BaselineSolver engine)
    {
        var problem = BaselineProblems.Planted(40, 100, 4, seed);
        var result = BasisPursuit.Solve(problem.Model, options: On(engine));
        Assert.Equal(BaselineStatus.Optimal, result.Status);
        Assert.Equal(BaselineKind.L1, result.Kind);
        Assert.Equal(engine, result.Solver);
        Assert.True(result.Interpolating);
        Assert.True(result.Iterations > 0);
        Assert.True(Distances.MaxAbs(result.X, problem.Truth) <= 1e-7, result.ToString());
        Assert.Equal(problem.Truth!.Sum(Math.Abs), result.Objective, 1e-7);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Recovers_a_planted_nonnegative_solution_over_x_at_least_0(int seed)
    {
        var problem = BaselineProblems.Planted(40, 100, 6, seed, nonnegative: true);
        Assert.All(problem.Truth!, v => Assert.True(v >= 0));
        var result = BasisPursuit.Solve(problem.Model, nonnegative: true);
        Assert.Equal(BaselineStatus.Optimal, result.Status);
        Assert.Equal(BaselineKind.L1Nonnegative, result.Kind);
        Assert.All(result.X!, v => Assert.True(v >= -1e-12));
        Assert.True(Distances.MaxAbs(result.X, problem.Truth) <= 1e-7, result.ToString());
    }

    [Fact]
    public void Solves_through_the_targets_of_the_link_not_the_data()
    {
        var problem = BaselineProblems.Planted(40, 100, 4, 11, link: Link.Tanh);
        var result = BasisPursuit.Solve(problem.Model);
        Assert.Equal(BaselineStatus.Optimal, result.Status);
        Assert.True(Distances.MaxAbs(result.X, problem.Truth) <= 1e-7, result.ToString());
    }

    [Theory]
    [InlineData(BaselineSolver.Glop)]
    [InlineData(BaselineSolver.Pdlp)]
    public void The_optimum_of_x1_plus_x2_equal_to_1_has_norm_1_and_multiplier_1(BaselineSolver engine)
    {
        var result = BasisPursuit.Solve(BaselineProblems.Model([[1, 1]], [1]), options: On(engine));
        Assert.Equal(BaselineStatus.Optimal, result.Status);
        Assert.Equal(1, result.Objective, 9);
        Assert.Equal(1, result.X!.Sum(), 9);
        Assert.All(result.X!, v => Assert.True(v >= -1e-9));
        Assert.Equal(1, Assert.Single(result.Lambda!), 9);
        Assert.True(result.Residual <= 1e-9);
    }

    /// <summary>The multiplier's sign: Aᵀλ = sign(x) on the support, so λ follows the sign of t.</summary>
    [Theory]
    [InlineData(BaselineSolver.Glop, 1)]
    [InlineData(BaselineSolver.Glop, -1)]
    [InlineData(BaselineSolver.Pdlp, 1)]
    [InlineData(BaselineSolver.Pdlp, -1)]
    public void The_multiplier_has_the_sign_that_puts_A_transposed_lambda_in_the_subdifferential(
        BaselineSolver engine, double t)
    {
        // min |x1| + |x2| s.t. 2 x1 + x2 = t: x = (t/2, 0), λ = t/2, Aᵀλ = (sign t, sign(t)/2)
        var result = BasisPursuit.Solve(BaselineProblems.Model([[2, 1]], [t]), options: On(engine));
        Assert.Equal(t / 2, result.X![0], 9);
        Assert.Equal(0, result.X[1], 9);
        Assert.Equal(t / 2, Assert.Single(result.Lambda!), 9);
        Assert.Equal(0.5, result.Objective, 9);
    }

    [Theory]
    [InlineData(BaselineSolver.Glop, 1)]
    [InlineData(BaselineSolver.Glop, 2)]
    [InlineData(BaselineSolver.Pdlp, 1)]
    public void An_inconsistent_overdetermined_system_is_infeasible_not_an_exception(BaselineSolver engine, int seed)
    {
        var result = BasisPursuit.Solve(BaselineProblems.Inconsistent(30, 10, seed), options: On(engine));
        Assert.Equal(BaselineStatus.Infeasible, result.Status);
        Assert.Null(result.X);
        Assert.Null(result.Lambda);
        Assert.False(result.Interpolating);
        Assert.True(double.IsNaN(result.Objective));
        Assert.True(double.IsNaN(result.Residual));
    }

    [Fact]
    public void A_negative_target_has_no_nonnegative_solution()
    {
        var model = BaselineProblems.Model([[1, 1]], [-1]);
        Assert.Equal(BaselineStatus.Infeasible, BasisPursuit.Solve(model, nonnegative: true).Status);
        Assert.Equal(BaselineStatus.Optimal, BasisPursuit.Solve(model).Status);
    }

    [Fact]
    public void The_engine_follows_the_size_of_A_unless_forced()
    {
        var model = BaselineProblems.Planted(10, 30, 2, 1).Model;
        Assert.Equal(BaselineSolver.Glop, BasisPursuit.Solve(model).Solver);
        Assert.Equal(BaselineSolver.Pdlp, BasisPursuit.Solve(model, options: new() { PdlpThreshold = 299 }).Solver);
        Assert.Equal(BaselineSolver.Glop, BasisPursuit.Solve(model, options: new() { PdlpThreshold = 300 }).Solver);
        var forced = new BaselineOptions { PdlpThreshold = 0, Solver = BaselineSolver.Glop };
        Assert.Equal(BaselineSolver.Glop, BasisPursuit.Solve(model, options: forced).Solver);
    }

    [Fact]
    public void Options_out_of_range_are_rejected_when_set()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BaselineOptions { Solver = BaselineSolver.Qr });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BaselineOptions { Solver = BaselineSolver.Svd });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BaselineOptions { Tolerance = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BaselineOptions { Tolerance = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BaselineOptions { Tolerance = 0.1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BaselineOptions { Threads = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BaselineOptions { TimeLimitSeconds = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BaselineOptions { TimeLimitSeconds = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BaselineOptions { PdlpThreshold = -1 });
        Assert.Equal(BaselineOptions.DefaultPdlpThreshold, BaselineOptions.Default.PdlpThreshold);
    }

    [Fact]
    public void A_time_limit_and_threads_are_passed_on()
    {
        var problem = BaselineProblems.Planted(40, 100, 4, 1);
        var options = new BaselineOptions { Solver = BaselineSolver.Pdlp, Threads = 2, TimeLimitSeconds = 60 };
        var result = BasisPursuit.Solve(problem.Model, options: options);
        Assert.Equal(BaselineStatus.Optimal, result.Status);
        Assert.True(Distances.MaxAbs(result.X, problem.Truth) <= 1e-7);
    }
}
