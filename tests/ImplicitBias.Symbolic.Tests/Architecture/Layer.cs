namespace ImplicitBias.Symbolic.Tests.Architecture;

/// <summary>
/// The layers of src/ImplicitBias.Symbolic, bottom first (docs/ARCHITECTURE.md): a type may use the types of its own
/// layer and of the layers below it, never of a layer above.
/// </summary>
public enum Layer
{
    Expressions,
    Compilation,
    Algebra,
    Analysis,
    Calculus,
    Bias,
    Models,
    Flow,
}
