namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Identities between pairs of terms of a sum, and between factors of a product, that the simplifier applies:
/// the Pythagorean family (sin² + cos² = 1, 1 − tanh² = 1/cosh², 1 + sinh² = cosh², …), exponentials into
/// hyperbolic functions (e^u − e^−u = 2 sinh u), log pairs into atanh, and sinh/cosh = tanh. Terms are matched
/// through a dictionary of monomials, so a sum of n terms costs O(n) lookups, not O(n²) comparisons.
/// </summary>
internal static class FunctionIdentities
{
    /// <summary>One rewrite of a pair of terms, or null when no pair matches.</summary>
    public static Expr? RewriteSum(Sum s) => (s.Terms.Any(MayPair) ? Pairs(s) : null) ?? CommonDenominators(s);

    private static Expr? Pairs(Sum s)
    {
        var split = s.Terms.Select(Canonical.SplitCoefficient).ToList();
        var index = new Dictionary<Expr, int>();
        for (int i = 0; i < split.Count; i++) index.TryAdd(split[i].Monomial, i);
        var present = new MonomialShapes(split.Select(t => t.Monomial));

        Expr? Replace(int i, int j, Expr replacement) =>
            Expr.Add(s.Terms.Where((_, k) => k != i && k != j).Append(replacement));

        for (int i = 0; i < split.Count; i++)
        {
            var (coefficient, monomial) = split[i];
            var c = coefficient.ToExpr();
            foreach (var (partner, sign, result) in Partners(monomial, present))
            {
                if (!index.TryGetValue(partner, out int j) || j == i) continue;
                var cj = split[j].Coefficient.ToExpr();
                if (!cj.Equals(sign > 0 ? c : Expr.Negate(c))) continue;
                return Replace(i, j, c * result());
            }
        }
        return LogPairs(s, split);
    }

    /// <summary>
    /// Terms over the same denominator D (powers of sums with negative integer exponents) combined into one
    /// fraction N/D, when that is smaller: x²/(2(1 − x²)) − 1/(2(1 − x²)) = −1/2 once N and D cancel.
    /// </summary>
    private static Expr? CommonDenominators(Sum s)
    {
        if (!s.Terms.Any(t => t is Power { Base: Sum }
            || t is Product p && p.Factors.Any(f => f is Power { Base: Sum }))) return null;
        var groups = new Dictionary<Expr, List<int>>();
        for (int i = 0; i < s.Terms.Length; i++)
        {
            IReadOnlyList<Expr> factors = s.Terms[i] is Product p ? p.Factors : [s.Terms[i]];
            var denominator = Expr.Multiply(factors.Where(f =>
                f is Power { Base: Sum, Exponent: Number { Value: { IsInteger: true, Sign: < 0 } } }));
            if (denominator is Number) continue;
            if (!groups.TryGetValue(denominator, out var members)) groups[denominator] = members = [];
            members.Add(i);
        }
        foreach (var (denominator, members) in groups)
        {
            if (members.Count < 2) continue;
            // a small expansion only: the combined fraction must come out shorter than the sum, so a numerator of
            // thousands of terms is never worth building
            var numerator = Expander.Expand(Expr.Add(members.Select(i => s.Terms[i] / denominator)),
                maxTerms: 4 * s.NodeCount());
            var combined = Expr.Add(s.Terms.Where((_, k) => !members.Contains(k)).Append(numerator * denominator));
            if (combined.NodeCount() < s.NodeCount()) return combined;
        }
        return null;
    }

    /// <summary>Terms holding a square of a function, an exponential or a logarithm:
    /// the only ones a rule can pair.</summary>
    private static bool MayPair(Expr term)
    {
        IReadOnlyList<Expr> factors = term is Product p ? p.Factors : [term];
        foreach (var f in factors)
            if (f is Call { Function: Function.Exp or Function.Log }
                || f is Power { Base: Call, Exponent: Number { Value: var two } } && two == 2)
                return true;
        return false;
    }

    /// <summary>
    /// For a monomial c·M: partner monomials P such that c·M ± c·P collapses, with the sign P's coefficient must
    /// have (relative to c) and what c·(M ± P)/c becomes. Only partners whose factors occur in the sum are built:
    /// building one sorts a product, which on the n terms of n factors of a long chain's f″ cost O(n³) compares.
    /// </summary>
    private static IEnumerable<(Expr Partner, int Sign, Func<Expr> Result)> Partners(Expr monomial,
        MonomialShapes present)
    {
        IReadOnlyList<Expr> factors = monomial is Product p ? p.Factors : [monomial];
        bool restOccurs = present.HasCount(factors.Count - 1);
        for (int k = 0; k < factors.Count; k++)
        {
            var f = factors[k];
            bool square = f is Power { Base: Call, Exponent: Number { Value: var two } } && two == 2;
            if (!square && f is not Call { Function: Function.Exp }) continue; // most factors match nothing
            Expr Rest() => Expr.Multiply(factors.Where((_, i) => i != k));
            if (!square)
            {
                // e^u ± e^−u = 2 cosh u, 2 sinh u (the partner's exponential merges with any in the rest: not filtered)
                var argument = ((Call)f).Argument;
                var mirror = Rest() * Expr.Exp(Expr.Negate(argument));
                yield return (mirror, +1, () => 2 * Rest() * Expr.Cosh(argument));
                yield return (mirror, -1, () => 2 * Rest() * Expr.Sinh(argument));
                continue;
            }
            var call = (Call)((Power)f).Base;
            foreach (var partner in SquarePartners(call.Function, call.Argument, Rest, restOccurs, present))
                yield return partner;
        }
    }

