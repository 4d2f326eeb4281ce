using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Models;

/// <summary>Central finite differences and tolerances shared by the model tests.</summary>
internal static class Numeric
{
    public static double Difference(Func<double, double> f, double x)
    {
        double h = 1e-6 * Math.Max(0.01, Math.Abs(x));
        return (f(x + h) - f(x - h)) / (2 * h);
    }

    public static void Close(double expected, double actual, double tolerance, string what = "")
    {
        double scale = Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual)));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>|expected − actual| ≤ tolerance·|expected| (for tiny values).</summary>
    public static void Relative(double expected, double actual, double tolerance, string what = "") =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R}");

    public static readonly double[] Points = [-7.3, -2.1, -1.0, -0.37, -1e-3, 0, 2e-3, 0.29, 0.9, 1.6, 3.3, 11.5];
}

public class LossTests
{
    public static TheoryData<string> BuiltIns =>
        ["square", "huber", "huber:0.5", "power:1.5", "power:3", "logcosh", "r^4/4", "abs(r)^3/3"];

    [Theory, MemberData(nameof(BuiltIns))]
    public void Is_a_loss_with_consistent_derivatives(string spec)
    {
        var loss = Loss.Parse(spec);
        Assert.Equal(0, loss.Value(0));
        foreach (var r in Numeric.Points)
        {
            Assert.True(loss.Value(r) >= 0, $"{spec}: ℓ({r}) < 0");
            Assert.Equal(Math.Sign(r), Math.Sign(loss.Derivative(r)));
            if (r == 0) continue;
            // Huber's ℓ″ jumps at ±δ; stay away from the kink
            if (spec.StartsWith("huber", StringComparison.Ordinal)
                && Math.Abs(Math.Abs(r) - (spec == "huber" ? 1 : 0.5)) < 1e-3) continue;
            Numeric.Close(Numeric.Difference(loss.Value, r), loss.Derivative(r), 1e-7, $"{spec} ℓ′({r})");
            Numeric.Close(Numeric.Difference(loss.Derivative, r), loss.SecondDerivative(r), 1e-6, $"{spec} ℓ″({r})");
        }
    }

    [Fact]
    public void Built_in_values()
    {
        Assert.Equal(4.5, Loss.Square.Value(3));
        Assert.Equal(1, Loss.Square.SecondDerivative(-8));
        var huber = Loss.Huber(0.5);
        Assert.Equal(0.5 * 0.04, huber.Value(0.2), 15);
        Assert.Equal(0.5 * (3 - 0.25), huber.Value(-3), 15);
        Assert.Equal(-0.5, huber.Derivative(-3));
        Assert.Equal(0, huber.SecondDerivative(3));
        var power = Loss.Power(1.5);
        Assert.Equal(Math.Pow(4, 1.5) / 1.5, power.Value(-4), 13);
        Assert.Equal(-2, power.Derivative(-4), 14);
        Assert.Equal(double.PositiveInfinity, power.SecondDerivative(0));
        Assert.Equal(Math.Log(Math.Cosh(2.5)), Loss.LogCosh.Value(2.5), 14);
        Assert.Equal(1000 - Math.Log(2), Loss.LogCosh.Value(-1000), 12);   // no overflow
        Numeric.Relative(0.5e-18, Loss.LogCosh.Value(1e-9), 1e-14);                // no cancellation near 0
        Assert.Equal(1 / Math.Pow(Math.Cosh(0.7), 2), Loss.LogCosh.SecondDerivative(0.7), 14);
    }

    [Fact]
    public void Names_and_formulas()
    {
        Assert.Equal("square", Loss.Square.Name);
        Assert.Equal("huber(1)", Loss.Parse("huber").Name);
        Assert.Equal("huber(0.5)", Loss.Parse("huber:0.5").Name);
        Assert.Equal("power(1.5)", Loss.Parse("power:1.5").Name);
        Assert.Equal("logcosh", Loss.Parse("LogCosh").Name);
        Assert.Equal("r^4/4", Loss.Parse("r^4/4").Name);
        Assert.Null(Loss.Huber(1).Formula);
        Assert.Equal(Expr.Parse("r^2/2"), Loss.Square.Formula);
        Assert.Equal(Expr.Parse("abs(r)^(3/2)*2/3"), Loss.Power(1.5).Formula);
        Assert.Equal(Expr.Parse("log(cosh(r))"), Loss.LogCosh.Formula);
        // names parse back
        foreach (var loss in new[]
                 { Loss.Square, Loss.Huber(0.25), Loss.Power(2.5), Loss.LogCosh, Loss.Parse("r^4/4") })
            Assert.Equal(loss.Name, Loss.Parse(loss.Name).Name);
    }

    [Fact]
    public void Formula_losses_agree_with_built_ins()
    {
        var formula = Loss.FromFormula(Expr.Parse("log(cosh(u))"), "u");
        foreach (var r in Numeric.Points)
        {
            Numeric.Close(Loss.LogCosh.Value(r), formula.Value(r), 1e-13);
            Numeric.Close(Loss.LogCosh.Derivative(r), formula.Derivative(r), 1e-13);
            Numeric.Close(Loss.LogCosh.SecondDerivative(r), formula.SecondDerivative(r), 1e-12);
        }
    }

    [Theory]
    [InlineData("r^2 + 1", "ℓ(0) = 1")]
    [InlineData("r^3", "is negative at r = -")]
    [InlineData("-r^2", "is negative")]
    [InlineData("r^2*(r-1)^2", "sign ℓ′(r) = sign r")]
    [InlineData("(r - 1)^2 - 1", "ℓ′(0) = -2")]
    [InlineData("sqrt(r)", "is not real on all of (-inf, inf): the edge of its domain at r = 0 (of sqrt(r))")]
    [InlineData("r^2 + a*r", "symbols other than r: a")]
    [InlineData("(abs(r) - 1 + abs(abs(r) - 1))/2", "sign ℓ′(r) = sign r")]
    public void Rejects_functions_that_are_not_losses(string formula, string message)
    {
        var e = Assert.ThrowsAny<SymbolicException>(() => Loss.Parse(formula));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("huber:0", "δ = 0")]
    [InlineData("huber:-1", "δ = -1")]
    [InlineData("huber:abc", "'abc' is not a number")]
    [InlineData("power:1", "q > 1")]
    [InlineData("power:0.5", "q > 1")]
    [InlineData("power", "needs an exponent")]
    [InlineData("sqaure", "unknown loss 'sqaure'")]
    [InlineData("r^", "unknown loss 'r^'")]
    public void Rejects_bad_specifications(string spec, string message)
    {
        var e = Assert.ThrowsAny<SymbolicException>(() => Loss.Parse(spec));
        Assert.Contains(message, e.Message);
    }
}
