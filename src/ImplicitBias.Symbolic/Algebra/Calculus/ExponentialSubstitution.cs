namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// The substitution t = exp(c·w) for an expression whose w-dependence is all through exp (and, on request, sinh, cosh,
/// tanh) of linear arguments a·w + b with rational slopes: c is the gcd of the |a|, and each call becomes a rational
/// function of t (exp(a w + b) = e^b·t^(a/c), sinh = (E − 1/E)/2, cosh = (E + 1/E)/2, tanh = (E² − 1)/(E² + 1)).
/// </summary>
internal static class ExponentialSubstitution
{
    /// <summary>c and the rewrite of g in t; null when g has no such call or another
    /// occurrence of w is left over.</summary>
    public static (Rational Slope, Expr Rewritten)? TryRewrite(Expr g, Symbol w, Symbol t, bool hyperbolic)
    {
        bool Eligible(Call c) => c.DependsOn(w.Name) && (c.Function == Function.Exp
            || (hyperbolic && c.Function is Function.Sinh or Function.Cosh or Function.Tanh));
        var calls = new List<Call>();
        var stack = new Stack<Expr>();
        stack.Push(g);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e is Call c && Eligible(c)) { calls.Add(c); continue; }
            foreach (var child in e.Children) stack.Push(child);
        }
        if (calls.Count == 0) return null;
        Rational? slope = null;
        foreach (var c in calls)
        {
            if (!Shapes.TryLinear(c.Argument, w.Name, out var a, out _) || a is not Number n) return null;
            var size = n.Value.Abs();
            slope = slope is { } known ? Rational.Gcd(known, size) : size;
        }
        var c0 = slope!.Value;
        var rewritten = g.Transform(e =>
        {
            if (e is not Call call || !Eligible(call)
                || !Shapes.TryLinear(call.Argument, w.Name, out var a, out var b)) return e;
            var power = Expr.Exp(b) * Expr.Pow(t, Expr.FromRational(((Number)a).Value / c0));
            return call.Function switch
            {
                Function.Sinh => (power - 1 / power) / 2,
                Function.Cosh => (power + 1 / power) / 2,
                Function.Tanh => (Expr.Pow(power, 2) - 1) / (Expr.Pow(power, 2) + 1),
                _ => power,
            };
        });
        return rewritten.DependsOn(w.Name) ? null : (c0, rewritten);
    }
}
