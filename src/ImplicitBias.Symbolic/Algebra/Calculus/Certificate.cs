namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>How a closed form was verified before being returned.</summary>
/// <param name="Kind">Symbolic (the difference simplified to 0) or numeric (compared at sample points).</param>
/// <param name="Points">How many (point, parameter) samples were compared; 0 for a symbolic certificate.</param>
/// <param name="MaxRelativeError">Largest relative discrepancy seen at the samples (0 for symbolic).</param>
public sealed record Certificate(CertificateKind Kind, int Points, double MaxRelativeError)
{
    /// <summary>
    /// "certified symbolically" or "certified numerically at N points (max relative error …)": the one text of each
    /// kind, shown by <c>ibias expr integrate</c> and its JSON.
    /// </summary>
    public override string ToString() => Kind switch
    {
        CertificateKind.Symbolic => "certified symbolically",
        CertificateKind.Numeric =>
            $"certified numerically at {Points} points (max relative error {MaxRelativeError:G2})",
    };
}
