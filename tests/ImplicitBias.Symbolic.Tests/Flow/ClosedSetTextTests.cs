using ImplicitBias.Symbolic.Algebra.Calculus;

namespace ImplicitBias.Symbolic.Tests.Flow;

/// <summary>
/// The closed sets of results (stop reasons, integrators, projection methods, certificate kinds, integration rules)
/// and their texts:
/// every member, enumerated with Enum.GetValues, has the text reports and JSON show, and the texts are the contract
/// (a new member needs a row here; an existing row never changes).
/// </summary>
public class ClosedSetTextTests
{
    private static readonly Dictionary<StopReason, string> StopReasons = new()
    {
        [StopReason.LossTolerance] = "loss tolerance",
        [StopReason.GradientTolerance] = "gradient tolerance",
        [StopReason.TimeLimit] = "time limit",
        [StopReason.StepLimit] = "step limit",
        [StopReason.Cancelled] = "cancelled",
        [StopReason.StepTooSmall] = "step too small",
        [StopReason.LeftDomain] = "left the domain",
        [StopReason.Diverged] = "diverged",
        [StopReason.Overflow] = "overflow",
        [StopReason.Stalled] = "stalled",
        [StopReason.AtRest] = "at rest",
        [StopReason.GradientVanished] = "gradient vanished",
    };

    private static readonly Dictionary<FlowIntegrator, string> Integrators = new()
    {
        [FlowIntegrator.RungeKutta] = "runge-kutta (Dormand-Prince 5(4))",
        [FlowIntegrator.Rosenbrock] = "rosenbrock (ROS3)",
        [FlowIntegrator.RungeKuttaThenRosenbrock] = "runge-kutta, then rosenbrock (ROS3) once stiff",
        [FlowIntegrator.Dual] = "dual flow (Rosenbrock ROS3 in s ∈ ℝ^M; assumes the invariant)",
        [FlowIntegrator.GradientDescent] = "gradient descent (η = 0.05)",
    };

    private static readonly Dictionary<ProjectionMethod, string> Projections = new()
    {
        [ProjectionMethod.DualNewton] = "dual Newton",
        [ProjectionMethod.PrimalNewton] = "primal Newton (infeasible start)",
        [ProjectionMethod.LeastSquares] = "least squares (Newton on the loss)",
    };

    private static readonly Dictionary<CertificateKind, string> Certificates = new()
    {
        [CertificateKind.Symbolic] = "certified symbolically",
        [CertificateKind.Numeric] = "certified numerically at 7 points (max relative error 1E-12)",
    };

    private static readonly Dictionary<IntegrationRule, string> IntegrationRules = new()
    {
        [IntegrationRule.Constant] = "constant",
        [IntegrationRule.Linearity] = "linearity",
        [IntegrationRule.Table] = "table",
        [IntegrationRule.PowerSubstitution] = "power substitution",
        [IntegrationRule.Polynomial] = "polynomial",
        [IntegrationRule.PartialFractions] = "partial fractions",
        [IntegrationRule.TrigonometricPowers] = "trigonometric powers",
        [IntegrationRule.HyperbolicPowers] = "hyperbolic powers",
        [IntegrationRule.ProductOfFunctions] = "product of functions",
        [IntegrationRule.SquareRootOfQuadratic] = "square root of a quadratic",
        [IntegrationRule.Dilogarithm] = "dilogarithm",
        [IntegrationRule.ErrorFunction] = "error function",
        [IntegrationRule.ExponentialSubstitution] = "exponential substitution",
        [IntegrationRule.EulerSubstitution] = "Euler substitution",
        [IntegrationRule.IntegrationByParts] = "integration by parts",
        [IntegrationRule.Substitution] = "substitution",
        [IntegrationRule.TangentSubstitution] = "tangent substitution",
        [IntegrationRule.HalfAngleSubstitution] = "half-angle substitution",
        [IntegrationRule.HyperbolicHalfAngleSubstitution] = "hyperbolic half-angle substitution",
        [IntegrationRule.Expansion] = "expansion",
    };

    /// <summary>Every member of the enum has the text of the table, and no two members share one.</summary>
    private static void AssertTexts<T>(Dictionary<T, string> expected, Func<T, string> text) where T : struct, Enum
    {
        var members = Enum.GetValues<T>();
        Assert.Equal(members.Order(), expected.Keys.Order());
        var wrong = members.Where(m => text(m) != expected[m])
            .Select(m => $"{m}: '{text(m)}', expected '{expected[m]}'");
        Assert.Empty(wrong);
        Assert.Equal(members.Length, members.Select(text).Distinct().Count());
    }

    [Fact]
    public void Every_stop_reason_has_its_text() => AssertTexts(StopReasons, r => r.Text());

    [Fact]
    public void Every_integrator_has_its_text() => AssertTexts(Integrators, i => i.Text(0.05));

    [Fact]
    public void Gradient_descent_without_a_step_is_named_alone() =>
        Assert.Equal("gradient descent", FlowIntegrator.GradientDescent.Text());

    [Fact]
    public void Every_projection_method_has_its_text() => AssertTexts(Projections, p => p.Text());

    [Fact]
    public void Every_integration_rule_has_its_text() => AssertTexts(IntegrationRules, r => r.Text());

    [Fact]
    public void Every_certificate_kind_has_its_text() =>
        AssertTexts(Certificates, k => new Certificate(k, k == CertificateKind.Symbolic ? 0 : 7, 1e-12).ToString());
}
