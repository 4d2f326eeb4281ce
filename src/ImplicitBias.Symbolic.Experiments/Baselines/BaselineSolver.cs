namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>The engine that computed a baseline.</summary>
public enum BaselineSolver
{
    /// <summary>Google OR-Tools' GLOP, a primal and dual simplex: an exact vertex of the linear program.</summary>
    Glop,
    /// <summary>
    /// Google OR-Tools' PDLP, a restarted primal-dual hybrid gradient method (first order, one product with A and
    /// one with Aᵀ per step): much faster than the simplex on large dense A, accurate to its tolerance.
    /// </summary>
    Pdlp,
    /// <summary>A thin QR factorization of Aᵀ (MathNet.Numerics): x = Aᵀ(AAᵀ)⁻¹t for A of full row rank.</summary>
    Qr,
    /// <summary>
    /// A thin QR factorization followed by an SVD of its triangular factor (MathNet.Numerics): the least-squares
    /// minimum-norm x = A⁺t, for A rank deficient or with M &gt; N.
    /// </summary>
    Svd,
}
