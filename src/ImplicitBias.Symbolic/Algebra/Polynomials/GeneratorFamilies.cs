using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// The generators of exponentials, powers and angles in <see cref="KernelMode.Basis"/>: for each family (a base
/// such as e or 2, or the angles of sin and cos) and each monomial m of an exponent or argument, the gcd g of the
/// rational coefficients c met with it, so that every c·m is an integer multiple of the one generator g·m
/// (exp(2x) = exp(x)², sin(2x) = 2 sin x cos x). <see cref="Changed"/> tells the converter that a gcd shrank after
/// generators were already made from the old one, so the group must be converted again.
/// </summary>
internal sealed class GeneratorFamilies
{
    private readonly Dictionary<(GeneratorFamily Family, Expr? Base, Expr Monomial), Rational> _gcds = new();

    /// <summary>True when a gcd changed since the flag was last cleared.</summary>
    public bool Changed { get; set; }

    /// <summary>
    /// The generator coefficient g for c·m in a family (with the base of a power family), and the integer multiple
    /// c/g.
    /// </summary>
    public (Rational Generator, BigInteger Multiple) Split(GeneratorFamily family, Expr? powerBase, Expr monomial,
        Rational coefficient)
    {
        var key = (family, powerBase, monomial);
        var size = coefficient.Abs();
        if (!_gcds.TryGetValue(key, out var g))
        {
            _gcds[key] = g = size;
        }
        else if (!(coefficient / g).IsInteger)
        {
            _gcds[key] = g = Rational.Gcd(g, size);
            Changed = true;
        }
        return (g, (coefficient / g).Numerator);
    }
}
