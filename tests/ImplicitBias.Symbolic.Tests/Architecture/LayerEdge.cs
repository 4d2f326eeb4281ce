namespace ImplicitBias.Symbolic.Tests.Architecture;

/// <summary>A reference from a type of one layer to a type of another.</summary>
public sealed record LayerEdge(Type From, Layer FromLayer, Type To, Layer ToLayer)
{
    /// <summary>True when the reference goes up: the used type sits in a higher layer than the user.</summary>
    public bool Upward => ToLayer > FromLayer;

    /// <summary>The referenced type is internal to the assembly (not public, or nested in a type that is not).
    /// </summary>
    public bool ToInternal => !To.IsVisible;

    public override string ToString() => $"{Name(From)} → {Name(To)} ({FromLayer} → {ToLayer})";

    /// <summary>The type's name without the namespace, nested types after a dot; a type the compiler made (a
    /// closure, an iterator) is named by the type that contains it.</summary>
    public static string Name(Type type)
    {
        while (type.Name.Contains('<', StringComparison.Ordinal) && type.DeclaringType is { } outer) type = outer;
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
        return type.DeclaringType is { } declaring ? $"{Name(declaring)}.{name}" : name;
    }
}
