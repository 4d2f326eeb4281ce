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

    /// <summary>Each row: the input, its factors over ℤ, and whether they are all proven irreducible.</summary>
    [Theory]
    [InlineData("x^4 + 1", new[] { "x^4 + 1" }, true)]
    [InlineData("x^2 - 2", new[] { "x^2 - 2" }, true)]
    [InlineData("x^5 - x - 1", new[] { "x^5 - x - 1" }, true)]
    [InlineData("5*x^4 - 1", new[] { "5*x^4 - 1" }, true)]
    [InlineData("x^4 - 10*x^2 + 1", new[] { "x^4 - 10*x^2 + 1" }, true)]
    [InlineData(SwinnertonDyer16, new[] { SwinnertonDyer16 }, true)]
    [InlineData(SwinnertonDyer32, new[] { SwinnertonDyer32 }, true)]
    [InlineData("6*x^2 + 5*x + 1", new[] { "2*x + 1", "3*x + 1" }, true)]
    [InlineData("x^4 + x^2 + 1", new[] { "x^2 + x + 1", "x^2 - x + 1" }, true)]
    [InlineData("x^6 - 1", new[] { "x - 1", "x + 1", "x^2 + x + 1", "x^2 - x + 1" }, true)]
    [InlineData("x^8 + x^4 + 1", new[] { "x^2 + x + 1", "x^2 - x + 1", "x^4 - x^2 + 1" }, true)]
    [InlineData("x^12 - 1",
        new[] { "x - 1", "x + 1", "x^2 + 1", "x^2 + x + 1", "x^2 - x + 1", "x^4 - x^2 + 1" }, true)]
    [InlineData("x^15 - 1",
        new[] { "x - 1", "x^2 + x + 1", "x^4 + x^3 + x^2 + x + 1", "x^8 - x^7 + x^5 - x^4 + x^3 - x + 1" }, true)]
    [InlineData("(x - 10^30)*(x^2 + 3)", new[] { "x - 10^30", "x^2 + 3" }, true)]
    [InlineData("(" + BigQuartic1 + ")*(" + BigQuartic2 + ")", new[] { BigQuartic1, BigQuartic2 }, true)]
    [InlineData("(3*x^2 + 7)*(5*x^3 - 2*x + 11)*(4*x - 9)",
        new[] { "3*x^2 + 7", "5*x^3 - 2*x + 11", "4*x - 9" }, true)]
    [InlineData("x^4 - 4", new[] { "x^2 - 2", "x^2 + 2" }, true)]
    // Leading coefficients 2·3·5·7·11·13 and 2·3·…·19 rule out the small primes.
    [InlineData("(30030*x^2 + 1)*(9699690*x^3 - 2*x + 7)", new[] { "30030*x^2 + 1", "9699690*x^3 - 2*x + 7" }, true)]
    [InlineData("x^3 - x", new[] { "x", "x - 1", "x + 1" }, true)]
    [InlineData("x", new[] { "x" }, true)]
    [InlineData("7*x - 3", new[] { "7*x - 3" }, true)]
    // Above the degree limit the input comes back whole, not proven irreducible.
    [InlineData("x^201 + x + 1", new[] { "x^201 + x + 1" }, false)]
    [InlineData("(x^101 + 2)*(x^101 + 3)", new[] { "(x^101 + 2)*(x^101 + 3)" }, false)]
    public void Factors_as_the_table_lists(string input, string[] factors, bool complete)
    {
        var result = IntegerPolynomialFactorizer.Factor(Coefficients(input));
        Assert.Equal(complete, result.Complete);
        Assert.Equal(Keys(factors.Select(Coefficients)), Keys(result.Factors));
    }

    [Fact]
    public void The_product_of_x_minus_k_for_k_up_to_20_splits_into_its_linear_factors()
    {
        var linear = Enumerable.Range(1, 20).Select(k => new BigInteger[] { -k, 1 }).ToList();
        var result = IntegerPolynomialFactorizer.Factor(IntegerPolynomialArithmetic.Product(linear));
        Assert.True(result.Complete);
        Assert.Equal(Keys(linear), Keys(result.Factors));
    }

    [Fact]
    public void A_Swinnerton_Dyer_polynomial_of_degree_64_exhausts_the_trial_budget_and_stays_whole()
    {
        // Degree 64 for √2, …, √13: 32 quadratic factors modulo every prime, far too many subsets to try.
        var f = SwinnertonDyer(2, 3, 5, 7, 11, 13);
        var result = IntegerPolynomialFactorizer.Factor(f);
        Assert.False(result.Complete);
        Assert.Equal(Keys([f]), Keys(result.Factors));
    }

    [Fact]
    public void The_Swinnerton_Dyer_helper_reproduces_the_degree_16_polynomial() =>
        Assert.Equal(Coefficients(SwinnertonDyer16), SwinnertonDyer(2, 3, 5, 7));

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("-x^2 + 1")]
    [InlineData("2*x + 4")]
    [InlineData("6*x^3 - 10")]
    [InlineData("x^2 - 2*x + 1")]
    [InlineData("x^3 + x^2")]
    [InlineData("(x^2 + 1)^2*(x - 3)")]
    [InlineData("(x - 1)^2*(x - 2)*(x - 3)*(x - 4)*(x - 5)*(x - 6)*(x - 7)*(x - 8)")]
    public void Rejects_inputs_outside_its_contract(string input) =>
        Assert.Throws<ArgumentException>(() => IntegerPolynomialFactorizer.Factor(Coefficients(input)));

    [Fact]
    public void Random_inputs_of_degree_30_finish_with_exact_factors()
    {
        var random = new Random(30);
        for (int round = 0; round < 6; round++)
        {
            var irreducibleCandidate = RandomPrimitive(random, 30, 1_000_000);
            AssertExactAndPrimitive(irreducibleCandidate, IntegerPolynomialFactorizer.Factor(irreducibleCandidate));
            var product = IntegerPolynomialArithmetic.Product(
                Enumerable.Range(0, 3).Select(_ => RandomPrimitive(random, 10, 1000)));
            var result = IntegerPolynomialFactorizer.Factor(product);
            AssertExactAndPrimitive(product, result);
            Assert.True(!result.Complete || result.Factors.Length >= 3);
        }
    }

    [Property(MaxTest = 300)]
    public Property Factors_multiply_back_to_the_input_and_are_primitive() =>
        Prop.ForAll(SquareFreeProducts.ToArbitrary(), inputFactors =>
        {
            var f = IntegerPolynomialArithmetic.Product(inputFactors);
            AssertExactAndPrimitive(f, IntegerPolynomialFactorizer.Factor(f));
        });

    [Property(MaxTest = 300)]
    public Property A_complete_factorization_refines_the_input_factors_into_irreducibles() =>
        Prop.ForAll(SquareFreeProducts.ToArbitrary(), inputFactors =>
        {
            var result = IntegerPolynomialFactorizer.Factor(IntegerPolynomialArithmetic.Product(inputFactors));
            if (!result.Complete) return true;
            var found = Keys(result.Factors);
            // Every input factor is a product of at least one irreducible, and linear ones are irreducible.
            bool linearFactorsFound = inputFactors.Where(g => g.Length == 2).All(g => found.Contains(Keys([g])[0]));
            bool eachIrreducible = result.Factors.All(g =>
                IntegerPolynomialFactorizer.Factor(g) is { Complete: true, Factors.Length: 1 });
            return found.Count >= inputFactors.Length && linearFactorsFound && eachIrreducible;
        });

    [Property(MaxTest = 300)]
    public Property Primitive_linear_polynomials_come_back_unchanged() =>
        Prop.ForAll(LinearPolynomials.ToArbitrary(), f =>
        {
            var result = IntegerPolynomialFactorizer.Factor(f);
            return result.Complete && result.Factors.Length == 1 && result.Factors[0].SequenceEqual(f);
        });

    /// <summary>A primitive factor of degree 1–4, coefficients in [−20, 20], positive leading coefficient.</summary>
    private static Gen<BigInteger[]> SmallFactor =>
        from degree in Gen.Choose(1, 4)
        from lower in Gen.ArrayOf(Gen.Choose(-20, 20), degree)
        from leading in Gen.Choose(1, 20)
        let coefficients = lower.Append(leading).Select(c => new BigInteger(c)).ToArray()
        where IntegerPolynomialArithmetic.Content(coefficients).IsOne
        select coefficients;

    /// <summary>One to four small factors whose product is square-free.</summary>
    private static Gen<BigInteger[][]> SquareFreeProducts =>
        from count in Gen.Choose(1, 4)
        from factors in Gen.ArrayOf(SmallFactor, count)
        where IsSquareFree(IntegerPolynomialArithmetic.Product(factors))
        select factors;

    /// <summary>a·x + b with a &gt; 0 and gcd(a, b) = 1.</summary>
    private static Gen<BigInteger[]> LinearPolynomials =>
        from a in Gen.Choose(1, 1_000_000)
        from b in Gen.Choose(-1_000_000, 1_000_000)
        where BigInteger.GreatestCommonDivisor(a, b).IsOne
        select new BigInteger[] { b, a };

    private static bool IsSquareFree(BigInteger[] f)
    {
        var p = Polynomial.Univariate([.. f.Select(c => new Rational(c))], Expr.Var("x"));
        return Polynomial.Gcd(p, p.Derivative(0)).IsConstant;
    }

    private static void AssertExactAndPrimitive(BigInteger[] f, IntegerFactorization result)
    {
        Assert.Equal(f, IntegerPolynomialArithmetic.Product(result.Factors.Select(g => g.ToArray())));
        foreach (var g in result.Factors)
        {
            Assert.True(g.Length >= 2 && g[^1].Sign > 0, $"factor {Show(g)} is constant or has a negative lead");
            Assert.True(IntegerPolynomialArithmetic.Content(g).IsOne, $"factor {Show(g)} is not primitive");
        }
    }

    /// <summary>A random primitive polynomial of the given degree, coefficients up to the bound, lc &gt; 0.</summary>
    private static BigInteger[] RandomPrimitive(Random random, int degree, int bound)
    {
        var coefficients = new BigInteger[degree + 1];
        for (int i = 0; i < degree; i++) coefficients[i] = random.Next(-bound, bound + 1);
        coefficients[degree] = random.Next(1, bound + 1);
        var content = IntegerPolynomialArithmetic.Content(coefficients);
        return [.. coefficients.Select(c => c / content)];
    }

    /// <summary>
    /// ∏(x ± √q₁ ± … ± √q_k) over all signs, built one square root at a time: writing
    /// P(x + y) = A(x, y²) + y·B(x, y²), P(x + √q)·P(x − √q) = A(x, q)² − q·B(x, q)².
    /// </summary>
    private static BigInteger[] SwinnertonDyer(params int[] radicands)
    {
        BigInteger[] p = [BigInteger.Zero, BigInteger.One];
        foreach (int q in radicands)
        {
            BigInteger[] even = new BigInteger[p.Length], odd = new BigInteger[p.Length];
            for (int i = 0; i < p.Length; i++)
                for (int j = 0; j <= i; j++)
                {
                    // p_i·x^i contributes C(i, j)·y^j·x^(i−j); y^j = q^⌊j/2⌋ (·y for odd j).
                    var term = p[i] * Binomial(i, j) * BigInteger.Pow(q, j / 2);
                    if (j % 2 == 0) even[i - j] += term;
                    else odd[i - j] += term;
                }
            p = IntegerPolynomialArithmetic.Subtract(IntegerPolynomialArithmetic.Multiply(even, even),
                IntegerPolynomialArithmetic.Scale(IntegerPolynomialArithmetic.Multiply(odd, odd), q));
        }
        return p;
    }

    private static BigInteger Binomial(int n, int k)
    {
        BigInteger result = BigInteger.One;
        for (int i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return result;
    }

    /// <summary>The factors as a sorted list of coefficient strings, to compare multisets.</summary>
    private static List<string> Keys<T>(IEnumerable<T> factors) where T : IEnumerable<BigInteger> =>
        [.. factors.Select(f => string.Join(",", f)).Order(StringComparer.Ordinal)];
}
