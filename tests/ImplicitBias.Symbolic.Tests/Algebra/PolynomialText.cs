using System.Numerics;
using ImplicitBias.Symbolic.Algebra;

namespace ImplicitBias.Symbolic.Tests.Algebra;

/// <summary>Reads and writes integer polynomials in x as text such as "x^4 - 10*x^2 + 1".</summary>
internal static class PolynomialText
{
    /// <summary>Integer coefficients, lowest degree first, of the polynomial in x given as text.</summary>
    public static BigInteger[] Coefficients(string text)
    {
        var polynomial = Polynomial.From(Expr.Parse(text).Expand(), "x")
            ?? throw new ArgumentException($"not a polynomial in x: {text}");
        var coefficients = new BigInteger[polynomial.Degree + 1];
        for (int k = 0; k <= polynomial.Degree; k++)
        {
            if (!polynomial[k].IsInteger) throw new ArgumentException($"not an integer polynomial: {text}");
            coefficients[k] = polynomial[k].Numerator;
        }
        return coefficients;
    }

    /// <summary>The coefficients as an expression in x, for messages.</summary>
    public static string Show(IReadOnlyList<BigInteger> coefficients) =>
        new Polynomial(coefficients.Select(c => new Rational(c))).ToExpr(Expr.Var("x")).ToString();
}
