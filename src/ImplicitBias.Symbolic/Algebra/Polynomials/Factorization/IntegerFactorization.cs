using System.Collections.Immutable;
using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// A factorization over ℤ of a primitive polynomial: factors (each primitive with positive leading coefficient,
/// coefficients lowest degree first, ordered by degree and then coefficients) whose product is exactly the input.
/// </summary>
internal sealed class IntegerFactorization
{
    /// <summary>Holds the factors and the completeness flag.</summary>
    public IntegerFactorization(ImmutableArray<ImmutableArray<BigInteger>> factors, bool complete)
    {
        Factors = factors;
        Complete = complete;
    }

    /// <summary>The factors; their product is the input.</summary>
    public ImmutableArray<ImmutableArray<BigInteger>> Factors { get; }

    /// <summary>
    /// True when every factor is proven irreducible; false when a budget stopped the search, so that some factor
    /// may still be reducible.
    /// </summary>
    public bool Complete { get; }
}
