using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Testing;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Testing;

/// <summary>
/// The theorem library used the way a C# user would: FsCheck.Xunit [Property] methods returning the library's
/// properties, and Check.QuickThrowOnFailure / Check.One on them.
/// </summary>
public class TheoremPropertyTests
{
    private static readonly Reparametrization Square = ReparametrizationGen.Shared("w^2", "(0,inf)");
    private static readonly Reparametrization Sinh = ReparametrizationGen.Shared("sinh(w)");

    /// <summary>Names of the catalog entries the theorem covers (no failing condition).</summary>
    public static TheoryData<string> CoveredCatalogNames()
    {
        var data = new TheoryData<string>();
        foreach (var (entry, r) in ReparametrizationCatalog.Entries.Zip(ReparametrizationGen.CatalogMembers))
            if (ReparametrizationGen.IsCovered(r)) data.Add(entry.Name);
        return data;
    }

    private static Reparametrization Catalog(string name) =>
        ReparametrizationGen.CatalogMembers[ReparametrizationCatalog.Entries.ToList().FindIndex(e => e.Name == name)];

    // ------------------------------------------------------------ [Property] methods returning Property

    [Property(MaxTest = 100)]
    public Property Mirror_identity_holds_on_every_catalog_entry() =>
        Prop.ForAll(ReparametrizationGen.Catalog().ToArbitrary(), r => Theorems.MirrorIdentity(r));

    [Property(MaxTest = 100)]
    public Property Mirror_identity_holds_for_the_square() => Theorems.MirrorIdentity(Square);

    [Property(MaxTest = 60)]
    public Property Derivatives_match_finite_differences_on_every_catalog_entry() =>
        Prop.ForAll(ReparametrizationGen.Catalog().ToArbitrary(), r => Theorems.Derivatives(r));

    [Property(MaxTest = 40)]
    public Property Design_round_trip_on_every_catalog_entry() =>
        Prop.ForAll(ReparametrizationGen.Catalog().ToArbitrary(), r => Theorems.DesignRoundTrip(r));

    [Property(MaxTest = 30)]
    public Property Flow_limit_is_the_Bregman_projection_for_sinh() => Theorems.FlowLimit(Sinh);

    [Property(MaxTest = 20)]
    public Property Flow_limit_is_the_Bregman_projection_on_covered_catalog_entries() =>
        Prop.ForAll(ReparametrizationGen.Catalog(onlyCovered: true).ToArbitrary(), r => Theorems.FlowLimit(r));

    [Property(MaxTest = 10)]
    public Property Limit_does_not_depend_on_the_link() =>
        Prop.ForAll(Gen.Elements(Square, Sinh, ReparametrizationGen.Shared("exp(w)")).ToArbitrary(),
            r => Theorems.LinkInvariance(r));

    [Property(MaxTest = 100)]
    public Property Derivatives_of_smooth_expressions_match_finite_differences() =>
        Theorems.DerivativesOfSmoothExpressions();

    [Property(MaxTest = 50)]
    public Property Mirror_identity_and_design_hold_for_random_family_members() =>
        Prop.ForAll(ReparametrizationGen.Arbitrary(), r => Theorems.MirrorIdentity(r).And(Theorems.DesignRoundTrip(r)));

    [Property(MaxTest = 30, Arbitrary = [typeof(SymbolicArbitraries)])]
    public Property Registered_arbitraries_give_reparametrizations_directly(Reparametrization r) =>
        Theorems.Derivatives(r);

    // ------------------------------------------------------------ Check.QuickThrowOnFailure / Check.One

    [Theory]
    [InlineData("log(2 + cos(3*(1 + 3*x)*(6 - 7*x)))", -1.9842431640625)] // oscillates ~280 rad per unit x there
    [InlineData("sin(sinh(3*x))", 1.7)]
    // the derivative's expanded polynomial cancels near x = −8/7
    [InlineData("-8*(8 + 7*x)^3*(9 + 8*x)^3/(2 + sin(sin(x)))^3", -1.1222646484375)]
    [InlineData("log(2 + cos(5/4 + cosh(sinh(5*x/2 - 5/2)/2)))", -0.7824345703125)] // cos of ≈ 1.3·10⁹: ill-conditioned
    public void Derivatives_at_hard_points_agree_with_extrapolated_differences(string expression, double at) =>
        Check.QuickThrowOnFailure(
            Theorems.DerivativeMatchesFiniteDifference(Expr.Parse(expression), "x", Gen.Constant(at)));

