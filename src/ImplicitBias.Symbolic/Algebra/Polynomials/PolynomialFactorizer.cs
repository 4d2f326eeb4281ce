using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Factorization over ℚ: the square-free decomposition, then each part split further. A part in one generator is
/// factored completely (<see cref="IntegerPolynomialFactorizer"/>); a part in several generators is split by its
/// contents in every generator, and
/// a part of degree 2 in some generator by its discriminant when that is a square ((x² − a²) = (x − a)(x + a)).
/// A part that is primitive and linear in some generator is irreducible; other multivariate parts are left whole
/// and make the result incomplete.
/// </summary>
internal static class PolynomialFactorizer
{
    public static PolynomialFactorization Factor(Polynomial p, WorkBudget budget)
    {
        var squareFree = SquareFreeDecomposition.Of(p, budget);
        var factors = new List<(Polynomial, int)>();
        bool complete = true;
        foreach (var (part, multiplicity) in squareFree.Factors)
        {
            var (irreducible, proven) = Split(part, budget);
            complete &= proven;
            factors.AddRange(irreducible.Select(f => (f, multiplicity)));
        }
        return new PolynomialFactorization(squareFree.Unit, factors, complete);
    }

    /// <summary>The factors of a normalized square-free polynomial, and whether each is proven irreducible.</summary>
    private static (List<Polynomial> Factors, bool Complete) Split(Polynomial p, WorkBudget budget)
    {
        var occurring = p.Occurring();
        if (occurring.Count == 1) return Univariate(p, occurring[0], budget);
        foreach (var v in occurring)
        {
            var (content, primitive) = PolynomialGcd.ContentAndPrimitive(p, v, budget);
            if (content.IsConstant) continue;
            return Both(Split(content.Normalized(), budget), Split(primitive.Normalized(), budget));
        }
        if (occurring.Any(v => p.Degree(v) == 1)) return ([p], true);
        foreach (var v in occurring.Where(v => p.Degree(v) == 2))
            if (QuadraticSplit(p, v, budget) is var (first, second))
                return Both(Split(first, budget), Split(second, budget));
        return ([p], false);
    }

    private static (List<Polynomial>, bool) Both((List<Polynomial> Factors, bool Complete) a,
        (List<Polynomial> Factors, bool Complete) b) => ([.. a.Factors, .. b.Factors], a.Complete && b.Complete);

    /// <summary>A polynomial in one generator: every irreducible factor over ℚ (Zassenhaus).</summary>
    private static (List<Polynomial> Factors, bool Complete) Univariate(Polynomial p, int v, WorkBudget budget)
    {
        if (p.Degree(v) == 1) return ([p], true);
        if (p.Degree(v) == 2) // the discriminant decides, without the modular machinery
            return QuadraticSplit(p, v, budget) is var (first, second) ? ([first, second], true) : ([p], true);
        budget.Spend((long)p.Degree(v) * p.Degree(v) * (1 + p.CoefficientWords));
        var integers = p.Normalized().UnivariateCoefficients(v).Select(c => c.Numerator).ToArray();
        IntegerFactorization factorization;
        try { factorization = IntegerPolynomialFactorizer.Factor(integers); }
        catch (ArgumentException) { return ([p], false); } // not square-free after all: leave it whole
        var generator = p.Generators[v];
        var factors = factorization.Factors
            .Select(f => Polynomial.Univariate([.. f.Select(c => new Rational(c))], generator)
                .WithGenerators(p.Generators))
            .ToList();
        return (factors, factorization.Complete);
    }

    /// <summary>
    /// a·v² + b·v + c = (2av + b − s)(2av + b + s)/(4a) when the discriminant b² − 4ac is a square s² (in ℚ and the
    /// other generators); the two primitive parts, normalized.
    /// </summary>
    private static (Polynomial First, Polynomial Second)? QuadraticSplit(Polynomial p, int v, WorkBudget budget)
    {
        var coefficients = p.CoefficientsIn(v);
        var (c, b, a) = (coefficients[0], coefficients[1], coefficients[2]);
        var discriminant = Polynomial.Multiply(b, b, budget) - Polynomial.Multiply(
            Polynomial.Constant(4, p.Generators), Polynomial.Multiply(a, c, budget), budget);
        if (SquareRoot(discriminant, budget) is not { } s) return null;
        var linear = Polynomial.Multiply(Polynomial.Constant(2, p.Generators), Polynomial.Multiply(a,
            Polynomial.GeneratorPower(p.Generators, v, 1), budget), budget) + b;
        var first = PolynomialGcd.ContentAndPrimitive(linear - s, v, budget).Primitive.Normalized();
        var second = PolynomialGcd.ContentAndPrimitive(linear + s, v, budget).Primitive.Normalized();
        return (first, second);
    }

    /// <summary>s with s² = p, or null when p is not the square of a polynomial over ℚ.</summary>
    internal static Polynomial? SquareRoot(Polynomial p, WorkBudget budget)
    {
        if (p.IsZero) return p;
        if (p.IsConstant)
            return RationalSquareRoot(p.ConstantTerm) is { } r ? Polynomial.Constant(r, p.Generators) : null;
        var decomposition = SquareFreeDecomposition.Of(p, budget);
        if (decomposition.Factors.Any(f => f.Multiplicity % 2 != 0)) return null;
        if (RationalSquareRoot(decomposition.Unit) is not { } unit) return null;
        var root = Polynomial.Constant(unit, p.Generators);
        foreach (var (f, m) in decomposition.Factors) root = Polynomial.Multiply(root, f.Pow(m / 2, budget), budget);
        return root;
    }

    private static Rational? RationalSquareRoot(Rational r) => r.Sign < 0 ? null : r.TryRoot(2);
}
