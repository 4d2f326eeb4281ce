using System.Text.Json;
using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary><c>ibias analyze</c> and <c>ibias design</c>: the JSON contract, tables, catalog and errors.</summary>
public class BiasCommandTests
{
    private static readonly string[] ChainFields =
        ["derivative", "dualCoordinate", "dualInverse", "mirrorMap", "inverseMirrorMap", "metric", "potential",
            "conjugate", "potentialOfW"];

    [Fact]
    public void Analyze_json_has_every_contract_field()
    {
        var json = AssertSuccess(Run("analyze", "sinh(w)", "--at", "0.5,1,2", "--json")).Json();
        Assert.Equal("sinh(w)", json.GetProperty("rho").GetString());
        Assert.Equal("w", json.GetProperty("variable").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("domain").GetProperty("lo").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("image").GetProperty("hi").ValueKind);
        foreach (var field in ChainFields) Assert.True(json.TryGetProperty(field, out _), field);
        Assert.Equal("x*atan(x) - log(1 + x^2)/2", json.GetProperty("potential").GetString());
        Assert.Equal("explicit", json.GetProperty("form").GetString());
        var conditions = json.GetProperty("conditions").EnumerateArray().ToList();
        Assert.Contains(conditions, c => c.GetProperty("name").GetString() == "strict monotonicity"
            && c.GetProperty("status").GetString() == "holds");
        Assert.All(conditions, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("reason").GetString())));
        Assert.True(json.GetProperty("seconds").GetDouble() > 0);
        Assert.False(json.TryGetProperty("firstSeconds", out _));
    }

    [Fact]
    public void Values_give_exact_bregman_divergences()
    {
        var json = AssertSuccess(Run("analyze", "w^2", "--domain", "(0,inf)", "--at", "0.36,1.21", "--json")).Json();
        var values = json.GetProperty("values").EnumerateArray().ToList();
        double F(int i, string k) => values[i].GetProperty(k).GetDouble();
        // D_f(x1, x0) from the catalog: 0.10339555535734324 for x1 = 0.36, x0 = 1.21
        double bregman = F(0, "f") - F(1, "f") - F(1, "df") * (F(0, "x") - F(1, "x"));
        Assert.Equal(0.10339555535734324, bregman, 12);
        Assert.Equal(1 / (4 * 0.36), F(0, "d2f"), 12);
    }

    [Fact]
    public void Parameters_domains_and_pi_expressions()
    {
        var json = AssertSuccess(Run("analyze", "beta*sinh(w/beta)", "--param", "beta=0.25", "--json")).Json();
        Assert.Equal("x*atan(4*x)/4 - log(1 + 16*x^2)/32", json.GetProperty("potential").GetString());
        var tan = AssertSuccess(Run("analyze", "tan(w)", "--domain", "(-pi/2,pi/2)", "--json")).Json();
        Assert.Equal(-Math.PI / 2, tan.GetProperty("domain").GetProperty("lo").GetDouble(), 15);
        Assert.Contains(tan.GetProperty("conditions").EnumerateArray(),
            c => c.GetProperty("name").GetString() == "coercivity at x → ∞"
                && c.GetProperty("status").GetString() == "fails");
    }

    [Fact]
    public void A_domain_may_depend_on_a_parameter()
    {
        var json = AssertSuccess(Run("analyze", "beta*tan(w/beta)", "--domain", "(-beta*pi/2, beta*pi/2)",
            "--assume", "beta>0", "--json")).Json();
        Assert.Equal("(-pi*beta/2, pi*beta/2)", json.GetProperty("domainText").GetString());
        Assert.Equal("beta^4/(beta^2 + x^2)^2", json.GetProperty("metric").GetString());
        Assert.Equal("beta*x*atan(x/beta)/2", json.GetProperty("potential").GetString());
        var error = AssertBadInput(Run("analyze", "beta*tan(w/beta)", "--domain", "(-beta*pi/2, beta*pi/2)"));
        Assert.Contains("beta>0", error);
    }

    [Fact]
    public void Repeat_reports_warm_median_and_cold_first_run()
    {
        var json = AssertSuccess(Run("analyze", "exp(w)", "--repeat", "4", "--json")).Json();
        Assert.True(json.GetProperty("firstSeconds").GetDouble() > 0);
        Assert.True(json.GetProperty("seconds").GetDouble() > 0);
    }

    [Fact]
    public void Parametric_case_has_null_explicit_fields_and_the_formula_in_w()
    {
        var json = AssertSuccess(Run("analyze", "w^3+w", "--at", "2", "--json")).Json();
        Assert.Equal("parametric", json.GetProperty("form").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("potential").ValueKind);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("potentialOfW").GetString()));
        var value = json.GetProperty("values")[0];
        Assert.Equal(1.0 / 16, value.GetProperty("d2f").GetDouble(), 12); // ρ(1) = 2, ρ′(1) = 4
    }

    [Fact]
    public void A_turning_point_is_reported_not_an_error()
    {
        var json = AssertSuccess(Run("analyze", "w^2", "--json")).Json();
        var monotone = json.GetProperty("conditions").EnumerateArray().First();
        Assert.Equal("fails", monotone.GetProperty("status").GetString());
        Assert.Contains("w = 0", monotone.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("potential").ValueKind);
    }

    [Fact]
    public void Plain_output_is_a_table_and_latex_an_align_environment()
    {
        var table = AssertSuccess(Run("analyze", "exp(w)")).Out;
        Assert.Contains("f(x)", table);
        Assert.Contains("-log(x)", table);
        Assert.Contains("conditions", table);
        var latex = AssertSuccess(Run("analyze", "exp(w)", "--latex")).Out;
        Assert.Contains(@"\begin{align*}", latex);
        Assert.Contains(@"\rho'(w) &= e^{w}", latex);
        Assert.EndsWith(@"\end{align*}" + Environment.NewLine, latex);
        Assert.DoesNotContain(@"\\" + Environment.NewLine + @"\end{align*}", latex); // no break after the last row
    }

    /// <summary>Text output that names derivatives: ρ′, f′ and f″ with the prime characters, never ' or ''.</summary>
    public static TheoryData<string[], string[]> PrimedOutputs => new()
    {
        { ["analyze", "sinh(w)", "--at", "0.5"], ["ρ′(w)", "f′(x)", "f″(x)", "ρ′(w) = cosh(w) > 0"] },
        { ["analyze", "w^3+w", "--at", "2"], ["ρ′(w)", "f′(x)", "f″(x)"] },
        { ["design", "x*atan(x) - log(1+x^2)/2"], ["f″(x) = 1/(1 + x^2)", "f″ > 0: holds"] },
    };

    [Theory]
    [MemberData(nameof(PrimedOutputs))]
    public void Text_output_writes_one_prime_style(string[] args, string[] fragments)
    {
        var run = AssertSuccess(Run(args));
        foreach (var fragment in fragments) Assert.Contains(fragment, run.Out);
        Assert.DoesNotContain("'", run.Out);
    }

    [Fact]
    public void Without_rho_the_catalog_is_listed()
    {
        var json = AssertSuccess(Run("analyze", "--json")).Out;
        using var doc = JsonDocument.Parse(json);
        var names = doc.RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains("sinh", names);
        Assert.Contains("tanh", names);
        Assert.Contains("softplus", AssertSuccess(Run("analyze")).Out);
    }

    [Fact]
    public void Design_json_has_the_contract_fields()
    {
        var json = AssertSuccess(Run("design", "x*atan(x) - log(1+x^2)/2", "--json")).Json();
        Assert.Equal("1/(1 + x^2)", json.GetProperty("metric").GetString());
        Assert.Equal("sinh(w)", json.GetProperty("reparametrization").GetString());
        Assert.Equal("asinh(x)", json.GetProperty("inverseReparametrization").GetString());
        Assert.Equal("explicit", json.GetProperty("form").GetString());
        Assert.True(json.GetProperty("verified").GetBoolean());
        Assert.Equal("holds", json.GetProperty("convexity").GetProperty("status").GetString());
    }

    [Fact]
    public void Design_of_the_true_huber_function_is_not_verified()
    {
        var run = AssertSuccess(
            Run("design", "x^2/2*(1 - (1+sign(abs(x)-1))/2) + (abs(x) - 1/2)*(1 + sign(abs(x)-1))/2"));
        Assert.Contains("f″ > 0: fails", run.Out);
        Assert.Contains("verified: no", run.Out);
        Assert.DoesNotContain("verified: yes", run.Out);
    }

    [Fact]
    public void Design_of_x_to_the_p_is_explicit_with_a_symbolic_exponent()
    {
        var run = AssertSuccess(Run("design", "x^p", "--domain", "(0,inf)", "--assume", "p>1"));
        Assert.Contains("ρ(w) = (sqrt(p)*w/(2*sqrt(p - 1)))^(2/p)", run.Out);
        Assert.Contains("form: explicit; verified: yes", run.Out);
    }

    [Fact]
    public void Design_of_an_lp_potential()
    {
        var run = AssertSuccess(Run("design", "p*x^p/(4*(p-1))", "--domain", "(0,inf)", "--param", "p=1.5"));
        Assert.Contains("ρ(w) = w^(4/3)", run.Out);
        Assert.Contains("verified: yes", run.Out);
    }

    [Theory]
    [InlineData("analyze", "sinh(w", "--json")]
    [InlineData("analyze", "sinh(w)", "--domain", "(0,")]
    [InlineData("analyze", "sinh(w)", "--domain", "(1,0)")]
    [InlineData("analyze", "sinh(w)", "--repeat", "0")]
    [InlineData("analyze", "sinh(w)", "--at", "abc")]
    [InlineData("analyze", "tanh(w)", "--at", "2")]
    [InlineData("analyze", "beta", "--json")]
    [InlineData("design", "sin(x)")]
    [InlineData("design", "x^2", "--domain", "[")]
    public void Bad_bias_input_is_reported(params string[] args) => AssertBadInput(Run(args));
}
