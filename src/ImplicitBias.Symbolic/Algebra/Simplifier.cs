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

    private void Remember(Expr e, Expr result) =>
        _memo[e] = ReferenceEquals(result, e) || result.Equals(e) ? null : result;

    private bool IsUnsimplified(Expr e) =>
        e.Children.Count > 0 && !(_memo.TryGetValue(e, out var r) && (r is null || r.Equals(e)));

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
            // (u^a)^k left alone by the builders: u^(ak) when u ≥ 0
            case Power inner when NonNegative(inner.Base):
                return Expr.Pow(inner.Base, Expr.Multiply(inner.Exponent, k));
            // |u|^(2m) = u^(2m)
            case Call { Function: Function.Abs } abs
                when k is Number { Value: { IsInteger: true, Numerator.IsEven: true } }:
                return Expr.Pow(abs.Argument, k);
            case Product prod when k is Number kn:
                return SplitBySigns(prod, kn.Value);
        }
        return null;
    }

    /// <summary>
    /// (Π fᵢ)^k = Π |fᵢ|^k when every factor has a known sign and an even number are negative (|f| = −f for those;
    /// nonzero factors for k &lt; 0): √(p·x^(p−2)·(p−1)) = √p·x^(p/2−1)·√(p−1) for
    /// x &gt; 0, p &gt; 1. With an odd number
    /// of negative factors and an odd root, the sign comes out as (−1)^numerator.
    /// </summary>
    private Expr? SplitBySigns(Product product, Rational k)
    {
        bool Known(Expr f) => k.Sign > 0 ? NonNegative(f) || NonPositive(f) : Positive(f) || _ranges.IsNegative(f);
        if (!product.Factors.All(Known)) return null;
        var magnitudes = product.Factors.Select(f => NonNegative(f) ? f : -f).ToList();
        int negative = product.Factors.Count(f => !NonNegative(f));
        if (negative % 2 == 0) return Expr.Multiply(magnitudes.Select(f => Expr.Pow(f, Expr.FromRational(k))));
        if (k.Denominator.IsEven) return null; // an even root of a negative number
        var sign = k.Numerator.IsEven ? Expr.One : Expr.MinusOne;
        return sign * Expr.Multiply(magnitudes.Select(f => Expr.Pow(f, Expr.FromRational(k))));
    }

    // ---------------- functions ----------------

    private Expr? RewriteCall(Call c)
    {
        if (InverseComposition.DoubleAngle(c) is { } doubled) return doubled;
        if (c.Argument is Call inner && InverseComposition.Find(c.Function, inner.Function) is { } rule
            && Holds(rule.Guard, inner.Argument)) return rule.Result(inner.Argument);
        return c.Function switch
        {
            Function.Exp => ExpOfLogs(c.Argument),
            Function.Log => LogOf(c.Argument),
            Function.Abs => AbsoluteValueOf(c.Argument),
            Function.Sign => SignOf(c.Argument),
            _ => null,
        };
    }

    /// <summary>Whether the argument lies where a composition identity keeps the domain.</summary>
    private bool Holds(CompositionGuard guard, Expr u) => guard switch
    {
        CompositionGuard.None => true,
        CompositionGuard.ClosedUnit => Within(u, -1, 1),
        CompositionGuard.OpenUnit => StrictlyWithin(u, -1, 1),
        CompositionGuard.AtLeastOne => _ranges.RangeOf(u).Lo >= 1,
        CompositionGuard.Positive => Positive(u),
        CompositionGuard.SineBranch => Within(u, -Math.PI / 2, Math.PI / 2),
        CompositionGuard.CosineBranch => Within(u, 0, Math.PI),
        CompositionGuard.TangentBranch => StrictlyWithin(u, -Math.PI / 2, Math.PI / 2),
    };

    /// <summary>
    /// log(u^k) = k·log u for an odd numerator of k and k·log|u| for an even one (both wherever log(u^k) is
    /// defined), log of a product of positive factors as a sum, and log(a + √(a² + c)) = asinh(a/√c) + log(c)/2.
    /// </summary>
    private Expr? LogOf(Expr u)
    {
        if (u is Power { Exponent: Number k } pw)
            return k.Value.Numerator.IsEven ? k * Expr.Log(Expr.Abs(pw.Base)) : k * Expr.Log(pw.Base);
        if (u is Power symbolic && Positive(symbolic.Base)) return symbolic.Exponent * Expr.Log(symbolic.Base);
        if (u is Product prod && prod.Factors.All(Positive)) return Expr.Add(prod.Factors.Select(Expr.Log));
        return InverseHyperbolicLogs.Recognize(u, _ranges);
    }

    private Expr? AbsoluteValueOf(Expr u)
    {
        if (NonNegative(u)) return u;
        if (NonPositive(u)) return -u;
        if (u is not Product product) return null;
        // factors of known sign come out
        var known = product.Factors.Where(f => NonNegative(f) || NonPositive(f)).ToList();
        if (known.Count == 0) return null;
        var outside = Expr.Multiply(known.Select(f => NonNegative(f) ? f : -f));
        return outside * Expr.Abs(Expr.Multiply(product.Factors.Where(f => !known.Contains(f))));
    }

    private Expr? SignOf(Expr u) =>
        Positive(u) ? Expr.One : _ranges.IsNegative(u) ? Expr.MinusOne : null;

    /// <summary>exp(a + k·log u) = u^k·exp(a) for u &gt; 0, and the like for inverse hyperbolic functions.</summary>
    private Expr? ExpOfLogs(Expr u)
    {
        IEnumerable<Expr> terms = u is Sum s ? s.Terms : [u];
        var powers = new List<Expr>();
        var rest = new List<Expr>();
        foreach (var t in terms)
        {
            var (c, m) = Canonical.SplitCoefficient(t);
            if (!c.IsFloat && m is Call inner && InverseExponentials.Of(inner, c.ExactValue, _ranges) is { } power)
                powers.Add(power);
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
        var factors = p.Factors.Select(f => f is Power pw
            ? (Base: pw.Base, Exponent: pw.Exponent)
            : (Base: f, Exponent: (Expr)Expr.One)).ToList();
        for (int i = 0; i < factors.Count; i++)
        {
            if (factors[i].Base is not Sum s
                || factors[i].Exponent is not Number { Value.IsInteger: true } ki) continue;
            // common symbolic content of the sum's terms, cancelled against opposite powers elsewhere in the product
            foreach (var (b, minExponent) in SumContent(s))
            {
                bool opposite = factors.Any(f =>
                    f.Base.Equals(b) && f.Exponent is Number e && e.Value.Sign != ki.Value.Sign);
                if (!opposite) continue;
                var content = Expr.Pow(b, minExponent);
                var primitive = Expr.Add(s.Terms.Select(t => t / content));
                var replaced = p.Factors.Select((f, j) => j == i ? Expr.Pow(content * primitive, ki) : f);
                return Expr.Multiply(replaced);
            }
            // polynomial gcd with a sum of the opposite sign of exponent
            for (int j = 0; j < factors.Count; j++)
            {
                if (j == i || factors[j].Base is not Sum other
                    || factors[j].Exponent is not Number { Value.IsInteger: true } kj) continue;
                if (ki.Value.Sign <= 0 || kj.Value.Sign >= 0) continue;
                var symbols = s.FreeSymbols();
                if (symbols.Count != 1 || !other.FreeSymbols().SetEquals(symbols)) continue;
                if (CommonPolynomialFactor(s, other, s.Symbols()[0].Name) is not var (numRest, denRest, gExpr))
                    continue;
                var replaced = p.Factors.Select((f, idx) =>
                    idx == i ? Expr.Pow(numRest, ki) * Expr.Pow(gExpr, ki)
                    : idx == j ? Expr.Pow(denRest, kj) * Expr.Pow(gExpr, kj)
                    : f);
                return Expr.Multiply(replaced);
            }
        }
        return null;
    }

    /// <summary>(a, b, g) with s = g·a and other = g·b for their gcd g of positive degree in v, or null.</summary>
    private static (Expr A, Expr B, Expr Gcd)? CommonPolynomialFactor(Sum s, Sum other, string v)
    {
        // sums of monomials c·v^k only: converting anything larger, on every product, is what costs
        if (!IsMonomialSum(s, v) || !IsMonomialSum(other, v)) return null;
        if (UnivariateForms.OverRationals(s, v) is not { IsPolynomial: true } a
            || UnivariateForms.OverRationals(other, v) is not { IsPolynomial: true } b) return null;
        try
        {
            var g = Polynomial.Gcd(a.Numerator, b.Numerator);
            if (g.IsConstant) return null;
            // a polynomial's denominator is 1, and g divides both exactly
            return (a.Numerator.TryDivide(g)!.ToExpr(), b.Numerator.TryDivide(g)!.ToExpr(), g.ToExpr());
        }
        catch (PolynomialBudgetException) { return null; }
    }

    /// <summary>True when every term of s is a rational multiple of 1, v or a natural power of v.</summary>
    private static bool IsMonomialSum(Sum s, string v) =>
        s.Terms.All(t => (t is Product p ? p.Factors : [t]).All(f => f is Number
            || (f is Symbol x && x.Name == v)
            || (f is Power { Base: Symbol b, Exponent: Number { Value: { IsInteger: true, Sign: > 0 } } }
                && b.Name == v)));

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

    /// <summary>Pairs of terms that collapse (sin² + cos² = 1, 1 − tanh² = 1/cosh²,
    /// e^u − e^−u = 2 sinh u, …).</summary>
    private static Expr? RewriteSum(Sum s) => FunctionIdentities.RewriteSum(s);
}
