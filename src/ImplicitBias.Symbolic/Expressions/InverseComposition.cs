using System.Collections.Frozen;

namespace ImplicitBias.Symbolic;

/// <summary>
/// An identity f(g(u)) = R(u) for a function f applied to an inverse function g (or g applied to f): the table of
/// every such pair the library knows, each with the guard under which it keeps the domain. Simplify applies an entry
/// when its guard is proven, and <see cref="PrintedSize"/> counts an unreduced composition like its reduced form, so
/// cosh(asinh u) is never taken for a shorter way to write √(1 + u²).
/// </summary>
/// <param name="Outer">f.</param>
/// <param name="Inner">g.</param>
/// <param name="Guard">Where u must lie.</param>
/// <param name="Result">R.</param>
internal sealed record InverseComposition(
    Function Outer, Function Inner, CompositionGuard Guard, Func<Expr, Expr> Result)
{
    /// <summary>The entry for f(g(·)), or null.</summary>
    public static InverseComposition? Find(Function outer, Function inner) =>
        Table.TryGetValue((outer, inner), out var entry) ? entry : null;

    /// <summary>
    /// f(2·g⁻¹(u)) by the double-angle formula, so that the cross identities finish it: sinh(2 atanh x) = 2x/(1 − x²),
    /// sin(2 atan x) = 2x/(1 + x²). tan and tanh only over atan and atanh, where the formula keeps the domain.
    /// </summary>
    public static Expr? DoubleAngle(Call c)
    {
        if (c.Argument is not Product { Factors: [Number { Value: var two }, Call inner] } || two != 2) return null;
        if (inner.Function is not (Function.Asin or Function.Acos or Function.Atan or Function.Asinh or Function.Acosh
            or Function.Atanh)) return null;
        var one = Expr.One;
        Expr Of(Function f) => Expr.Apply(f, inner);
        return c.Function switch
        {
            Function.Sin => 2 * Of(Function.Sin) * Of(Function.Cos),
            Function.Cos => one - 2 * Expr.Pow(Of(Function.Sin), 2),
            Function.Sinh => 2 * Of(Function.Sinh) * Of(Function.Cosh),
            Function.Cosh => one + 2 * Expr.Pow(Of(Function.Sinh), 2),
            Function.Tan when inner.Function == Function.Atan =>
                2 * Of(Function.Tan) / (one - Expr.Pow(Of(Function.Tan), 2)),
            Function.Tanh when inner.Function == Function.Atanh =>
                2 * Of(Function.Tanh) / (one + Expr.Pow(Of(Function.Tanh), 2)),
            _ => null,
        };
    }

    private static Expr One => Expr.One;
    private static Expr Sq(Expr u) => Expr.Pow(u, 2);

    private static readonly InverseComposition[] Entries =
    [
        new(Function.Sin, Function.Asin, CompositionGuard.ClosedUnit, u => u),
        new(Function.Sin, Function.Acos, CompositionGuard.None, u => Expr.Sqrt(One - Sq(u))),
        new(Function.Sin, Function.Atan, CompositionGuard.None, u => u / Expr.Sqrt(One + Sq(u))),
        new(Function.Cos, Function.Acos, CompositionGuard.ClosedUnit, u => u),
        new(Function.Cos, Function.Asin, CompositionGuard.None, u => Expr.Sqrt(One - Sq(u))),
        new(Function.Cos, Function.Atan, CompositionGuard.None, u => One / Expr.Sqrt(One + Sq(u))),
        new(Function.Tan, Function.Atan, CompositionGuard.None, u => u),
        new(Function.Tan, Function.Asin, CompositionGuard.None, u => u / Expr.Sqrt(One - Sq(u))),
        new(Function.Tan, Function.Acos, CompositionGuard.None, u => Expr.Sqrt(One - Sq(u)) / u),
        new(Function.Sinh, Function.Asinh, CompositionGuard.None, u => u),
        new(Function.Sinh, Function.Acosh, CompositionGuard.AtLeastOne, u => Expr.Sqrt(Sq(u) - One)),
        new(Function.Sinh, Function.Atanh, CompositionGuard.OpenUnit, u => u / Expr.Sqrt(One - Sq(u))),
        new(Function.Sinh, Function.Log, CompositionGuard.None, u => (u - One / u) / 2),
        new(Function.Cosh, Function.Acosh, CompositionGuard.AtLeastOne, u => u),
        new(Function.Cosh, Function.Asinh, CompositionGuard.None, u => Expr.Sqrt(One + Sq(u))),
        new(Function.Cosh, Function.Atanh, CompositionGuard.OpenUnit, u => One / Expr.Sqrt(One - Sq(u))),
        new(Function.Cosh, Function.Log, CompositionGuard.None, u => (u + One / u) / 2),
        new(Function.Tanh, Function.Atanh, CompositionGuard.OpenUnit, u => u),
        new(Function.Tanh, Function.Asinh, CompositionGuard.None, u => u / Expr.Sqrt(One + Sq(u))),
        new(Function.Tanh, Function.Acosh, CompositionGuard.AtLeastOne, u => Expr.Sqrt(Sq(u) - One) / u),
        new(Function.Tanh, Function.Log, CompositionGuard.None, u => (Sq(u) - One) / (Sq(u) + One)),
        new(Function.Exp, Function.Log, CompositionGuard.Positive, u => u),
        new(Function.Exp, Function.Asinh, CompositionGuard.None, u => u + Expr.Sqrt(One + Sq(u))),
        new(Function.Exp, Function.Acosh, CompositionGuard.AtLeastOne, u => u + Expr.Sqrt(Sq(u) - One)),
        new(Function.Exp, Function.Atanh, CompositionGuard.OpenUnit, u => Expr.Sqrt(One + u) / Expr.Sqrt(One - u)),
        new(Function.Log, Function.Exp, CompositionGuard.None, u => u),
        new(Function.Asin, Function.Sin, CompositionGuard.SineBranch, u => u),
        new(Function.Acos, Function.Cos, CompositionGuard.CosineBranch, u => u),
        new(Function.Atan, Function.Tan, CompositionGuard.TangentBranch, u => u),
        new(Function.Asinh, Function.Sinh, CompositionGuard.None, u => u),
        new(Function.Acosh, Function.Cosh, CompositionGuard.None, Expr.Abs),
        new(Function.Atanh, Function.Tanh, CompositionGuard.None, u => u),
    ];

    private static readonly FrozenDictionary<(Function, Function), InverseComposition> Table =
        Entries.ToFrozenDictionary(e => (e.Outer, e.Inner));

    /// <summary>All entries (for the fact tables that check every pair).</summary>
    public static IReadOnlyList<InverseComposition> All => Entries;
}
