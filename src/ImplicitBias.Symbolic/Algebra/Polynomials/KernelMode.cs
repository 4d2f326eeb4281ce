namespace ImplicitBias.Symbolic.Algebra;

/// <summary>How <see cref="RationalConverter"/> treats the non-rational subterms (kernels) of an expression.</summary>
internal enum KernelMode
{
    /// <summary>
    /// Kernels are kept as they are written, except that exponentials and powers of one base share a generator per
    /// exponent monomial (exp(2x) = exp(x)², which prints back as exp(2x)); only identities that hold wherever the
    /// input is defined are used (√u² = u, |u|² = u²). For forms meant to be printed: Together, Cancel, Factor.
    /// </summary>
    AsWritten,

    /// <summary>
    /// Dependent kernels are rewritten into one basis before deciding: sinh, cosh and tanh through exp; tan through
    /// sin and cos; multiple angles and sums of angles through sin and cos of one angle per monomial, with
    /// sin² = 1 − cos²; the arguments of other kernels in normal form. For zero recognition.
    /// </summary>
    Basis,
}
