using System.Globalization;
using System.Text.Json;
using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Cli;

public class ExprCommandTests
{
    private static void AssertExprJson(JsonElement json, string input, string result)
    {
        Assert.Equal(["input", "result", "latex"], json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(input, json.GetProperty("input").GetString());
        Assert.Equal(result, json.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.String, json.GetProperty("latex").ValueKind);
        Assert.Equal(Expr.Parse(result).ToLatex(), json.GetProperty("latex").GetString());
    }

    // ---- simplify ----

    [Fact]
    public void Diff_of_a_huge_order_stops_at_zero_or_at_the_size_bound()
    {
        Assert.Equal("0", AssertSuccess(Run("expr", "diff", "w^3", "--var", "w", "--order", "1000000000")).Out.Trim());
        Assert.Contains("out of reach", AssertBadInput(Run("expr", "diff", "tan(w)", "--var", "w", "--order", "200")));
    }

    [Fact]
    public void Simplify_UsesAssumptions()
    {
        Assert.Equal("w", AssertSuccess(Run("expr", "simplify", "sqrt(w^2)", "--assume", "w>0")).OutLine);
        Assert.Equal("abs(w)", AssertSuccess(Run("expr", "simplify", "sqrt(w^2)")).OutLine);
    }

    [Theory]
    [InlineData("2^(x + 100000)", "2^(100000 + x)")] // used to recurse until the stack overflowed
    [InlineData("2^(x + 1/2)*2^(x - 1/2)", "2^(2*x)")]
    public void Simplify_PowersOfNumbersWithConstantExponents(string input, string printed) =>
        Assert.Equal(printed, AssertSuccess(Run("expr", "simplify", input)).OutLine);

    [Fact]
    public void Simplify_AcceptsRepeatedAndCommaSeparatedAssumptions()
    {
        Assert.Equal("beta*w",
            AssertSuccess(Run("expr", "simplify", "sqrt(w^2*beta^2)", "--assume", "w>0,beta>0")).OutLine);
        Assert.Equal("beta*w", AssertSuccess(
            Run("expr", "simplify", "sqrt(w^2*beta^2)", "--assume", "w>0", "--assume", "beta>0")).OutLine);
    }

    [Fact]
    public void Simplify_AcceptsIntervalAssumptionStartingWithMinus() =>
        AssertSuccess(Run("expr", "simplify", "sqrt(1-x^2)", "--assume", "-1<x<1"));

    [Theory]
    [InlineData("-w^2+2*w^2")]
    [InlineData("--", "-w^2+2*w^2")]
    public void Simplify_AcceptsExpressionStartingWithMinus(params string[] expr) =>
        Assert.Equal("w^2", AssertSuccess(Run(["expr", "simplify", .. expr])).OutLine);

    [Fact]
    public void Simplify_Json()
    {
        var json = AssertSuccess(Run("expr", "simplify", "sqrt(w^2)", "--json")).Json();
        AssertExprJson(json, "sqrt(w^2)", "abs(w)");
        Assert.Equal("\\left|w\\right|", json.GetProperty("latex").GetString());
    }

    [Fact]
    public void Simplify_JsonKeepsOperatorsReadable()
    {
        var run = AssertSuccess(Run("expr", "simplify", "a+b", "--json"));
        Assert.Contains("\"a+b\"", run.Out);
        AssertExprJson(run.Json(), "a+b", "a + b");
    }

    // ---- diff ----

    [Fact]
    public void Diff_Plain() =>
        Assert.Equal("w*cosh(w) + sinh(w)", AssertSuccess(Run("expr", "diff", "w*sinh(w)", "--var", "w")).OutLine);

    [Fact]
    public void Diff_Json() =>
        AssertExprJson(AssertSuccess(Run("expr", "diff", "w*sinh(w)", "--var", "w", "--json")).Json(),
            "w*sinh(w)", "w*cosh(w) + sinh(w)");

    [Fact]
    public void Diff_Order()
    {
        Assert.Equal("w*cosh(w) + 3*sinh(w)",
            AssertSuccess(Run("expr", "diff", "w*sinh(w)", "--var", "w", "--order", "3")).OutLine);
        Assert.Equal("beta*sinh(w/beta)",
            AssertSuccess(Run("expr", "diff", "beta*sinh(w/beta)", "--var", "w", "--order", "0")).OutLine);
    }

    [Fact]
    public void Diff_MatchesLibrary()
    {
        var expected = Expr.Parse("beta*sinh(w/beta)").Differentiate("w", 2).ToString();
        Assert.Equal(expected,
            AssertSuccess(Run("expr", "diff", "beta*sinh(w/beta)", "--var", "w", "--order", "2")).OutLine);
    }

    [Theory]
    [InlineData("together", "x/(1+x) + 1/(1-x)", "(1 + 2*x - x^2)/((1 - x)*(1 + x))")]
    [InlineData("cancel", "(x^2-a^2)/(x-a)", "a + x")]
    [InlineData("factor", "x^4-1", "(x - 1)*(1 + x)*(1 + x^2)")]
    [InlineData("expand", "(w+1)^2", "1 + 2*w + w^2")]
    public void Rational_forms_print_their_form(string form, string input, string expected) =>
        Assert.Equal(expected, AssertSuccess(Run("expr", form, input)).OutLine);

    [Fact]
    public void Apart_takes_its_variable_and_keeps_parameters()
    {
        Assert.Equal("-1/(2*a*(a - x)) - 1/(2*a*(a + x))",
            AssertSuccess(Run("expr", "apart", "1/(x^2-a^2)", "--var", "x")).OutLine);
        var json = AssertSuccess(Run("expr", "apart", "1/(x*(x+1))", "--var", "x", "--json")).Out;
        Assert.Contains("\"result\":\"1/x - 1/(1 + x)\"", json);
        Assert.Equal(2, Run("expr", "apart", "1/(x^2-1)").ExitCode);
    }

    [Fact]
    public void Diff_UsesAssumptions()
    {
        Assert.Equal("1", AssertSuccess(Run("expr", "diff", "sqrt(w^2)", "--var", "w", "--assume", "w>0")).OutLine);
        Assert.Equal("sign(w)", AssertSuccess(Run("expr", "diff", "sqrt(w^2)", "--var", "w")).OutLine);
    }

    [Fact]
    public void Diff_ByAbsentVariableIsZero() =>
        Assert.Equal("0", AssertSuccess(Run("expr", "diff", "beta*sinh(w/beta)", "--var", "x")).OutLine);

    // ---- eval ----

    private static double PlainValue(CliRun run) =>
        double.Parse(AssertSuccess(run).OutLine, CultureInfo.InvariantCulture);

    [Fact]
    public void Eval_Plain() =>
        Assert.Equal(0.3 * Math.Sinh(0.3) + 2,
            PlainValue(Run("expr", "eval", "w*sinh(w)+beta", "--at", "w=0.3,beta=2")), 1e-15);

    [Fact]
    public void Eval_ValuesMayBeExpressions() =>
        Assert.Equal(Math.Sqrt(0.5), PlainValue(Run("expr", "eval", "sin(w)", "--at", "w = pi/4")), 1e-15);

    [Fact]
    public void Eval_RepeatedAtAndNegativeValues() =>
        Assert.Equal(-2 * Math.Exp(-1),
            PlainValue(Run("expr", "eval", "beta*w", "--at", "w=-2", "--at", "beta=exp(-1)")), 1e-15);

    [Fact]
    public void Eval_ExtraBindingsAreIgnored() =>
        Assert.Equal(2, PlainValue(Run("expr", "eval", "w", "--at", "w=2,unused=5")));

    [Fact]
    public void Eval_ConstantNeedsNoAt() =>
        Assert.Equal(Math.PI / 4, PlainValue(Run("expr", "eval", "pi/4")));

    [Fact]
    public void Eval_Json()
    {
        var json = AssertSuccess(Run("expr", "eval", "w*sinh(w)+beta", "--at", "w=0.3,beta=2", "--json")).Json();
        Assert.Equal(["input", "value"], json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("w*sinh(w)+beta", json.GetProperty("input").GetString());
        Assert.Equal(0.3 * Math.Sinh(0.3) + 2, json.GetProperty("value").GetDouble(), 1e-15);
    }

    [Fact]
    public void Eval_JsonRoundTripsTheDouble()
    {
        var plain = PlainValue(Run("expr", "eval", "pi/3"));
        var json = AssertSuccess(Run("expr", "eval", "pi/3", "--json")).Json();
        Assert.Equal(Math.PI / 3, plain);
        Assert.Equal(Math.PI / 3, json.GetProperty("value").GetDouble());
    }

    [Theory]
    [InlineData("log(w)", "w=-1", "NaN")]
    [InlineData("log(w)", "w=0", "-Infinity")]
    [InlineData("exp(w)", "w=1000", "Infinity")]
    public void Eval_NonFinitePlain(string expr, string at, string expected) =>
        Assert.Equal(expected, AssertSuccess(Run("expr", "eval", expr, "--at", at)).OutLine);

    [Theory]
    [InlineData("log(w)", "w=-1", "NaN")]
    [InlineData("log(w)", "w=0", "-Infinity")]
    [InlineData("exp(w)", "w=1000", "+Infinity")]
    public void Eval_NonFiniteJsonIsNullWithNote(string expr, string at, string notePrefix)
    {
        var json = AssertSuccess(Run("expr", "eval", expr, "--at", at, "--json")).Json();
        Assert.Equal(["input", "value", "note"], json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("value").ValueKind);
        Assert.StartsWith(notePrefix + ":", json.GetProperty("note").GetString());
    }

    // ---- latex ----

    [Fact]
    public void Latex_Plain() =>
        Assert.Equal(Expr.Parse("beta*sinh(w/beta)").ToLatex(),
            AssertSuccess(Run("expr", "latex", "beta*sinh(w/beta)")).OutLine);

    [Fact]
    public void Latex_SimplifiesUnderAssumptions()
    {
        Assert.Equal("1", AssertSuccess(Run("expr", "latex", "sqrt(w^2)/w", "--assume", "w>0")).OutLine);
        Assert.Equal(Expr.Parse("sqrt(w^2)/w").ToLatex(),
            AssertSuccess(Run("expr", "latex", "sqrt(w^2)/w", "--no-simplify")).OutLine);
    }

    [Fact]
    public void Latex_Json()
    {
        var json = AssertSuccess(Run("expr", "latex", "sqrt(w^2)", "--json")).Json();
        AssertExprJson(json, "sqrt(w^2)", "abs(w)");
    }

    [Fact]
    public void Latex_JsonAgreesWithSimplifyJson()
    {
        var latex = AssertSuccess(Run("expr", "latex", "exp(log(w))", "--assume", "w>0", "--json")).Out;
        var simplify = AssertSuccess(Run("expr", "simplify", "exp(log(w))", "--assume", "w>0", "--json")).Out;
        Assert.Equal(simplify, latex);
    }

    // ---- help ----

    [Fact]
    public void Help_ListsCommandsAndExitsZero()
    {
        var root = AssertSuccess(Run("--help"));
        Assert.Contains("expr", root.Out);
        var expr = AssertSuccess(Run("expr", "--help"));
        foreach (var name in new[] { "simplify", "diff", "eval", "latex" }) Assert.Contains(name, expr.Out);
        var diff = AssertSuccess(Run("expr", "diff", "--help"));
        Assert.Contains("--var", diff.Out);
        Assert.Contains("--order", diff.Out);
    }
}
