using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Analysis;

namespace ImplicitBias.Symbolic.Tests.Analysis;

/// <summary>
/// The bracketed monotone inverse: f(Solve(f, D, y)) = y for increasing and decreasing f on bounded, half-infinite and
/// infinite domains, and NaN for a value f does not take.
/// </summary>
public class MonotoneInversionTests
{
    public static TheoryData<string, string, double, double> Inverses => new()
    {
        { "exp(w)", "(-inf,inf)", 2.0, Math.Log(2) },
        { "w^3 + w", "(-inf,inf)", 10.0, 2.0 },
        { "-w^3", "(-inf,inf)", 8.0, -2.0 },
        { "log(w)", "(0,inf)", -3.0, Math.Exp(-3) },
        { "1/w", "(0,inf)", 4.0, 0.25 },
        { "tan(w)", "(-pi/2,pi/2)", 1.0, Math.PI / 4 },
        { "atanh(w)", "(-1,1)", 5.0, Math.Tanh(5) },
        { "-exp(-w)", "(0,inf)", -0.5, Math.Log(2) },
    };

    [Theory]
    [MemberData(nameof(Inverses))]
    public void The_inverse_is_found_inside_the_domain(string f, string domain, double value, double expected)
    {
        double w = MonotoneInversion.Solve(Expr.Parse(f).Compile("w"), DomainText.Parse(domain), value);
        Assert.Equal(expected, w, 1e-10);
    }

    [Theory]
    [InlineData("exp(w)", "(-inf,inf)", -1.0)]
    [InlineData("tanh(w)", "(-inf,inf)", 2.0)]
    [InlineData("w^2", "(1,2)", 9.0)]
    [InlineData("atan(w)", "(0,inf)", -0.5)]
    public void A_value_outside_the_image_gives_NaN(string f, string domain, double value) =>
        Assert.True(double.IsNaN(MonotoneInversion.Solve(Expr.Parse(f).Compile("w"), DomainText.Parse(domain), value)));

    [Fact]
    public void A_constant_function_has_no_inverse() =>
        Assert.True(double.IsNaN(MonotoneInversion.Solve(_ => 3, Interval.Real, 3)));

    [Property(MaxTest = 200)]
    public Property Solve_inverts_sinh_and_its_mirror_image() =>
        Prop.ForAll(Gen.Choose(-20000, 20000).Select(i => i / 1000.0).ToArbitrary(), w =>
        {
            double up = MonotoneInversion.Solve(Math.Sinh, Interval.Real, Math.Sinh(w));
            double down = MonotoneInversion.Solve(v => -Math.Sinh(v), Interval.Real, -Math.Sinh(w));
            return (Math.Abs(up - w) <= 1e-9 * Math.Max(1, Math.Abs(w))).Label($"up {up}")
                .And((Math.Abs(down - w) <= 1e-9 * Math.Max(1, Math.Abs(w))).Label($"down {down}"));
        });
}
