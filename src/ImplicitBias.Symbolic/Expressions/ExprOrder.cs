namespace ImplicitBias.Symbolic;

/// <summary>
/// The canonical total order: numbers first by value; otherwise the non-numeric factors are compared
/// lexicographically as (base, exponent) pairs, so x &lt; x^2 &lt; x*y &lt; y, then the numeric coefficients.
/// Compare(a, b) == 0 exactly when a equals b.
/// </summary>
internal static class ExprOrder
{
    public static int Compare(Expr? a, Expr? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        bool an = a.IsNumber, bn = b.IsNumber;
        if (an || bn) return an && bn ? CompareNumbers(a, b) : an ? -1 : 1;
        // (coefficient, factors) views without allocating: this runs inside every sort of terms and factors
        int sa = FactorStart(a), sb = FactorStart(b);
        int na = FactorCount(a, sa), nb = FactorCount(b, sb);
        int n = Math.Min(na, nb);
        for (int i = 0; i < n; i++)
        {
            int c = CompareFactor(FactorAt(a, sa, i), FactorAt(b, sb, i));
            if (c != 0) return c;
        }
        if (na != nb) return na.CompareTo(nb);
        return CompareNumbers(CoefficientOf(a), CoefficientOf(b));
    }

    private static int FactorStart(Expr e) => e is Product p && p.Factors[0].IsNumber ? 1 : 0;
    private static int FactorCount(Expr e, int start) => e is Product p ? p.Factors.Length - start : 1;
    private static Expr FactorAt(Expr e, int start, int i) => e is Product p ? p.Factors[start + i] : e;
    private static Expr CoefficientOf(Expr e) => e is Product p && p.Factors[0].IsNumber ? p.Factors[0] : Expr.One;

    private static int CompareFactor(Expr x, Expr y)
    {
        var (bx, ex) = x is Power px ? (px.Base, px.Exponent) : (x, Expr.One);
        var (by, ey) = y is Power py ? (py.Base, py.Exponent) : (y, Expr.One);
        int c = CompareAtom(bx, by);
        if (c != 0) return c;
        // the common case, numeric exponents, without the general comparison
        return ex is Number nx && ey is Number ny ? nx.Value.CompareTo(ny.Value) : Compare(ex, ey);
    }

    private static int Rank(Expr e) => e.Kind switch
    {
        ExprKind.Number or ExprKind.Real => 0,
        ExprKind.Constant => 1,
        ExprKind.Symbol => 2,
        ExprKind.Call => 3,
        ExprKind.Sum => 4,
        ExprKind.Product => 5,
        ExprKind.Power => 6,
    };

    private static int CompareAtom(Expr x, Expr y)
    {
        if (ReferenceEquals(x, y)) return 0;
        int r = Rank(x).CompareTo(Rank(y));
        if (r != 0) return r;
        // only composite nodes recurse: the stack check is needed (and paid) there alone
        if (x.Depth > 1) System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (x, y)
        {
            case (Constant cx, Constant cy): return cx.Which.CompareTo(cy.Which);
            case (Symbol sx, Symbol sy):
                {
                    int c = string.CompareOrdinal(sx.Name, sy.Name);
                    return c != 0 ? c : CompareDomains(sx.Domain, sy.Domain);
                }
            case (Call fx, Call fy):
                {
                    int c = fx.Function.CompareTo(fy.Function);
                    return c != 0 ? c : Compare(fx.Argument, fy.Argument);
                }
            case (Sum sx, Sum sy): return CompareSequences(sx.Terms, sy.Terms);
            case (Product px, Product py): return CompareSequences(px.Factors, py.Factors);
            case (Power px, Power py):
                {
                    int c = Compare(px.Base, py.Base);
                    return c != 0 ? c : Compare(px.Exponent, py.Exponent);
                }
            default: return CompareNumbers(x, y); // both numeric (rank 0)
        }
    }

    private static int CompareSequences(IReadOnlyList<Expr> xs, IReadOnlyList<Expr> ys)
    {
        int n = Math.Min(xs.Count, ys.Count);
        for (int i = 0; i < n; i++)
        {
            int c = Compare(xs[i], ys[i]);
            if (c != 0) return c;
        }
        return xs.Count.CompareTo(ys.Count);
    }

    private static int CompareNumbers(Expr a, Expr b)
    {
        switch (a, b)
        {
            case (Number x, Number y): return x.Value.CompareTo(y.Value);
            case (Real x, Real y): return x.Value.CompareTo(y.Value);
            case (Number x, Real y):
                {
                    int c = x.Value.ToDouble().CompareTo(y.Value);
                    return c != 0 ? c : -1; // exact before floating on ties
                }
            case (Real x, Number y):
                {
                    int c = x.Value.CompareTo(y.Value.ToDouble());
                    return c != 0 ? c : 1;
                }
            default: throw new InvalidOperationException("CompareNumbers needs two numbers.");
        }
    }

    private static int CompareDomains(Interval a, Interval b)
    {
        int c = a.Lo.CompareTo(b.Lo);
        if (c == 0) c = a.Hi.CompareTo(b.Hi);
        if (c == 0) c = a.LoOpen.CompareTo(b.LoOpen);
        if (c == 0) c = a.HiOpen.CompareTo(b.HiOpen);
        if (c == 0) c = a.ExcludesZero.CompareTo(b.ExcludesZero);
        return c;
    }
}
