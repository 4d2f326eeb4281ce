using ImplicitBias.Symbolic.Algebra.Calculus;

namespace ImplicitBias.Symbolic.Tests.Calculus;

/// <summary>
/// Numeric certificates: a sum whose terms cancel far below their size is not evaluated accurately in floating
/// point, so such points are skipped — they never fail a correct formula and never count toward a wrong one.
/// </summary>
public class CertificationTests
{
    private static readonly Symbol W = Expr.Var("w", Interval.Positive);

    // d/dw log((1 + eʷ)/(2 + eʷ)): a difference of two terms near 1 for large w, equal to eʷ/((1 + eʷ)(2 + eʷ)) ≈ e⁻ʷ
    private static readonly Expr Cancelling = Expr.Exp(W) / (1 + Expr.Exp(W)) - Expr.Exp(W) / (2 + Expr.Exp(W));
    private static readonly Expr Exact = Expr.Exp(W) / ((1 + Expr.Exp(W)) * (2 + Expr.Exp(W)));

    [Fact]
    public void A_correct_formula_that_cancels_far_out_is_certified_on_the_points_that_can_decide()
    {
        var certificate = Certifier.CompareAtPoints(Cancelling, Exact, "w", Interval.Positive);
        Assert.NotNull(certificate);
        Assert.InRange(certificate.Points, Certifier.MinimumPoints, 9); // w = 31.71 (and maybe 13.37) skipped
        Assert.True(certificate.MaxRelativeError <= Certifier.Tolerance);
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-9)]
    public void A_formula_off_by_a_small_factor_is_rejected_despite_the_skipped_points(double relativeError) =>
        Assert.Null(Certifier.CompareAtPoints(Cancelling * (1 + relativeError), Exact, "w", Interval.Positive));

    [Fact]
    public void A_formula_that_agrees_only_where_nothing_can_be_decided_is_rejected()
    {
        // agrees with the exact value for large w (where the candidate cancels) and is wrong near 0
        var wrong = Cancelling + Expr.Exp(-Expr.Pow(W, 2)) / 100;
        Assert.Null(Certifier.CompareAtPoints(wrong, Exact, "w", Interval.Positive));
    }

    [Fact]
    public void Too_few_deciding_points_give_no_certificate()
    {
        // on (25, 40) every sample cancels: nothing is certified, the caller falls back to numeric
        var far = new Interval(25, 40, true, true);
        Assert.Null(Certifier.CompareAtPoints(Cancelling, Exact, "w", far));
    }

    [Fact]
    public void Expressions_without_cancellation_are_compared_at_every_point() =>
        Assert.Equal(10, Certifier.CompareAtPoints(Exact, Exact * 1, "w", Interval.Positive)?.Points);
}
