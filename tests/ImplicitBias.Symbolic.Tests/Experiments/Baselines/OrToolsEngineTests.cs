using Google.OrTools.LinearSolver;
using ImplicitBias.Symbolic.Experiments.Baselines;

namespace ImplicitBias.Symbolic.Tests.Experiments.Baselines;

/// <summary>The OR-Tools side: parameter strings, the status map, the message for a missing native library.</summary>
public class OrToolsEngineTests
{
    [Fact]
    public void Each_engine_gets_its_own_tolerance_parameters()
    {
        var options = new BaselineOptions { Tolerance = 1e-9, Threads = 2 };
        Assert.Equal("primal_feasibility_tolerance: 1E-09 dual_feasibility_tolerance: 1E-09",
            OrToolsEngine.Parameters(BaselineSolver.Glop, options));
        Assert.Equal("num_threads: 2 termination_criteria { simple_optimality_criteria { " +
            "eps_optimal_absolute: 1E-09 eps_optimal_relative: 1E-09 } }",
            OrToolsEngine.Parameters(BaselineSolver.Pdlp, options));
    }

    [Theory]
    [InlineData(BaselineSolver.Glop)]
    [InlineData(BaselineSolver.Pdlp)]
    public void The_engines_accept_the_parameters(BaselineSolver engine)
    {
        using var solver = OrToolsEngine.Create(engine, new BaselineOptions { TimeLimitSeconds = 1.5 });
        Assert.NotNull(solver);
    }

    [Fact]
    public void Every_OR_Tools_status_has_its_own_baseline_status()
    {
        var statuses = Enum.GetValues<Solver.ResultStatus>();
        var mapped = statuses.Select(OrToolsEngine.Status).ToList();
        Assert.Equal(statuses.Length, mapped.Distinct().Count());
        Assert.Equal(Enum.GetValues<BaselineStatus>().Length, mapped.Count);
        Assert.Equal(BaselineStatus.Failed, OrToolsEngine.Status(Solver.ResultStatus.ABNORMAL));
    }

    [Fact]
    public void A_native_library_that_does_not_load_becomes_a_symbolic_exception_naming_it()
    {
        var missing = new TypeInitializationException("operations_research_linear_solverPINVOKE",
            new DllNotFoundException("google-ortools-native: cannot open shared object file"));
        var e = OrToolsEngine.NativeLoadFailure(missing);
        Assert.IsType<SymbolicException>(e);
        Assert.Same(missing, e.InnerException);
        Assert.Contains("google-ortools-native", e.Message, StringComparison.Ordinal);
        Assert.Contains("cannot open shared object file", e.Message, StringComparison.Ordinal);
    }
}
