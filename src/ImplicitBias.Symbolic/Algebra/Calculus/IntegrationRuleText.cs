namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// The one mapping from integration rules to the text reports, <see cref="Antiderivative.Method"/>, the CLI and its
/// JSON show. The texts are a contract: a new rule gets a new text, an existing text never changes.
/// </summary>
public static class IntegrationRuleText
{
    /// <summary>"constant", "linearity", "table", "partial fractions", "integration by parts", … .</summary>
    public static string Text(this IntegrationRule rule) => rule switch
    {
        IntegrationRule.Constant => "constant",
        IntegrationRule.Linearity => "linearity",
        IntegrationRule.Table => "table",
        IntegrationRule.PowerSubstitution => "power substitution",
        IntegrationRule.Polynomial => "polynomial",
        IntegrationRule.PartialFractions => "partial fractions",
        IntegrationRule.TrigonometricPowers => "trigonometric powers",
        IntegrationRule.HyperbolicPowers => "hyperbolic powers",
        IntegrationRule.ProductOfFunctions => "product of functions",
        IntegrationRule.SquareRootOfQuadratic => "square root of a quadratic",
        IntegrationRule.Dilogarithm => "dilogarithm",
        IntegrationRule.ErrorFunction => "error function",
        IntegrationRule.ExponentialSubstitution => "exponential substitution",
        IntegrationRule.EulerSubstitution => "Euler substitution",
        IntegrationRule.IntegrationByParts => "integration by parts",
        IntegrationRule.Substitution => "substitution",
        IntegrationRule.TangentSubstitution => "tangent substitution",
        IntegrationRule.HalfAngleSubstitution => "half-angle substitution",
        IntegrationRule.HyperbolicHalfAngleSubstitution => "hyperbolic half-angle substitution",
        IntegrationRule.Expansion => "expansion",
    };

    /// <summary>
    /// The texts of the rules of a tree, comma-separated, each once, in the order they were applied (a step's
    /// substeps before the step): the steps in the root's variable only, since a substitution's steps in its new
    /// variable are its own detail, as <see cref="Antiderivative.Method"/> has always named them.
    /// </summary>
    internal static string Method(IntegrationStep root)
    {
        var rules = new List<IntegrationRule>();
        void Visit(IntegrationStep step)
        {
            foreach (var substep in step.Substeps)
                if (substep.Variable == step.Variable) Visit(substep);
            if (!rules.Contains(step.Rule)) rules.Add(step.Rule);
        }
        Visit(root);
        return string.Join(", ", rules.Select(Text));
    }
}
