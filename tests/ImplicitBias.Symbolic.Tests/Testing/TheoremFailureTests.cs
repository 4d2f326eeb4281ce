using FsCheck;
using FsCheck.Fluent;
using ImplicitBias.Symbolic.Testing;

namespace ImplicitBias.Symbolic.Tests.Testing;

/// <summary>
/// The properties can fail, and a failure names the counterexample and the expected and actual values.
/// </summary>
public class TheoremFailureTests
{
    private static readonly Reparametrization Square = ReparametrizationGen.Shared("w^2", "(0,inf)");

    /// <summary>Runs the property and returns the failure message (fails the test when the property passes).</summary>
    private static string FailureOf(Property property, int maxTest = 100)
    {
        var e = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), property));
        Assert.Contains("Falsifiable", e.Message);
        return e.Message;
    }

    [Fact]
    public void A_wrong_metric_fails_the_mirror_identity_with_the_point_and_values()
    {
        // the true metric of w² is 1/(4x); claim 1/(2x)
        var message = FailureOf(Theorems.MirrorIdentity(Square, Expr.Parse("1/(2*x)")));
        Assert.Contains("w = ", message);
        var got = System.Text.RegularExpressions.Regex.Match(message, @"expected f″\(x\)·ρ′² = 1, got ([0-9.eE+-]+)");
        Assert.True(got.Success, message);
        Assert.Equal(2, double.Parse(got.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1e-9);
    }

    [Fact]
    public void A_wrong_metric_delegate_fails_too() =>
        FailureOf(Theorems.MirrorIdentity(ReparametrizationGen.Shared("sinh(w)"), x => 1 / (1 + x * x) * 1.001));

    [Fact]
    public void Flow_properties_fail_for_a_rho_whose_potential_is_not_coercive()
    {
        var tan = ReparametrizationGen.Shared("tan(w)", "(-pi/2,pi/2)");
        Assert.False(ReparametrizationGen.IsCovered(tan));
        var message = FailureOf(Theorems.FlowLimit(tan), 5);
        Assert.Contains("the theorem does not cover", message);
        Assert.Contains("fails", message);
        Assert.Contains("the theorem does not cover", FailureOf(Theorems.LinkInvariance(tan), 5));
        Assert.Contains("flow limit = Bregman projection", FailureOf(Theorems.All(tan), 5));
    }

    [Fact]
    public void Without_required_conditions_tan_is_checked_on_problems_and_the_mirror_identity_holds()
    {
        var tan = ReparametrizationGen.Shared("tan(w)", "(-pi/2,pi/2)");
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(50), Theorems.MirrorIdentity(tan));
    }

    [Fact]
    public void A_rho_that_is_not_a_bijection_fails_with_the_reason()
    {
        var turning = ReparametrizationGen.Shared("w^2"); // on the whole line: ρ′ changes sign at 0
        var message = FailureOf(Theorems.MirrorIdentity(turning), 5);
        Assert.Contains("was not derived", message);
        Assert.Contains("monotonicity", message);
        Assert.Contains("monotonicity", FailureOf(Theorems.FlowLimit(turning), 5));
    }

    [Fact]
    public void A_user_expression_passes_the_derivative_check_and_unbound_parameters_fail()
    {
        var property = Prop.ForAll(PointGen.In(Interval.Open(-2, 2)).ToArbitrary(), x =>
            Theorems.DerivativeMatchesFiniteDifference(Expr.Parse("x^2"), "x", Gen.Constant(x)));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), property); // the right derivative passes
        var unbound = ReparametrizationGen.Shared("beta*sinh(w/beta)", null, null);
        Assert.Contains("beta", FailureOf(Theorems.MirrorIdentity(unbound), 5));
    }
}
