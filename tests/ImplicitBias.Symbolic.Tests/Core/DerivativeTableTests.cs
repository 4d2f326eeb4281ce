using static ImplicitBias.Symbolic.Tests.Core.TestSupport;

namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>d/dx of every node kind and every function, as a table of facts (each also checked numerically).</summary>
public class DerivativeTableTests
{
    /// <summary>f, f′ and a point inside f's domain where f′ is checked against a central difference.</summary>
    public static TheoryData<string, string, double> FunctionDerivatives => new()
    {
        { "exp(x)", "exp(x)", 0.7 },
        { "log(x)", "1/x", 0.7 },
        { "abs(x)", "sign(x)", -0.7 },
        { "sign(x)", "0", 0.7 },
        { "sin(x)", "cos(x)", 0.7 },
        { "cos(x)", "-sin(x)", 0.7 },
        { "tan(x)", "1/cos(x)^2", 0.7 },
        { "sinh(x)", "cosh(x)", 0.7 },
        { "cosh(x)", "sinh(x)", 0.7 },
        { "tanh(x)", "1/cosh(x)^2", 0.7 },
        { "asin(x)", "1/sqrt(1 - x^2)", 0.7 },
        { "acos(x)", "-1/sqrt(1 - x^2)", 0.7 },
        { "atan(x)", "1/(1 + x^2)", 0.7 },
        { "asinh(x)", "1/sqrt(1 + x^2)", 0.7 },
        { "acosh(x)", "1/sqrt(x^2 - 1)", 1.7 },
        { "atanh(x)", "1/(1 - x^2)", 0.7 },
        { "erf(x)", "2*exp(-x^2)/sqrt(pi)", 0.7 },
        { "lambertw(x)", "1/(x + exp(lambertw(x)))", 0.7 },
        { "li2(x)", "-log(1 - x)/x", 0.7 },
    };

    [Theory]
    [MemberData(nameof(FunctionDerivatives))]
    public void Derivative_of_each_function(string f, string derivative, double at)
    {
        var e = Expr.Parse(f);
        var d = e.Differentiate("x");
        AssertExpr(derivative, d);
        AssertMatchesFiniteDifference(e, d, at);
    }

    [Fact]
    public void The_function_table_covers_every_function()
    {
        var tested = FunctionDerivatives.Select(row => ((Call)Expr.Parse((string)row[0])).Function).ToHashSet();
        Assert.Equal(Enum.GetValues<Function>().ToHashSet(), tested);
    }

    [Theory]
    // constant exponent: k·u^(k−1)·u′
    [InlineData("x^3", "3*x^2", 1.3)]
    [InlineData("x^(1/3)", "1/(3*x^(2/3))", 1.3)]
    [InlineData("x^(-2)", "-2/x^3", 1.3)]
    [InlineData("sqrt(x)", "1/(2*sqrt(x))", 1.3)]
    [InlineData("1/x", "-1/x^2", 1.3)]
    [InlineData("sqrt(1 + x^2)", "x/sqrt(1 + x^2)", 1.3)]
    [InlineData("(1 + x)^2", "2 + 2*x", 1.3)]
    [InlineData("x^pi", "pi*x^(pi - 1)", 1.3)]
    // constant base: b^v·log(b)·v′
    [InlineData("2^x", "2^x*log(2)", 1.3)]
    [InlineData("pi^(2*x)", "2*pi^(2*x)*log(pi)", 1.3)]
    [InlineData("y^x", "y^x*log(y)", 1.3)]
    // variable base and exponent
    [InlineData("x^x", "x^x*(1 + log(x))", 1.3)]
    [InlineData("x^sin(x)", "x^sin(x)*(cos(x)*log(x) + sin(x)/x)", 1.3)]
    // exponent free of x (another symbol) is a constant exponent
    [InlineData("x^y", "y*x^(y - 1)", 1.3)]
    public void Derivative_of_powers(string f, string derivative, double at)
    {
        var e = Expr.Parse(f);
        var d = e.Differentiate("x");
        AssertExpr(derivative, d);
        AssertMatchesFiniteDifference(e, d, at, ("y", 0.8));
    }

    [Theory]
    [InlineData("x*sin(x)", "x*cos(x) + sin(x)")]
    [InlineData("x*y*z", "y*z")]
    [InlineData("exp(x)*log(x)", "exp(x)*log(x) + exp(x)/x")]
    [InlineData("x^2*exp(x)", "2*x*exp(x) + x^2*exp(x)")]
    [InlineData("sin(x)/x", "cos(x)/x - sin(x)/x^2")]
    [InlineData("pi*x", "pi")]
    [InlineData("beta*sinh(x/beta)", "cosh(x/beta)")]
    public void Derivative_of_products(string f, string derivative)
    {
        var e = Expr.Parse(f);
        var d = e.Differentiate("x");
        AssertExpr(derivative, d);
        AssertMatchesFiniteDifference(e, d, 0.9, ("y", 1.1), ("z", -0.6), ("beta", 1.7));
    }

