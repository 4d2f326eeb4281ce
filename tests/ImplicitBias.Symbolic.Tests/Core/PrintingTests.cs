namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>The canonical text and LaTeX forms.</summary>
public class PrintingTests
{
    [Theory]
    [InlineData("x*log(x)/4 - x/4", "x*log(x)/4 - x/4")]
    [InlineData("sqrt(1+w^2)", "sqrt(1 + w^2)")]
    [InlineData("w^2", "w^2")]
    [InlineData("-w^2", "-w^2")]
    [InlineData("(-w)^2", "w^2")]
    [InlineData("(-w)^3", "-w^3")]
    [InlineData("x^y^z", "x^(y^z)")]
    [InlineData("(x^y)^z", "(x^y)^z")]
    [InlineData("x - 1", "x - 1")]
    [InlineData("-1 + x", "x - 1")]
    [InlineData("2*x + 1", "1 + 2*x")]
    [InlineData("1/(2*x)", "1/(2*x)")]
    [InlineData("x/y^2", "x/y^2")]
    [InlineData("x*y/(z*w)", "x*y/(w*z)")]
    [InlineData("exp(-x)", "exp(-x)")]
    [InlineData("-1/x", "-1/x")]
    [InlineData("x^(-y)", "x^(-y)")]
    [InlineData("(1/2)^x", "(1/2)^x")]
    [InlineData("x^(1/3)", "x^(1/3)")]
    [InlineData("1/sqrt(x)", "1/sqrt(x)")]
    [InlineData("2^(1/2)", "sqrt(2)")]
    [InlineData("-(1 + x)^2", "-(1 + x)^2")]
    [InlineData("-3/4*x", "-3*x/4")]
    [InlineData("beta*sinh(w/beta)", "beta*sinh(w/beta)")]
    [InlineData("2.5d*x", "2.5d*x")]
    // sums beside other factors keep no numeric content, whatever order they were built in
    [InlineData("(x + y)/(2 + 2*z)", "(x + y)/(2*(1 + z))")]
    [InlineData("(x+y)/2/(1+z)", "(x + y)/(2*(1 + z))")]
    [InlineData("(-2*x - 2)*y", "-2*y*(1 + x)")]
    [InlineData("1/(2 + x^2/2)", "2/(4 + x^2)")]
    [InlineData("(x/2 + y/3)*z", "z*(3*x + 2*y)/6")]
    [InlineData("(2 + 2*x)^2", "4*(1 + x)^2")]
    [InlineData("sqrt(4 - 4*x^2)", "2*sqrt(1 - x^2)")]
    [InlineData("-(x + y)/z", "-(x + y)/z")]
    [InlineData("-(x + y)*z", "-z*(x + y)")]
    [InlineData("y*(x - 1)", "y*(x - 1)")]
    [InlineData("1/(x - 1)", "1/(x - 1)")]
    [InlineData("1/(1 - x)", "1/(1 - x)")]
    // a sum holding a float keeps its content (dividing it out would round)
    [InlineData("x/(1 + 2.5d*x)/2", "x/2/(1 + 2.5d*x)")]
    [InlineData("lambertw(x) + li2(x) + erf(x)", "erf(x) + lambertw(x) + li2(x)")]
    public void Canonical_text(string input, string expected)
    {
        var e = Expr.Parse(input);
        Assert.Equal(expected, e.ToString());
        Assert.Equal(e, Expr.Parse(expected));
    }

    [Fact]
    public void Unary_minus_binds_looser_than_power()
    {
        var e = Expr.Parse("-w^2");
        Assert.Equal(-9.0, e.Evaluate("w", 3));
        Assert.Equal(Expr.Negate(Expr.Pow(Expr.Var("w"), 2)), e);
    }

    [Fact]
    public void Power_is_right_associative()
    {
        Assert.Equal(Expr.Parse("2^(3^2)"), Expr.Parse("2^3^2"));
        Assert.NotEqual(Expr.Parse("(x^y)^z"), Expr.Parse("x^y^z"));
    }

    [Fact]
    public void Negated_products_with_a_leading_sum_round_trip()
    {
        // −1·(x + y)·z^−1 keeps its structure: "-(x + y)/z" would parse as (−x − y)/z
        var x = Expr.Var("x");
        var y = Expr.Var("y");
        var z = Expr.Var("z");
        var e = Expr.Negate((x + y) / z * Expr.Sin(x));
        Assert.Equal(e, Expr.Parse(e.ToString()));
    }

    [Theory]
    [InlineData("1/x", @"\frac{1}{x}")]
    [InlineData("1/(1 + x)", @"\frac{1}{1 + x}")]
    [InlineData("1/(2*x)", @"\frac{1}{2 x}")]
    [InlineData("(1 + x)/y", @"\frac{1 + x}{y}")]
    [InlineData("3/4", @"\frac{3}{4}")]
    [InlineData("-3*x/4", @"-\frac{3 x}{4}")]
    [InlineData("sqrt(1 + w^2)", @"\sqrt{1 + w^{2}}")]
    [InlineData("x^(1/3)", @"\sqrt[3]{x}")]
    [InlineData("x^(2/3)", @"x^{2/3}")]
    [InlineData("(1/2)^x", @"\left(\frac{1}{2}\right)^{x}")]
    [InlineData("(x^y)^z", @"\left(x^{y}\right)^{z}")]
    [InlineData("sin(x)^2", @"\sin^{2}\left(x\right)")]
    [InlineData("abs(x)", @"\left|x\right|")]
    [InlineData("beta*sinh(w/beta)", @"\beta \sinh\left(\frac{w}{\beta}\right)")]
    [InlineData("w0", "w_{0}")]
    [InlineData("beta_1", @"\beta_{1}")]
    [InlineData("longname", @"\mathrm{longname}")]
    [InlineData("pi*x", @"\pi x")]
    [InlineData("lambertw(x)", @"W_0\left(x\right)")]
    [InlineData("li2(x)", @"\operatorname{Li}_2\left(x\right)")]
    [InlineData("asinh(x)", @"\operatorname{arsinh}\left(x\right)")]
    [InlineData("1e-5d", @"1 \times 10^{-5}")]
    public void Latex(string input, string expected) => Assert.Equal(expected, Expr.Parse(input).ToLatex());

    [Fact]
    public void Latex_never_writes_an_exponent_of_one()
    {
        foreach (var text in new[] { "1/x", "1/(x + 1)", "y/(x*(1 + x))", "1/(abs(y) - y)" })
            Assert.DoesNotContain("^{1}", Expr.Parse(text).ToLatex());
    }

    [Fact]
    public void Floating_point_numbers_print_with_a_d_suffix_and_round_trip()
    {
        foreach (var v in new[] { 0.1, -2.5, 1e-5, 1.2345678901234567e300, Math.PI, double.Epsilon })
        {
            var e = Expr.FromDouble(v) * Expr.Var("x");
            Assert.Contains("d", e.ToString());
            Assert.Equal(e, Expr.Parse(e.ToString()));
        }
    }
}
