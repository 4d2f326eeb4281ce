using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Testing;

namespace ImplicitBias.Symbolic.Tests.Bias;

/// <summary>
/// Properties over reparametrization families with random parameters, through the theorem library: the mirror
/// identity f″(ρ(w))·ρ′(w)² = 1, and design(derive(ρ)) reproducing f″.
/// </summary>
public class DerivationPropertyTests
{
    /// <summary>
    /// The library's covered families (w^p, β·sinh(w/β), β·tanh(w/β), exp(k·w), w³ + c·w, u² − v²), w^p for
    /// 1.2 ≤ p &lt; 2 and c·w^L.
    /// </summary>
    private static Gen<Reparametrization> Families => Gen.OneOf(
        ReparametrizationGen.Covered(),
        ReparametrizationGen.Power(1.2, 2),
        from c in ReparametrizationGen.Grid(0.1, 4, 0.1)
        from l in ReparametrizationGen.Grid(1.1, 3, 0.1)
        select ReparametrizationGen.Shared("c*w^L", "(0,inf)",
            new Dictionary<string, double> { ["c"] = c, ["L"] = l }));

    [Property(MaxTest = 60)]
    public Property Mirror_identity_holds() =>
        Prop.ForAll(Families.ToArbitrary(),
            r => Theorems.MirrorIdentity(r, new TheoremOptions { MirrorTolerance = 1e-9 }));

    [Property(MaxTest = 30)]
    public Property Design_of_the_derived_potential_reproduces_the_metric() =>
        Prop.ForAll(Families.ToArbitrary(),
            r => Theorems.DesignRoundTrip(r, new TheoremOptions { DesignTolerance = 1e-9 }));
}
