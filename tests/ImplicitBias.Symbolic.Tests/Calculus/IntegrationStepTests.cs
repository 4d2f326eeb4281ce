using ImplicitBias.Symbolic.Algebra.Calculus;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Calculus;

/// <summary>
/// The tree of rule steps behind a closed form: it holds only the branch that succeeded (by parts is tried and
/// abandoned on log(w)/w and atan(w)/(1 + w²), whose method used to name the rules of that attempt), Method names
/// exactly its rules, and every step's result differentiates back to its integrand.
/// </summary>
public class IntegrationStepTests
{
    /// <summary>Integrand, assumptions (";"-separated), the tree as rule(substeps, …), and Method.</summary>
    public static TheoryData<string, string, string, string> Trees => new()
    {
        // by parts integrates 1/w (table) or 1/(1 + w²) (partial fractions), then meets its own integrand and fails
        { "log(w)/w", "w>0", "substitution(table)", "substitution" },
        { "atan(w)/(1+w^2)", "", "substitution(table)", "substitution" },
        { "w*atan(w)", "", "integration by parts(table, partial fractions)",
            "table, partial fractions, integration by parts" },
        // a constant factor has no step of its own: the by-parts step carries it
        { "3*w*atan(w)", "", "integration by parts(table, partial fractions)",
            "table, partial fractions, integration by parts" },
        { "w*exp(w)", "", "integration by parts(table, table)", "table, integration by parts" },
        { "(w+1)*exp(w)", "", "expansion(linearity(integration by parts(table, table), table))",
            "table, integration by parts, linearity, expansion" },
        { "w^3+2*w", "", "linearity(table, table)", "table, linearity" },
        // the steps in the new variable t are the substitution's own: Method names the rule in w only
        { "sin(w)^3", "", "trigonometric powers(linearity(constant, table))", "trigonometric powers" },
        { "sin(w)^2", "", "trigonometric powers(linearity(constant, table))",
            "constant, table, linearity, trigonometric powers" },
        { "sin(2*w)*cos(3*w)", "", "product of functions(linearity(table, table))",
            "table, linearity, product of functions" },
        // t = tan(w) is tried first (Bioche) and fails before integrating
        { "1/(2+sin(w))", "", "half-angle substitution(partial fractions)", "half-angle substitution" },
        { "1/(1+sin(w)^2)", "", "tangent substitution(partial fractions)", "tangent substitution" },
        { "w/(1+w^4)", "", "power substitution(partial fractions)", "power substitution" },
        { "1/(w*sqrt(1+w^2))", "w>0", "power substitution(substitution(partial fractions))", "power substitution" },
        { "1/(1+tanh(w))", "", "exponential substitution(power substitution(partial fractions))",
            "exponential substitution" },
        { "sqrt(1+w^2)", "", "square root of a quadratic", "square root of a quadratic" },
        { "exp(-w^2)", "", "error function", "error function" },
        { "log(1+w)/w", "w>0", "dilogarithm", "dilogarithm" },
        { "exp(w)*sin(w)", "", "product of functions", "product of functions" },
    };

    [Theory]
    [MemberData(nameof(Trees))]
    public void The_tree_holds_the_successful_branch_and_method_names_its_rules(
        string integrand, string assumptions, string tree, string method)
    {
        var result = Expr.Parse(integrand, IntegrationTableTests.Split(assumptions)).Integrate("w");
        Assert.True(result.IsClosedForm, $"no closed form for {integrand}");
        var steps = Assert.IsType<IntegrationStep>(result.Steps);
        Assert.Equal(tree, Shape(steps));
        Assert.Equal(method, result.Method);
        AssertEveryStepDifferentiatesBack(steps);
    }

    [Fact]
    public void The_root_step_integrates_the_integrand_in_its_variable()
    {
        var result = Expr.Parse("w*atan(w)").Integrate("w");
        var root = result.Steps!;
        Assert.Equal(Expr.Parse("w*atan(w)"), root.Integrand);
        Assert.Equal("w", root.Variable);
        Assert.Equal(IntegrationRule.IntegrationByParts, root.Rule);
        Assert.Equal("integration by parts: ∫ w*atan(w) dw = w^2*atan(w)/2 - w/2 + atan(w)/2", root.ToString());
        Assert.Equal("partial fractions: ∫ w^2/(2*(1 + w^2)) dw = w/2 - atan(w)/2", root.Substeps[1].ToString());
    }

    [Fact]
    public void A_memo_hit_reuses_the_subtree_of_its_integral()
    {
        // by parts on w·exp(w) integrates exp(w) for v and again for ∫ v du: the second is the memo's entry
        var root = Expr.Parse("w*exp(w)").Integrate("w").Steps!;
        Assert.Same(root.Substeps[0], root.Substeps[1]);
    }

    [Fact]
    public void A_numeric_antiderivative_has_no_steps()
    {
        var result = Expr.Parse("exp(w^3)").Integrate("w");
        Assert.False(result.IsClosedForm);
        Assert.Null(result.Steps);
        Assert.Equal("adaptive quadrature", result.Method);
    }

    [Fact]
    public void A_step_keeps_its_own_copy_of_the_substeps_and_equal_trees_are_equal()
    {
        IntegrationStep Leaf() => new(IntegrationRule.Table, "w", Expr.Parse("w"), Expr.Parse("w^2/2"), []);
        IntegrationStep Node(IReadOnlyList<IntegrationStep> substeps) =>
            new(IntegrationRule.Linearity, "w", Expr.Parse("w"), Expr.Parse("w^2/2"), substeps);
        var substeps = new List<IntegrationStep> { Leaf() };
        var step = Node(substeps);
        substeps.Clear();
        Assert.Single(step.Substeps);
        Assert.Equal(Node([Leaf()]), step);
        Assert.Equal(Node([Leaf()]).GetHashCode(), step.GetHashCode());
        Assert.NotEqual(Node([]), step);
        Assert.NotEqual(Node([Leaf() with { Rule = IntegrationRule.Polynomial }]), step);
    }

    /// <summary>rule(substep, …) down the tree, by the rules' texts.</summary>
    internal static string Shape(IntegrationStep step) => step.Substeps.Count == 0
        ? step.Rule.Text()
        : $"{step.Rule.Text()}({string.Join(", ", step.Substeps.Select(Shape))})";

    /// <summary>
    /// d/dx of each step's result equals its integrand at sample points of the step variable's domain (with values
    /// for any parameters drawn from their domains): the derivation can be checked one step at a time.
    /// </summary>
    internal static void AssertEveryStepDifferentiatesBack(IntegrationStep step)
    {
        foreach (var substep in step.Substeps) AssertEveryStepDifferentiatesBack(substep);
        var x = step.Variable;
        var both = step.Integrand + step.Result;
        var domain = both.Symbols().FirstOrDefault(s => s.Name == x)?.Domain ?? Interval.Real;
        var parameters = DomainSampler.ParameterSets(both, x)[0];
        var derivative = step.Result.Differentiate(x).Compile(x, parameters);
        var integrand = step.Integrand.Compile(x, parameters);
        int compared = 0;
        foreach (var point in DomainSampler.Points(domain))
        {
            double expected = integrand(point), actual = derivative(point);
            if (!double.IsFinite(expected) || !double.IsFinite(actual)) continue;
            Assert.True(Math.Abs(actual - expected) <= 1e-7 * Math.Max(1, Math.Abs(expected)),
                $"d/d{x} of {step.Result} is {actual}, but {step.Integrand} is {expected} at {x} = {point} ({step})");
            compared++;
        }
        Assert.True(compared >= 3, $"only {compared} points compared for {step}");
    }
}
