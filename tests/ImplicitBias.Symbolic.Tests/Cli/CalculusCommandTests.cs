using System.Text.Json;
using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary><c>ibias expr integrate</c> and <c>ibias expr solve</c>: output, JSON fields and errors.</summary>
public class CalculusCommandTests
{
    [Fact]
    public void Integrate_prints_the_antiderivative_and_how_it_was_certified()
    {
        var run = AssertSuccess(Run("expr", "integrate", "w*exp(w)", "--var", "w"));
        Assert.StartsWith("exp(w)*(w - 1)", run.Out);
        Assert.Contains("certified", run.Out);
    }

    [Fact]
    public void Integrate_json_has_the_contract_fields()
    {
        var json = AssertSuccess(Run("expr", "integrate", "1/w", "--var", "w", "--assume", "w>0", "--json")).Json();
        Assert.Equal("1/w", json.GetProperty("input").GetString());
        Assert.Equal("log(w)", json.GetProperty("result").GetString());
        Assert.True(json.GetProperty("closedForm").GetBoolean());
        Assert.Equal("table", json.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("value").ValueKind);
    }

    [Fact]
    public void Definite_integral_gives_a_value()
    {
        var json = AssertSuccess(Run("expr", "integrate", "1/w", "--var", "w", "--assume", "w>0", "--from", "1",
            "--to", "exp(1)", "--json")).Json();
        Assert.Equal(1.0, json.GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public void Without_a_closed_form_the_result_is_null_and_the_value_numeric()
    {
        var json = AssertSuccess(
            Run("expr", "integrate", "exp(w^3)", "--var", "w", "--from", "0", "--to", "1", "--json")).Json();
        Assert.Equal(JsonValueKind.Null, json.GetProperty("result").ValueKind);
        Assert.False(json.GetProperty("closedForm").GetBoolean());
        Assert.Equal("adaptive quadrature", json.GetProperty("method").GetString());
        Assert.Equal(1.3419044179774198, json.GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public void Parameters_are_bound_with_at_for_definite_integrals()
    {
        var json = AssertSuccess(Run("expr", "integrate", "beta*w", "--var", "w", "--from", "0", "--to", "2",
            "--at", "beta=3", "--json")).Json();
        Assert.Equal("beta*w^2/2", json.GetProperty("result").GetString());
        Assert.Equal(6.0, json.GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public void A_singular_definite_integral_is_an_error_not_a_wrong_number() =>
        Assert.Contains("diverges: a pole at w = 0",
            AssertBadInput(Run("expr", "integrate", "1/w", "--var", "w", "--from", "-1", "--to", "1")));

    [Fact]
    public void From_without_to_is_bad_input() =>
        AssertBadInput(Run("expr", "integrate", "w", "--var", "w", "--from", "0"));

    [Fact]
    public void Steps_print_the_tree_after_the_usual_output()
    {
        var plain = AssertSuccess(Run("expr", "integrate", "w*atan(w)", "--var", "w")).Out;
        var run = AssertSuccess(Run("expr", "integrate", "w*atan(w)", "--var", "w", "--steps"));
        string[] expected =
        [
            "w^2*atan(w)/2 - w/2 + atan(w)/2",
            "  (table, partial fractions, integration by parts; certified symbolically)",
            "integration by parts: ∫ w*atan(w) dw = w^2*atan(w)/2 - w/2 + atan(w)/2",
            "  table: ∫ w dw = w^2/2",
            "  partial fractions: ∫ w^2/(2*(1 + w^2)) dw = w/2 - atan(w)/2",
        ];
        Assert.Equal(expected, run.OutLine.Split(Environment.NewLine));
        Assert.StartsWith(plain, run.Out);
    }

    [Fact]
    public void Steps_in_a_new_variable_name_it_and_a_failed_branch_leaves_no_line()
    {
        // by parts integrates 1/w (a table entry) and fails; the substitution t1 = log(w) succeeds
        var run = AssertSuccess(Run("expr", "integrate", "log(w)/w", "--var", "w", "--assume", "w>0", "--steps"));
        string[] expected =
        [
            "log(w)^2/2",
            "  (substitution; certified symbolically)",
            "substitution: ∫ log(w)/w dw = log(w)^2/2",
            "  table: ∫ t1 dt1 = t1^2/2",
        ];
        Assert.Equal(expected, run.OutLine.Split(Environment.NewLine));
    }

    [Fact]
    public void Steps_json_nests_the_tree_and_keeps_every_other_field()
    {
        string[] args = ["expr", "integrate", "w*atan(w)", "--var", "w", "--json"];
        var plain = AssertSuccess(Run(args)).Json();
        var json = AssertSuccess(Run([.. args, "--steps"])).Json();
        Assert.False(plain.TryGetProperty("steps", out _));
        foreach (var field in plain.EnumerateObject())
            Assert.Equal(field.Value.ToString(), json.GetProperty(field.Name).ToString());
        var root = Assert.Single(json.GetProperty("steps").EnumerateArray());
        Assert.Equal("integration by parts", root.GetProperty("rule").GetString());
        Assert.Equal("w", root.GetProperty("variable").GetString());
        Assert.Equal("w*atan(w)", root.GetProperty("integrand").GetString());
        Assert.Equal("w^2*atan(w)/2 - w/2 + atan(w)/2", root.GetProperty("result").GetString());
        var substeps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["table", "partial fractions"], substeps.Select(s => s.GetProperty("rule").GetString()));
        Assert.Equal("w^2/(2*(1 + w^2))", substeps[1].GetProperty("integrand").GetString());
        Assert.Equal("w/2 - atan(w)/2", substeps[1].GetProperty("result").GetString());
        Assert.All(substeps, s => Assert.Empty(s.GetProperty("steps").EnumerateArray()));
    }

    [Fact]
    public void Without_a_closed_form_there_are_no_steps()
    {
        var run = AssertSuccess(Run("expr", "integrate", "exp(w^3)", "--var", "w", "--steps"));
        Assert.EndsWith("  (numeric)", run.OutLine);
        var json = AssertSuccess(Run("expr", "integrate", "exp(w^3)", "--var", "w", "--steps", "--json")).Json();
        Assert.Equal("adaptive quadrature", json.GetProperty("method").GetString());
        Assert.Empty(json.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public void Solve_picks_the_branch_of_the_domain()
    {
        var json = AssertSuccess(
            Run("expr", "solve", "w^2", "--var", "w", "--for", "x", "--assume", "w<0", "--json")).Json();
        Assert.Equal("-sqrt(x)", json.GetProperty("result").GetString());
        Assert.True(json.GetProperty("closedForm").GetBoolean());
        Assert.Equal("non-positive root", json.GetProperty("branch").GetString());
    }

    [Fact]
    public void Solve_plain_output_names_the_branch()
    {
        var run = AssertSuccess(Run("expr", "solve", "sin(w)", "--var", "w", "--for", "x", "--assume", "-pi/2<w<pi/2"));
        Assert.StartsWith("w = asin(x)", run.Out);
        Assert.Contains("principal asin", run.Out);
    }

    [Fact]
    public void Solve_without_a_closed_form_reports_a_numeric_inverse()
    {
        var json = AssertSuccess(Run("expr", "solve", "w^3+w", "--var", "w", "--for", "x", "--json")).Json();
        Assert.Equal(JsonValueKind.Null, json.GetProperty("result").ValueKind);
        Assert.False(json.GetProperty("closedForm").GetBoolean());
        Assert.StartsWith("numeric", json.GetProperty("branch").GetString());
    }

    [Fact]
    public void Solving_a_non_monotone_function_says_where_the_derivative_changes_sign()
    {
        var message = AssertBadInput(Run("expr", "solve", "w^2", "--var", "w", "--for", "x"));
        Assert.Contains("changes sign at w ≈ 0", message);
    }

    [Theory]
    [InlineData("expr", "solve", "w^2", "--var", "w")]
    [InlineData("expr", "solve", "w^2", "--var", "w", "--for", "w")]
    [InlineData("expr", "solve", "sin(", "--var", "w", "--for", "x")]
    [InlineData("expr", "integrate", "w", "--var", "2w")]
    [InlineData("expr", "integrate", "w", "--var", "w", "--from", "a", "--to", "1")]
    [InlineData("expr", "integrate", "sin(", "--var", "w", "--steps")]
    [InlineData("expr", "integrate", "w", "--var", "w", "--steps", "--json", "--from", "0")]
    public void Bad_calculus_input_is_reported(params string[] args) => AssertBadInput(Run(args));
}
