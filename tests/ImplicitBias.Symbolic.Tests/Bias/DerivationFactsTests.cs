using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Bias;

/// <summary>Facts about derivations beyond the catalog: forms, conditions, two-variable maps and design.</summary>
public class DerivationFactsTests
{
    private static Condition ConditionNamed(Derivation d, string prefix) =>
        d.Conditions.First(c => c.Name.StartsWith(prefix, StringComparison.Ordinal));

    [Theory]
    [InlineData("w + abs(w)", "vanishes on (−∞, 0)")]
    [InlineData("w - abs(w)", "vanishes on (0, ∞)")]
    [InlineData("w^3", "vanishes at w ≈ 0")]
    public void Where_rho_prime_vanishes_is_a_point_or_an_interval(string rho, string fragment)
    {
        var monotone = ConditionNamed(Reparametrization.Parse(rho).Derive(), "strict monotonicity");
        Assert.Equal(ConditionStatus.Fails, monotone.Status);
        Assert.Contains(fragment, monotone.Reason);
    }

    [Fact]
    public void A_non_elementary_inverse_gives_a_parametric_potential()
    {
        var d = Reparametrization.Parse("w^3 + w").Derive();
        Assert.Equal(Form.Parametric, d.Form);
        Assert.NotNull(d.PotentialOfW);
        Assert.Null(d.Potential!.Expression);
        // f″(ρ(w)) ρ′(w)² = 1 through the numeric solve
        foreach (var w in new[] { -2.0, -0.3, 0.7, 1.9 })
        {
            double x = w * w * w + w, rhoPrime = 3 * w * w + 1;
            Assert.Equal(1.0, d.Metric!.Evaluate(x) * rhoPrime * rhoPrime, 12);
        }
    }

    [Fact]
    public void A_hyperbolic_derivative_is_integrated_through_exponentials()
    {
        // ρ′ = 1 + cosh w: Φ = ∫ dw/(1 + cosh w) = tanh(w/2) + C, found as −2/(1 + eʷ) by t = eʷ
        var d = Reparametrization.Parse("w + sinh(w)").Derive();
        Assert.Equal(Form.Parametric, d.Form);
        Assert.Equal(Form.Explicit, d.DualCoordinate!.Form);
        Assert.Equal(Form.Explicit, d.InverseMirrorMap!.Form);
        foreach (var w in new[] { -3.0, -0.4, 0.9, 2.5 })
        {
            double x = w + Math.Sinh(w), rhoPrime = 1 + Math.Cosh(w);
            Assert.Equal(1.0, d.Metric!.Evaluate(x) * rhoPrime * rhoPrime, 10);
            Assert.Equal(Math.Tanh(w / 2) - Math.Tanh(0.3 / 2),
                d.DualCoordinate.Evaluate(w) - d.DualCoordinate.Evaluate(0.3), 12);
        }
    }

    [Fact]
    public void Two_variable_square_gives_the_hyperbolic_entropy()
    {
        var alpha = Expr.Var("alpha", Interval.Positive);
        var r = Reparametrization.Create(Expr.Parse("w^2"), "w", Interval.Positive).Difference(alpha, alpha);
        var d = r.Derive();
        Assert.NotNull(d.Potential!.Expression);
        var x = Expr.Var("x");
        var expected = (x * Expr.Asinh(x / (2 * Expr.Pow(alpha, 2)))
            - Expr.Sqrt(Expr.Pow(x, 2) + 4 * Expr.Pow(alpha, 4))) / 4;
        foreach (var a in new[] { 0.1, 0.7, 2.0 })
        {
            var parameters = new Dictionary<string, double> { ["alpha"] = a };
            var ours = d.Potential.Expression!.Compile("x", parameters);
            var theirs = expected.Compile("x", parameters);
            double offset = ours(0.3) - theirs(0.3);
            double slope = (ours(1.3) - theirs(1.3) - offset) / 1.0;
            foreach (var xv in new[] { -3.0, -0.5, 0.9, 4.0 })
                Assert.Equal(offset + slope * (xv - 0.3), ours(xv) - theirs(xv), 10);
        }
    }

    [Fact]
    public void Turning_point_of_the_square_on_the_real_line_is_reported()
    {
        var d = Reparametrization.Parse("w^2").Derive();
        Assert.False(d.IsDerived);
        var monotone = ConditionNamed(d, "strict monotonicity");
        Assert.Equal(ConditionStatus.Fails, monotone.Status);
        Assert.Contains("w = 0", monotone.Reason);
    }

    [Fact]
    public void A_numeric_dual_coordinate_with_finite_limits_gives_a_bounded_dual_range()
    {
        // Φ = ∫ dw/(3w² + 1 + cos(w)/10) converges at both ends; its total, by MathNet's quadrature over w = t/(1 − t)
        var d = Reparametrization.Parse("w^3 + w + sin(w)/10").Derive();
        Assert.Equal(Form.Numeric, d.DualCoordinate!.Form);
        static double PhiPrime(double w) => 1 / (3 * w * w + 1 + Math.Cos(w) / 10);
        double half = MathNet.Numerics.Integration.GaussKronrodRule.Integrate(
            t => t >= 1 ? 0 : PhiPrime(t / (1 - t)) / ((1 - t) * (1 - t)), 0, 1, out _, out _, 1e-13);
        Assert.Equal(2 * half, d.DualRange.Hi - d.DualRange.Lo, 9);
    }

