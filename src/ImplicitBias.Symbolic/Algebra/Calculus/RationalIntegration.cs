namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// ∫ N/D dx for a rational function in x with coefficients in ℚ and expressions free of x (parameters, √2):
/// partial fractions over the complete factorization of D (<see cref="PartialFractions"/>, Zassenhaus over ℚ),
/// then for each term r/fᵏ logarithms and powers (f linear), log/atan terms and the reduction formula (f quadratic,
/// the sign of its discriminant known), or for f of degree 3 or 4 over ℚ the Hermite reduction to k = 1 and
/// partial fractions over the real quadratic factors of f (<see cref="RealSplitting"/>).
/// </summary>
internal static class RationalIntegration
{
    private const int MaxDegree = 24;

    /// <summary>An antiderivative, or null when a factor of the denominator is out of reach.</summary>
    public static Expr? Integrate(RationalFunction form, Symbol x)
    {
        int index = UnivariateForms.IndexOf(form, x.Name);
        if (index < 0 || form.Denominator.Degree(index) > MaxDegree) return null;
        var budget = new WorkBudget();
        try
        {
            var decomposition = PartialFractions.Of(form, index, budget);
            var terms = new List<Expr> { PolynomialPart(decomposition.Quotient, x) };
            foreach (var (r, f, k) in decomposition.Terms)
            {
                if (Term(r, f, k, x, budget) is not { } term) return null;
                terms.Add(term);
            }
            return Expr.Add(terms);
        }
        catch (Exception e) when (e is SymbolicException or DivideByZeroException) { return null; }
    }

    private static Expr PolynomialPart(FieldPolynomial quotient, Symbol x) =>
        Expr.Add(Enumerable.Range(0, quotient.Degree + 1)
            .Select(k => quotient[k].ToExpr() * Expr.Pow(x, k + 1) / (k + 1)));

    /// <summary>∫ r/fᵏ for a factor f irreducible over ℚ and the parameters, deg r &lt; deg f.</summary>
    private static Expr? Term(FieldPolynomial r, FieldPolynomial f, int k, Symbol x, WorkBudget budget)
    {
        if (f.Degree == 1)
        {
            var (numerator, slope, u) = (r[0].ToExpr(), f[1].ToExpr(), f.ToExpr(x));
            return k == 1 ? numerator / slope * Shapes.LogAbs(u)
                : -numerator / (slope * (k - 1)) * Expr.Pow(u, 1 - k);
        }
        if (f.Degree == 2)
        {
            var lead = f[2].ToExpr();
            var (p, q) = ((f[1].ToExpr() / lead).ApplyIdentities(), (f[0].ToExpr() / lead).ApplyIdentities());
            var s = (q - Expr.Pow(p, 2) / 4).ApplyIdentities();
            var sign = s.Range();
            if (!sign.IsPositive && !sign.IsNegative) return null;
            var scale = Expr.Pow(lead, -k);
            var (b, c) = (r[1].ToExpr() * scale, r[0].ToExpr() * scale);
            var rest = (c - b * p / 2).ApplyIdentities();
            return QuadraticTerm(b, rest, (p, q, s), sign.IsPositive ? 1 : -1, k, x);
        }
        if (f.RationalCoefficients() is null || r.RationalCoefficients() is null) return null;
        if (Hermite(r, f, k, x, budget) is not var (rational, remaining)) return null;
        return SplitTerm(remaining.RationalCoefficients()!, f.RationalCoefficients()!, x, budget) is { } logs
            ? rational + logs : null;
    }

    /// <summary>
    /// Hermite's reduction of ∫ a/fᵏ for a square-free f: with b·f′ + c·f = −a/j (deg b &lt; deg f),
    /// a/f^(j+1) = (b/fʲ)′ + (−j·c − b′)/fʲ, down to j = 1. The rational part and the numerator left over f.
    /// </summary>
    private static (Expr Rational, FieldPolynomial Numerator)? Hermite(FieldPolynomial a, FieldPolynomial f, int k,
        Symbol x, WorkBudget budget)
    {
        var derivative = f.Derivative();
        if (FieldPolynomial.InverseModulo(derivative, f) is not { } inverse) return null;
        var parts = new List<Expr>();
        for (int j = k - 1; j >= 1; j--)
        {
            var target = a.Multiply(Constant(new Rational(-1, j), budget));
            var b = target.Multiply(inverse).DivRem(f).Remainder;
            var c = target.Add(b.Multiply(derivative), -1).DivRem(f).Quotient;
            parts.Add(b.ToExpr(x) / Expr.Pow(f.ToExpr(x), j));
            a = c.Multiply(Constant(-j, budget)).Add(b.Derivative(), -1);
        }
        return (Expr.Add(parts), a);
    }

