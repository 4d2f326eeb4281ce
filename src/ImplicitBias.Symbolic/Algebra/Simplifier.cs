using System.Runtime.CompilerServices;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Domain-aware simplification: one bottom-up pass applying a fixed set of identities, each only where the
/// assumptions on the symbols prove it valid (see README "Simplification"). When a rule fires, its result is
/// simplified in turn; a budget on rule firings keeps every call bounded.
/// </summary>
internal sealed class Simplifier
{
    // Simplified forms by structure; null means "already simplified, keep the node you have" (returning the caller's
    // own instance keeps unchanged parents from being rebuilt just because an equal copy was seen first).
    private readonly Dictionary<Expr, Expr?> _memo = new();
    private readonly RangeAnalysis _ranges = new();
    private int _fuel;

    private Simplifier(int fuel) => _fuel = fuel;

    public static Expr Simplify(Expr e) => new Simplifier(4096 + 8 * e.Depth).Visit(e);

    private Expr Visit(Expr e)
    {
        if (_memo.TryGetValue(e, out var done)) return done ?? e;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var children = e.Children;
        var node = e;
        if (children.Count > 0)
        {
            var mapped = new Expr[children.Count];
            bool changed = false;
            for (int i = 0; i < mapped.Length; i++)
            {
                mapped[i] = Visit(children[i]);
                changed |= !ReferenceEquals(mapped[i], children[i]);
            }
            if (changed) node = Rebuild(e, mapped);
            // Rebuilding through the builders can create subexpressions nobody simplified yet ((π·|u|)^−2 becomes
            // π^−2·|u|^−2, and |u|^−2 = u^−2 is a rule): visit the rebuilt node so they are simplified too.
            if (changed && _fuel > 0 && !node.Equals(e) && node.Children.Any(IsUnsimplified))
            {
                _fuel--;
                var revisited = Visit(node);
                Remember(e, revisited);
                return revisited;
            }
        }
        var result = node;
        if (_fuel > 0 && TryRewrite(node) is { } rewritten && !rewritten.Equals(node))
        {
            _fuel--;
            result = Visit(rewritten);
        }
        Remember(e, result);
        _memo[result] = null;
        return result;
    }

    private void Remember(Expr e, Expr result) => _memo[e] = ReferenceEquals(result, e) || result.Equals(e) ? null : result;

    private bool IsUnsimplified(Expr e) => e.Children.Count > 0 && !(_memo.TryGetValue(e, out var r) && (r is null || r.Equals(e)));

    /// <summary>
    /// e over its simplified children. Simplified children can expose an operation that is undefined on the whole
    /// domain (1/(|y| − y) with y ≥ 1 becomes 1/0); the builders reject that, and the node is then kept as it was:
    /// an unsimplified expression is better than an exception or a wrong value.
    /// </summary>
    private static Expr Rebuild(Expr e, Expr[] children)
    {
        try { return e.WithChildren(children); }
        catch (SymbolicException) { return e; }
    }

    /// <summary>A rewrite of e, or null; a rewrite whose result the builders reject is not applied.</summary>
    private Expr? TryRewrite(Expr e)
    {
        try { return Rewrite(e); }
        catch (SymbolicException) { return null; }
    }

    private Expr? Rewrite(Expr e) => e switch
    {
        Power p => RewritePower(p),
        Call c => RewriteCall(c),
        Product p => RewriteProduct(p),
        Sum s => RewriteSum(s),
        _ => null,
    };

    private bool Positive(Expr e) => _ranges.IsPositive(e);
    private bool NonNegative(Expr e) => _ranges.IsNonNegative(e);
    private bool NonPositive(Expr e) => _ranges.IsNonPositive(e);
    private bool Within(Expr e, double lo, double hi) => _ranges.RangeOf(e).IsWithin(lo, hi);
    private bool StrictlyWithin(Expr e, double lo, double hi) => _ranges.RangeOf(e).IsStrictlyWithin(lo, hi);

    // ---------------- powers ----------------

