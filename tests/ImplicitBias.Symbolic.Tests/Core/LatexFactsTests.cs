using System.Globalization;

namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>
/// The LaTeX rules, as a table of facts (expression text → exact LaTeX): juxtaposition, e^{…} for short exponents,
/// one fraction per quotient, ASCII-safe text, π and ∞ at interval ends.
/// </summary>
public class LatexFactsTests
{
    [Theory]
    // factors side by side: a coefficient or symbol beside a function or a symbol
    [InlineData("2*x", @"2 x")]
    [InlineData("x*y", @"x y")]
    [InlineData("-3*x*y", @"-3 x y")]
    [InlineData("x*sinh(x)", @"x \sinh\left(x\right)")]
    [InlineData("beta*sinh(w/beta)", @"\beta \sinh\left(\frac{w}{\beta}\right)")]
    [InlineData("sin(x)*cos(x)", @"\sin\left(x\right) \cos\left(x\right)")]
    [InlineData("pi*x", @"\pi x")]
    [InlineData("2*pi", @"2 \pi")]
    [InlineData("2*sqrt(2)*x", @"2 \sqrt{2} x")]
    [InlineData("x*(1 + x)", @"x \left(1 + x\right)")]
    [InlineData("(1 + x)*(2 + x)", @"\left(1 + x\right) \left(2 + x\right)")]
    [InlineData("2.5d*x", @"2.5 x")]
    [InlineData("1e-5d*x", @"1 \times 10^{-5} x")]
    // \cdot before a factor that starts with a digit: number times number, or after another factor
    [InlineData("2*3^x", @"2 \cdot 3^{x}")]
    [InlineData("2*x*3^x", @"2 \cdot 3^{x} x")]
    [InlineData("sqrt(2)*3^x", @"\sqrt{2} \cdot 3^{x}")]
    [InlineData("x*2^x", @"2^{x} x")]
    // e^{…} for short exponents, \exp(…) for long ones
    [InlineData("exp(x)", @"e^{x}")]
    [InlineData("exp(2)", @"e^{2}")]
    [InlineData("e", @"e")]
    [InlineData("2*e", @"2 e")]
    [InlineData("exp(pi)", @"e^{\pi}")]
    [InlineData("exp(-2*x)", @"e^{-2 x}")]
    [InlineData("exp(w/beta)", @"e^{w/\beta}")]
    [InlineData("exp(-x^2/2)", @"e^{-x^{2}/2}")]
    [InlineData("exp(x - y)", @"e^{x - y}")]
    [InlineData("2*exp(x)", @"2 e^{x}")]
    [InlineData("-x*exp(-x)/2", @"-\frac{x e^{-x}}{2}")]
    [InlineData("exp(exp(x))", @"e^{e^{x}}")]
    [InlineData("1/exp(x)", @"e^{-x}")]
    [InlineData("exp(x)^2", @"e^{2 x}")]
    [InlineData("exp(x^2 + 3*x + 1)", @"\exp\left(1 + 3 x + x^{2}\right)")]
    [InlineData("exp(sinh(x))", @"\exp\left(\sinh\left(x\right)\right)")]
    [InlineData("exp(sinh(x))^2", @"\exp\left(2 \sinh\left(x\right)\right)")]
    [InlineData("exp(w/(2*beta))", @"\exp\left(\frac{w}{2 \beta}\right)")]
    [InlineData("exp(2*x*y*z)", @"\exp\left(2 x y z\right)")]
    // one fraction per quotient; coefficients go into it; slashed fractions in superscripts
    [InlineData("x^2/2", @"\frac{x^{2}}{2}")]
    [InlineData("(1/2)*x^2", @"\frac{x^{2}}{2}")]
    [InlineData("(1/2)*(x/y)", @"\frac{x}{2 y}")]
    [InlineData("(a/b)/c", @"\frac{a}{b c}")]
    [InlineData("a/(b/c)", @"\frac{a c}{b}")]
    [InlineData("1/(6*(1 + x)^2)", @"\frac{1}{6 \left(1 + x\right)^{2}}")]
    [InlineData("x^(2/L)/(2*(2 - L))", @"\frac{x^{2/L}}{2 \left(2 - L\right)}")]
    [InlineData("x*atan(x) - log(1 + x^2)/2", @"x \arctan\left(x\right) - \frac{\log\left(1 + x^{2}\right)}{2}")]
    [InlineData("x/2 + 1/y", @"\frac{x}{2} + \frac{1}{y}")]
    [InlineData("x^(2/3)", @"x^{2/3}")]
    [InlineData("w^(-2/3)", @"\frac{1}{w^{2/3}}")]
    [InlineData("2^(x/3)", @"2^{x/3}")]
    [InlineData("x^(y/(2*z))", @"x^{y/\left(2 z\right)}")]
    [InlineData("x^(1/(1 + y))", @"x^{1/\left(1 + y\right)}")]
    [InlineData("sqrt(1 + x^2)", @"\sqrt{1 + x^{2}}")]
    public void Latex_of(string input, string expected) => Assert.Equal(expected, Expr.Parse(input).ToLatex());

    [Theory]
    [InlineData("exp(log(w))*w", "w>0", @"w^{2}")]
    [InlineData("beta*sinh(w/beta)", "beta>0", @"\beta \sinh\left(\frac{w}{\beta}\right)")]
    [InlineData("exp(-2*log(w))*sqrt(w^2)", "w>0", @"\frac{1}{w}")]
    [InlineData("exp(w)*exp(w/beta)", "beta>0", @"e^{w/\beta + w}")]
    public void Latex_after_simplifying_under(string input, string assumption, string expected) =>
        Assert.Equal(expected, Expr.Parse(input, assumption).Simplify().ToLatex());

