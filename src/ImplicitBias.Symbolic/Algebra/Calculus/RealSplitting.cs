namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// Monic factors of degree 1 and 2 over a real number field ℚ(θ) of a monic polynomial over ℚ that is irreducible
/// there: quartics through Ferrari's resolvent (w⁴ + 1 = (w² + √2w + 1)(w² − √2w + 1)), biquadratics
/// y⁴ + p y² + r through y² = (−p ± √(p² − 4r))/2 or y⁴ + p y² + r = (y² + √r)² − (2√r − p) y², and cubics that
/// are binomials after the shift, (y³ + q) = (y − ρ)(y² + ρy + ρ²) with ρ = −∛q. Coefficients lowest degree first.
/// </summary>
internal static class RealSplitting
{
    /// <summary>The field and the factors, or null when no such splitting is known for f.</summary>
    public static (RealNumberField Field, List<Polynomial[]> Factors)? Split(Rational[] monic, WorkBudget budget)
    {
        int n = monic.Length - 1;
        if (n != 3 && n != 4) return null;
        var shift = monic[n - 1] / n; // x = y − shift removes the y^(n−1) term
        var depressed = Shifted(monic, -shift);
        var split = n == 4 ? Quartic(depressed[2], depressed[1], depressed[0], budget)
            : depressed[2].IsZero && depressed[1].IsZero ? Binomial(depressed[0], budget) : null;
        if (split is not var (field, factors)) return null;
        return (field, [.. factors.Select(g => ShiftBack(field, g, shift))]);
    }

    /// <summary>y⁴ + p y² + q y + r as (y² + αy + β)(y² − αy + γ).</summary>
    private static (RealNumberField, List<Polynomial[]>)? Quartic(Rational p, Rational q, Rational r,
        WorkBudget budget)
    {
        // α² is a root z of the resolvent z³ + 2p z² + (p² − 4r) z − q²; β, γ = (p + z ∓ q/α)/2
        foreach (var z in RationalRoots([-q * q, p * p - 4 * r, 2 * p, Rational.One], budget).Where(z => z.Sign > 0))
        {
            if (RealNumberField.Create(Expr.Sqrt(Expr.FromRational(z)), [-z, 0, 1], budget) is not { } field) continue;
            var alpha = field.Root;
            var half = (p + z) / 2;
            var skew = field.Multiply(field.Of(q / (2 * z)), alpha); // q/(2α) = q α/(2z)
            var one = field.Of(1);
            return (field, [[field.Of(half) - skew, alpha, one], [field.Of(half) + skew, -alpha, one]]);
        }
        if (!q.IsZero) return null;
        var discriminant = p * p - 4 * r;
        if (discriminant.Sign > 0)
        {
            // y² + β with β = (p ∓ √D)/2
            if (RealNumberField.Create(Expr.Sqrt(Expr.FromRational(discriminant)), [-discriminant, 0, 1], budget)
                is not { } field) return null;
            var root = field.Multiply(field.Of(Rational.Half), field.Root);
            return (field, [[field.Of(p / 2) - root, field.Of(0), field.Of(1)],
                [field.Of(p / 2) + root, field.Of(0), field.Of(1)]]);
        }
        // D < 0, so r > 0: α = √(2√r − p) > 0 with (α² + p)² = 4r, and β = γ = √r = (α² + p)/2
        var generator = Expr.Sqrt(2 * Expr.Sqrt(Expr.FromRational(r)) - Expr.FromRational(p));
        if (RealNumberField.Create(generator, [p * p - 4 * r, 0, 2 * p, 0, 1], budget) is not { } f2) return null;
        var beta = f2.Multiply(f2.Of(Rational.Half), f2.Multiply(f2.Root, f2.Root) + f2.Of(p));
        return (f2, [[beta, f2.Root, f2.Of(1)], [beta, -f2.Root, f2.Of(1)]]);
    }

    /// <summary>y³ + q = (y − ρ)(y² + ρy + ρ²) with ρ = −∛q = −sign(q)·θ, θ = ∛|q|.</summary>
    private static (RealNumberField, List<Polynomial[]>)? Binomial(Rational q, WorkBudget budget)
    {
        var magnitude = q.Abs();
        var generator = Expr.Pow(Expr.FromRational(magnitude), Expr.FromRational(new Rational(1, 3)));
        if (RealNumberField.Create(generator, [-magnitude, 0, 0, 1], budget) is not { } field) return null;
        var rho = q.Sign > 0 ? -field.Root : field.Root;
        return (field, [[-rho, field.Of(1)], [field.Multiply(rho, rho), rho, field.Of(1)]]);
    }

    /// <summary>The rational roots of a polynomial over ℚ (from its linear factors).</summary>
    private static IEnumerable<Rational> RationalRoots(Rational[] coefficients, WorkBudget budget)
    {
        var z = Expr.Var("z");
        var factorization = PolynomialFactorizer.Factor(Polynomial.Univariate(coefficients, z), budget);
        foreach (var (factor, _) in factorization.Factors.Where(f => f.Factor.Degree(0) == 1))
        {
            var c = factor.UnivariateCoefficients(0);
            yield return -c[0] / c[1];
        }
    }

    /// <summary>The coefficients of c(y + s) from those of c(x).</summary>
    private static Rational[] Shifted(Rational[] c, Rational s)
    {
        var result = Enumerable.Repeat(Rational.Zero, c.Length).ToArray();
        for (int k = c.Length - 1; k >= 0; k--) // Horner: result = result·(y + s) + c_k
        {
            for (int j = c.Length - 1; j > 0; j--) result[j] = result[j - 1] + s * result[j];
            result[0] = s * result[0] + c[k];
        }
        return result;
    }

    /// <summary>g(x + s) for a monic g of degree 1 or 2 over the field, in y = x + s.</summary>
    private static Polynomial[] ShiftBack(RealNumberField field, Polynomial[] g, Rational s)
    {
        var shift = field.Of(s);
        if (g.Length == 2) return [g[0] + shift, g[1]];
        // (x + s)² + P(x + s) + Q = x² + (2s + P)x + (s² + Ps + Q)
        return [field.Of(s * s) + field.Multiply(g[1], shift) + g[0], field.Of(2 * s) + g[1], g[2]];
    }
}