    private Expr? RewritePower(Power p)
    {
        var (b, k) = (p.Base, p.Exponent);
        switch (b)
        {
            // (u^a)^k left alone by the builders: u^(ak) when u ≥ 0, else |u|^(ak) (even numerator: u^a = |u|^a).
            case Power inner when NonNegative(inner.Base):
                return Expr.Pow(inner.Base, Expr.Multiply(inner.Exponent, k));
            case Power { Exponent: Number a } inner when a.Value.Numerator.IsEven:
                return Expr.Pow(Expr.Abs(inner.Base), Expr.Multiply(a, k));
            // |u|^(2m) = u^(2m)
            case Call { Function: Function.Abs } abs when k is Number { Value: { IsInteger: true, Numerator.IsEven: true } }:
                return Expr.Pow(abs.Argument, k);
            // (u v)^k = u^k v^k when every factor is ≥ 0 (> 0 for negative k)
            case Product prod when k is Number kn && prod.Factors.All(f => kn.Value.Sign > 0 ? NonNegative(f) : Positive(f)):
                return Expr.Multiply(prod.Factors.Select(f => Expr.Pow(f, k)));
        }
        return null;
    }

    // ---------------- functions ----------------

    private Expr? RewriteCall(Call c)
    {
        var u = c.Argument;
        if (DoubleAngleOfInverse(c) is { } doubled) return doubled;
        var inner = u as Call;
        var innerArg = inner?.Argument;
        var one = Expr.One;
        switch (c.Function)
        {
            case Function.Exp:
                if (inner?.Function == Function.Log && Positive(innerArg!)) return innerArg;
                if (inner?.Function == Function.Asinh) return innerArg! + Expr.Sqrt(one + Expr.Pow(innerArg!, 2));
                if (inner?.Function == Function.Acosh && _ranges.RangeOf(innerArg!).Lo >= 1) return innerArg! + Expr.Sqrt(Expr.Pow(innerArg!, 2) - one);
                if (inner?.Function == Function.Atanh) return Expr.Sqrt(one + innerArg!) / Expr.Sqrt(one - innerArg!);
                return ExpOfLogs(u);
            case Function.Log:
                if (inner?.Function == Function.Exp) return innerArg;
                if (u is Power { Exponent: Number k } pw)
                {
                    if (Positive(pw.Base)) return k * Expr.Log(pw.Base);
                    if (k.Value.IsInteger && k.Value.Numerator.IsEven) return k * Expr.Log(Expr.Abs(pw.Base));
                }
                if (u is Product prod && prod.Factors.All(Positive)) return Expr.Add(prod.Factors.Select(Expr.Log));
                return null;
            case Function.Abs:
                if (NonNegative(u)) return u;
                if (NonPositive(u)) return -u;
                if (u is Product absProd)
                {
                    // pull out factors of known sign
                    var known = absProd.Factors.Where(f => NonNegative(f) || NonPositive(f)).ToList();
                    if (known.Count == 0) return null;
                    var outside = Expr.Multiply(known.Select(f => NonNegative(f) ? f : -f));
                    var rest = Expr.Multiply(absProd.Factors.Where(f => !known.Contains(f)));
                    return outside * Expr.Abs(rest);
                }
                return null;
            case Function.Sign:
                if (Positive(u)) return one;
                if (_ranges.IsNegative(u)) return Expr.MinusOne;
                return null;
            case Function.Sin:
                if (inner?.Function == Function.Asin && Within(innerArg!, -1, 1)) return innerArg;
                if (inner?.Function == Function.Acos) return Expr.Sqrt(one - Expr.Pow(innerArg!, 2));
                if (inner?.Function == Function.Atan) return innerArg! / Expr.Sqrt(one + Expr.Pow(innerArg!, 2));
                return null;
            case Function.Cos:
                if (inner?.Function == Function.Acos && Within(innerArg!, -1, 1)) return innerArg;
                if (inner?.Function == Function.Asin) return Expr.Sqrt(one - Expr.Pow(innerArg!, 2));
                if (inner?.Function == Function.Atan) return one / Expr.Sqrt(one + Expr.Pow(innerArg!, 2));
                return null;
            case Function.Tan:
                if (inner?.Function == Function.Atan) return innerArg;
                if (inner?.Function == Function.Asin) return innerArg! / Expr.Sqrt(one - Expr.Pow(innerArg!, 2));
                if (inner?.Function == Function.Acos) return Expr.Sqrt(one - Expr.Pow(innerArg!, 2)) / innerArg!;
                return null;
            case Function.Sinh:
                if (inner?.Function == Function.Asinh) return innerArg;
                if (inner?.Function == Function.Acosh && _ranges.RangeOf(innerArg!).Lo >= 1) return Expr.Sqrt(Expr.Pow(innerArg!, 2) - one);
                if (inner?.Function == Function.Atanh) return innerArg! / Expr.Sqrt(one - Expr.Pow(innerArg!, 2));
                if (inner?.Function == Function.Log) return (innerArg! - one / innerArg!) / 2;
                return null;
            case Function.Cosh:
                if (inner?.Function == Function.Acosh && _ranges.RangeOf(innerArg!).Lo >= 1) return innerArg;
                if (inner?.Function == Function.Asinh) return Expr.Sqrt(one + Expr.Pow(innerArg!, 2));
                if (inner?.Function == Function.Atanh) return one / Expr.Sqrt(one - Expr.Pow(innerArg!, 2));
                if (inner?.Function == Function.Log) return (innerArg! + one / innerArg!) / 2;
                return null;
            case Function.Tanh:
                if (inner?.Function == Function.Atanh && StrictlyWithin(innerArg!, -1, 1)) return innerArg;
                if (inner?.Function == Function.Asinh) return innerArg! / Expr.Sqrt(one + Expr.Pow(innerArg!, 2));
                if (inner?.Function == Function.Acosh && _ranges.RangeOf(innerArg!).Lo >= 1) return Expr.Sqrt(Expr.Pow(innerArg!, 2) - one) / innerArg!;
                if (inner?.Function == Function.Log) return (Expr.Pow(innerArg!, 2) - one) / (Expr.Pow(innerArg!, 2) + one);
                return null;
            case Function.Asin:
                return inner?.Function == Function.Sin && Within(innerArg!, -Math.PI / 2, Math.PI / 2) ? innerArg : null;
            case Function.Acos:
                return inner?.Function == Function.Cos && Within(innerArg!, 0, Math.PI) ? innerArg : null;
            case Function.Atan:
                return inner?.Function == Function.Tan && StrictlyWithin(innerArg!, -Math.PI / 2, Math.PI / 2) ? innerArg : null;
            case Function.Asinh:
                return inner?.Function == Function.Sinh ? innerArg : null;
            case Function.Acosh:
                return inner?.Function == Function.Cosh ? Expr.Abs(innerArg!) : null;
            case Function.Atanh:
                return inner?.Function == Function.Tanh ? innerArg : null;
        }
        return null;
    }