    private static FieldPolynomial Constant(Rational c, WorkBudget budget) =>
        FieldPolynomial.Constant(RationalFunction.Constant(c, []), budget);

    /// <summary>∫ r/f for f over ℚ of degree 3 or 4, through its real splitting; null when it has none.</summary>
    private static Expr? SplitTerm(Rational[] r, Rational[] f, Symbol x, WorkBudget budget)
    {
        var lead = f[^1];
        var monic = f.Select(c => c / lead).ToArray();
        if (RealSplitting.Split(monic, budget) is not var (field, factors)) return null;
        if (SplitPartialFractions.Of(field, [.. r.Select(c => c / lead)], monic, factors) is not { } fractions)
            return null;
        var terms = new List<Expr>();
        foreach (var (a, g) in fractions)
        {
            if (g.Length == 2)
            {
                terms.Add(field.ToExpr(a[0]) * Shapes.LogAbs(x + field.ToExpr(g[0])));
                continue;
            }
            // C − B·P/2 and s = Q − P²/4 in the field, so that each prints as one number
            var half = field.Of(Rational.Half);
            var rest = a[0] - field.Multiply(half, field.Multiply(a[1], g[1]));
            var s = g[0] - field.Multiply(half, field.Multiply(half, field.Multiply(g[1], g[1])));
            var quadratic = (field.ToExpr(g[1]), field.ToExpr(g[0]), field.ToExpr(s));
            terms.Add(QuadraticTerm(field.ToExpr(a[1]), field.ToExpr(rest), quadratic, Math.Sign(field.Value(s)), 1,
                x));
        }
        return Expr.Add(terms);
    }

    /// <summary>
    /// ∫ (B x + C)/(x² + p x + q)^k for a quadratic with no repeated root: (B/2)·∫ (2x + p)/Qᵏ plus
    /// <paramref name="rest"/>·Iₖ with rest = C − Bp/2, where s = q − p²/4 has the sign <paramref name="sign"/>.
    /// </summary>
    private static Expr QuadraticTerm(Expr b, Expr rest, (Expr P, Expr Q, Expr S) form, int sign, int k, Symbol x)
    {
        var (p, q, s) = form;
        var quadratic = Expr.Pow(x, 2) + p * x + q;
        var terms = new List<Expr>();
        // with s > 0 the quadratic (x + p/2)² + s is positive, which range analysis may not see (w² − √2w + 1)
        var log = sign > 0 ? Expr.Log(quadratic) : Shapes.LogAbs(quadratic);
        if (!IsZero(b)) terms.Add(b / 2 * (k == 1 ? log : -Expr.Pow(quadratic, 1 - k) / (k - 1)));
        if (!IsZero(rest)) terms.Add(rest * ReciprocalPower(k, quadratic, x + p / 2, s, sign));
        return Expr.Add(terms);
    }

    private static bool IsZero(Expr e) => e.ApplyIdentities() is Number { Value.IsZero: true };

    /// <summary>
    /// Iₖ = ∫ dt/(t² + s)^k with t = x + p/2 (s ≠ 0 of the given sign): atan or log, then the reduction formula.
    /// </summary>
    private static Expr ReciprocalPower(int k, Expr quadratic, Expr t, Expr s, int sign)
    {
        if (k == 1)
        {
            if (sign > 0)
            {
                var root = Expr.Sqrt(s);
                return Expr.Atan(t / root) / root;
            }
            var b = Expr.Sqrt(-s);
            return (Shapes.LogAbs(t - b) - Shapes.LogAbs(t + b)) / (2 * b);
        }
        var previous = ReciprocalPower(k - 1, quadratic, t, s, sign);
        return t / (2 * s * (k - 1) * Expr.Pow(quadratic, k - 1))
            + Expr.FromRational(new Rational(2 * k - 3, 2 * (k - 1))) / s * previous;
    }
}
