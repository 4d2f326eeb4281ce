using ImplicitBias.Symbolic.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace ImplicitBias.Symbolic.Tests.Interactive;

/// <summary>Notebook rendering: after registration, the toolkit's values display as LaTeX.</summary>
public class NotebookFormatterTests
{
    public NotebookFormatterTests() => NotebookFormatters.Register();

    private static string Latex(object value) => value.ToDisplayString(NotebookFormatters.LatexMimeType);

    private static bool BracesBalance(string latex)
    {
        int depth = 0;
        for (int i = 0; i < latex.Length; i++)
        {
            if (latex[i] == '\\') { i++; continue; } // \{ and \} are literal braces
            depth += latex[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth < 0) return false;
        }
        return depth == 0;
    }

    [Theory]
    [InlineData("w*sinh(w) + log(1 + w^2)")]
    [InlineData("sqrt(x)/2")]
    [InlineData("exp(-x^2)")]
    public void Expressions_display_as_their_LaTeX_in_display_math(string text)
    {
        var e = Expr.Parse(text);
        Assert.Equal($"$${e.ToLatex()}$$", Latex(e));
    }

    [Fact]
    public void LaTeX_is_the_preferred_display_of_every_rendered_type()
    {
        foreach (var type in new[]
                 { typeof(Expr), typeof(Reparametrization), typeof(Derivation), typeof(DesignResult) })
            Assert.Contains(NotebookFormatters.LatexMimeType, Formatter.GetPreferredMimeTypesFor(type));
    }

    [Fact]
    public void A_reparametrization_shows_rho_its_domain_and_its_parameter_values()
    {
        var r = Reparametrization.Parse("beta*sinh(w/beta)", domain: "(0,inf)",
            parameters: new Dictionary<string, double> { ["beta"] = 2 });
        var latex = Latex(r);
        Assert.StartsWith(@"$$\rho(w) = ", latex);
        Assert.Contains(r.Rho.ToLatex(), latex);
        Assert.Contains(@"w \in (0, \infty)", latex);
        Assert.True(BracesBalance(latex), latex);
    }

    [Fact]
    public void A_derivation_shows_the_chain_the_image_and_every_condition()
    {
        var d = Reparametrization.Parse("w^2", domain: "(0,inf)").Derive();
        var latex = Latex(d);
        Assert.StartsWith(@"\begin{align*}", latex);
        Assert.EndsWith(@"\end{align*}" + Environment.NewLine, latex);
        Assert.Contains(d.Potential!.Expression!.ToLatex(), latex);
        Assert.Contains(d.MirrorMap!.Expression!.ToLatex(), latex);
        Assert.Contains(@"\text{image} &= (0, \infty)", latex);
        foreach (var c in d.Conditions)
            Assert.Contains($@"&: \text{{{c.Status.ToString().ToLowerInvariant()}}}", latex);
        Assert.Equal(d.Conditions.Count, latex.Split(@"&: \text{").Length - 1);
        Assert.True(BracesBalance(latex), latex);
    }

    [Fact]
    public void Chain_notation_is_LaTeX_not_unicode()
    {
        var latex = Latex(Reparametrization.Parse("w^3 + w").Derive()); // parametric: the forms carry "w = ρ⁻¹(x)"
        foreach (var symbol in new[] { "Φ", "ψ", "ρ", "⁻¹", "″", "′" })
            Assert.DoesNotContain(symbol, latex);
        Assert.Contains(@"\Phi^{-1}(z)", latex);
        Assert.Contains(@"\right|_{w = \rho^{-1}(x)}", latex);
        Assert.Contains(@"coercivity at x $\to$ $\infty$", latex);
        Assert.Contains(@"coercivity at x $\to$ $-\infty$", latex); // U+2212 in the name, ASCII in \text{}
    }

    [Fact]
    public void The_two_variable_form_shows_both_variables_and_their_initial_values()
    {
        var r = Reparametrization.Parse("w^2", domain: "(0,inf)").Difference(0.5, 0.5);
        var expected = @"x = \rho(u) - \rho(v),\quad u_0 = " + Expr.Decimal(0.5).ToLatex();
        Assert.StartsWith("$$" + expected, Latex(r));
        Assert.Contains(expected.Replace("x = ", "x &= "), Latex(r.Derive()));
    }

    [Fact]
    public void A_design_shows_the_wanted_potential_and_the_designed_rho()
    {
        var design = PotentialDesign.Design("x*log(x) - x", domain: "(0,inf)");
        var latex = Latex(design);
        Assert.Contains(design.Potential.ToLatex(), latex);
        Assert.Contains(@"\Longrightarrow\; \rho(w) = " + design.Reparametrization!.ToLatex(), latex);
        Assert.DoesNotContain("not verified", latex);
        Assert.True(BracesBalance(latex), latex);
    }

    [Fact]
    public void Registering_twice_changes_nothing()
    {
        var e = Expr.Parse("x^2");
        var before = Latex(e);
        NotebookFormatters.Register();
        Assert.Equal(before, Latex(e));
    }
}