    /// <summary>
    /// f(2·g⁻¹(u)) by the double-angle formula, so that the cross identities finish it: sinh(2 atanh x) = 2x/(1 − x²),
    /// sin(2 atan x) = 2x/(1 + x²). tan and tanh only over atan and atanh, where the formula keeps the domain.
    /// </summary>
    private static Expr? DoubleAngleOfInverse(Call c)
    {
        if (c.Argument is not Product { Factors: [Number { Value: var two }, Call inner] } || two != 2) return null;
        if (inner.Function is not (Function.Asin or Function.Acos or Function.Atan or Function.Asinh or Function.Acosh or Function.Atanh)) return null;
        var one = Expr.One;
        Expr Of(Function f) => Expr.Apply(f, inner);
        return c.Function switch
        {
            Function.Sin => 2 * Of(Function.Sin) * Of(Function.Cos),
            Function.Cos => one - 2 * Expr.Pow(Of(Function.Sin), 2),
            Function.Sinh => 2 * Of(Function.Sinh) * Of(Function.Cosh),
            Function.Cosh => one + 2 * Expr.Pow(Of(Function.Sinh), 2),
            Function.Tan when inner.Function == Function.Atan => 2 * Of(Function.Tan) / (one - Expr.Pow(Of(Function.Tan), 2)),
            Function.Tanh when inner.Function == Function.Atanh => 2 * Of(Function.Tanh) / (one + Expr.Pow(Of(Function.Tanh), 2)),
            _ => null,
        };
    }

    /// <summary>exp(a + k·log u) = u^k·exp(a) for u &gt; 0.</summary>
    private Expr? ExpOfLogs(Expr u)
    {
        IEnumerable<Expr> terms = u is Sum s ? s.Terms : [u];
        var powers = new List<Expr>();
        var rest = new List<Expr>();
        foreach (var t in terms)
        {
            var (c, m) = Canonical.SplitCoefficient(t);
            if (m is Call { Function: Function.Log } log && Positive(log.Argument)) powers.Add(Expr.Pow(log.Argument, c.ToExpr()));
            else rest.Add(t);
        }
        if (powers.Count == 0) return null;
        powers.Add(Expr.Exp(Expr.Add(rest)));
        return Expr.Multiply(powers);
    }

    // ---------------- products ----------------

    private static Expr? RewriteProduct(Product p) => FunctionIdentities.RewriteProduct(p) ?? CancelCommonFactors(p);