    [Fact]
    public void A_limit_that_is_finite_numerically_is_reported_as_apparently_finite()
    {
        // ρ = asinh(tan(w)), the design for log cosh: ∫ρ/ρ′ dw tends to log 2 at both ends, which the symbolic
        // limits cannot decide; the reason says what the values show
        var d = Reparametrization.Parse("asinh(tan(w))", domain: "(-pi/2,pi/2)").Derive();
        foreach (var end in new[] { "coercivity at x → ∞", "coercivity at x → −∞" })
        {
            var coercivity = ConditionNamed(d, end);
            Assert.Equal(ConditionStatus.Unknown, coercivity.Status);
            Assert.EndsWith("numerically ∫ρ/ρ′ dw → 0.693147…, apparently finite", coercivity.Reason);
        }
    }

    [Fact]
    public void An_oscillating_derivative_leaves_the_numeric_limits_open_instead_of_guessing()
    {
        // ρ′ = 1 + cos(w)/2: the quadrature of Φ and ∫ρ/ρ′ toward ±∞ loses accuracy over long oscillating stretches
        // (integrating each from the base point used to take minutes); the ends stay open and the conditions unknown
        var d = Reparametrization.Parse("w + sin(w)/2").Derive();
        Assert.True(d.DualRange.IsReal, $"{d.DualRange}");
        Assert.True(d.Image.IsReal, $"{d.Image}");
        foreach (var end in new[] { "coercivity at x → ∞", "coercivity at x → −∞" })
        {
            var coercivity = ConditionNamed(d, end);
            Assert.Equal(ConditionStatus.Unknown, coercivity.Status);
            Assert.Contains("before the quadrature loses accuracy", coercivity.Reason);
        }
        foreach (var w in new[] { -40.0, -1.0, 0.5, 25.0 })
        {
            double x = w + Math.Sin(w) / 2, rhoPrime = 1 + Math.Cos(w) / 2;
            Assert.Equal(1.0, d.Metric!.Evaluate(x) * rhoPrime * rhoPrime, 10);
        }
    }

    [Fact]
    public void An_image_end_estimated_numerically_survives_an_overflowing_intermediate()
    {
        // sin(w²) is NaN from w = 2^512 on, while ρ ≈ w keeps growing: the end is +∞, not the last finite value
        var d = Reparametrization.Parse("w + sin(w^2)/(4 + w^2)").Derive();
        Assert.True(d.Image.IsReal, $"{d.Image}");
    }

    [Theory]
    [InlineData("sinh(w)", null, ConditionStatus.Holds)]
    [InlineData("exp(w)", null, ConditionStatus.Holds)]
    [InlineData("w^3", "(0,inf)", ConditionStatus.Holds)]
    [InlineData("tan(w)", "(-pi/2,pi/2)", ConditionStatus.Fails)]
    public void Coercivity_at_infinite_ends(string rho, string? domain, ConditionStatus expected)
    {
        var d = Reparametrization.Parse(rho, domain: domain).Derive();
        Assert.Equal(expected, ConditionNamed(d, "coercivity at x → ∞").Status);
    }

    [Theory]
    [InlineData("tanh(w)", null, "coercivity at x → 1", ConditionStatus.Holds)]
    [InlineData("w^2", "(0,inf)", "coercivity at x → 0", ConditionStatus.Holds)]
    [InlineData("sin(w)", "(-pi/2,pi/2)", "coercivity at x → 1", ConditionStatus.Holds)]
    [InlineData("w^(4/3)", "(0,inf)", "coercivity at x → 0", ConditionStatus.Fails)]
    public void Coercivity_at_finite_ends(string rho, string? domain, string condition, ConditionStatus expected)
    {
        var d = Reparametrization.Parse(rho, domain: domain).Derive();
        Assert.Equal(expected, ConditionNamed(d, condition).Status);
    }

    [Theory]
    [InlineData("p*x^p/(4*(p-1))", "(0,inf)", 1.5, "w^(4/3)")]
    [InlineData("p*x^p/(4*(p-1))", "(0,inf)", 3.0, "w^(2/3)")]
    [InlineData("x*atan(x) - log(1+x^2)/2", null, 0.0, "sinh(w)")]
    [InlineData("log(cosh(x))", null, 0.0, "asinh(tan(w))")]
    public void Design_examples(string potential, string? domain, double p, string expectedRho)
    {
        var parameters = p == 0 ? null : new Dictionary<string, double> { ["p"] = p };
        var result = PotentialDesign.Design(potential, "x", domain, parameters);
        Assert.True(result.Verified, result.Verification);
        Assert.NotNull(result.Reparametrization);
        var expected = Expr.Parse(expectedRho).Compile("w");
        var ours = result.Reparametrization!.Compile("w");
        foreach (var w in new[] { 0.2, 0.7, 1.1, 1.4 })
            if (result.ReparametrizationDomain.Contains(w))
                Assert.Equal(expected(w), ours(w), 10);
    }
}
