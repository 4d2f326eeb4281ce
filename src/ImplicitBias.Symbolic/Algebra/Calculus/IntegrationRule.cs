namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// The rules of the integrator, one member each (<see cref="IntegrationRuleText.Text"/> gives the text reports and
/// JSON show). A step of an <see cref="IntegrationStep"/> tree names the rule that produced it.
/// </summary>
public enum IntegrationRule
{
    /// <summary>∫ c dx = c·x for an integrand free of x.</summary>
    Constant,
    /// <summary>∫ (f + g) = ∫ f + ∫ g, term by term.</summary>
    Linearity,
    /// <summary>A table entry (powers, exponentials, every function), with a linear substitution.</summary>
    Table,
    /// <summary>u = x^k, which divides the degree of an algebraic integrand by k.</summary>
    PowerSubstitution,
    /// <summary>A polynomial in x.</summary>
    Polynomial,
    /// <summary>A rational function in x, by Hermite reduction and partial fractions.</summary>
    PartialFractions,
    /// <summary>Products of powers of sin, cos and tan of one linear argument.</summary>
    TrigonometricPowers,
    /// <summary>Products of powers of sinh, cosh and tanh of one linear argument.</summary>
    HyperbolicPowers,
    /// <summary>Two functions of different linear arguments: product to sum, exp times sin, cos, sinh, cosh.</summary>
    ProductOfFunctions,
    /// <summary>A polynomial times an odd power of √(quadratic), by a reduction formula.</summary>
    SquareRootOfQuadratic,
    /// <summary>∫ log(α + βx)/x, a dilogarithm.</summary>
    Dilogarithm,
    /// <summary>∫ exp(a x² + b x + c) with a &lt; 0, an error function.</summary>
    ErrorFunction,
    /// <summary>t = exp(c x) for rational functions of exponentials and hyperbolic functions.</summary>
    ExponentialSubstitution,
    /// <summary>An Euler substitution for rational functions of x and √(quadratic).</summary>
    EulerSubstitution,
    /// <summary>∫ u dv = u v − ∫ v du.</summary>
    IntegrationByParts,
    /// <summary>Derivative-divides: t = u(x) for a kernel u of the integrand.</summary>
    Substitution,
    /// <summary>t = tan u for a rational function of sin u and cos u that f(u + π) = f(u) allows.</summary>
    TangentSubstitution,
    /// <summary>t = tan(u/2) for a rational function of sin u, cos u and tan u.</summary>
    HalfAngleSubstitution,
    /// <summary>t = tanh(u/2) for a rational function of sinh u, cosh u and tanh u.</summary>
    HyperbolicHalfAngleSubstitution,
    /// <summary>The integrand multiplied out, then integrated term by term.</summary>
    Expansion,
}
