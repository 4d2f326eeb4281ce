using ImplicitBias.Symbolic.Algebra;

namespace ImplicitBias.Symbolic.Tests.Algebra;

/// <summary>
/// Facts of multivariate polynomial arithmetic over ℚ: gcds (with parameters and kernels as generators), division
/// with remainder, pseudo-division, content and primitive part, square-free decomposition and factorization.
/// Polynomials are written as expressions; a gcd is compared up to a rational unit.
/// </summary>
public class PolynomialTests
{
    private static Polynomial P(string text) => Polynomial.FromExpr(Expr.Parse(text));

    [Theory]
    [InlineData("x^2 - 1", "x^2 - 2*x + 1", "x - 1")]
    [InlineData("x^3 - 8", "x^2 - 4", "x - 2")]
    [InlineData("x^2 + 1", "x + 1", "1")]
    [InlineData("6*x^2 + 12*x + 6", "4*x + 4", "x + 1")]
    [InlineData("3", "x", "1")]
    [InlineData("0", "x^2 + 1", "x^2 + 1")]
    [InlineData("x^2 - a^2", "x - a", "x - a")]
    [InlineData("x^2 - a^2", "x^2 + 2*a*x + a^2", "x + a")]
    [InlineData("x*y + x", "x*z + x", "x")]
    [InlineData("x^3*y^2", "x*y^5 + x^2*y^3", "x*y^2")]
    [InlineData("(x + y)^3*(x - y)", "(x + y)^2*(x + 2*y)", "(x + y)^2")]
    [InlineData("a^2*x^2 - b^2", "a^2*x^2 + 2*a*b*x + b^2", "a*x + b")]
    [InlineData("(a + b)*(x + 1)", "(a + b)*(x - 1)", "a + b")]
    [InlineData("exp(2*w) - 1", "exp(w) - 1", "exp(w) - 1")]
    [InlineData("exp(w/2) + 1", "exp(w) - 1", "1")]
    [InlineData("sqrt(w)*x + sqrt(w)", "x^2 - 1", "x + 1")]
    [InlineData("(x^2 + y^2 + 1)*(x*y - 3)^2", "(x^2 + y^2 + 1)^2*(x + y)", "x^2 + y^2 + 1")]
    public void Gcd_is_the_greatest_common_divisor(string a, string b, string gcd)
    {
        var g = Polynomial.Gcd(P(a), P(b));
        Assert.Equal(P(gcd).Normalized(), g);
        Assert.Equal(g, Polynomial.Gcd(P(b), P(a)));
    }

    [Theory]
    [InlineData("x^3 + 2*x + 1", "x - 1", "x^2 + x + 3", "4")]
    [InlineData("x^2*y + x*y^2 + y^2", "x*y - 1", "x + y", "x + y^2 + y")]
    [InlineData("x^2 - a^2", "x - a", "x + a", "0")]
    [InlineData("2*x + 1", "x^2", "0", "2*x + 1")]
    public void DivRem_divides_by_the_leading_term(string dividend, string divisor, string quotient, string remainder)
    {
        var (q, r) = P(dividend).DivRem(P(divisor));
        Assert.Equal(P(quotient), q);
        Assert.Equal(P(remainder), r);
        Assert.Equal(P(dividend), q * P(divisor) + r);
    }

    [Theory]
    [InlineData("x^3 + a*x + 1", "a*x^2 + 1", "x")]
    [InlineData("x^2*y + y", "y*x + 2", "x")]
    [InlineData("x^4 - a^4", "2*x - a", "x")]
    public void PseudoDivRem_satisfies_its_identity(string dividend, string divisor, string variable)
    {
        var a = P(dividend);
        var b = P(divisor);
        var (q, r) = a.PseudoDivRem(b, Polynomial.Unify(a, b).A.IndexOf(Expr.Var(variable)));
        int index = r.IndexOf(Expr.Var(variable));
        Assert.True(index < 0 || r.Degree(index) < b.Degree(Expr.Var(variable)));
        int delta = a.Degree(Expr.Var(variable)) - b.Degree(Expr.Var(variable)) + 1;
        var lc = b.CoefficientsIn(b.IndexOf(Expr.Var(variable)))[b.Degree(Expr.Var(variable))];
        Assert.Equal(lc.Pow(delta) * a, q * b + r);
    }

    [Theory]
    [InlineData("x^3 - x^2 - x + 1", "(x + 1)*(x - 1)^2")]
    [InlineData("x^5 - 2*x^3 + x", "x*(x^2 - 1)^2")]
    [InlineData("(x + y)^2*(x - y)^3*x", "x*(x + y)^2*(x - y)^3")]
    [InlineData("2*x^2 + 4*x + 2", "2*(x + 1)^2")]
    [InlineData("(exp(w) + 1)^3*(w - 1)", "(w - 1)*(exp(w) + 1)^3")]
    public void Square_free_decomposition_recovers_multiplicities(string polynomial, string decomposed)
    {
        var decomposition = SquareFreeDecomposition.Of(P(polynomial), new WorkBudget());
        Assert.Equal(P(polynomial), decomposition.Expand(P(polynomial).Generators));
        AssertExpr(decomposed, decomposition.ToExpr());
        for (int i = 0; i < decomposition.Factors.Count; i++)
            for (int j = i + 1; j < decomposition.Factors.Count; j++)
                Assert.True(Polynomial.Gcd(decomposition.Factors[i].Factor, decomposition.Factors[j].Factor)
                    .IsConstant);
    }

    [Theory]
    [InlineData("x^2 - a^2", "(x - a)*(x + a)")]
    [InlineData("x*y + x + y + 1", "(1 + x)*(1 + y)")]
    [InlineData("6*x^2 + 5*x + 1", "(1 + 2*x)*(1 + 3*x)")]
    [InlineData("a^2*x^2 - 2*a*b*x + b^2 - c^2", "(a*x - b - c)*(a*x - b + c)")]
    [InlineData("x^2 + 1", "x^2 + 1")]
    [InlineData("4*x^2*y - 4*y", "4*y*(x - 1)*(x + 1)")]
    public void Factor_splits_contents_and_square_discriminants(string polynomial, string factored)
    {
        var factorization = PolynomialFactorizer.Factor(P(polynomial), new WorkBudget());
        Assert.Equal(P(polynomial), factorization.Expand(P(polynomial).Generators));
        AssertExpr(factored, factorization.ToExpr());
        Assert.True(factorization.Complete);
    }

    [Theory]
    [InlineData("3*x/2 + 9/4", "3/4")]
    [InlineData("-6*x - 4", "2")]
    [InlineData("x", "1")]
    public void Numeric_content_makes_coefficients_coprime_integers(string polynomial, string content)
    {
        Assert.Equal(Expr.Parse(content), Expr.FromRational(P(polynomial).NumericContent()));
        Assert.True(P(polynomial).Normalized().LeadingCoefficient.Sign > 0);
    }

    private static void AssertExpr(string expected, Expr actual) =>
        Assert.True(Expr.Parse(expected).Equals(actual), $"expected {Expr.Parse(expected)} but got {actual}");
}
