using ImplicitBias.Cli;
using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary>Whatever the input, the tool answers in its documented shape: a result, or one "error:" line.</summary>
public class CliRandomInputTests
{
    private static readonly string[] Tokens =
    [
        "w", "x", "beta", "pi", "0", "1", "2", "0.5", "3d", "1e-400", "1e400", "(", ")", "+", "-", "*", "/", "^", " ",
        ",", "@", "=",
        "sqrt(", "exp(", "log(", "abs(", "sign(", "sin(", "cos(", "tan(", "sinh(", "cosh(", "tanh(", "asin(", "acos(",
        "atan(", "asinh(", "acosh(", "atanh(", "erf(", "lambertw(", "li2(", "foo(",
    ];

    private static readonly string[] Assumptions =
        ["w>0", "w<0", "-1<w<1", "w!=0", "w>=0", "0<x<pi/2", "beta>0", "w>", "w>inf"];

    private static readonly string[] Bindings =
        ["w=0.3,x=-0.7,beta=2", "w=pi/4,x=1,beta=exp(-1)", "w=0,x=0,beta=0", "w=", "w=1,x"];

    [Fact]
    public void RandomInput_FollowsTheOutputContract()
    {
        var rng = new Random(20240611);
        for (int i = 0; i < 1500; i++)
        {
            var expr = string.Concat(Enumerable.Range(0, rng.Next(1, 10)).Select(_ => Tokens[rng.Next(Tokens.Length)]));
            if (rng.Next(2) == 0)
                expr += new string(')', Math.Max(0, expr.Count(c => c == '(') - expr.Count(c => c == ')')));
            var assume = Assumptions[rng.Next(Assumptions.Length)];
            string[][] commands =
            [
                ["expr", "simplify", expr, "--assume", assume, "--json"],
                ["expr", "diff", expr, "--var", "w", "--order", rng.Next(0, 3).ToString(), "--assume", assume,
                    "--json"],
                ["expr", "eval", expr, "--at", Bindings[rng.Next(Bindings.Length)], "--json"],
                ["expr", "latex", expr, "--assume", assume],
            ];
            foreach (var args in commands) AssertContract(args, Run(args));
        }
    }

    private static void AssertContract(string[] args, CliRun run)
    {
        var what = string.Join(" ", args.Select(a => $"'{a}'"));
        switch (run.ExitCode)
        {
            case ExitCodes.Success:
                Assert.True(run.Error == "", $"{what}: stderr '{run.Error}'");
                if (args.Contains("--json")) run.Json();
                else Assert.NotEqual("", run.OutLine);
                break;
            case ExitCodes.BadInput:
                AssertBadInput(run);
                break;
            default: // an internal error is a library bug, whatever the input
                Assert.Fail($"{what}: exit code {run.ExitCode}: {run.Error}");
                break;
        }
    }

    /// <summary>Inputs a CLI fuzzer turned into internal errors.</summary>
    [Theory]
    [InlineData("analyze", "log(1e3081 + exp(w))", "--json")] // a substitution variable's domain beyond double range
    [InlineData("analyze", "sqrt(11e308 + w^1e3082)", "--domain", "(0,inf)", "--json")]
    // a reduction formula 50 000 levels deep
    [InlineData("expr", "integrate", "sqrt(1+w^2)^99999", "--var", "w", "--json")]
    public void Inputs_found_by_fuzzing_answer_in_the_contract(params string[] args) => AssertContract(args, Run(args));
}
