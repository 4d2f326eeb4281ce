using System.Diagnostics;
using System.Globalization;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Analysis;

/// <summary>
/// Seeded random singular input: integrands with a pole inside [a, b] and reparametrizations with a pole or a
/// stretch outside a function's domain inside their domain. Each must be reported, never answered; each case must
/// finish within seconds. The default run draws a few hundred cases; IBIAS_HEAVY=1 draws many more.
/// </summary>
public class SingularInputFuzzTests
{
    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A random pole c in (a, b) of multiplicity k, under a numerator that does not vanish at c.</summary>
    private static (string Integrand, double A, double B, double Pole) PoleIntegrand(Random random)
    {
        int c = random.Next(-3, 4), k = random.Next(1, 4);
        double a = c - 1 - random.Next(0, 3) * 0.5, b = c + 0.5 + random.Next(0, 3);
        string numerator = random.Next(4) switch
        {
            0 => $"{random.Next(1, 5)}",
            1 => $"(w^2 + {random.Next(1, 5)})",
            2 => $"exp({random.Next(-2, 3)}*w)",
            _ => $"(2 + sin(w))",
        };
        string kernel = random.Next(3) switch
        {
            0 => $"(w - ({c}))^{k}",
            1 => $"(w^2 - ({c})*w)^{k}".Replace("w^2 - (0)*w", "w^2", StringComparison.Ordinal),
            _ => $"sinh(w - ({c}))^{k}",
        };
        return ($"{numerator}/{kernel}", a, b, c);
    }

    private static void Integrals(int cases, int seed)
    {
        var random = new Random(seed);
        var worst = TimeSpan.Zero;
        for (int i = 0; i < cases; i++)
        {
            var (integrand, a, b, _) = PoleIntegrand(random);
            var clock = Stopwatch.StartNew();
            var antiderivative = Expr.Parse(integrand).Integrate("w");
            var error = Record.Exception(() => antiderivative.Definite(a, b));
            Assert.True(error is SymbolicException, $"∫ {integrand} from {Number(a)} to {Number(b)} was answered " +
                (error is null ? $"{antiderivative.Definite(a, b).Value}" : $"with {error.GetType().Name}"));
            worst = clock.Elapsed > worst ? clock.Elapsed : worst;
        }
        Assert.True(worst < TimeSpan.FromSeconds(10), $"worst case took {worst.TotalSeconds:F1} s");
    }

    [Fact]
    public void Integrals_across_a_pole_are_reported_not_answered() => Integrals(cases: 150, seed: 11);

    [HeavyTheory]
    [Trait("Category", "Heavy")]
    [InlineData(3000, 12)]
    public void Integrals_across_a_pole_are_reported_not_answered_heavy(int cases, int seed) => Integrals(cases, seed);

    /// <summary>ρ with trouble strictly inside the real line or (−3, 3).</summary>
    private static string SingularRho(Random random)
    {
        int c = random.Next(-2, 3);
        return random.Next(6) switch
        {
            0 => $"w + 1/(w - ({c}))",
            1 => $"tan(w - ({c}))",
            2 => $"sqrt(w - ({c}))",
            3 => $"log(w - ({c})) + w",
            4 => $"asin(w - ({c}))",
            _ => $"w^3 + {random.Next(1, 4)}/(w^2 - ({2 * c})*w + {c * c})"
                .Replace("- (0)*w + 0", "", StringComparison.Ordinal),
        };
    }

    private static void Reparametrizations(int cases, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < cases; i++)
        {
            var rho = SingularRho(random);
            var domain = random.Next(2) == 0 ? "(-inf,inf)" : "(-3,3)";
            var error = Record.Exception(() => Reparametrization.Parse(rho, domain: domain).Derive());
            Assert.True(error is SymbolicException, $"ρ = {rho} on {domain} was analyzed" +
                (error is null ? "" : $" and threw {error.GetType().Name}: {error.Message}"));
            Assert.Contains("use --domain", error!.Message);
        }
    }

    [Fact]
    public void Reparametrizations_undefined_inside_their_domain_are_reported() => Reparametrizations(100, seed: 21);

    [HeavyTheory]
    [Trait("Category", "Heavy")]
    [InlineData(2000, 22)]
    public void Reparametrizations_undefined_inside_their_domain_are_reported_heavy(int cases, int seed) =>
        Reparametrizations(cases, seed);
}
