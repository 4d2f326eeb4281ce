namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>How a closed form was certified (<see cref="Certificate.ToString"/> gives the text reports show).</summary>
public enum CertificateKind
{
    /// <summary>The difference from the expected form simplified to 0.</summary>
    Symbolic,
    /// <summary>Compared with the expected form at sample points of the domain and sampled parameter values.</summary>
    Numeric,
}
