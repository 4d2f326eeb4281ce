namespace ImplicitBias.Symbolic.Tests.Architecture;

/// <summary>Every reference between types of different layers in the library assembly.</summary>
public static class LayerEdges
{
    /// <summary>The edges of the library, from the referring type (nested and compiler-made types named by their
    /// top-level type) to the referenced type, deduplicated and sorted by their text.</summary>
    public static IReadOnlyList<LayerEdge> Library { get; } =
        Between(typeof(Expr).Assembly.GetTypes().SelectMany(t => TypeReferences.Of(t).Select(r => (t, r))));

    /// <summary>The edges among the given pairs (from, to) whose types are in different layers of
    /// <see cref="SourceLayers.Library"/>; pairs with a type outside the library are left out.</summary>
    public static IReadOnlyList<LayerEdge> Between(IEnumerable<(Type From, Type To)> pairs)
    {
        var layers = SourceLayers.Library;
        return pairs
            .Select(p => (From: SourceLayers.Outermost(p.From), p.To))
            .Select(p => (p.From, p.To, FromLayer: layers.LayerOf(p.From), ToLayer: layers.LayerOf(p.To)))
            .Where(p => p.FromLayer is not null && p.ToLayer is not null && p.FromLayer != p.ToLayer)
            .Select(p => new LayerEdge(p.From, p.FromLayer!.Value, p.To, p.ToLayer!.Value))
            .Distinct()
            .OrderBy(e => e.ToString(), StringComparer.Ordinal)
            .ToList();
    }
}
