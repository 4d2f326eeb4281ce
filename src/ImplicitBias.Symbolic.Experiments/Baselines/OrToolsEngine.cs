using System.Globalization;
using System.Runtime.InteropServices;
using Google.OrTools.LinearSolver;

namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>
/// Google OR-Tools' linear solvers as <see cref="BasisPursuit"/> uses them: creation (where the native library
/// loads, on first use), parameters and statuses.
/// </summary>
internal static class OrToolsEngine
{
    /// <summary>A GLOP or PDLP solver configured by the options; the caller disposes it.</summary>
    /// <exception cref="SymbolicException">The native library cannot load, or this build lacks the engine.</exception>
    public static Solver Create(BaselineSolver engine, BaselineOptions options)
    {
        string id = engine == BaselineSolver.Pdlp ? "PDLP" : "GLOP";
        Solver? solver;
        try
        {
            solver = Solver.CreateSolver(id);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException
            or EntryPointNotFoundException or BadImageFormatException)
        {
            throw NativeLoadFailure(e);
        }
        if (solver is null) throw new SymbolicException($"this build of Google OR-Tools has no {id} solver");
        if (!solver.SetSolverSpecificParametersAsString(Parameters(engine, options)))
        {
            solver.Dispose();
            throw new SymbolicException($"{id} rejected the parameters \"{Parameters(engine, options)}\"");
        }
        if (options.TimeLimitSeconds is { } seconds)
            solver.SetTimeLimit((long)Math.Ceiling(Math.Min(seconds * 1000, long.MaxValue / 2.0)));
        return solver;
    }

    /// <summary>
    /// The engine's own parameters in protobuf text format (MPSolverParameters' tolerances are ignored by both: GLOP
    /// keeps its own defaults, PDLP leaves them unimplemented).
    /// </summary>
    public static string Parameters(BaselineSolver engine, BaselineOptions options)
    {
        string tolerance = options.Tolerance.ToString("R", CultureInfo.InvariantCulture);
        return engine == BaselineSolver.Pdlp
            ? $"num_threads: {options.Threads} termination_criteria {{ simple_optimality_criteria {{ " +
              $"eps_optimal_absolute: {tolerance} eps_optimal_relative: {tolerance} }} }}"
            : $"primal_feasibility_tolerance: {tolerance} dual_feasibility_tolerance: {tolerance}";
    }

    /// <summary>The message for a native library that does not load, in place of the runtime's exception.</summary>
    public static SymbolicException NativeLoadFailure(Exception e)
    {
        var cause = e;
        while (cause.InnerException is { } inner) cause = inner;
        return new SymbolicException(
            $"Google OR-Tools could not load its native library (google-ortools-native) on " +
            $"{RuntimeInformation.RuntimeIdentifier}: {cause.Message}. The Google.OrTools package ships it for " +
            "linux-x64, linux-arm64, osx-x64, osx-arm64 and win-x64, under runtimes/<rid>/native next to the " +
            "application; check that it was restored and copied there.", e);
    }

    /// <summary>One <see cref="BaselineStatus"/> per OR-Tools status.</summary>
    public static BaselineStatus Status(Solver.ResultStatus status) => status switch
    {
        Solver.ResultStatus.OPTIMAL => BaselineStatus.Optimal,
        Solver.ResultStatus.FEASIBLE => BaselineStatus.Feasible,
        Solver.ResultStatus.INFEASIBLE => BaselineStatus.Infeasible,
        Solver.ResultStatus.UNBOUNDED => BaselineStatus.Unbounded,
        Solver.ResultStatus.ABNORMAL => BaselineStatus.Failed,
        Solver.ResultStatus.MODEL_INVALID => BaselineStatus.InvalidModel,
        Solver.ResultStatus.NOT_SOLVED => BaselineStatus.NotSolved,
    };
}
