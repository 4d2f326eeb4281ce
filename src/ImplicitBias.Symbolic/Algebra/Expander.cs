using System.Runtime.CompilerServices;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>Distributes products over sums and expands small positive integer powers of sums.</summary>
internal static class Expander
{
    /// <summary>Expansion stops (leaving the product as is) once a result would exceed this many terms.</summary>
    public const int MaxTerms = 10_000;

    /// <summary>Expands every node, leaving a product or power as is where its expansion would exceed
    /// <paramref name="maxTerms"/> terms.</summary>
    public static Expr Expand(Expr e, int maxTerms = MaxTerms) => e.Transform(node => ExpandNode(node, maxTerms));

    private static Expr ExpandNode(Expr e, int maxTerms)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case Product p when p.Factors.Any(f => f is Sum || IsExpandablePower(f)):
                {
                    IReadOnlyList<Expr> acc = [Expr.One];
                    foreach (var f in p.Factors)
                    {
                        var terms = TermsOf(IsExpandablePower(f) ? ExpandNode(f, maxTerms) : f);
                        if ((long)acc.Count * terms.Count > maxTerms) return e;
                        var next = new List<Expr>(acc.Count * terms.Count);
                        foreach (var a in acc) foreach (var t in terms) next.Add(Expr.Multiply(a, t));
                        acc = next;
                    }
                    return Expr.Add(acc);
                }
            case Power { Base: Sum s, Exponent: Number { Value: { IsInteger: true } k } } when k.Sign > 0 && k <= 64:
                {
                    IReadOnlyList<Expr> acc = [Expr.One];
                    for (int i = 0; i < (int)k.Numerator; i++)
                    {
                        if ((long)acc.Count * s.Terms.Length > maxTerms) return e;
                        var next = new List<Expr>();
                        foreach (var a in acc) foreach (var t in s.Terms) next.Add(Expr.Multiply(a, t));
                        acc = TermsOf(Expr.Add(next));
                    }
                    return Expr.Add(acc);
                }
            default: return e;
        }
    }

    private static bool IsExpandablePower(Expr f) =>
        f is Power { Base: Sum, Exponent: Number { Value: { IsInteger: true } k } } && k.Sign > 0 && k <= 64;

    private static IReadOnlyList<Expr> TermsOf(Expr e) => e is Sum s ? s.Terms : [e];
}
