namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// An algebraic relation between a kernel and simpler expressions that holds wherever the kernel is defined:
/// kernel^Degree = Replacement, where the replacement involves the kernel itself only below that degree
/// (√u² = u, |u|² = u², sin² θ = 1 − cos² θ, sign(u)³ = sign(u)). Reducing by it keeps every kernel's degree below
/// Degree.
/// </summary>
/// <param name="Kernel">The generator the relation reduces.</param>
/// <param name="Degree">The power that is replaced.</param>
/// <param name="Replacement">What Kernel^Degree equals.</param>
internal sealed record KernelRelation(Expr Kernel, int Degree, RationalFunction Replacement);
