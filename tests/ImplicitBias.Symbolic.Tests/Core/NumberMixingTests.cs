namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>
/// Numbers mixed with expressions in C# are exact: ints are integers, doubles the rationals of their shortest
/// decimals.
/// </summary>
public class NumberMixingTests
{
    private static readonly Expr W = Expr.Var("w");

    public static TheoryData<Expr, string> Mixed => new()
    {
        { W + 0.5, "w + 1/2" },
        { 0.1 * W, "w/10" },
        { W / 4, "w/4" },
        { 2 - W, "2 - w" },
        { 1.0 / W, "1/w" },
        { Expr.Pow(W, 2.0), "w^2" },
        { Expr.Pow(W, 0.5), "sqrt(w)" },
        { Expr.Pow(W, -1), "1/w" },
        { W * 1e-3, "w/1000" },
    };

    [Theory]
    [MemberData(nameof(Mixed))]
    public void Mixed_arithmetic_is_exact(Expr built, string expected) => Assert.Equal(Expr.Parse(expected), built);

    [Theory]
    [InlineData(0.25, "1/4")]
    [InlineData(-2.0, "-2")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(1.5e-7, "3/20000000")]
    public void Decimal_reads_the_shortest_decimal(double value, string expected) =>
        Assert.Equal(Expr.Parse(expected), Expr.Decimal(value));

    [Fact]
    public void Non_finite_doubles_are_rejected_and_FromDouble_stays_floating_point()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Expr.Decimal(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => W + double.NaN);
        Assert.IsType<Real>(Expr.FromDouble(0.5));
        Expr implicitHalf = 0.5;
        Assert.Equal(Expr.Parse("1/2"), implicitHalf);
    }
}
