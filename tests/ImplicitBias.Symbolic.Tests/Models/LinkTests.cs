using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Models;

public class LinkTests
{
    public static TheoryData<string, double, double> Ranges => new()
    {
        { "identity", double.NegativeInfinity, double.PositiveInfinity },
        { "sigmoid", 0, 1 },
        { "tanh", -1, 1 },
        { "exp", 0, double.PositiveInfinity },
        { "softplus", 0, double.PositiveInfinity },
        { "z + z^3", double.NegativeInfinity, double.PositiveInfinity },
        { "2*atan(z)/pi", -1, 1 },
        { "1/(1 + exp(-z))", 0, 1 },
        { "exp(z) - exp(-z)", double.NegativeInfinity, double.PositiveInfinity },
        { "erf(z) + 1", 0, 2 },
        { "z + sin(z)", double.NegativeInfinity, double.PositiveInfinity },
    };

    [Theory, MemberData(nameof(Ranges))]
    public void Range_derivatives_and_inverse(string spec, double lo, double hi)
    {
        var link = Link.Parse(spec);
        Assert.Equal(Interval.Open(lo, hi), link.Range);
        var formula = link.Formula!;
        foreach (var z in Numeric.Points)
        {
            double g = link.Value(z);
            Numeric.Close(formula.Evaluate("z", z), g, 1e-13, $"{spec} g({z})");
            Assert.True(link.Derivative(z) > 0, $"{spec}: g′({z}) ≤ 0");
            Numeric.Close(Numeric.Difference(link.Value, z), link.Derivative(z), 1e-7, $"{spec} g′({z})");
            Numeric.Close(Numeric.Difference(link.Derivative, z), link.SecondDerivative(z), 1e-6, $"{spec} g″({z})");
            if (Math.Abs(z) <= 3.5 || link.Range.IsReal)
                Numeric.Close(z, link.Inverse(g), 1e-9, $"{spec} g⁻¹(g({z}))");
        }
    }

    [Fact]
    public void Built_ins_are_overflow_safe()
    {
        Assert.Equal(1, Link.Sigmoid.Value(800));
        Assert.Equal(0, Link.Sigmoid.Value(-800));
        Numeric.Relative(Math.Exp(-800), Link.Sigmoid.Derivative(-800), 1e-12);
        Assert.Equal(800, Link.Softplus.Value(800));
        Numeric.Relative(Math.Exp(-40), Link.Softplus.Value(-40), 1e-14);
        Assert.Equal(-40, Link.Softplus.Inverse(Math.Exp(-40)), 10);
        Assert.Equal(50, Link.Softplus.Inverse(50), 12);
        Assert.Equal(-30, Link.Sigmoid.Inverse(Link.Sigmoid.Value(-30)), 9);
        Assert.True(double.IsNaN(Link.Sigmoid.Inverse(1.5)));
        Assert.True(double.IsNaN(Link.Exp.Inverse(-1)));
    }

    [Fact]
    public void Names()
    {
        foreach (var name in new[] { "identity", "sigmoid", "tanh", "exp", "softplus" })
        {
            Assert.Equal(name, Link.Parse(name).Name);
            Assert.Same(Link.Parse(name), Link.Parse(name.ToUpperInvariant()));
        }
        Assert.Same(Link.Sigmoid, Link.Parse("logistic"));
        Assert.Equal("z + z^3", Link.Parse("z+z^3").Name);
        Assert.Equal(Expr.Parse("log(1 + exp(z))"), Link.Softplus.Formula);
    }

    [Fact]
    public void Formula_link_in_another_variable()
    {
        var link = Link.FromFormula(Expr.Parse("tanh(t/2)"), "t");
        Assert.Equal(Interval.Open(-1, 1), link.Range);
        Numeric.Close(Math.Tanh(0.35), link.Value(0.7), 1e-15);
        Numeric.Close(0.7, link.Inverse(Math.Tanh(0.35)), 1e-12);
    }

    [Theory]
    [InlineData("z^2", "not strictly increasing: g′ changes sign at z ≈ 0")]
    [InlineData("sin(z)", "not strictly increasing: g′ changes sign at z ≈ ")]
    [InlineData("-z", "not strictly increasing: g′(z) = -1 is negative")]
    [InlineData("exp(-z)", "is negative (g decreases)")]
    [InlineData("z + abs(z)", "not strictly increasing: g′(z) = 1 + sign(z) vanishes on (-inf, 0)")]
    [InlineData("log(z)", "has a pole at z = 0 (of log(z)) inside (-inf, inf)")]
    [InlineData("sqrt(z)", "is not real on all of (-inf, inf)")]
    [InlineData("z*a", "symbols other than z: a")]
    [InlineData("sigmod", "unknown link 'sigmod'")]
    [InlineData("z +", "unknown link 'z +'")]
    public void Rejects_links_that_are_not_strictly_increasing_or_not_defined(string spec, string message)
    {
        var e = Assert.ThrowsAny<SymbolicException>(() => Link.Parse(spec));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_link_that_is_not_strictly_increasing_names_itself()
    {
        var e = Assert.ThrowsAny<SymbolicException>(() => Link.Parse("z^3 - 3*z"));
        Assert.StartsWith("the link g(z) = z^3 - 3*z is not strictly increasing: g′ changes sign at z ≈ -1, 1",
            e.Message);
    }
}
