namespace ImplicitBias.Symbolic.Tests.Architecture;

/// <summary>
/// The layering rule of docs/ARCHITECTURE.md over a set of edges: no type uses a type of a higher layer, and an
/// internal type is used from another layer only when its layer offers it (<see cref="OfferedInternals"/>). Each
/// violation is one line naming the edge, from-type → to-type.
/// </summary>
public static class LayeringRule
{
    /// <summary>The edges that go up.</summary>
    public static IReadOnlyList<string> Upward(IEnumerable<LayerEdge> edges) =>
        edges.Where(e => e.Upward).Select(e => $"{e}: {e.FromLayer} may not use {e.ToLayer}").ToList();

    /// <summary>The edges to an internal type of another layer that this layer does not offer.</summary>
    public static IReadOnlyList<string> UnofferedInternals(IEnumerable<LayerEdge> edges) =>
        edges.Where(e => e.ToInternal && !OfferedInternals.Offers(e.To))
            .Select(e => $"{e}: {LayerEdge.Name(e.To)} is internal to {e.ToLayer} and not offered to other layers")
            .ToList();
}
