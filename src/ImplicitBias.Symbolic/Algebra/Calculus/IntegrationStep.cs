namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// One step of the derivation of a closed form: <paramref name="Rule"/> found ∫ <paramref name="Integrand"/>
/// d<paramref name="Variable"/> = <paramref name="Result"/> from the integrals of its <paramref name="Substeps"/>
/// (none for a leaf such as a table entry). The tree holds only the branch that succeeded; a substitution's substep
/// is in its new variable, and a constant factor is carried by the step that integrated the rest (∫ 3·w·atan(w) is
/// the by-parts step of w·atan(w), scaled). Each step's result differentiates back to its integrand.
/// </summary>
/// <param name="Rule">The rule applied.</param>
/// <param name="Variable">The integration variable of this step.</param>
/// <param name="Integrand">The function integrated.</param>
/// <param name="Result">Its antiderivative, as the rule built it (before simplification).</param>
/// <param name="Substeps">The integrals the rule used, in the order it used them.</param>
public sealed record IntegrationStep(
    IntegrationRule Rule, string Variable, Expr Integrand, Expr Result, IReadOnlyList<IntegrationStep> Substeps)
{
    /// <summary>The integrals the rule used, in the order it used them (a copy: the step is immutable).</summary>
    public IReadOnlyList<IntegrationStep> Substeps { get; } = Substeps.ToArray().AsReadOnly();

    /// <summary>Equal rule, variable, integrand, result and substeps, down the whole tree.</summary>
    public bool Equals(IntegrationStep? other) =>
        other is not null && Rule == other.Rule && Variable == other.Variable && Integrand.Equals(other.Integrand)
        && Result.Equals(other.Result) && Substeps.SequenceEqual(other.Substeps);

    /// <summary>A hash of the rule, the variable, the integrand, the result and the number of substeps.</summary>
    public override int GetHashCode() => HashCode.Combine(Rule, Variable, Integrand, Result, Substeps.Count);

    /// <summary>"rule: ∫ integrand dx = result", one line, the way a derivation is checked.</summary>
    public override string ToString()
    {
        var integrand = Integrand is Sum ? $"({Integrand})" : Integrand.ToString();
        return $"{Rule.Text()}: ∫ {integrand} d{Variable} = {Result}";
    }
}
