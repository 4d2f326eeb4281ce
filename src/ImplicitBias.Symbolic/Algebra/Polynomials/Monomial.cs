namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// A power product g₀^e₀·g₁^e₁·… over the generators of a <see cref="Polynomial"/> (every eᵢ ≥ 0), ordered
/// lexicographically: the first generator is the most significant.
/// </summary>
public readonly struct Monomial : IEquatable<Monomial>, IComparable<Monomial>
{
    private readonly int[]? _exponents;
    private readonly int _hash;

    internal Monomial(int[] exponents)
    {
        _exponents = exponents;
        var h = new HashCode();
        foreach (var e in exponents) h.Add(e);
        _hash = h.ToHashCode();
    }

    /// <summary>The number of generators.</summary>
    public int Arity => _exponents?.Length ?? 0;

    /// <summary>The exponent of generator <paramref name="index"/>.</summary>
    public int this[int index] => _exponents![index];

    /// <summary>The sum of the exponents.</summary>
    public int TotalDegree
    {
        get
        {
            int total = 0;
            foreach (var e in Exponents) total += e;
            return total;
        }
    }

    /// <summary>True for the empty product 1.</summary>
    public bool IsOne => TotalDegree == 0;

    internal ReadOnlySpan<int> Exponents => _exponents;

    /// <summary>The monomial 1 over <paramref name="arity"/> generators.</summary>
    public static Monomial One(int arity) => new(new int[arity]);

    /// <summary>Generator <paramref name="index"/> to the power <paramref name="exponent"/>.</summary>
    public static Monomial Power(int arity, int index, int exponent)
    {
        var e = new int[arity];
        e[index] = exponent;
        return new Monomial(e);
    }

    /// <summary>The product.</summary>
    public Monomial Times(Monomial other)
    {
        var e = new int[Arity];
        for (int i = 0; i < e.Length; i++) e[i] = checked(this[i] + other[i]);
        return new Monomial(e);
    }

    /// <summary>True when this divides <paramref name="other"/> (every exponent ≤ the other's).</summary>
    public bool Divides(Monomial other)
    {
        for (int i = 0; i < Arity; i++) if (this[i] > other[i]) return false;
        return true;
    }

    /// <summary>The quotient by a divisor (see <see cref="Divides"/>).</summary>
    public Monomial DividedBy(Monomial divisor)
    {
        var e = new int[Arity];
        for (int i = 0; i < e.Length; i++) e[i] = this[i] - divisor[i];
        if (Array.Exists(e, x => x < 0)) throw new ArgumentException("the monomial does not divide", nameof(divisor));
        return new Monomial(e);
    }

    /// <summary>The greatest common divisor: the smaller exponent of each generator.</summary>
    public static Monomial Gcd(Monomial a, Monomial b)
    {
        var e = new int[a.Arity];
        for (int i = 0; i < e.Length; i++) e[i] = Math.Min(a[i], b[i]);
        return new Monomial(e);
    }

    /// <summary>The same monomial with one exponent replaced.</summary>
    public Monomial With(int index, int exponent)
    {
        var e = (int[])_exponents!.Clone();
        e[index] = exponent;
        return new Monomial(e);
    }

    /// <summary>The monomial over another generator list: exponent i moves to position map[i].</summary>
    internal Monomial Remap(int[] map, int arity)
    {
        var e = new int[arity];
        for (int i = 0; i < Arity; i++) e[map[i]] = this[i];
        return new Monomial(e);
    }

    /// <summary>Lexicographic comparison: the first differing exponent decides.</summary>
    public int CompareTo(Monomial other)
    {
        for (int i = 0; i < Arity; i++)
        {
            int c = this[i].CompareTo(other[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    /// <inheritdoc/>
    public bool Equals(Monomial other) => _hash == other._hash && Exponents.SequenceEqual(other.Exponents);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Monomial m && Equals(m);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <summary>The exponents, e.g. "[2, 0, 1]".</summary>
    public override string ToString() => "[" + string.Join(", ", (_exponents ?? [])) + "]";
}
