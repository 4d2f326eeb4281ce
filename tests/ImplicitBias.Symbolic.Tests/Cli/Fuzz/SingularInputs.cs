using System.Globalization;

namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>
/// Seeded random inputs whose answer is known to be "no": integrands with a non-integrable pole strictly inside the
/// limits, and reparametrizations with a pole strictly inside their domain.
/// </summary>
internal sealed class SingularInputs(Random random)
{
    private static readonly string[] Numerators = ["1", "(w^2 + 1)", "exp(w)", "(2 + sin(w))", "3", "(1 + w^4)"];

    private static readonly string[] Centers = ["0", "1", "-1", "2", "-2", "1/2", "-3/2", "pi/4", "e"];

    /// <summary>An integrand, limits a &lt; b around one of its poles, and the limits swapped half the time.</summary>
    public (string Integrand, string From, string To) PoleIntegral()
    {
        string c = Pick(Centers), n = Pick(Numerators);
        int k = random.Next(1, 4);
        var (integrand, pole) = random.Next(9) switch
        {
            0 or 1 => ($"{n}/(w - ({c}))^{k}", c),
            2 => ($"{n}/sinh(w - ({c}))^{k}", c),
            3 => ($"{n}/(w^2 - ({c})^2)", c == "0" ? "0" : $"abs({c})"),
            4 => ($"tan(w)^{k}", "pi/2"),
            5 => ($"{n}/sin(w)^{k}", Pick(["0", "pi"])),
            6 => ($"1/log(w)^{k}", "1"),
            7 => ($"{n}/(exp(w) - exp({c}))^{k}", c),
            _ => ($"1/abs(w - ({c}))^{k}", c),
        };
        string from = $"{pole} - {Pick(["1", "0.5", "0.25", "1/3"])}";
        string to = $"{pole} + {Pick(["1", "2", "0.75", "1/7"])}";
        return random.Next(2) == 0 ? (integrand, from, to) : (integrand, to, from);
    }

    /// <summary>A ρ with a pole at p and an open domain around p (sometimes the whole line).</summary>
    public (string Rho, string Domain) PoleRho()
    {
        string c = Pick(Centers);
        var (rho, pole) = random.Next(8) switch
        {
            0 => ($"w + 1/(w - ({c}))", c),
            1 => ($"tan(w - ({c}))", $"({c}) + pi/2"),
            2 => ($"w^3 + {random.Next(1, 4)}/(w - ({c}))^2", c),
            3 => ($"sinh(w) + 1/(w - ({c}))", c),
            4 => ($"w/(w - ({c}))", c),
            5 => ($"atan(w) - 1/(w - ({c}))^3", c),
            6 => ($"exp(w) + 1/(exp(w) - exp({c}))", c),
            _ => ($"w - 1/sin(w - ({c}))", c),
        };
        if (random.Next(5) == 0 && !rho.StartsWith("tan", StringComparison.Ordinal)) return (rho, "(-inf,inf)");
        double p = Expr.Parse(pole).Evaluate();
        double lo = p - Pick([0.5, 1, 1.25]), hi = p + Pick([0.5, 1, 1.4]);
        string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return (rho, $"({Number(lo)},{Number(hi)})");
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
