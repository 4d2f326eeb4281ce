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
        var json = AssertSuccess(Run("expr", "integrate", "1/w", "--var", "w", "--assume", "w>0", "--from", "1", "--to", "exp(1)", "--json")).Json();
        Assert.Equal(1.0, json.GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public void Without_a_closed_form_the_result_is_null_and_the_value_numeric()
    {
        var json = AssertSuccess(Run("expr", "integrate", "exp(w^3)", "--var", "w", "--from", "0", "--to", "1", "--json")).Json();
        Assert.Equal(JsonValueKind.Null, json.GetProperty("result").ValueKind);
        Assert.False(json.GetProperty("closedForm").GetBoolean());
        Assert.Equal("adaptive quadrature", json.GetProperty("method").GetString());
        Assert.Equal(1.3419044179774198, json.GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public void Parameters_are_bound_with_at_for_definite_integrals()
    {
        var json = AssertSuccess(Run("expr", "integrate", "beta*w", "--var", "w", "--from", "0", "--to", "2", "--at", "beta=3", "--json")).Json();
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
    public void Solve_picks_the_branch_of_the_domain()
    {
        var json = AssertSuccess(Run("expr", "solve", "w^2", "--var", "w", "--for", "x", "--assume", "w<0", "--json")).Json();
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
    public void Bad_calculus_input_is_reported(params string[] args) => AssertBadInput(Run(args));
}
