using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Calculus;

/// <summary>The two integrals of the derivation chain, Φ = ∫ dw/ρ′ and ∫ ρ/ρ′ dw, for every catalog case.</summary>
public class CatalogIntegralTests
{
    public static IEnumerable<object[]> Cases => Catalog.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dual_coordinate_integrand_has_a_certified_closed_form(string name)
    {
        var rho = Catalog.Get(name).RhoExpr();
        var integrand = (Expr.One / rho.Differentiate("w")).Simplify();
        AssertCertified(integrand, rho.Symbols().Single(s => s.Name == "w").Domain);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Potential_integrand_has_a_certified_closed_form(string name)
    {
        var rho = Catalog.Get(name).RhoExpr();
        var integrand = (rho / rho.Differentiate("w")).Simplify();
        AssertCertified(integrand, rho.Symbols().Single(s => s.Name == "w").Domain);
    }

    private static void AssertCertified(Expr integrand, Interval domain)
    {
        var result = integrand.Integrate("w");
        Assert.True(result.IsClosedForm, $"no closed form for {integrand}");
        Assert.NotNull(result.Certificate);
        IntegrationTableTests.CheckByFiniteDifferences(result.Expression!, integrand, domain);
    }
}