    [Fact]
    public void Latex_is_ascii_whatever_the_culture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NegativeSign = "\u2212"; // as sv-SE and others write it
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            foreach (var text in new[] { "1e-5d*x - 3/4", "x^(-2)", "-2*exp(-3*x)", "x^(-1/3)", "-7" })
            {
                var latex = Expr.Parse(text).ToLatex();
                Assert.True(latex.All(char.IsAscii), latex);
            }
            Assert.Equal(@"\left(-\frac{\pi}{2}, \frac{\pi}{2}\right)", DomainText.Parse("(-pi/2,pi/2)").ToLatex());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("(-pi/2,pi/2)", "(-pi/2, pi/2)", "(-pi/2,pi/2)", @"\left(-\frac{\pi}{2}, \frac{\pi}{2}\right)")]
    [InlineData("(0,inf)", "(0, inf)", "(0,inf)", @"(0, \infty)")]
    [InlineData("(-inf,inf)", "(-inf, inf)", "(-inf,inf)", @"(-\infty, \infty)")]
    [InlineData("[0,pi)", "[0, pi)", "[0,pi)", @"[0, \pi)")]
    [InlineData("(-3*pi/4,2*pi]", "(-3*pi/4, 2*pi]", "(-3*pi/4,2*pi]", @"\left(-\frac{3 \pi}{4}, 2 \pi\right]")]
    [InlineData("(-pi,pi/12)", "(-pi, pi/12)", "(-pi,pi/12)", @"\left(-\pi, \frac{\pi}{12}\right)")]
    // not a multiple p/q·π with q ≤ 12, or not to a relative 1e-12: the number
    [InlineData("(0,pi/13)", "(0, 0.24166097335306103)", "(0,0.24166097335306103)", @"(0, 0.24166097335306103)")]
    [InlineData("(0,1.5707963)", "(0, 1.5707963)", "(0,1.5707963)", @"(0, 1.5707963)")]
    [InlineData("[-1,0.5)", "[-1, 0.5)", "[-1,0.5)", @"[-1, 0.5)")]
    [InlineData("(0,1e300)", "(0, 1E+300)", "(0,1E+300)", @"(0, 1 \times 10^{300})")]
    public void Interval_ends(string domain, string text, string domainText, string latex)
    {
        var d = DomainText.Parse(domain);
        Assert.Equal(text, d.ToString());
        Assert.Equal(domainText, DomainText.Format(d));
        Assert.Equal(latex, d.ToLatex());
        Assert.Equal(d, DomainText.Parse(DomainText.Format(d)));
        Assert.Equal(d, DomainText.Parse(d.ToString()));
    }

    [Fact]
    public void An_excluded_zero_is_set_minus()
    {
        Assert.Equal(@"(-\infty, \infty) \setminus \{0\}", Interval.NonZero.ToLatex());
        Assert.Equal(@"(-inf, inf) \ {0}", Interval.NonZero.ToString());
    }

    [Theory]
    [InlineData("coercivity at x → −∞", @"coercivity at x $\to$ $-\infty$")]
    [InlineData("x → ∞", @"x $\to$ $\infty$")]
    [InlineData("w →−∞", @"w $\to-\infty$")]
    [InlineData("−5 < x", @"-5 $<$ x")]
    [InlineData("ρ′ > 0 | ∫ρ/ρ′ dw", @"$\rho'$ $>$ 0 $|$ $\int\rho$/$\rho'$ dw")]
    [InlineData("Φ⁻¹(z)", @"$\Phi^{-1}$(z)")]
    [InlineData("a_b & 50% #1 $x^2 ~ {c}", @"a\_b \& 50\% \#1 \$x\^{}2 \~{} \{c\}")]
    [InlineData(@"back\slash", @"back\textbackslash{}slash")]
    [InlineData("snow☃man", "snow?man")]
    public void Text_is_ascii(string text, string expected) => Assert.Equal(expected, LatexText.Text(text));

    [Fact]
    public void Align_puts_a_break_between_rows_and_none_after_the_last()
    {
        var nl = Environment.NewLine;
        Assert.Equal($@"\begin{{align*}}{nl}  a &= 1 \\{nl}  b &= 2{nl}\end{{align*}}{nl}",
            LatexText.Align(["a &= 1", "b &= 2"]));
        Assert.Equal($@"\begin{{align*}}{nl}  a &= 1{nl}\end{{align*}}{nl}", LatexText.Align(["a &= 1"]));
    }

    [Theory]
    [InlineData("tan(w)", "(-pi/2,pi/2)", "(-inf, inf)")]
    [InlineData("sin(w)", "(-pi/2,pi/2)", "(-1, 1)")]
    [InlineData("atan(w)", "(-inf,inf)", "(-pi/2, pi/2)")]
    public void Domains_and_images_print_pi(string rho, string domain, string image)
    {
        var d = Reparametrization.Parse(rho, domain: domain).Derive();
        Assert.Equal(DomainText.Parse(domain), d.Reparametrization.Domain);
        Assert.Equal(image, d.Image.ToString());
        Assert.Contains($"{rho}, w ∈ {DomainText.Parse(domain)}", d.Reparametrization.ToString());
    }
}