    [Theory]
    [InlineData("x^2 + 3*x + 1", "3 + 2*x")]
    [InlineData("sin(x) + cos(x)", "cos(x) - sin(x)")]
    [InlineData("y + x*y", "y")]
    [InlineData("5", "0")]
    [InlineData("pi", "0")]
    [InlineData("2.5d", "0")]
    [InlineData("y", "0")]
    [InlineData("x", "1")]
    public void Derivative_of_sums_constants_and_symbols(string f, string derivative) =>
        AssertExpr(derivative, Expr.Parse(f).Differentiate("x"));

    [Theory]
    [InlineData("sin(x^2)", "2*x*cos(x^2)")]
    [InlineData("exp(sin(x))", "cos(x)*exp(sin(x))")]
    [InlineData("log(cosh(x))", "tanh(x)")]
    [InlineData("sqrt(1 - x^2)", "-x/sqrt(1 - x^2)")]
    [InlineData("atan(x/2)", "2/(4 + x^2)")]
    [InlineData("atan(x/2)", "1/(2*(1 + x^2/4))")]
    public void Chain_rule(string f, string derivative)
    {
        var e = Expr.Parse(f);
        var d = e.Differentiate("x");
        AssertExpr(derivative, d);
        AssertMatchesFiniteDifference(e, d, 0.45);
    }

    [Theory]
    [InlineData("x^5", 3, "60*x^2")]
    [InlineData("x^3", 4, "0")]
    [InlineData("sin(x)", 4, "sin(x)")]
    [InlineData("cos(x)", 3, "sin(x)")]
    [InlineData("exp(2*x)", 3, "8*exp(2*x)")]
    [InlineData("log(x)", 3, "2/x^3")]
    [InlineData("x*exp(x)", 2, "2*exp(x) + x*exp(x)")]
    [InlineData("erf(x)", 2, "-4*x*exp(-x^2)/sqrt(pi)")]
    [InlineData("sinh(x)", 0, "sinh(x)")]
    public void Higher_order_derivatives(string f, int order, string derivative) =>
        AssertExpr(derivative, Expr.Parse(f).Differentiate("x", order));

    [Theory]
    [InlineData("lambertw(x)", 2, 0.6)]
    [InlineData("li2(x)", 2, 0.4)]
    [InlineData("tan(x)", 3, 0.3)]
    [InlineData("atanh(x)", 3, 0.3)]
    [InlineData("x^x", 3, 1.2)]
    public void Higher_order_derivatives_agree_with_differences_of_lower_ones(string f, int order, double at)
    {
        var e = Expr.Parse(f);
        AssertMatchesFiniteDifference(e.Differentiate("x", order - 1), e.Differentiate("x", order), at);
    }

    [Fact]
    public void Negative_order_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Expr.Parse("x").Differentiate("x", -1));

    [Fact]
    public void Differentiating_with_respect_to_an_absent_symbol_gives_zero() =>
        Assert.Equal(Expr.Zero, Expr.Parse("sin(x)*exp(y)").Differentiate("w"));

    [Fact]
    public void A_power_of_zero_has_derivative_zero_where_it_is_defined()
    {
        // 0^x = 0 for x > 0; the general rule b^v·log(b)·v′ would evaluate 0·(−∞) = NaN.
        var d = Expr.Pow(Expr.Zero, Expr.Var("x")).Differentiate("x");
        Assert.Equal(Expr.Zero, d);
    }

    /// <summary>
    /// f′ at <paramref name="at"/> agrees with the central difference of f (step 1e-5, tolerance 1e-6).
    /// </summary>
    private static void AssertMatchesFiniteDifference(Expr f, Expr derivative, double at,
        params (string, double)[] parameters)
    {
        var bindings = parameters.ToDictionary(p => p.Item1, p => p.Item2);
        double F(double x) { bindings["x"] = x; return f.Evaluate(bindings); }
        double h = 1e-5;
        double difference = (F(at + h) - F(at - h)) / (2 * h);
        bindings["x"] = at;
        double exact = derivative.Evaluate(bindings);
        Assert.True(Close(exact, difference, 1e-6),
            $"d/dx {f} = {derivative} is {exact} at x = {at}, but the central difference is {difference}");
    }
}
