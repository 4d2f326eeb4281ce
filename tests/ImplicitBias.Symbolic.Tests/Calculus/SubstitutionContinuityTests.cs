using ImplicitBias.Symbolic.Analysis;
using ImplicitBias.Symbolic.Algebra.Calculus;

namespace ImplicitBias.Symbolic.Tests.Calculus;

/// <summary>
/// Substitutions must not leave jumps in an antiderivative, which the derivative check cannot see: t = tan(u/2)
/// runs off to ±∞ where u crosses π + 2jπ, and the atan terms of ∫ R(t) dt fall by a multiple of π there. Across
/// such points (and across the whole domain for u = w^k, Euler and t = tanh(u/2) substitutions), F(b) − F(a) must
/// agree with quadrature of the integrand, or the result must stay numeric.
/// </summary>
public class SubstitutionContinuityTests
{
    [Theory]
    [InlineData("1/(2+cos(w))", "", -20, 20)]
    [InlineData("1/(2+cos(w))", "", 0, Math.PI)]
    [InlineData("1/(2+cos(w))", "", Math.PI, 3 * Math.PI)]
    [InlineData("1/(2+cos(w))", "0<w<10", 1, 9)]
    [InlineData("1/(2+cos(w))", "-pi<w<pi", -3, 3)]
    [InlineData("1/(5+3*sin(w))", "", -7, 12)]
    [InlineData("1/(5+3*sin(w))", "-1.5<w<1.5", -1.4, 1.4)]
    [InlineData("1/(2+sin(w))^2", "", -10, 10)]
    [InlineData("1/(2+cos(w))^2", "", -10, 10)]
    [InlineData("1/(3+2*cos(w)+sin(w))", "", -10, 10)]
    [InlineData("1/(2+sin(w)+cos(w))", "", -10, 10)]
    [InlineData("1/(2-cos(w/2))", "", -30, 30)]
    [InlineData("1/(2+cos(3*w+1))", "", -5, 5)]
    [InlineData("1/(2+cos(a*w))", "a>0", -10, 10)]
    [InlineData("sin(w)^2/(2+cos(w))", "", -10, 10)]
    [InlineData("sin(w)/(1+sin(w))", "-1.5<w<4", -1.4, 3.9)]
    [InlineData("sin(w)/(2-sin(w)^2)", "-3<w<3", -2.9, 2.9)]
    [InlineData("1/(2+cosh(w/beta))", "beta>0", -10, 10)]
    [InlineData("w/(1+w^4)", "", -5, 5)]
    [InlineData("sqrt(w)/(1+w^3)", "w>0", 0.01, 10)]
    [InlineData("1/(w+sqrt(w^2+1))", "", -10, 10)]
    [InlineData("1/(1+sqrt(1-w^2))", "-1<w<1", -0.99, 0.99)]
    [InlineData("1/((2+w)*sqrt(1-w^2))", "-1<w<1", -0.99, 0.99)]
    [InlineData("1/((w+1)*sqrt(w^2-1))", "w<-1", -10, -1.5)]
    [InlineData("1/(w*sqrt(w^2-w+1))", "w<0", -10, -0.1)]
    [InlineData("cos(w)/(2+cos(w))", "", -10, 10)]
    [InlineData("1/(1+sin(w)^2)", "", -10, 10)]
    [InlineData("1/(1+cos(w)^2)", "", -10, 10)]
    [InlineData("1/(2+cos(w)+sin(w)^2)", "", -10, 10)]
    [InlineData("1/(b+cos(w))", "b>1", -10, 10)]
    [InlineData("1/(b+cos(w))", "b>1;-3<w<3", -2.9, 2.9)]
    [InlineData("1/(2+cosh(w)+sinh(w)^2)", "", -10, 10)]
    [InlineData("w/(1+w^8)", "", -5, 5)]
    [InlineData("w/(w^8+w^4+1)", "", -5, 5)]
    [InlineData("1/(w+sqrt(2*w^2+1))", "w>0", 0.01, 10)]
    [InlineData("1/(w+sqrt(2*w^2+1))", "", -10, 10)]
    [InlineData("1/((w^2+1)*sqrt(2*w^2+1))", "", -10, 10)]
    [InlineData("sqrt(w^2+1)/(w^2+2)", "", -10, 10)]
    public void A_closed_form_changes_as_much_as_quadrature_says(string integrand, string assume, double a, double b)
    {
        var result = Integrate(integrand, assume);
        Assert.True(result.IsClosedForm, $"no closed form for {integrand}");
        AssertAgreesWithQuadrature(result, a, b);
    }

    /// <summary>
    /// Integrands a substitution reaches but may not finish soundly on ℝ: the half-angle result is atan(t²), whose
    /// limits at t = ±∞ the jump correction does not analyse. Whatever comes back must be right across the jumps of
    /// tan(w/2).
    /// </summary>
    [Theory]
    [InlineData("sin(w)/(2-sin(w)^2)")]
    public void A_result_that_cannot_be_made_continuous_stays_numeric(string integrand)
    {
        var result = Integrate(integrand, "");
        if (result.IsClosedForm) AssertAgreesWithQuadrature(result, -10, 10);
        else Assert.Equal("adaptive quadrature", result.Method);
    }

    private static Antiderivative Integrate(string integrand, string assume)
    {
        var f = Expr.Parse(integrand, IntegrationTableTests.Split(assume));
        return f.Integrate("w", IntegrationTableTests.Parameters(f));
    }

    /// <summary>F(x) − F(a) against quadrature from a to x at points across [a, b]: a jump anywhere shows.</summary>
    private static void AssertAgreesWithQuadrature(Antiderivative result, double a, double b)
    {
        var f = result.Integrand.Compile("w", result.Parameters);
        double start = result.Evaluate(a);
        for (int i = 1; i <= 8; i++)
        {
            double x = a + (b - a) * i / 8;
            var (numeric, error) = ScalarNumerics.Quadrature(f, a, x);
            double closed = result.Evaluate(x) - start;
            Assert.True(Math.Abs(closed - numeric) <= 1e-8 * Math.Max(1, Math.Abs(numeric)) + 10 * error,
                $"F({x}) − F({a}) = {closed} but quadrature gives {numeric} for F = {result.Expression}");
        }
        var (value, _) = result.Definite(a, b); // throws when its own cross-check fails
        Assert.Equal(result.Evaluate(b) - start, value, 10);
    }
}
