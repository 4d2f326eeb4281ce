using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Experiments.Baselines;

namespace ImplicitBias.Symbolic.Tests.Experiments.Baselines;

/// <summary>The KKT check of the ℓ1 baselines: it passes on every solution and fails on a wrong one.</summary>
public class DualCertificateTests
{
    private const double Tolerance = 1e-7;

    /// <summary>40×100 problems with 1 to 30 spikes: beyond about 10, basis pursuit no longer recovers x*.</summary>
    private static Gen<(int Sparsity, int Seed, BaselineSolver Engine)> Cases =>
        from sparsity in Gen.Choose(1, 30)
        from seed in Gen.Choose(0, int.MaxValue)
        from engine in Gen.Elements(BaselineSolver.Glop, BaselineSolver.Pdlp)
        select (sparsity, seed, engine);

    private static bool Certified(int sparsity, int seed, BaselineSolver engine, bool nonnegative)
    {
        var model = BaselineProblems.Planted(40, 100, sparsity, seed, nonnegative).Model;
        var result = BasisPursuit.Solve(model, nonnegative, new BaselineOptions { Solver = engine });
        var report = DualCertificate.Check(model, result, Tolerance);
        return result.Status == BaselineStatus.Optimal && report.Holds && report.Gap <= Tolerance
            && report.PrimalFeasibility <= Tolerance && report.DualFeasibility <= Tolerance && report.Support > 0;
    }

    [Property(MaxTest = 30)]
    public Property The_certificate_holds_on_every_solution_recovering_or_not() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Certified(c.Sparsity, c.Seed, c.Engine, nonnegative: false));

    [Property(MaxTest = 20)]
    public Property The_certificate_holds_on_every_nonnegative_solution() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Certified(c.Sparsity, c.Seed, c.Engine, nonnegative: true));

    [Fact]
    public void A_large_sparsity_is_not_recovered_but_still_certified()
    {
        var problem = BaselineProblems.Planted(40, 100, 25, 3);
        var result = BasisPursuit.Solve(problem.Model);
        Assert.True(Distances.MaxAbs(result.X, problem.Truth) > 0.1);
        Assert.True(result.Objective < problem.Truth!.Sum(Math.Abs));
        var report = DualCertificate.Check(problem.Model, result, Tolerance);
        Assert.True(report.Holds, report.ToString());
        Assert.True(report.Support <= 40);
    }

    [Fact]
    public void The_hand_checkable_case_has_zero_gap_and_full_sign_agreement()
    {
        var model = BaselineProblems.Model([[2, 1]], [-1]);
        var report = DualCertificate.Check(model, BasisPursuit.Solve(model), 1e-9);
        Assert.True(report.Holds);
        Assert.Equal(1, report.Support);
        Assert.True(report.Gap <= 1e-12 && report.SignMismatch <= 1e-12 && report.DualFeasibility == 0);
    }

    [Fact]
    public void A_wrong_multiplier_or_point_fails_the_check()
    {
        var model = BaselineProblems.Planted(40, 100, 4, 5).Model;
        var good = BasisPursuit.Solve(model);
        BaselineResult With(double[] x, double[] lambda) => new(BaselineKind.L1, BaselineStatus.Optimal,
            BaselineSolver.Glop, x, lambda, good.Objective, good.Residual, true, null, 0);
        var larger = good.Lambda!.Select(l => 1.1 * l).ToArray();
        var scaled = DualCertificate.Check(model, With(good.X!, larger), Tolerance);
        Assert.False(scaled.Holds);
        Assert.True(scaled.DualFeasibility > 0.05);
        var zero = DualCertificate.Check(model, With(good.X!, new double[40]), Tolerance);
        Assert.False(zero.Holds);
        Assert.Equal(good.Objective, zero.Gap, 12);
        var moved = good.X!.Select((v, i) => i == 0 ? v + 1e-3 : v).ToArray();
        Assert.False(DualCertificate.Check(model, With(moved, good.Lambda!), Tolerance).Holds);
    }

    [Fact]
    public void The_nonnegative_check_bounds_A_transposed_lambda_from_above_only()
    {
        // min x1 + x2 s.t. x1 − 2 x2 = 1, x ≥ 0: x = (1, 0), λ = 1, Aᵀλ = (1, −2): feasible for x ≥ 0 only
        var model = BaselineProblems.Model([[1, -2]], [1]);
        var result = BasisPursuit.Solve(model, nonnegative: true);
        var report = DualCertificate.Check(model, result, 1e-9);
        Assert.True(report.Holds, report.ToString());
        Assert.Equal(1, result.Lambda![0], 9);
        var signed = new BaselineResult(BaselineKind.L1, result.Status, result.Solver, result.X, result.Lambda,
            result.Objective, result.Residual, true, null, 0);
        Assert.Equal(1, DualCertificate.Check(model, signed, 1e-9).DualFeasibility, 9);
    }

    [Fact]
    public void Results_without_a_solution_and_l2_results_are_rejected()
    {
        var inconsistent = BaselineProblems.Inconsistent(30, 10, 1);
        var infeasible = BasisPursuit.Solve(inconsistent);
        Assert.Throws<ArgumentException>(() => DualCertificate.Check(inconsistent, infeasible, Tolerance));
        var model = BaselineProblems.Model([[1, 1]], [1]);
        Assert.Throws<ArgumentException>(() => DualCertificate.Check(model, MinimumNorm.Solve(model), Tolerance));
        Assert.Throws<ArgumentException>(() => DualCertificate.Check(inconsistent, BasisPursuit.Solve(model), 1e-7));
        Assert.Throws<ArgumentOutOfRangeException>(() => DualCertificate.Check(model, BasisPursuit.Solve(model), 0));
    }
}
