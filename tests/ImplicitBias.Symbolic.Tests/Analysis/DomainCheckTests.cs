using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Analysis;

/// <summary>
/// A reparametrization must be real and finite on its whole domain: the error names the trouble nearest 0 and the
/// domain to use instead; a removable point is not an error.
/// </summary>
public class DomainCheckTests
{
    [Theory]
    [InlineData("1/w", "(-inf,inf)", "a pole at w = 0", "(0,inf)")]
    [InlineData("tan(w)", "(-inf,inf)", "a pole at w = pi/2", "(-pi/2,pi/2)")]
    [InlineData("tan(w)", "(0,3)", "a pole at w = pi/2", "(0,pi/2)")]
    [InlineData("sqrt(w)", "(-inf,inf)", "the edge of its domain at w = 0", "(0,inf)")]
    [InlineData("asin(w)", "(-inf,inf)", "the edge of its domain at w = 1", "(-1,1)")]
    [InlineData("acosh(w)", "(-inf,inf)", "the edge of its domain at w = 1", "(1,inf)")]
    [InlineData("w - 1/w", "(-inf,inf)", "a pole at w = 0", "(0,inf)")]
    [InlineData("sinh(1/w)", "(-inf,inf)", "a pole at w = 0", "(0,inf)")]
    [InlineData("log(w)", "(-inf,inf)", "a pole at w = 0", "(0,inf)")]
    [InlineData("atanh(w)", "(-2,2)", "a pole at w = 1", "(-1,1)")]
    [InlineData("1/(w^2 - 2*w + 1)", "(0,3)", "a pole at w = 1", "(0,1)")]
    public void A_rho_undefined_inside_its_domain_is_rejected_with_a_suggestion(string rho, string domain,
        string problem, string suggestion)
    {
        var error = Assert.ThrowsAny<SymbolicException>(() => Reparametrization.Parse(rho, domain: domain).Derive());
        Assert.Contains(problem, error.Message);
        Assert.EndsWith($"use --domain \"{suggestion}\"", error.Message);
    }

    [Theory]
    [InlineData("w*log(abs(w))", "(-inf,inf)")] // removable at 0
    [InlineData("tan(w)", "(-pi/2,pi/2)")] // poles at the ends only
    [InlineData("sqrt(w)", "(0,inf)")]
    [InlineData("sinh(w)", "(-inf,inf)")]
    public void A_rho_defined_on_its_open_domain_is_accepted(string rho, string domain) =>
        Reparametrization.Parse(rho, domain: domain).RequireDefined();

    [Fact]
    public void A_rho_real_everywhere_that_leaves_double_range_is_rejected_as_an_overflow()
    {
        var rho = Reparametrization.Parse("exp(exp(exp(exp(exp(w)))))");
        var error = Assert.ThrowsAny<SymbolicException>(rho.RequireDefined);
        Assert.Contains("overflows double precision at w = 0", error.Message);
        Reparametrization.Parse("exp(exp(exp(exp(exp(w)))))", domain: "(-5,-4)").RequireDefined();
    }

    [Theory]
    [InlineData("w>1", "(0,inf)", 1, double.PositiveInfinity)]
    [InlineData("w>0", "(-inf,inf)", 0, double.PositiveInfinity)]
    [InlineData("-1<w<1", "(0,2)", 0, 1)]
    public void An_assumption_on_the_variable_narrows_the_domain(string assume, string domain, double lo, double hi)
    {
        var r = Reparametrization.Create(Expr.Parse("w^2"), "w", DomainText.Parse(domain), null,
            Assumptions.Parse(assume));
        Assert.Equal((lo, hi), (r.Domain.Lo, r.Domain.Hi));
    }

    [Fact]
    public void An_assumption_that_contradicts_the_domain_is_bad_input()
    {
        var error = AssertBadInput(Run("analyze", "w^2", "--domain", "(0,inf)", "--assume", "w<0"));
        Assert.Contains("leaves no values in the domain (0, inf)", error);
    }

    [Theory]
    [InlineData("analyze 1/w")]
    [InlineData("analyze tan(w)")]
    [InlineData("verify tan(w) --m 5 --n 30")]
    [InlineData("plot tan(w) --out never-written.svg")]
    public void The_commands_exit_2_naming_the_point(string command)
    {
        var error = AssertBadInput(Run(command.Split(' ')));
        Assert.Contains("use --domain", error);
    }
}