    [Fact]
    public void The_potential_of_sin_is_differentiated_next_to_the_edge_of_its_image()
    {
        // found by the derivative property: f = x·atanh x + log(1 − x²)/2 at x = −0.999998 loses digits to 1 − x², so
        // difference quotients at steps below 10⁻⁷ are noise; the measured evaluation noise widens the allowance
        var f = Expr.Parse("x*atanh(x) + log(1 - x^2)/2", "-1<x<1");
        Check.QuickThrowOnFailure(
            Theorems.DerivativeMatchesFiniteDifference(f, "x", Gen.Constant(-0.9999981157695942)));
    }

    [Fact]
    public void A_flow_stopped_at_its_rounding_floor_is_judged_by_its_limit()
    {
        // found by link invariance: x̂ ≈ −11.7 pins w within 10⁻⁵ of −π/2; the step control gives up ("step too small")
        // at loss 4e-22, with the limit 1.3e-7 from the prediction
        var r = ReparametrizationGen.Shared("asinh(tan(w))", "(-pi/2,pi/2)");
        var spec = new ProblemSpec(r, 6, 25, 1, 37596, -1.2851775409849235, Loss.LogCosh, Link.Identity);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1), Theorems.FlowLimit(spec));
        // under the sigmoid link the dual Newton stalls at residual ~3e-6 here (x̂ = −12.9 puts z = Φ(w) within 1e-11
        // of −1, where ψ = atanh(z) is evaluated in rounding): link invariance discards such a case, so only the
        // identity and cubic links, with the rounding-floor verdict, are compared
        var withoutSigmoid = TheoremOptions.Default with { InvarianceLinks = [Link.Identity, Link.Parse("z + z^3/3")] };
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1), Theorems.LinkInvariance(spec, withoutSigmoid));
    }

    [Fact]
    public void A_flow_creeping_toward_the_edge_of_the_image_is_discarded_not_failed()
    {
        // found by the flow property: x̂[4] = 5e-11 next to the end 0 of the image of w³, so the flow creeps
        // (loss ~ 1/t)
        var r = ReparametrizationGen.Shared("w^3", "(0,inf)");
        var spec = new ProblemSpec(r, 5, 21, 1, 679911, 0.12995762257025523, Loss.Square, Link.Identity);
        var options = TheoremOptions.Default;
        var report = Verification.Verify(spec.Create(), r.Derive(), options.Flow, options.FlowTolerance);
        Assert.False(report.Flow.Converged);
        Assert.True(report.Prediction.Converged);
        Assert.Contains(report.Prediction.X, x => x < 1e-9);
        // the case decides nothing: FsCheck gives up on it instead of reporting a counterexample
        var outcome = Record.Exception(
            () => Check.One(Config.QuickThrowOnFailure.WithMaxTest(1), Theorems.FlowLimit(spec, options)));
        Assert.DoesNotContain("Falsifiable", outcome?.Message ?? "");
    }

    [Fact]
    public void Quick_check_of_the_hyperbolic_entropy() =>
        Check.QuickThrowOnFailure(Theorems.MirrorIdentity(ReparametrizationGen.DifferenceOf("w^2", "(0,inf)", 0.5)));

    [Fact]
    public void A_hand_derived_metric_can_be_checked_against_rho() =>
        Check.QuickThrowOnFailure(Theorems.MirrorIdentity(Square, Expr.Parse("1/(4*x)")));

    [Fact]
    public void Derivative_of_a_user_expression() =>
        Check.QuickThrowOnFailure(
            Theorems.DerivativeMatchesFiniteDifference(Expr.Parse("x*atan(x) - log(1 + x^2)/2"), "x"));

    [Theory]
    [MemberData(nameof(CoveredCatalogNames))]
    public void All_theorems_hold_for_a_covered_catalog_entry(string name) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(8), Theorems.All(Catalog(name)));

    [HeavyTheory]
    [Trait("Category", "Heavy")]
    [MemberData(nameof(CoveredCatalogNames))]
    public void All_theorems_hold_for_a_covered_catalog_entry_with_the_default_100_cases(string name) =>
        Check.QuickThrowOnFailure(Theorems.All(Catalog(name)));
}
