using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// ∫ N/D dx over ℚ: polynomial division, square-free factorization, rational roots, irreducible quadratics,
/// partial fractions by exact linear algebra, then log/atan terms (log|·| where the sign is unknown).
/// </summary>
internal static class RationalIntegration
{
    private const int MaxDegree = 24;

    public static Expr? Integrate(DensePolynomial numerator, DensePolynomial denominator, Symbol x)
    {
        if (denominator.IsZero || denominator.Degree > MaxDegree) return null;
        var lead = denominator.Leading;
        numerator = numerator.Scale(Rational.One / lead);
        denominator = denominator.Scale(Rational.One / lead);
        var (quotient, remainder) = numerator.DivRem(denominator);
        var terms = new List<Expr>();
        for (int k = 0; k <= quotient.Degree; k++)
            if (!quotient[k].IsZero) terms.Add(Expr.FromRational(quotient[k] / (k + 1)) * Expr.Pow(x, k + 1));
        if (remainder.IsZero) return Expr.Add(terms);
        if (denominator.Degree == 0) return null;

        var factors = Factor(denominator);
        if (factors is null) return null;

        // Unknown coefficients: A for each (x − r)^k, (B x + C) for each quadratic^k.
        var basis = new List<(DensePolynomial Poly, int Factor, int Power, int Slot)>();
        for (int j = 0; j < factors.Count; j++)
        {
            var (f, m) = factors[j];
            for (int k = 1; k <= m; k++)
            {
                var cofactor = denominator;
                for (int i = 0; i < k; i++) cofactor = cofactor.DivRem(f).Quotient;
                for (int slot = 0; slot < f.Degree; slot++)
                    basis.Add((slot == 0 ? cofactor : cofactor * new DensePolynomial([Rational.Zero, Rational.One]), j, k, slot));
            }
        }
        int n = denominator.Degree;
        if (basis.Count != n) return null;
        var matrix = new Rational[n, n + 1];
        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < n; col++) matrix[row, col] = basis[col].Poly[row];
            matrix[row, n] = remainder[row];
        }
        var solution = Solve(matrix, n);
        if (solution is null) return null;

        for (int j = 0; j < factors.Count; j++)
        {
            var (f, m) = factors[j];
            for (int k = 1; k <= m; k++)
            {
                var coefficients = basis.Select((b, i) => (b, i)).Where(t => t.b.Factor == j && t.b.Power == k)
                    .OrderBy(t => t.b.Slot).Select(t => solution[t.i]).ToArray();
                var term = f.Degree == 1
                    ? LinearTerm(coefficients[0], -f[0], k, x)
                    : QuadraticTerm(coefficients[1], coefficients[0], f[1], f[0], k, x);
                terms.Add(term);
            }
        }
        return Expr.Add(terms);
    }

    /// <summary>∫ A/(x − r)^k.</summary>
    private static Expr LinearTerm(Rational a, Rational r, int k, Symbol x)
    {
        if (a.IsZero) return Expr.Zero;
        var shifted = x - Expr.FromRational(r);
        return k == 1
            ? Expr.FromRational(a) * Shapes.LogAbs(shifted)
            : Expr.FromRational(-a / (k - 1)) * Expr.Pow(shifted, 1 - k);
    }

    /// <summary>∫ (B x + C)/(x² + p x + q)^k for an irreducible quadratic.</summary>
    private static Expr QuadraticTerm(Rational b, Rational c, Rational p, Rational q, int k, Symbol x)
    {
        var quadratic = Expr.Pow(x, 2) + Expr.FromRational(p) * x + Expr.FromRational(q);
        var terms = new List<Expr>();
        // (B/2)(2x + p)/Q^k
        if (!b.IsZero)
            terms.Add(Expr.FromRational(b / 2) * (k == 1 ? Shapes.LogAbs(quadratic) : Expr.FromRational(Rational.MinusOne / (k - 1)) * Expr.Pow(quadratic, 1 - k)));
        var rest = c - b * p / 2;
        if (!rest.IsZero) terms.Add(Expr.FromRational(rest) * ReciprocalPower(k, quadratic, x + Expr.FromRational(p / 2), q - p * p / 4));
        return Expr.Add(terms);
    }

    /// <summary>I_k = ∫ dt/(t² + s)^k with t = x + p/2 (s ≠ 0): atan or log base, then the reduction formula.</summary>
    internal static Expr ReciprocalPower(int k, Expr quadratic, Expr t, Rational s)
    {
        var sExpr = Expr.FromRational(s);
        if (k == 1)
        {
            if (s.Sign > 0)
            {
                var root = Expr.Sqrt(sExpr);
                return Expr.Atan(t / root) / root;
            }
            var b = Expr.Sqrt(Expr.FromRational(-s));
            return (Shapes.LogAbs(t - b) - Shapes.LogAbs(t + b)) / (2 * b);
        }
        var previous = ReciprocalPower(k - 1, quadratic, t, s);
        return t / (2 * sExpr * (k - 1) * Expr.Pow(quadratic, k - 1)) + Expr.FromRational(new Rational(2 * k - 3, 2 * (k - 1)) / s) * previous;
    }

    /// <summary>Monic factors of degree 1 or 2 with multiplicities, or null when an irreducible factor of higher degree remains.</summary>
    internal static List<(DensePolynomial Factor, int Multiplicity)>? Factor(DensePolynomial monic)
    {
        var result = new List<(DensePolynomial, int)>();
        foreach (var (part, multiplicity) in SquareFree(monic))
        {
            var rest = part;
            foreach (var root in RationalRoots(rest))
            {
                var linear = new DensePolynomial([-root, Rational.One]);
                rest = rest.DivRem(linear).Quotient;
                result.Add((linear, multiplicity));
            }
            if (rest.Degree == 0) continue;
            if (rest.Degree == 2) { result.Add((rest.Scale(Rational.One / rest.Leading), multiplicity)); continue; }
            return null;
        }
        return result;
    }

    /// <summary>Yun's square-free decomposition of a monic polynomial: D = Π a_i^i.</summary>
    private static IEnumerable<(DensePolynomial Part, int Multiplicity)> SquareFree(DensePolynomial d)
    {
        var derivative = d.Derivative();
        var a = DensePolynomial.Gcd(d, derivative);
        var b = d.DivRem(a).Quotient;
        var c = derivative.DivRem(a).Quotient;
        var e = RationalFunctions.Subtract(c, b.Derivative());
        for (int i = 1; b.Degree > 0 && i <= MaxDegree; i++)
        {
            var g = DensePolynomial.Gcd(b, e);
            if (g.Degree > 0) yield return (g, i);
            b = b.DivRem(g).Quotient;
            c = e.DivRem(g).Quotient;
            e = RationalFunctions.Subtract(c, b.Derivative());
        }
    }

    /// <summary>Rational roots by the rational-root theorem (skipped when the coefficients are too large to factor).</summary>
    private static List<Rational> RationalRoots(DensePolynomial p)
    {
        var roots = new List<Rational>();
        if (p.Degree < 1) return roots;
        // integer coefficients
        BigInteger lcm = BigInteger.One;
        for (int k = 0; k <= p.Degree; k++) lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, p[k].Denominator) * p[k].Denominator;
        var ints = Enumerable.Range(0, p.Degree + 1).Select(k => (p[k] * lcm).Numerator).ToArray();
        int low = 0;
        while (low < ints.Length && ints[low].IsZero) low++;
        if (low > 0) roots.Add(Rational.Zero);
        if (low >= p.Degree) return roots;
        var constant = BigInteger.Abs(ints[low]);
        var leading = BigInteger.Abs(ints[^1]);
        var ps = Divisors(constant);
        var qs = Divisors(leading);
        if (ps is null || qs is null) return roots;
        var seen = new HashSet<Rational>();
        foreach (var num in ps)
            foreach (var den in qs)
                foreach (var sign in new[] { 1, -1 })
                {
                    var r = new Rational(sign * num, den);
                    if (!seen.Add(r)) continue;
                    if (Evaluate(p, r).IsZero) roots.Add(r);
                }
        return roots;
    }

    private static Rational Evaluate(DensePolynomial p, Rational x)
    {
        var acc = Rational.Zero;
        for (int k = p.Degree; k >= 0; k--) acc = acc * x + p[k];
        return acc;
    }

    private static List<BigInteger>? Divisors(BigInteger n)
    {
        if (n > 1_000_000_000_000) return null;
        var small = new List<BigInteger>();
        var large = new List<BigInteger>();
        for (BigInteger d = 1; d * d <= n; d++)
        {
            if (!(n % d).IsZero) continue;
            small.Add(d);
            if (d * d != n) large.Add(n / d);
        }
        large.Reverse();
        return [.. small, .. large];
    }

    /// <summary>Gaussian elimination over ℚ on an n × (n+1) augmented matrix.</summary>
    private static Rational[]? Solve(Rational[,] m, int n)
    {
        for (int col = 0; col < n; col++)
        {
            int pivot = -1;
            for (int row = col; row < n; row++) if (!m[row, col].IsZero) { pivot = row; break; }
            if (pivot < 0) return null;
            if (pivot != col)
                for (int k = 0; k <= n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            var inv = Rational.One / m[col, col];
            for (int k = col; k <= n; k++) m[col, k] *= inv;
            for (int row = 0; row < n; row++)
            {
                if (row == col || m[row, col].IsZero) continue;
                var factor = m[row, col];
                for (int k = col; k <= n; k++) m[row, k] -= factor * m[col, k];
            }
        }
        var x = new Rational[n];
        for (int i = 0; i < n; i++) x[i] = m[i, n];
        return x;
    }
}
