namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Square-free decomposition over ℚ (characteristic 0): p = unit·Π aᵢ^i with the aᵢ square-free and pairwise
/// coprime. The content in the most significant generator is decomposed recursively; the primitive part by Yun's
/// algorithm (gcd(p, p′) and exact divisions), which works over ℚ[other generators] as well.
/// </summary>
internal static class SquareFreeDecomposition
{
    public static PolynomialFactorization Of(Polynomial p, WorkBudget budget)
    {
        if (p.IsZero) throw new ArgumentException("the zero polynomial has no factorization", nameof(p));
        var unit = p.LeadingCoefficient.Sign < 0 ? -p.NumericContent() : p.NumericContent();
        var factors = new Dictionary<Polynomial, int>();
        Decompose(p.Normalized(), budget, factors);
        var ordered = factors.Select(kv => (kv.Key, kv.Value)).OrderBy(t => t.Value)
            .ThenBy(t => t.Key.ToExpr(), Comparer<Expr>.Create(ExprOrder.Compare)).ToList();
        return new PolynomialFactorization(unit, ordered, Complete: false);
    }

    /// <summary>Adds the square-free parts of a normalized p to
    /// <paramref name="factors"/>, merging equal ones.</summary>
    private static void Decompose(Polynomial p, WorkBudget budget, Dictionary<Polynomial, int> factors)
    {
        if (p.IsConstant) return;
        var main = p.Occurring()[0];
        var (content, primitive) = PolynomialGcd.ContentAndPrimitive(p, main, budget);
        Decompose(content.Normalized(), budget, factors);
        foreach (var (part, multiplicity) in Yun(primitive, main, budget))
        {
            var normalized = part.Normalized();
            factors[normalized] = factors.TryGetValue(normalized, out var m) ? m + multiplicity : multiplicity;
        }
    }

    /// <summary>Yun's algorithm for p primitive in generator v: the parts aᵢ with p ~ Π aᵢ^i.</summary>
    private static IEnumerable<(Polynomial Part, int Multiplicity)> Yun(Polynomial p, int v, WorkBudget budget)
    {
        var derivative = p.Derivative(v);
        var a = PolynomialGcd.Gcd(p, derivative, budget);
        var b = Exact(p, a, budget);
        var c = Exact(derivative, a, budget);
        var d = c - b.Derivative(v);
        for (int i = 1; !b.IsConstant; i++)
        {
            var g = PolynomialGcd.Gcd(b, d, budget);
            if (!g.IsConstant) yield return (g, i);
            b = Exact(b, g, budget);
            c = Exact(d, g, budget);
            d = c - b.Derivative(v);
        }
    }

    private static Polynomial Exact(Polynomial a, Polynomial b, WorkBudget budget) =>
        a.TryDivide(b, budget) ?? throw new InvalidOperationException("an exact division in Yun's algorithm failed");
}
