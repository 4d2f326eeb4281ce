namespace ImplicitBias.Symbolic;

/// <summary>How an object of the derivation chain is known.</summary>
public enum Form
{
    /// <summary>A certified closed form in its own argument (x or z).</summary>
    Explicit,
    /// <summary>An exact formula in w, evaluated at x through one monotone scalar solve w = ρ⁻¹(x).</summary>
    Parametric,
    /// <summary>Quadrature (and root finding), with error estimates.</summary>
    Numeric,
}
