using ImplicitBias.Symbolic.Analysis;

namespace ImplicitBias.Symbolic.Tests.Analysis;

/// <summary>
/// One-sided limits at the ends of a domain, as the conditions of the theorem use them: a table of facts, including
/// the indeterminate forms resolved by factoring out a dominant term (∞ − ∞) and by l'Hôpital's rule (0·∞).
/// </summary>
public class LimitTests
{
    private static Limit At(string expression, double point)
    {
        int side = double.IsPositiveInfinity(point) ? -1 : double.IsNegativeInfinity(point) ? 1 : 1;
        return new LimitAnalysis("w", point, side, new Dictionary<string, double>()).Of(Expr.Parse(expression));
    }

    [Theory]
    // determinate forms
    [InlineData("w^2 + w", double.PositiveInfinity, "+inf")]
    [InlineData("exp(-w)", double.PositiveInfinity, "0")]
    [InlineData("atan(w)", double.NegativeInfinity, "-1.5707963267948966")]
    [InlineData("log(w)", 0.0, "-inf")]
    // ∞ − ∞: w·(1 − 2/(1 + eʷ)) and friends
    [InlineData("w - 2*w/(1 + exp(w))", double.NegativeInfinity, "+inf")]
    [InlineData("w^2 - w", double.PositiveInfinity, "+inf")]
    [InlineData("exp(w) - w^3", double.PositiveInfinity, "+inf")]
    [InlineData("w - exp(w)", double.PositiveInfinity, "-inf")]
    [InlineData("log(w) - w", double.PositiveInfinity, "-inf")]
    // 0·∞ by l'Hôpital
    [InlineData("w*exp(-w)", double.PositiveInfinity, "0")]
    [InlineData("w/(1 + exp(w))", double.PositiveInfinity, "0")]
    [InlineData("w - 2*w/(1 + exp(w))", double.PositiveInfinity, "+inf")]
    [InlineData("w*log(w)", 0.0, "0")]
    [InlineData("w^2*exp(-w)", double.PositiveInfinity, "0")]
    [InlineData("exp(w)/w", double.PositiveInfinity, "+inf")]
    public void Limits_at_the_ends(string expression, double point, string expected)
    {
        var limit = At(expression, point);
        switch (expected)
        {
            case "+inf": Assert.Equal(LimitKind.PlusInfinity, limit.Kind); break;
            case "-inf": Assert.Equal(LimitKind.MinusInfinity, limit.Kind); break;
            default:
                Assert.Equal(LimitKind.Finite, limit.Kind);
                Assert.Equal(double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), limit.Value,
                    12);
                break;
        }
    }

    [Theory]
    [InlineData("w - w", double.PositiveInfinity)] // simplifies to 0: a constant
    [InlineData("sin(w)*w", double.PositiveInfinity)] // oscillation
    [InlineData("w - sqrt(w^2 + 1)", double.PositiveInfinity)] // the bracket cancels: 1 − 1 = 0 decides nothing
    public void Forms_the_rules_cannot_decide_stay_unknown_or_are_exact(string expression, double point)
    {
        var limit = At(expression, point);
        if (expression == "w - w") Assert.Equal(0, limit.Value);
        else Assert.Equal(LimitKind.Unknown, limit.Kind);
    }

    [Fact]
    public void The_coercivity_of_w_plus_sinh_w_is_decided_at_both_ends()
    {
        var d = Reparametrization.Parse("w + sinh(w)").Derive();
        var coercivity = d.Conditions.Where(c => c.Name.StartsWith("coercivity", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, coercivity.Count);
        Assert.All(coercivity, c => Assert.Equal(ConditionStatus.Holds, c.Status));
    }
}
