namespace ImplicitBias.Symbolic.Tests.Bias;

/// <summary>
/// Design tells the truth about its input: f″ &gt; 0 holds (proven), fails where f″ vanishes (at points: ρ′ would
/// be infinite; on an interval: no reparametrization exists), and a failing design is never verified.
/// </summary>
public class DesignConvexityTests
{
    [Theory]
    [InlineData("x^p", "(0,inf)", "p>1", ConditionStatus.Holds, true, true)]
    [InlineData("x*atan(x) - log(1+x^2)/2", "(-inf,inf)", "", ConditionStatus.Holds, true, true)]
    [InlineData("sqrt(1+x^2)", "(-inf,inf)", "", ConditionStatus.Holds, true, false)]
    [InlineData("x^3", "(0,inf)", "", ConditionStatus.Holds, true, true)]
    [InlineData("x^4", "(-inf,inf)", "", ConditionStatus.Fails, false, false)]
    [InlineData("x^2/2*(1 - (1+sign(abs(x)-1))/2) + (abs(x) - 1/2)*(1 + sign(abs(x)-1))/2", "(-inf,inf)", "",
        ConditionStatus.Fails, false, false)]
    public void Design_reports_whether_the_metric_is_positive(string potential, string domain, string assume,
        ConditionStatus status, bool verified, bool explicitRho)
    {
        var design = PotentialDesign.Design(potential, "x", domain, assumptions: assume.Length > 0 ? [assume] : []);
        Assert.Equal(status, design.Convexity.Status);
        Assert.Equal(verified, design.Verified);
        Assert.Equal(explicitRho, design.Reparametrization is not null);
        if (status == ConditionStatus.Fails) Assert.Contains("vanishes", design.Convexity.Reason);
    }

    [Fact]
    public void The_true_huber_function_has_no_reparametrization()
    {
        var design = PotentialDesign.Design(
            "x^2/2*(1 - (1+sign(abs(x)-1))/2) + (abs(x) - 1/2)*(1 + sign(abs(x)-1))/2", "x");
        Assert.Contains("no reparametrization exists", design.Convexity.Reason);
        Assert.Null(design.Reparametrization);
        Assert.False(design.Verified);
    }

    [Fact]
    public void A_metric_that_changes_sign_is_rejected_with_where()
    {
        var error = Assert.Throws<SymbolicException>(() => PotentialDesign.Design("x^3", "x"));
        Assert.Contains("changes sign at x = 0", error.Message);
    }
}
