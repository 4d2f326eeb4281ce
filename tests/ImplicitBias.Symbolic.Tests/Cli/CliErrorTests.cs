using ImplicitBias.Cli;
using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Cli;

public class CliErrorTests
{
    // ---- syntax errors name the column ----

    [Theory]
    [InlineData("simplify", "a+", 3)]
    [InlineData("simplify", "w*(1+w", 7)]
    [InlineData("simplify", "2x", 2)]
    [InlineData("latex", "sin(w", 6)]
    [InlineData("simplify", "w)", 2)]
    [InlineData("simplify", "", 1)]
    public void SyntaxError_ReportsColumn(string command, string expr, int column)
    {
        var error = AssertBadInput(Run("expr", command, expr));
        Assert.StartsWith($"error: column {column}: ", error);
    }

    [Fact]
    public void SyntaxError_InDiffAndEval()
    {
        Assert.StartsWith("error: column 3: ", AssertBadInput(Run("expr", "diff", "w^", "--var", "w")));
        Assert.StartsWith("error: column 3: ", AssertBadInput(Run("expr", "eval", "w^", "--at", "w=1")));
    }

    [Theory]
    [InlineData("@/")]
    [InlineData("@missing-file.rsp")]
    public void AtSignIsAnExpressionNotAResponseFile(string expr) =>
        Assert.Equal("error: column 1: unexpected character '@'", AssertBadInput(Run("expr", "simplify", expr)));

    [Fact]
    public void UnknownFunction()
    {
        var error = AssertBadInput(Run("expr", "simplify", "foo(w)"));
        Assert.StartsWith("error: column 1: unknown function 'foo'", error);
    }

    [Fact]
    public void TooDeepExpression()
    {
        var deep = new string('(', 700) + "w" + new string(')', 700);
        Assert.Contains("column", AssertBadInput(Run("expr", "simplify", deep)));
    }

    // ---- options ----

    [Fact]
    public void MissingVar() => Assert.Contains("--var", AssertBadInput(Run("expr", "diff", "w*sinh(w)")));

    [Theory]
    [InlineData("2w")]
    [InlineData("pi")]
    [InlineData("sin")]
    [InlineData("")]
    public void InvalidVar(string name) =>
        Assert.Contains("--var", AssertBadInput(Run("expr", "diff", "w", "--var", name)));

    [Theory]
    [InlineData("-1")]
    [InlineData("x")]
    [InlineData("1.5")]
    public void InvalidOrder(string order) =>
        Assert.Contains("order", AssertBadInput(Run("expr", "diff", "w", "--var", "w", "--order", order)));

    [Theory]
    [InlineData("expr", "simplify", "w", "--jsn")]
    [InlineData("expr", "simplify", "w", "x")]
    [InlineData("expr", "simplify")]
    [InlineData("expr", "frobnicate", "w")]
    [InlineData("expr")]
    [InlineData("--bogus")]
    [InlineData("expr", "eval", "w", "--at")]
    [InlineData("expr", "diff", "w", "--var")]
    public void CommandLineErrors(params string[] args) => AssertBadInput(Run(args));

    [Fact]
    public void NoArguments() => AssertBadInput(Run());

    [Fact]
    public void ParseErrorPointsToHelp() =>
        Assert.EndsWith("See 'ibias expr diff --help'.", AssertBadInput(Run("expr", "diff", "w")));

    // ---- --assume ----

    [Theory]
    [InlineData("x>>1")]
    [InlineData("pi>0")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("x>0,")]
    [InlineData("x>1,x<0")]
    [InlineData("1<x<0")]
    [InlineData("x>y")]
    [InlineData("x>1+")]
    [InlineData("x>inf")]
    [InlineData("x>=inf")]
    [InlineData("x<-inf")]
    [InlineData("x>1e400")]
    [InlineData("x!=1")]
    [InlineData("0<=x<=0")]
    [InlineData("x>sqrt(-1)")]
    public void MalformedAssume(string assumption)
    {
        var error = AssertBadInput(Run("expr", "simplify", "x", "--assume", assumption));
        Assert.StartsWith("error: --assume", error);
    }

    [Fact]
    public void ContradictoryAssumptionsAcrossOptions() =>
        AssertBadInput(Run("expr", "simplify", "x", "--assume", "x>1", "--assume", "x<0"));

