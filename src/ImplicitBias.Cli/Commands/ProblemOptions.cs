using System.CommandLine;
using ImplicitBias.Cli.Infrastructure;

namespace ImplicitBias.Cli.Commands;

/// <summary>
/// The options that pick ρ and a problem, shared by <c>ibias verify</c> and <c>ibias problem generate</c>, so that
/// the same options give the same problem in both (and in the rows of <c>ibias sweep</c>).
/// </summary>
internal sealed class ProblemOptions
{
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
        Description = "Generated problem: the random seed (A is Gaussian/√M, y = g(A x* + noise)).", HelpName = "seed",
        DefaultValueFactory = _ => 1,
    };
    public Option<double> Noise { get; } = new("--noise")
    {
        Description = "Generated problem: the standard deviation σ of Gaussian noise added to A x* before the link "
            + "(the same A and x* for every σ).",
        HelpName = "sigma", DefaultValueFactory = _ => 0,
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

    /// <summary>The options that pick ρ, in the order --help lists them.</summary>
    public IEnumerable<Option> OfRho => [Variable, Domain, Param, Assume, Difference];

    /// <summary>The options of a generated problem and of the model, in the order --help lists them.</summary>
    public IEnumerable<Option> OfProblem => [Rows, Columns, Sparsity, Seed, Noise, Init, Loss, Link];
}