    /// <summary>
    /// Cancels between numerator and denominator: a symbolic factor common to every term of a sum
    /// ((x y + x z)/x = y + z), and polynomial gcds in one symbol ((x² − 1)/(x − 1) = x + 1).
    /// </summary>
    private static Expr? CancelCommonFactors(Product p)
    {
        // only a sum (or a power of one) can share factors with the rest of the product
        if (!p.Factors.Any(f => f is Sum || f is Power { Base: Sum })) return null;
        var factors = p.Factors.Select(f => f is Power pw ? (Base: pw.Base, Exponent: pw.Exponent) : (Base: f, Exponent: (Expr)Expr.One)).ToList();
        for (int i = 0; i < factors.Count; i++)
        {
            if (factors[i].Base is not Sum s || factors[i].Exponent is not Number { Value.IsInteger: true } ki) continue;
            // common symbolic content of the sum's terms, cancelled against opposite powers elsewhere in the product
            foreach (var (b, minExponent) in SumContent(s))
            {
                bool opposite = factors.Any(f => f.Base.Equals(b) && f.Exponent is Number e && e.Value.Sign != ki.Value.Sign);
                if (!opposite) continue;
                var content = Expr.Pow(b, minExponent);
                var primitive = Expr.Add(s.Terms.Select(t => t / content));
                var replaced = p.Factors.Select((f, j) => j == i ? Expr.Pow(content * primitive, ki) : f);
                return Expr.Multiply(replaced);
            }
            // polynomial gcd with a sum of the opposite sign of exponent
            for (int j = 0; j < factors.Count; j++)
            {
                if (j == i || factors[j].Base is not Sum other || factors[j].Exponent is not Number { Value.IsInteger: true } kj) continue;
                if (ki.Value.Sign <= 0 || kj.Value.Sign >= 0) continue;
                var symbols = s.FreeSymbols();
                if (symbols.Count != 1 || !other.FreeSymbols().SetEquals(symbols)) continue;
                var v = s.Symbols()[0];
                if (DensePolynomial.From(s, v.Name) is not { } num || DensePolynomial.From(other, v.Name) is not { } den) continue;
                var g = DensePolynomial.Gcd(num, den);
                if (g.Degree < 1) continue;
                var numRest = num.DivRem(g).Quotient.ToExpr(v);
                var denRest = den.DivRem(g).Quotient.ToExpr(v);
                var gExpr = g.ToExpr(v);
                var replaced = p.Factors.Select((f, idx) =>
                    idx == i ? Expr.Pow(numRest, ki) * Expr.Pow(gExpr, ki)
                    : idx == j ? Expr.Pow(denRest, kj) * Expr.Pow(gExpr, kj)
                    : f);
                return Expr.Multiply(replaced);
            }
        }
        return null;
    }

    /// <summary>Bases with a positive numeric exponent in every term, with the smallest such exponent.</summary>
    private static IEnumerable<(Expr Base, Expr Exponent)> SumContent(Sum s)
    {
        Dictionary<Expr, Rational>? common = null;
        foreach (var t in s.Terms)
        {
            var (_, m) = Canonical.SplitCoefficient(t);
            var here = new Dictionary<Expr, Rational>();
            IEnumerable<Expr> fs = m is Product mp ? mp.Factors : [m];
            foreach (var f in fs)
            {
                if (f.IsNumber) continue;
                var (b, e) = f is Power { Exponent: Number k } pw ? (pw.Base, k.Value) : (f, Rational.One);
                // Only symbolic content: a radical of a number is a coefficient, and dividing by it rewrites it over
                // another base (36^(1/3) / 36^(1/3)·… = 6^(1/3)/6·…), so "cancelling" it would never end.
                if (b.IsNumber) continue;
                if (e.Sign > 0) here[b] = e;
            }
            if (common is null) common = here;
            else
            {
                foreach (var key in common.Keys.ToList())
                {
                    if (here.TryGetValue(key, out var e)) common[key] = e < common[key] ? e : common[key];
                    else common.Remove(key);
                }
            }
            if (common.Count == 0) yield break;
        }
        foreach (var (b, e) in common!) yield return (b, Expr.FromRational(e));
    }

    // ---------------- sums ----------------

    /// <summary>Pairs of terms that collapse (sin² + cos² = 1, 1 − tanh² = 1/cosh², e^u − e^−u = 2 sinh u, …).</summary>
    private static Expr? RewriteSum(Sum s) => FunctionIdentities.RewriteSum(s);
}
