using FsCheck;

namespace ImplicitBias.Symbolic.Testing;

/// <summary>
/// Arbitraries to register with FsCheck.Xunit (<c>[Property(Arbitrary = [typeof(SymbolicArbitraries)])]</c>) or an
/// FsCheck config, so that property methods can take <see cref="ExprCase"/> and <see cref="Reparametrization"/>
/// parameters directly.
/// </summary>
public static class SymbolicArbitraries
{
    /// <summary>Random expressions over x and y (symbols with domains, floats allowed) with a point in the domains;
    /// shrinks to subexpressions.</summary>
    public static Arbitrary<ExprCase> ExprCases() => ExprGen.CaseArbitrary();

    /// <summary>Reparametrizations of the families the theorem covers
    /// (<see cref="ReparametrizationGen.Covered"/>).</summary>
    public static Arbitrary<Reparametrization> Reparametrizations() => ReparametrizationGen.Arbitrary();
}
