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
    public Option<string> Variable { get; } = new("--var")
        { Description = "The variable of ρ.", HelpName = "name", DefaultValueFactory = _ => "w" };
    public Option<string> Domain { get; } =
        CliInputs.DomainOption("The open interval ρ acts on, e.g. \"(0,inf)\" (default: the real line).");
    public Option<string[]> Param { get; } = CliInputs.ParamOption();
    public Option<string[]> Assume { get; } = CliInputs.AssumeOption();
    public Option<bool> Difference { get; } = new("--difference")
    {
        Description = "Use the two-variable form x = ρ(u) − ρ(v) with u₀ = v₀ = --init (e.g. ρ = w² gives the "
            + "hyperbolic entropy).",
    };
    public Option<string> ProblemFile { get; } = new("--problem")
    {
        Description = "A JSON problem {\"A\": [[...]], \"y\": [...], \"w0\": [...]} (\"x0\" or a scalar \"init\" "
            + "may replace \"w0\"; --init overrides them).",
        HelpName = "file.json",
    };
    public Option<int> Rows { get; } = new("--m")
        { Description = "Generated problem: M observations.", HelpName = "M", DefaultValueFactory = _ => 20 };
    public Option<int> Columns { get; } = new("--n")
        { Description = "Generated problem: N unknowns.", HelpName = "N", DefaultValueFactory = _ => 100 };
    public Option<int> Sparsity { get; } = new("--k")
    {
        Description = "Generated problem: k nonzero entries of the planted x*.", HelpName = "k",
        DefaultValueFactory = _ => 3,
    };
    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Generated problem: the random seed (A is Gaussian/√M, y = g(A x*)).", HelpName = "seed",
        DefaultValueFactory = _ => 1,
    };
    public Option<string> Init { get; } = new("--init")
    {
        Description = "The initial value of every w (u₀ = v₀ with --difference); default 0.1, or a point inside "
            + "the domain. With --problem it overrides the file's \"w0\", \"x0\", \"init\" or \"u0\"/\"v0\".",
        HelpName = "a",
    };
    public Option<string> Loss { get; } = new("--loss")
    {
        Description = "square, huber, huber:δ, power:q, logcosh, or a formula in r.", HelpName = "loss",
        DefaultValueFactory = _ => "square",
    };
    public Option<string> Link { get; } = new("--link")
    {
        Description = "identity, sigmoid, tanh, exp, softplus, or a formula in z.", HelpName = "link",
        DefaultValueFactory = _ => "identity",
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
    public Option<bool> Json { get; } = CliInputs.JsonOption();

    /// <summary>The command with every argument and option, in the order --help lists them.</summary>
    public Command Command() => new("verify", "Run the gradient flow on a problem and compare its limit with the "
        + "predicted Bregman projection (exit 0: agree, 1: disagree).")
    {
        Rho, Variable, Domain, Param, Assume, Difference, ProblemFile, Rows, Columns, Sparsity, Seed, Init, Loss, Link,
        Method, Step, Tolerance, LossTolerance, MaxSteps, MaxTime, Plot, Json,
    };
}