    [Fact]
    public void MalformedAssumeSyntaxNamesColumn() =>
        Assert.Contains("column", AssertBadInput(Run("expr", "latex", "x", "--assume", "x>1+")));

    // ---- --at ----

    [Theory]
    [InlineData("w")]
    [InlineData("w=")]
    [InlineData("w=pi/")]
    [InlineData("=1")]
    [InlineData("2w=1")]
    [InlineData("pi=3")]
    [InlineData("w=1,w=2")]
    [InlineData("w=x")]
    [InlineData("w=sqrt(-1)")]
    [InlineData("w=exp(1000)")]
    [InlineData("w=0.3,")]
    [InlineData("w=0.3;beta=2")]
    public void MalformedAt(string at)
    {
        var error = AssertBadInput(Run("expr", "eval", "w", "--at", at));
        Assert.StartsWith("error: --at", error);
    }

    [Fact]
    public void MalformedAtValueNamesColumn() =>
        Assert.Equal("error: --at value of 'w' ('pi/'): column 4: unexpected end of input, expected a number, "
            + "a name or '('",
            AssertBadInput(Run("expr", "eval", "w", "--at", "w=pi/")));

    [Fact]
    public void UnboundSymbol()
    {
        var error = AssertBadInput(Run("expr", "eval", "w*sinh(w)+beta", "--at", "w=0.3"));
        Assert.Contains("'beta'", error);
        Assert.DoesNotContain("'w'", error);
        Assert.Contains("'w', 'x'", AssertBadInput(Run("expr", "eval", "w*x")));
    }

    // ---- constants beyond the double range (once an internal error) ----

    [Theory]
    [InlineData("cos(acos(tan(1e400)))")]
    [InlineData("sign(log(1e-400))")]
    public void Simplify_of_extreme_constants_succeeds(string expr) =>
        AssertSuccess(Run("expr", "simplify", expr));

    [Fact]
    public void LogOfZeroInsideSignIsNotAnInternalError() =>
        Assert.Equal("sign(log(0))", AssertSuccess(Run("expr", "simplify", "sign(log(0))")).OutLine);

    // ---- internal errors ----

    private static void AddFailingCommand(System.CommandLine.RootCommand root,
        ImplicitBias.Cli.Infrastructure.CliContext _)
    {
        var boom = new System.CommandLine.Command("boom");
        boom.SetAction(
            new Func<System.CommandLine.ParseResult, int>(_ => throw new InvalidOperationException("kaboom")));
        root.Subcommands.Add(boom);
    }

    [Fact]
    public void InternalError_ExitCode3WithoutStackTrace()
    {
        var run = Run(debug: false, AddFailingCommand, "boom");
        Assert.Equal(ExitCodes.Internal, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal("error: internal: kaboom", run.Error.TrimEnd('\r', '\n'));
    }

    [Fact]
    public void InternalError_DebugShowsStackTrace()
    {
        var run = Run(debug: true, AddFailingCommand, "boom");
        Assert.Equal(ExitCodes.Internal, run.ExitCode);
        Assert.StartsWith("error: internal: kaboom", run.Error);
        Assert.Contains("   at ", run.Error);
        Assert.Contains(nameof(InvalidOperationException), run.Error);
    }

    [Fact]
    public void BadInputIsNotReportedAsInternal()
    {
        var run = Run(debug: false, (root, _) =>
        {
            var bad = new System.CommandLine.Command("bad");
            bad.SetAction(p => { Expr.Parse("w+"); });
            root.Subcommands.Add(bad);
        }, "bad");
        Assert.Equal("error: column 3: unexpected end of input, expected a number, a name or '('", AssertBadInput(run));
    }

    // ---- the public entry point ----

    [Fact]
    public void PublicRun_WritesToTheGivenWriters()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, CliApp.Run(["expr", "simplify", "w+w"], stdout, stderr));
        Assert.Equal("2*w" + Environment.NewLine, stdout.ToString());
        Assert.Equal("", stderr.ToString());

        stdout = new StringWriter();
        stderr = new StringWriter();
        Assert.Equal(2, CliApp.Run(["expr", "simplify", "w+"], stdout, stderr));
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("error: column 3:", stderr.ToString());
    }
}
