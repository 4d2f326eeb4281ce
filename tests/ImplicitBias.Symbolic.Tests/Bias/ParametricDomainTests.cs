namespace ImplicitBias.Symbolic.Tests.Bias;

/// <summary>
/// Domains whose ends depend on parameters: w = a + s·t with s &gt; 0 proven, the chain derived in t and mapped back
/// (f″, f′, f scale by s², ψ(z) = ψ̃(z/s²)). Each derived form is checked against the same ρ with the parameter bound.
/// </summary>
public class ParametricDomainTests
{
    // ρ, domain, assumption, the metric and potential with the parameter symbolic
    public static TheoryData<string, string, string, string, string> Families() => new()
    {
        { "beta*tan(w/beta)", "(-beta*pi/2, beta*pi/2)", "beta>0", "beta^4/(beta^2 + x^2)^2", "beta*x*atan(x/beta)/2" },
        { "sinh(w/c)", "(c, inf)", "c>0", "c^2/(1 + x^2)", "c^2*(2*x*atan(x) - log(1 + x^2))/2" },
        { "tan(w/beta)", "(-beta*pi/2, beta*pi/2)", "beta>0", "beta^2/(1 + x^2)^2", "beta^2*x*atan(x)/2" },
        { "log(w - a)", "(a, a + 1)", "a>0", "exp(2*x)", "exp(2*x)/4" },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void The_chain_is_symbolic_in_the_parameter(string rho, string domain, string assume, string metric,
        string potential)
    {
        var d = Reparametrization.Parse(rho, domain: domain, assumptions: [assume]).Derive();
        Assert.NotNull(d.Reparametrization.ParametricDomain);
        // x carries the image as its domain; the expected forms hold on the whole line
        var x = Expr.Var("x");
        Assert.True((Expr.Parse(metric, assume) - d.Metric!.Expression!.Substitute("x", x)).IsIdenticallyZero(),
            $"{d.Metric.Expression}");
        // the potential is defined up to an affine function: compare f″
        var f = d.Potential!.Expression!.Substitute("x", x);
        var difference = (Expr.Parse(potential, assume) - f).Differentiate("x").Differentiate("x");
        Assert.True(difference.IsIdenticallyZero(), $"{f}");
        Assert.Equal(ConditionStatus.Holds, d.Conditions[0].Status);
        Assert.Throws<EvaluationException>(() => d.Metric.Evaluate(0.5));
    }

    public static TheoryData<string, string, string> Bindings() => new()
    {
        { "beta*tan(w/beta)", "(-beta*pi/2, beta*pi/2)", "beta>0" },
        { "sinh(w/c)", "(c, inf)", "c>0" },
        { "log(w - a)", "(a, a + 1)", "a>0" },
    };

    [Theory]
    [MemberData(nameof(Bindings))]
    public void Binding_the_parameter_gives_the_constant_domain_derivation(string rho, string domain, string assume)
    {
        var name = assume[..assume.IndexOf('>')];
        var symbolic = Reparametrization.Parse(rho, domain: domain, assumptions: [assume]).Derive();
        var bound = Reparametrization.Parse(rho, domain: domain, parameters: new Dictionary<string, double>
        {
            [name] = 0.7,
        }).Derive();
        Assert.Null(bound.Reparametrization.ParametricDomain);
        var value = new Dictionary<string, Expr> { [name] = Expr.Decimal(0.7) };
        var checks = new[] { (symbolic.Metric!, 0.3), (symbolic.MirrorMap!, 0.3), (symbolic.Potential!, 0.6) };
        foreach (var (of, x) in checks)
        {
            var other = bound.Chain.First(c => c.Name == of.Name);
            double at = bound.Image.Contains(x) ? x : bound.Image.Lo + 0.5;
            Assert.Equal(other.Evaluate(at), of.Expression!.Substitute(value).Evaluate(of.Argument, at), 9);
        }
    }

    [Fact]
    public void Conditions_say_in_which_variable_they_were_decided()
    {
        var d = Reparametrization.Parse("beta*tan(w/beta)", domain: "(-beta*pi/2, beta*pi/2)",
            assumptions: ["beta>0"]).Derive();
        Assert.StartsWith("for ρ(beta*t) = beta*tan(t), t ∈ (-pi/2,pi/2): ", d.Conditions[0].Reason);
        Assert.Equal("(-pi*beta/2, pi*beta/2)", d.Reparametrization.DomainDescription);
    }

    // domain, assumptions, a fragment of the error
    [Theory]
    [InlineData("(-beta*pi/2, beta*pi/2)", "", "fix the sign of the scale")]
    [InlineData("(-c, c)", "beta>0", "'c', which is not a parameter")]
    [InlineData("(beta, beta^2)", "beta>1", "not a positive multiple")]
    public void Domains_that_cannot_be_normalized_are_reported(string domain, string assume, string fragment)
    {
        var error = Assert.ThrowsAny<SymbolicException>(() => Reparametrization.Parse("beta*tan(w/beta)",
            domain: domain, assumptions: assume.Length == 0 ? [] : [assume]));
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void The_two_variable_form_needs_a_constant_domain()
    {
        var r = Reparametrization.Parse("sinh(w/c)", domain: "(0, c)", assumptions: ["c>0"]);
        Assert.ThrowsAny<SymbolicException>(() => r.Difference(Expr.Decimal(0.1), Expr.Decimal(0.1)));
    }
}
