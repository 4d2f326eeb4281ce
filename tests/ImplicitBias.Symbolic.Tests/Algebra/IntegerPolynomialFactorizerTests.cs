using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Algebra;
using static ImplicitBias.Symbolic.Tests.Algebra.PolynomialText;

namespace ImplicitBias.Symbolic.Tests.Algebra;

/// <summary>
/// Factorization over ℤ by the Zassenhaus method: known factorizations (cyclotomic, Swinnerton-Dyer, large
/// coefficients), the budgets, and properties over random products of small factors.
/// </summary>
public class IntegerPolynomialFactorizerTests
{
    private const string SwinnertonDyer16 = "x^16 - 136*x^14 + 6476*x^12 - 141912*x^10 + 1513334*x^8"
        + " - 7453176*x^6 + 13950764*x^4 - 5596840*x^2 + 46225";

    private const string SwinnertonDyer32 = "x^32 - 448*x^30 + 84864*x^28 - 9028096*x^26 + 602397952*x^24"
        + " - 26625650688*x^22 + 801918722048*x^20 - 16665641517056*x^18 + 239210760462336*x^16"
        + " - 2349014746136576*x^14 + 15459151516270592*x^12 - 65892492886671360*x^10"
        + " + 172580952324702208*x^8 - 255690851718529024*x^6 + 183876928237731840*x^4"
        + " - 44660812492570624*x^2 + 2000989041197056";

    private const string BigQuartic1 = "x^4 + 123456789012*x^3 - 98765432109*x^2 + 31415926535*x + 27182818284";
    private const string BigQuartic2 = "3*x^4 - 11111111111111*x^2 + 7777777777777*x - 999999999999937";

    [Theory]
    [InlineData("x^4 + 1", new[] { "x^4 + 1" })]
    [InlineData("x^2 - 2", new[] { "x^2 - 2" })]
    [InlineData("x^5 - x - 1", new[] { "x^5 - x - 1" })]
    [InlineData("5*x^4 - 1", new[] { "5*x^4 - 1" })]
    [InlineData("x^4 - 10*x^2 + 1", new[] { "x^4 - 10*x^2 + 1" })]
    [InlineData(SwinnertonDyer16, new[] { SwinnertonDyer16 })]
    [InlineData(SwinnertonDyer32, new[] { SwinnertonDyer32 })]
    [InlineData("6*x^2 + 5*x + 1", new[] { "2*x + 1", "3*x + 1" })]
    [InlineData("x^4 + x^2 + 1", new[] { "x^2 + x + 1", "x^2 - x + 1" })]
    [InlineData("x^6 - 1", new[] { "x - 1", "x + 1", "x^2 + x + 1", "x^2 - x + 1" })]
    [InlineData("x^8 + x^4 + 1", new[] { "x^2 + x + 1", "x^2 - x + 1", "x^4 - x^2 + 1" })]
    [InlineData("x^12 - 1",
        new[] { "x - 1", "x + 1", "x^2 + 1", "x^2 + x + 1", "x^2 - x + 1", "x^4 - x^2 + 1" })]
    [InlineData("x^15 - 1",
        new[] { "x - 1", "x^2 + x + 1", "x^4 + x^3 + x^2 + x + 1", "x^8 - x^7 + x^5 - x^4 + x^3 - x + 1" })]
    [InlineData("(x - 10^30)*(x^2 + 3)", new[] { "x - 10^30", "x^2 + 3" })]
    [InlineData("(" + BigQuartic1 + ")*(" + BigQuartic2 + ")", new[] { BigQuartic1, BigQuartic2 })]
    [InlineData("(3*x^2 + 7)*(5*x^3 - 2*x + 11)*(4*x - 9)", new[] { "3*x^2 + 7", "5*x^3 - 2*x + 11", "4*x - 9" })]
    [InlineData("x^4 - 4", new[] { "x^2 - 2", "x^2 + 2" })]
    [InlineData("x^3 - x", new[] { "x", "x - 1", "x + 1" })]
    [InlineData("x", new[] { "x" })]
    [InlineData("7*x - 3", new[] { "7*x - 3" })]
    public void Factors_into_the_known_irreducibles(string input, string[] irreducibles)
    {
        var result = IntegerPolynomialFactorizer.Factor(Coefficients(input));
        Assert.True(result.Complete);
        Assert.Equal(Keys(irreducibles.Select(Coefficients)), Keys(result.Factors));
    }

    [Fact]
    public void The_product_of_x_minus_k_for_k_up_to_20_splits_into_its_linear_factors()
    {
        var linear = Enumerable.Range(1, 20).Select(k => new BigInteger[] { -k, 1 }).ToList();
        var result = IntegerPolynomialFactorizer.Factor(IntegerPolynomialArithmetic.Product(linear));
        Assert.True(result.Complete);
        Assert.Equal(Keys(linear), Keys(result.Factors));
    }

    [Theory]
    [InlineData("x^201 + x + 1")]
    [InlineData("x^250 - 3*x^17 + 5")]
    public void Above_the_degree_limit_the_input_comes_back_unproven(string input)
    {
        var f = Coefficients(input);
        var result = IntegerPolynomialFactorizer.Factor(f);
        Assert.False(result.Complete);
        Assert.Equal(Keys([f]), Keys(result.Factors));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("-x^2 + 1")]
    [InlineData("2*x + 4")]
    [InlineData("6*x^3 - 10")]
    [InlineData("x^2 - 2*x + 1")]
    [InlineData("(x^2 + 1)^2*(x - 3)")]
    [InlineData("(x - 1)^2*(x - 2)*(x - 3)*(x - 4)*(x - 5)*(x - 6)*(x - 7)*(x - 8)")]
    public void Rejects_inputs_outside_its_contract(string input) =>
        Assert.Throws<ArgumentException>(() => IntegerPolynomialFactorizer.Factor(Coefficients(input)));

    /// <summary>The factors as a sorted list of coefficient strings, to compare multisets.</summary>
    private static List<string> Keys<T>(IEnumerable<T> factors) where T : IEnumerable<BigInteger> =>
        [.. factors.Select(f => string.Join(",", f)).Order(StringComparer.Ordinal)];
}
