using ImplicitBias.Symbolic.Algebra;
using ImplicitBias.Symbolic.Algebra.Calculus;
using ImplicitBias.Symbolic.Analysis;
using ImplicitBias.Symbolic.Bias;
using ImplicitBias.Symbolic.Compilation;
using ImplicitBias.Symbolic.Models;

namespace ImplicitBias.Symbolic.Tests.Architecture;

/// <summary>
/// The layers of src/ImplicitBias.Symbolic (docs/ARCHITECTURE.md) as the code has them: every type reference between
/// two folders goes down the layer order of <see cref="Layer"/>, and internal types are reached across layers only
/// through the internal API a layer offers (<see cref="OfferedInternals"/>). The self-checks make sure the rule sees
/// real references and reports a wrong one, so that it cannot pass on an empty set.
/// </summary>
public class LayeringTests
{
    [Fact]
    public void NoTypeUsesATypeOfAHigherLayer()
    {
        var violations = LayeringRule.Upward(LayerEdges.Library);
        Assert.True(violations.Count == 0, "upward references:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void InternalTypesAreUsedAcrossLayersOnlyWhereTheirLayerOffersThem()
    {
        var violations = LayeringRule.UnofferedInternals(LayerEdges.Library);
        Assert.True(violations.Count == 0, "internal types reached across layers:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EveryOfferedTypeIsInternalAndUsedFromAHigherLayer()
    {
        var used = LayerEdges.Library.Where(e => e.ToInternal).Select(e => e.To).ToHashSet();
        var stale = OfferedInternals.Types.Keys.Where(t => t.IsVisible || !used.Contains(t))
            .Select(LayerEdge.Name).ToList();
        Assert.Empty(stale);
    }

    [Fact]
    public void EveryTypeOfTheLibraryHasALayerFromItsSourceFolder()
    {
        var types = typeof(Expr).Assembly.GetTypes().Where(t => t.DeclaringType is null).ToList();
        // only the compiler's own types (<PrivateImplementationDetails>, collection-expression arrays) have no source
        var withoutLayer = types
            .Where(t => SourceLayers.Library.LayerOf(t) is null && !t.Name.StartsWith('<')).ToList();
        Assert.Empty(withoutLayer);
        var names = types.Select(t => t.FullName).ToHashSet();
        var notCompiled = SourceLayers.Library.TypeNames.Where(n => !names.Contains(n)).ToList();
        Assert.Empty(notCompiled);
        Assert.Equal(Layer.Expressions, SourceLayers.Library.LayerOf(typeof(Expr)));
        Assert.Equal(Layer.Calculus, SourceLayers.Library.LayerOf(typeof(Antiderivative)));
        Assert.Equal(Layer.Bias, SourceLayers.Library.LayerOf(typeof(Reparametrization)));
        Assert.Equal(Layer.Flow, SourceLayers.Library.LayerOf(typeof(Verification)));
    }

    /// <summary>Known downward references, one from each layer to the one below (or the nearest it uses), seen in
    /// signatures, in method bodies (calls, allocations, extension methods) and in closures.</summary>
    [Theory]
    [InlineData(typeof(TieredFunction), typeof(Evaluator))]
    [InlineData(typeof(Simplifier), typeof(Canonical))]
    [InlineData(typeof(ExactSign), typeof(UnivariateForms))]
    [InlineData(typeof(EndLimits), typeof(ExprCompilation))]
    [InlineData(typeof(ExprCalculus), typeof(SignAnalysis))]
    [InlineData(typeof(Deriver), typeof(LimitAnalysis))]
    [InlineData(typeof(Deriver), typeof(Shapes))]
    [InlineData(typeof(Problem), typeof(Reparametrization))]
    [InlineData(typeof(Verification), typeof(RowRank))]
    public void TheRuleSeesKnownDownwardReferences(Type from, Type to)
    {
        var edge = Assert.Single(LayerEdges.Library, e => e.From == from && e.To == to);
        Assert.False(edge.Upward);
        Assert.Empty(LayeringRule.Upward([edge]));
    }

    [Fact]
    public void TheRuleReportsAnUpwardReferenceByItsTypes()
    {
        var edges = LayerEdges.Between([(typeof(Expr), typeof(Verification)), (typeof(Verification), typeof(Deriver))]);
        var violation = Assert.Single(LayeringRule.Upward(edges));
        Assert.StartsWith("Expr → Verification (Expressions → Flow)", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRuleReportsAnInternalTypeItsLayerDoesNotOffer()
    {
        var edges = LayerEdges.Between(
            [(typeof(Deriver), typeof(ExponentialSubstitution)), (typeof(Deriver), typeof(Certifier))]);
        var violation = Assert.Single(LayeringRule.UnofferedInternals(edges));
        Assert.StartsWith(
            "Deriver → ExponentialSubstitution (Bias → Calculus)", violation, StringComparison.Ordinal);
    }
}
