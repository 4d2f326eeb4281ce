namespace ImplicitBias.Symbolic.Algebra;

/// <summary>The families whose generators <see cref="GeneratorFamilies"/> settles in
/// <see cref="KernelMode.Basis"/>.</summary>
internal enum GeneratorFamily
{
    /// <summary>exp(c·m) = exp(g·m)^(c/g).</summary>
    Exponential,
    /// <summary>b^(c·m) = (b^(g·m))^(c/g) for a positive base b.</summary>
    Power,
    /// <summary>sin and cos of c·m through sin and cos of the one angle g·m.</summary>
    Angle,
}
