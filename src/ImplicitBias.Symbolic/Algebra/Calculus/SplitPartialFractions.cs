namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// r/f = Σ Aⱼ/gⱼ over a real number field, for f = Π gⱼ with distinct monic gⱼ of degree 1 or 2 (a
/// <see cref="RealSplitting"/>): Aⱼ = r·(f/gⱼ)⁻¹ mod gⱼ. Polynomials over the field are coefficient arrays,
/// lowest degree first.
/// </summary>
internal static class SplitPartialFractions
{
    /// <summary>Each numerator Aⱼ (degree below gⱼ's) with its factor gⱼ; null unless the factors divide f.</summary>
    public static List<(Polynomial[] Numerator, Polynomial[] Factor)>? Of(
        RealNumberField field, IReadOnlyList<Rational> r, IReadOnlyList<Rational> f, List<Polynomial[]> factors)
    {
        var numerator = r.Select(field.Of).ToArray();
        var whole = f.Select(field.Of).ToArray();
        var result = new List<(Polynomial[], Polynomial[])>();
        foreach (var g in factors)
        {
            var (cofactor, rest) = DivRem(field, whole, g);
            if (rest.Any(c => !c.IsZero)) return null;
            var inverse = Inverse(field, DivRem(field, cofactor, g).Remainder, g);
            result.Add((MultiplyModulo(field, DivRem(field, numerator, g).Remainder, inverse, g), g));
        }
        return result;
    }

    /// <summary>Division by a monic divisor.</summary>
    private static (Polynomial[] Quotient, Polynomial[] Remainder) DivRem(
        RealNumberField field, Polynomial[] a, Polynomial[] monic)
    {
        int d = monic.Length - 1;
        var rest = a.Length >= d ? (Polynomial[])a.Clone() : [.. a, .. Enumerable.Repeat(field.Of(0), d - a.Length)];
        if (rest.Length == d) return ([field.Of(0)], rest);
        var quotient = new Polynomial[rest.Length - d];
        for (int k = quotient.Length - 1; k >= 0; k--)
        {
            var c = rest[k + d];
            quotient[k] = c;
            for (int j = 0; j <= d; j++) rest[k + j] -= field.Multiply(c, monic[j]);
        }
        return (quotient, rest[..d]);
    }

    /// <summary>a·b mod g for a, b of degree below g's.</summary>
    private static Polynomial[] MultiplyModulo(RealNumberField field, Polynomial[] a, Polynomial[] b, Polynomial[] g)
    {
        var product = Enumerable.Repeat(field.Of(0), a.Length + b.Length - 1).ToArray();
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < b.Length; j++) product[i + j] += field.Multiply(a[i], b[j]);
        return DivRem(field, product, g).Remainder;
    }

    /// <summary>
    /// The inverse of a (degree below g's, nonzero) modulo g: 1/a₀ for a linear g; for g = x² + Px + Q,
    /// (h₀ + h₁x)⁻¹ = ((h₀ − P h₁) − h₁x)/(h₀² − P h₀h₁ + Q h₁²), the norm being nonzero as g is irreducible.
    /// </summary>
    private static Polynomial[] Inverse(RealNumberField field, Polynomial[] a, Polynomial[] g)
    {
        if (g.Length == 2) return [field.Inverse(a[0])];
        var (h0, h1, p, q) = (a[0], a[1], g[1], g[0]);
        var norm = field.Multiply(h0, h0) - field.Multiply(p, field.Multiply(h0, h1))
            + field.Multiply(q, field.Multiply(h1, h1));
        var scale = field.Inverse(norm);
        return [field.Multiply(h0 - field.Multiply(p, h1), scale), -field.Multiply(h1, scale)];
    }
}
