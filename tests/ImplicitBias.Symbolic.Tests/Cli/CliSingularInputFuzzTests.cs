using ImplicitBias.Cli;
using ImplicitBias.Symbolic.Tests.Cli.Fuzz;
using ImplicitBias.Symbolic.Tests.Support;
using Xunit.Abstractions;
using static ImplicitBias.Symbolic.Tests.Cli.Fuzz.NumericChecks;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary>
/// Seeded random singular input whose answer is known to be "no", through the CLI: definite integrals across a pole
/// inside the limits, and reparametrizations with a pole inside their domain. Each case also keeps the output
/// contract. IBIAS_HEAVY=1 draws many more.
/// </summary>
public sealed class CliSingularInputFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ibias-semantic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(60, 301)]
    public void Integrals_across_an_interior_pole_get_no_finite_value(int cases, int seed) => Poles(cases, seed);

    [HeavyTheory]
    [Trait("Category", "Heavy")]
    [InlineData(2000, 401)]
    public void Integrals_across_an_interior_pole_get_no_finite_value_heavy(int cases, int seed) => Poles(cases, seed);

    private void Poles(int cases, int seed)
    {
        var singular = new SingularInputs(new Random(seed));
        var session = new FuzzSession("expr integrate across a pole", output);
        for (int i = 0; i < cases; i++)
        {
            var (integrand, from, to) = singular.PoleIntegral();
            bool json = i % 2 == 0;
            string[] args = ["expr", "integrate", integrand, "--var", "w", "--from", from, "--to", to];
            session.Case(json ? [.. args, "--json"] : args, run => run.ExitCode == ExitCodes.Success
                && (json ? Number(run, "value") is not null : run.Out.Contains("value on [", StringComparison.Ordinal))
                    ? $"a divergent integral got a value: {CliContract.Head(run.Out)}"
                    : null);
        }
        session.AssertClean();
    }

    [Theory]
    [InlineData(40, 302)]
    public void A_rho_with_a_pole_inside_its_domain_is_refused(int cases, int seed) => PoleRhos(cases, seed);

    [HeavyTheory]
    [Trait("Category", "Heavy")]
    [InlineData(1000, 402)]
    public void A_rho_with_a_pole_inside_its_domain_is_refused_heavy(int cases, int seed) => PoleRhos(cases, seed);

    /// <summary>analyze, plot and verify must all exit 2: none may derive, draw or run a flow for such a ρ.</summary>
    private void PoleRhos(int cases, int seed)
    {
        var singular = new SingularInputs(new Random(seed));
        var session = new FuzzSession("analyze/plot/verify of ρ with a pole inside", output);
        static string? Refused(CliRun run) =>
            run.ExitCode == ExitCodes.BadInput ? null : $"accepted (exit {run.ExitCode}): {CliContract.Head(run.Out)}";
        for (int i = 0; i < cases; i++)
        {
            var (rho, domain) = singular.PoleRho();
            session.Case(["analyze", rho, "--domain", domain, "--json"], Refused);
            session.Case(["plot", rho, "--domain", domain, "--out", Path.Combine(_folder, "pole.svg")], Refused);
            session.Case(["verify", rho, "--domain", domain, "--m", "3", "--n", "6", "--json"], Refused);
        }
        session.AssertClean();
    }
}
