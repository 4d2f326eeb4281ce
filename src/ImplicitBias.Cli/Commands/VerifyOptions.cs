using System.CommandLine;
using ImplicitBias.Cli.Infrastructure;

namespace ImplicitBias.Cli.Commands;

/// <summary>The option table of <c>ibias verify</c>: every argument and option, its help and default.</summary>
internal sealed class VerifyOptions
{
    public Argument<string> Rho { get; } = new("rho")
    {
        Description = "The reparametrization ρ, e.g. \"w^2\" (with --domain \"(0,inf)\") or \"beta*sinh(w/beta)\" "
            + "(with --param beta=0.5).",
    };
    /// <summary>ρ and the generated problem (shared with <c>ibias problem generate</c>).</summary>
    public ProblemOptions Problem { get; } = new();
    public Option<string> ProblemFile { get; } = new("--problem")
    {
        Description = "A problem file: JSON {\"A\": [[...]], \"y\": [...], \"w0\": [...]} (\"x0\" or a scalar "
            + "\"init\" may replace \"w0\"; --init overrides them), NumPy .npz (dense or scipy.sparse CSR A) or .npy, "
            + "HDF5 .h5, MATLAB v7.3 .mat, CSV (p.csv with y in p.y.csv) or MatrixMarket .mtx.",
        HelpName = "file",
    };
    public Option<string> Method { get; } = new("--method")
    {
        Description = "auto (Dormand–Prince, Rosenbrock once stiff), rk, rosenbrock, dual (fast path; assumes the "
            + "invariant), gd (gradient descent).",
        HelpName = "method", DefaultValueFactory = _ => "auto",
    };
    public Option<double?> Step { get; } = new("--step")
    {
        Description = "The step η of gradient descent (with another method: also run gradient descent and report "
            + "its distance to the flow's limit).",
        HelpName = "eta",
    };
    public Option<double> Tolerance { get; } = new("--tolerance")
    {
        Description = "Agreement tolerance on max |x_flow − x_prediction| (relative to max(1, max |x|)); the "
            + "integrator's relative tolerance is a hundredth of it (at most 1e-8).",
        HelpName = "tol", DefaultValueFactory = _ => 1e-6,
    };
    public Option<double> LossTolerance { get; } = new("--loss-tolerance")
    {
        Description = "Stop the flow once the loss is at most this.", HelpName = "tol",
        DefaultValueFactory = _ => 1e-24,
    };
    public Option<int> MaxSteps { get; } = new("--max-steps")
    {
        Description = "Stop the flow after this many steps (reported as \"step limit\").", HelpName = "n",
        DefaultValueFactory = _ => 2_000_000,
    };
    public Option<double?> MaxTime { get; } = new("--max-time")
        { Description = "Stop the flow at this flow time (reported as \"time limit\").", HelpName = "t" };
    public Option<string> Plot { get; } = new("--plot")
    {
        Description = "Write the coordinate trajectories to this .svg or .png, and the loss next to it "
            + "(name-loss.svg).",
        HelpName = "file",
    };
    public Option<bool> Baselines { get; } = new("--baselines")
    {
        Description = "Also solve the ℓ1 (basis pursuit, an LP with OR-Tools) and ℓ2 (minimum norm) baselines and "
            + "report their distances to the prediction.",
    };
    public Option<string> Trajectory { get; } = new("--trajectory")
    {
        Description = "Write the sampled trajectory (time, loss and every coordinate) to this .parquet or .csv.",
        HelpName = "file",
    };
    public Option<bool> Json { get; } = CliInputs.JsonOption();

    /// <summary>The command with every argument and option, in the order --help lists them.</summary>
    public Command Command()
    {
        var command = new Command("verify", "Run the gradient flow on a problem and compare its limit with the "
            + "predicted Bregman projection (exit 0: agree, 1: disagree).") { Rho };
        foreach (var option in Problem.OfRho) command.Options.Add(option);
        command.Options.Add(ProblemFile);
        foreach (var option in Problem.OfProblem) command.Options.Add(option);
        foreach (var option in new Option[] { Method, Step, Tolerance, LossTolerance, MaxSteps, MaxTime, Plot,
            Trajectory, Baselines, Json })
            command.Options.Add(option);
        return command;
    }
}
