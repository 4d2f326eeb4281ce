using static ImplicitBias.Symbolic.Tests.Core.TestSupport;

namespace ImplicitBias.Symbolic.Tests.Algebra;

/// <summary>
/// Facts of the rational normal forms: Cancel, Together and Factor over symbols, parameters and kernels, and the
/// exact zero test with the kernel basis, each with the rows where an assumption is missing and nothing may happen.
/// Assumptions are written "w>0;u<1" (one per ';').
/// </summary>
public class RationalFormTests
{
    private static Expr Parse(string text, string assumptions) =>
        Expr.Parse(text, assumptions.Split(';', StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("(x^2 - a^2)/(x - a)", "x + a")]
    [InlineData("(w + 1)^2 - (w^2 + 2*w + 1)", "0")]
    [InlineData("x/(1 + x) + 1/(1 - x)", "(1 + 2*x - x^2)/(1 - x^2)")]
    [InlineData("1/(x/((1 + x)*(1 - x/(1 + x))^2) + 1/(1 - x/(1 + x)))^2", "1/(1 + 4*x + 6*x^2 + 4*x^3 + x^4)")]
    [InlineData("x^(2/L)/(L*(2 - L)) - x^(2/L)/(2*L)", "x^(2/L)/(2*(2 - L))")]
    [InlineData("(exp(2*w) - 1)/(exp(w) - 1)", "1 + exp(w)")]
    [InlineData("(sin(x)^2 - 1)/(sin(x) + 1)", "sin(x) - 1")]
    [InlineData("sqrt(u)^3/u", "sqrt(u)")]
    [InlineData("(u - 1)/(sqrt(u) - 1)", "(u - 1)/(sqrt(u) - 1)")]
    [InlineData("x/4 + sqrt(4 + x^2)/4 - 1/(x + sqrt(4 + x^2))", "x/2")]
    [InlineData("(a*x + a*y)/(b*x + b*y)", "a/b")]
    [InlineData("1/a + 1/b", "(a + b)/(a*b)")]
    public void Cancel_gives_numerator_over_denominator_in_lowest_terms(string input, string expected) =>
        AssertExpr(expected, Expr.Parse(input).Cancel());

    [Theory]
    [InlineData("x/(1 + x) + 1/(1 - x)", "(1 + 2*x - x^2)/((1 - x)*(1 + x))")]
    [InlineData("1/(x + 1) + 1/(x + 1)^2", "(2 + x)/(1 + x)^2")]
    [InlineData("1/(x*(x + 1)) - 1/x", "-1/(1 + x)")]
    [InlineData("a/(x - a) + x/(a - x)", "-1")]
    [InlineData("x + 1", "x + 1")]
    public void Together_keeps_the_denominators_the_input_writes(string input, string expected) =>
        AssertExpr(expected, Expr.Parse(input).Together());

    [Theory]
    [InlineData("x^2 - a^2", "(x - a)*(x + a)")]
    [InlineData("(x^2 - 1)/(x^2 + 2*x + 1)", "(x - 1)/(x + 1)")]
    [InlineData("2*x^2 + 4*x + 2", "2*(x + 1)^2")]
    [InlineData("1/(x/((1 + x)*(1 - x/(1 + x))^2) + 1/(1 - x/(1 + x)))^2", "1/(1 + x)^4")]
    [InlineData("exp(2*w) - 1", "(exp(w) - 1)*(exp(w) + 1)")]
    [InlineData("x^2 + 1", "x^2 + 1")]
    public void Factor_factors_numerator_and_denominator(string input, string expected) =>
        AssertExpr(expected, Expr.Parse(input).Factor());

    [Theory]
    [InlineData("1/(x^2 - a^2)", "1/(2*a*(x - a)) - 1/(2*a*(x + a))")]
    [InlineData("(x^3 + 1)/(x^2 - 1)", "x + 1/(x - 1)")]
    [InlineData("1/((x^2 + 1)*(x^2 + 4))", "1/(3*(1 + x^2)) - 1/(3*(4 + x^2))")]
    [InlineData("1/(x*(x + 1)^2)", "1/x - 1/(1 + x) - 1/(1 + x)^2")]
    [InlineData("1/(x^6 - 1)", "1/(6*(x - 1)) - 1/(6*(x + 1)) + (x - 2)/(6*(1 - x + x^2)) - (x + 2)/(6*(1 + x + x^2))")]
    [InlineData("x^2/(x - b)", "b + x + b^2/(x - b)")]
    [InlineData("1/(1 + x^4)", "1/(1 + x^4)")]
    [InlineData("sin(x)/(x + 1)", "sin(x)/(x + 1)")]
    [InlineData("y/(x + y)", "y/(x + y)")]
    public void Apart_gives_partial_fractions_with_parameters(string input, string expected)
    {
        var e = Expr.Parse(input);
        var apart = e.Apart("x");
        AssertExpr(expected, apart);
        Assert.True((e - apart).IsIdenticallyZero());
    }

    [Theory]
    [InlineData("(x^2 - 1)/(x - 1) - x - 1", "", true)]
    [InlineData("sinh(x) - (exp(x) - exp(-x))/2", "", true)]
    [InlineData("tanh(x) - sinh(x)/cosh(x)", "", true)]
    [InlineData("cosh(x)^2 - sinh(x)^2 - 1", "", true)]
    [InlineData("cosh(2*x) - 2*sinh(x)^2 - 1", "", true)]
    [InlineData("sin(2*x) - 2*sin(x)*cos(x)", "", true)]
    [InlineData("cos(3*x) - 4*cos(x)^3 + 3*cos(x)", "", true)]
    [InlineData("sin(x + y) - sin(x)*cos(y) - cos(x)*sin(y)", "", true)]
    [InlineData("sin(x + pi/2) - cos(x)", "", true)]
    [InlineData("tan(x) - sin(x)/cos(x)", "", true)]
    [InlineData("1 + tan(x)^2 - 1/cos(x)^2", "", true)]
    [InlineData("sqrt(x)^2 - x", "", true)]
    [InlineData("abs(x)^2 - x^2", "", true)]
    [InlineData("exp(2*x) - exp(x)^2", "", true)]
    [InlineData("exp(x + 1) - e*exp(x)", "", true)]
    [InlineData("e^w - exp(w)", "", true)]
    [InlineData("2^(x + 1) - 2*2^x", "", true)]
    [InlineData("x^(2/L) + x^(1/L) - x^(1/L)*(x^(1/L) + 1)", "x>0", true)]
    [InlineData("(x^(2/L) - 1)/(x^(1/L) - 1) - x^(1/L) - 1", "x>0", true)]
    [InlineData("1/(x + sqrt(4 + x^2)) - (sqrt(4 + x^2) - x)/4", "", true)]
    [InlineData("log(exp(x) + 1) - log(1 + exp(x))", "", true)]
    [InlineData("sign(x)^2 - 1", "x!=0", true)]
    [InlineData("sign(x)^2 - 1", "", false)]
    [InlineData("sign(x)^3 - sign(x)", "", true)]
    [InlineData("sin(x) - cos(x)", "", false)]
    [InlineData("exp(x) - x", "", false)]
    [InlineData("sqrt(x^2) - x", "", false)]
    [InlineData("x^(1/3)*x^(1/2) - x^(5/6)", "", true)]
    [InlineData("(x + 1)/(x + 2) - 1", "", false)]
    public void Zero_is_recognized_exactly(string input, string assumptions, bool zero) =>
        Assert.Equal(zero, Parse(input, assumptions).IsIdenticallyZero());
}
