namespace ImplicitBias.Symbolic.Tests.Calculus;

/// <summary>
/// Definite integrals split at the singular points of the integrand: a divergent one is reported with the point,
/// never answered; a convergent improper one is computed, from the limits of the closed form or by quadrature.
/// </summary>
public class DefiniteIntegralTests
{
    [Theory]
    [InlineData("1/(w-2)^2", 0, 3, "a pole at w = 2")]
    [InlineData("tan(w)", 0, 3, "a pole at w = pi/2")]
    [InlineData("1/cos(w)^2", 0, 3, "a pole at w = pi/2")]
    [InlineData("1/(w-2)", 0, 3, "a pole at w = 2")]
    [InlineData("1/w^3", -1, 2, "a pole at w = 0")]
    [InlineData("1/sin(w)", 1, 4, "a pole at w = pi")]
    [InlineData("1/(w^2-1)", -2, 2, "a pole at w = -1")]
    [InlineData("1/w", -1, 1, "a pole at w = 0")]
    [InlineData("1/w", 0, 1, "a pole at w = 0")]
    [InlineData("exp(w^2)/(w - 1/2)", 0, 1, "a pole at w = 0.5")]
    [InlineData("1/(w^2 - 2*w + 1)", 0, 2, "a pole at w = 1")]
    [InlineData("sqrt(w)", -1, 1, "not real on (-1, 0)")]
    [InlineData("log(w - 1)", 0, 2, "not real on (0, 1)")]
    // poles that are doubles next to the exact point: tan(π) ≈ −1.2e−16, w − e and eʷ − 3 cancel to rounding
    [InlineData("1/sin(w)^2", 3, 3.5, "a pole at w = pi")]
    [InlineData("1/tan(w)^2", 3, 3.5, "a pole at w = pi")]
    [InlineData("1/(w^2 - e^2)", 2, 3, "a pole at w = 2.718")]
    [InlineData("1/(exp(w) - 3)", 0, 2, "a pole at w = 1.0986")]
    public void A_divergent_or_undefined_integral_is_reported(string integrand, double a, double b, string fragment)
    {
        var antiderivative = Expr.Parse(integrand).Integrate("w");
        var error = Assert.ThrowsAny<SymbolicException>(() => antiderivative.Definite(a, b));
        Assert.Contains(fragment, error.Message);
    }

    [Theory]
    [InlineData("1/sqrt(abs(w-1))", 0, 2, 4.0)]
    [InlineData("1/sqrt(w)", 0, 1, 2.0)]
    [InlineData("log(w)", 0, 1, -1.0)]
    [InlineData("1/sqrt(1-w^2)", -1, 1, Math.PI)]
    [InlineData("log(abs(w))", -1, 1, -2.0)]
    [InlineData("1/abs(w)^(1/3)", -1, 1, 3.0)]
    [InlineData("w^2", 0, 1, 1.0 / 3)]
    [InlineData("w^2", 1, 0, -1.0 / 3)]
    [InlineData("1/(w^2+1)", -1, 1, Math.PI / 2)]
    // a regular point of cot² where tan jumps: the antiderivative −w − cot(w) is continuous there
    [InlineData("1/tan(w)^2", 1, 2, 0.09975017029461641)]
    [InlineData("1/tan(w)^2", 4, 5, 0.1595040699833623)]
    public void A_convergent_integral_is_computed_with_its_error(string integrand, double a, double b, double value)
    {
        var (computed, error) = Expr.Parse(integrand).Integrate("w").Definite(a, b);
        Assert.True(Math.Abs(computed - value) <= Math.Max(error, 1e-9) * 2 + 1e-6,
            $"{computed} ± {error}, expected {value}");
        Assert.True(error <= 1e-4, $"error estimate {error}");
    }
}
