using ImplicitBias.Symbolic.Analysis;

namespace ImplicitBias.Symbolic.Tests.Analysis;

/// <summary>
/// The one "keeps one sign" check: proven by range analysis or Sturm sequences where it can be decided, with sign
/// changes and vanishing points or stretches located; otherwise read off samples and marked as not proven.
/// </summary>
public class SignAnalysisTests
{
    private static readonly Dictionary<string, double> None = [];

    [Theory]
    [InlineData("w^2 + 1", "(-inf,inf)", 1)] // range analysis
    [InlineData("w^2 - 2*w + 2", "(-inf,inf)", 1)] // no real root: Sturm
    [InlineData("3*w^2 - 6*w + 3 + 1/1000", "(-inf,inf)", 1)] // minimum 0.001 at w = 1
    [InlineData("1 - w^2", "(-1,1)", 1)] // zeros at the open ends only
    [InlineData("(w - 3)*(w + 3)", "(-3,3)", -1)]
    [InlineData("(w^2 + 1)/(w^2 + 2)", "(-inf,inf)", 1)]
    [InlineData("-w^4 - w^2 - 1", "(-inf,inf)", -1)]
    [InlineData("w^3 - w", "(1,inf)", 1)]
    public void A_rational_derivative_that_keeps_its_sign_is_proven(string derivative, string domain, int sign)
    {
        var report = Of(derivative, domain);
        Assert.Equal((sign, true), (report.Sign, report.Proven));
        Assert.Empty(report.Changes);
        Assert.Null(report.Vanishing);
    }

    [Theory]
    [InlineData("w^2 - 2", "(-inf,inf)", new[] { -1.4142135623730951, 1.4142135623730951 })]
    [InlineData("w^3 - w", "(-inf,inf)", new[] { -1.0, 0, 1 })]
    [InlineData("w - 1/1000", "(0,1)", new[] { 0.001 })]
    [InlineData("(w - 1)^3*(w^2 + 1)", "(-inf,inf)", new[] { 1.0 })]
    public void A_sign_change_is_a_proven_failure_at_the_located_roots(string derivative, string domain,
        double[] roots)
    {
        var report = Of(derivative, domain);
        Assert.Equal((0, true), (report.Sign, report.Proven));
        Assert.Equal(roots.Length, report.Changes.Count);
        foreach (var (expected, found) in roots.Zip(report.Changes)) Assert.Equal(expected, found, 1e-12);
    }

    [Theory]
    [InlineData("3*w^2", "(-inf,inf)", 1, 0)] // w³: monotone, ρ′ vanishes at 0
    [InlineData("-(w - 2)^2*(w^2 + 1)", "(-inf,inf)", -1, 2)]
    public void An_even_zero_keeps_the_sign_and_is_reported_as_a_vanishing_point(string derivative, string domain,
        int sign, double zero)
    {
        var report = Of(derivative, domain);
        Assert.Equal((sign, true), (report.Sign, report.Proven));
        Assert.Equal((zero, zero), report.Vanishing);
    }

    [Theory]
    [InlineData("1 + sign(w)", "(-inf,inf)", double.NegativeInfinity, 0)]
    [InlineData("w + abs(w)", "(-inf,inf)", double.NegativeInfinity, 0)]
    [InlineData("(1 - w + abs(w - 1))/2", "(1/2,inf)", 1, double.PositiveInfinity)]
    public void A_derivative_that_vanishes_on_a_stretch_names_the_stretch(string derivative, string domain,
        double from, double to)
    {
        var report = Of(derivative, domain);
        Assert.Equal((from, to), report.Vanishing);
    }

    [Fact]
    public void A_sampled_sign_is_not_called_a_proof()
    {
        var report = Of("exp(w) - w", "(-inf,inf)"); // ≥ 1, beyond range analysis and Sturm
        Assert.Equal((1, false), (report.Sign, report.Proven));
    }

    [Theory]
    [InlineData(new[] { -2.0, 0, 1 }, double.NegativeInfinity, double.PositiveInfinity, 2)] // w² − 2
    [InlineData(new[] { -2.0, 0, 1 }, 0, 2, 1)]
    [InlineData(new[] { 0.0, -1, 0, 1 }, -1, 1, 1)] // w³ − w: ±1 at the open ends
    [InlineData(new[] { 1.0, 0, 1 }, double.NegativeInfinity, double.PositiveInfinity, 0)]
    [InlineData(new[] { -1.0, 0, 0, 0, 0, 1 }, double.NegativeInfinity, double.PositiveInfinity, 1)] // w⁵ − 1
    public void Sturm_sequences_count_distinct_roots_in_an_open_interval(double[] coefficients, double a, double b,
        int roots)
    {
        var sequence = SturmSequence.Of([.. coefficients.Select(Rational.FromDouble)])!;
        Assert.Equal(roots, sequence.RootsBetween(a, b));
    }

    private static SignReport Of(string derivative, string domain) =>
        SignAnalysis.Of(Expr.Parse(derivative), "w", DomainText.Parse(domain), None);
}
