using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// The generators of exponentials, powers and angles: for each family (the exponentials, the powers of one base,
/// the angles of sin and cos) and each monomial m of an exponent or argument, the generator g·m with g = 1/q for the
/// least common multiple q of the denominators of the rational coefficients c met with m, so that every c·m is an
/// integer multiple of g·m (exp(2x) = exp(x)², exp(x/2)·exp(x/3) = exp(x/6)⁵, sin(2x) = 2 sin x cos x) and a
/// generator does not depend on which multiples occur. <see cref="Changed"/> tells the converter that a q grew after
/// generators were already made from the old one, so the group must be converted again.
/// </summary>
internal sealed class GeneratorFamilies
{
    private readonly Dictionary<(GeneratorFamily Family, Expr? Base, Expr Monomial), BigInteger> _denominators = new();

    /// <summary>True when a denominator changed since the flag was last cleared.</summary>
    public bool Changed { get; set; }

    /// <summary>
    /// The generator coefficient g for c·m in a family (with the base of a power family), and the integer multiple
    /// c/g.
    /// </summary>
    public (Rational Generator, BigInteger Multiple) Split(GeneratorFamily family, Expr? powerBase, Expr monomial,
        Rational coefficient)
    {
        var key = (family, powerBase, monomial);
        var d = coefficient.Denominator;
        if (!_denominators.TryGetValue(key, out var q))
        {
            _denominators[key] = q = d;
        }
        else if (!(q % d).IsZero)
        {
            _denominators[key] = q = q / BigInteger.GreatestCommonDivisor(q, d) * d;
            Changed = true;
        }
        return (new Rational(BigInteger.One, q), (coefficient * q).Numerator);
    }
}
