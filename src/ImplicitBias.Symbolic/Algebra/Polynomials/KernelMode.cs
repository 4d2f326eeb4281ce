namespace ImplicitBias.Symbolic.Algebra;

/// <summary>How <see cref="RationalConverter"/> treats the non-rational subterms (kernels) of an expression.</summary>
internal enum KernelMode
{
    /// <summary>
    /// Kernels are kept as they are written (exp(2x) and exp(x) are two generators); only identities that always
    /// hold are used (√u² = u, |u|² = u²). For forms meant to be printed: Together, Cancel, Factor.
    /// </summary>
    AsWritten,

    /// <summary>
    /// Dependent kernels are rewritten into one basis before deciding: sinh, cosh and tanh through exp; tan through
    /// sin and cos; exponentials and powers of a base over one generator per exponent monomial (exp(2x) = exp(x)²);
    /// multiple angles and sums of angles through sin and cos of one angle per monomial; sin² = 1 − cos².
    /// For zero recognition.
    /// </summary>
    Basis,
}
