namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>
/// The independent check of an ℓ1 baseline: the KKT conditions of its linear program, recomputed from A, t and the
/// reported x and λ. x is a minimizer of ‖x‖₁ subject to A x = t exactly when A x = t, ‖Aᵀλ‖∞ ≤ 1 and
/// tᵀλ = ‖x‖₁ (then (Aᵀλ)ᵢ = sign(xᵢ) wherever xᵢ ≠ 0); over x ≥ 0, when A x = t, x ≥ 0, Aᵀλ ≤ 1 and tᵀλ = Σ x.
/// </summary>
public static class DualCertificate
{
    /// <summary>Measures the KKT conditions at the result's X and Lambda.</summary>
    /// <param name="model">The model the result was solved for.</param>
    /// <param name="l1">A <see cref="BaselineKind.L1"/> or <see cref="BaselineKind.L1Nonnegative"/> result.</param>
    /// <param name="tolerance">The bound for <see cref="DualCertificateReport.Holds"/>, positive.</param>
    /// <exception cref="ArgumentException">
    /// An ℓ2 result, a result without a solution (e.g. <see cref="BaselineStatus.Infeasible"/>), or sizes that do
    /// not match the model.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A tolerance that is not a positive number.</exception>
    public static DualCertificateReport Check(LinearModel model, BaselineResult l1, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(l1);
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "must be positive");
        if (l1.Kind == BaselineKind.L2) throw new ArgumentException("the result is not an ℓ1 baseline", nameof(l1));
        if (l1.X is not { } x || l1.Lambda is not { } lambda)
            throw new ArgumentException($"the ℓ1 result has no solution (status {l1.Status})", nameof(l1));
        if (x.Length != model.Columns || lambda.Length != model.Rows)
            throw new ArgumentException($"the result has {x.Length} unknowns and {lambda.Length} multipliers, " +
                $"the model {model.Columns} and {model.Rows}", nameof(l1));
        bool nonnegative = l1.Kind == BaselineKind.L1Nonnegative;

        double primal = BaselineResult.ResidualOf(model, x);
        if (nonnegative) primal = Math.Max(primal, -x.Min());
        var correlation = new double[model.Columns];
        model.Matrix.MultiplyTransposed(lambda, correlation);
        double dual = Math.Max(0, (nonnegative ? correlation.Max() : correlation.Max(Math.Abs)) - 1);
        double objective = nonnegative ? x.Sum() : x.Sum(Math.Abs);
        double gap = Math.Abs(model.Targets.Zip(lambda, (t, l) => t * l).Sum() - objective);

        double threshold = tolerance * Math.Max(1, x.Max(Math.Abs)), mismatch = 0;
        int support = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!(nonnegative ? x[i] > threshold : Math.Abs(x[i]) > threshold)) continue;
            support++;
            mismatch = Math.Max(mismatch, Math.Abs(correlation[i] - Math.Sign(x[i])));
        }
        bool holds = primal <= tolerance && dual <= tolerance && mismatch <= tolerance
            && gap <= tolerance * Math.Max(1, objective);
        return new DualCertificateReport(primal, dual, gap, mismatch, support, holds);
    }
}
