using System.Numerics;
using ImplicitBias.Symbolic.Algebra;

namespace ImplicitBias.Symbolic.Tests.Algebra;

/// <summary>Reads and writes integer polynomials in x as text such as "x^4 - 10*x^2 + 1".</summary>
internal static class PolynomialText
{
    /// <summary>Integer coefficients, lowest degree first, of the polynomial in x given as text.</summary>
    public static BigInteger[] Coefficients(string text)
    {
        var polynomial = Polynomial.FromExpr(Expr.Parse(text));
        if (polynomial.Generators is not [Symbol { Name: "x" }]) throw new ArgumentException($"not in x: {text}");
        var rational = polynomial.UnivariateCoefficients(0);
        if (rational.Any(c => !c.IsInteger)) throw new ArgumentException($"not an integer polynomial: {text}");
        return [.. rational.Select(c => c.Numerator)];
    }

    /// <summary>The coefficients as an expression in x, for messages.</summary>
    public static string Show(IReadOnlyList<BigInteger> coefficients) =>
        Polynomial.Univariate([.. coefficients.Select(c => new Rational(c))], Expr.Var("x")).ToString();
}