    /// <summary>The Pythagorean partners of rest·g(u)², for <see cref="Partners"/>.</summary>
    private static IEnumerable<(Expr Partner, int Sign, Func<Expr> Result)> SquarePartners(Function g, Expr u,
        Func<Expr> rest, bool restOccurs, MonomialShapes present)
    {
        Expr Sq(Function h) => Expr.Pow(Expr.Apply(h, u), 2);
        // the partner's new square merges with a power of the same call in the rest: filtered by base
        if (g == Function.Sin && present.HasBase(Expr.Cos(u)))
            yield return (rest() * Sq(Function.Cos), +1, rest);                           // sin² + cos² = 1
        if (g == Function.Cosh && present.HasBase(Expr.Sinh(u)))
            yield return (rest() * Sq(Function.Sinh), -1, rest);                          // cosh² − sinh² = 1
        if (!restOccurs) yield break;
        switch (g)
        {
            case Function.Sin: yield return (rest(), -1, () => -(rest() * Sq(Function.Cos))); break; // sin² − 1
            case Function.Cos: yield return (rest(), -1, () => -(rest() * Sq(Function.Sin))); break; // cos² − 1
            case Function.Cosh: yield return (rest(), -1, () => rest() * Sq(Function.Sinh)); break;  // cosh² − 1
            case Function.Sinh: yield return (rest(), +1, () => rest() * Sq(Function.Cosh)); break;  // sinh² + 1
            case Function.Tanh: yield return (rest(), -1, () => -(rest() * Expr.Pow(Expr.Cosh(u), -2))); break;
            case Function.Tan: yield return (rest(), +1, () => rest() * Expr.Pow(Expr.Cos(u), -2)); break;
        }
    }

    /// <summary>
    /// c·log P − c·log Q = 2c·atanh((P − Q)/(P + Q)) when that is shorter: both logs exist exactly where P, Q &gt; 0,
    /// and there the argument lies in (−1, 1). log(1 + x) − log(1 − x) = 2·atanh(x); (log(x − 1) − log(x + 1))/2 =
    /// −atanh(1/x).
    /// </summary>
    private static Expr? LogPairs(Sum s, List<(Coefficient Coefficient, Expr Monomial)> split)
    {
        var logs = Enumerable.Range(0, split.Count).Where(i => split[i].Monomial is Call { Function: Function.Log })
            .Take(6).ToList();
        foreach (int i in logs)
            foreach (int j in logs)
            {
                if (j == i) continue;
                var c = split[i].Coefficient.ToExpr();
                if (!split[j].Coefficient.ToExpr().Equals(Expr.Negate(c))) continue;
                var (p, q) = (((Call)split[i].Monomial).Argument, ((Call)split[j].Monomial).Argument);
                var replacement = 2 * c * Expr.Atanh(RationalForms.Cancel((p - q) / (p + q)));
                var result = Expr.Add(s.Terms.Where((_, k) => k != i && k != j).Append(replacement));
                if (result.PrintedSize() < s.PrintedSize()) return result;
            }
        return null;
    }

    /// <summary>sinh^k(u)·cosh^(−k)(u) = tanh^k(u) and sin^k·cos^(−k) = tan^k,
    /// for the largest shared integer k.</summary>
    public static Expr? RewriteProduct(Product p)
    {
        if (!p.Factors.Any(f => AsCallPower(f).Call?.Function is Function.Sinh or Function.Sin)) return null;
        foreach (var (numeratorFunction, denominatorFunction, quotient) in Quotients)
        {
            foreach (var f in p.Factors)
            {
                var (call, k) = AsCallPower(f);
                if (call?.Function != numeratorFunction || k <= 0) continue;
                var denominator = Expr.Apply(denominatorFunction, call.Argument);
                int m = p.Factors.Select(AsCallPower).Where(t => t.Call is not null && t.Call.Equals(denominator))
                    .Select(t => -t.Power).FirstOrDefault();
                if (m <= 0) continue;
                int shared = Math.Min(k, m);
                // multiply by (tanh/sinh·cosh)^shared = 1 on the domain (cosh ≠ 0 wherever the product is defined)
                return Expr.Multiply(p.Factors.Append(Expr.Pow(Expr.Apply(quotient, call.Argument), shared))
                    .Append(Expr.Pow(call, -shared)).Append(Expr.Pow(denominator, shared)));
            }
        }
        return null;
    }

    private static readonly (Function Numerator, Function Denominator, Function Quotient)[] Quotients =
        [(Function.Sinh, Function.Cosh, Function.Tanh), (Function.Sin, Function.Cos, Function.Tan)];

    private static (Call? Call, int Power) AsCallPower(Expr f) => f switch
    {
        Call c => (c, 1),
        Power { Base: Call c, Exponent: Number { Value: { IsInteger: true } k } }
            when System.Numerics.BigInteger.Abs(k.Numerator) <= 64 => (c, (int)k.Numerator),
        _ => (null, 0),
    };
}
