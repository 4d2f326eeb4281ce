using ImplicitBias.Symbolic.Algebra.Calculus;

namespace ImplicitBias.Cli.Commands;

/// <summary>One step of <c>expr integrate --steps --json</c>: the rule's text and ∫ integrand d(variable) = result.
/// </summary>
internal sealed record IntegrationStepJson(
    string Rule, string Variable, string Integrand, string Result, IReadOnlyList<IntegrationStepJson> Steps)
{
    /// <summary>The step and, nested in "steps", its substeps.</summary>
    public static IntegrationStepJson From(IntegrationStep step) => new(step.Rule.Text(), step.Variable,
        step.Integrand.ToString(), step.Result.ToString(), step.Substeps.Select(From).ToList());
}
