using System.Globalization;

namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>
/// Seeded random option values: assumptions, domains (open intervals, random finite ones and malformed ones),
/// bindings that hit poles and extremes, constants for limits and points. About one value in ten is bad input.
/// </summary>
internal sealed class RandomOptions(Random random)
{
    private static readonly string[] Assumed =
        ["{0}>0", "{0}<0", "-1<{0}<1", "{0}!=0", "{0}>=0", "0<{0}<pi/2", "{0}>1"];

    private static readonly string[] BadAssumptions = ["{0}>", "{0}>inf", "1<{0}<0", "{0}<-1e400", "{0}=0", "0<{0}<"];

    private static readonly string[] Domains =
    [
        "(-inf,inf)", "(0,inf)", "(-1,1)", "(-3,3)", "(-pi/2,pi/2)", "(1,inf)", "(-inf,0)", "(0,1)", "(0,pi)",
    ];

    private static readonly string[] BadDomains = ["(1,0)", "(0,", "[0,1]", "(0,1e400)", "(a,b)", "()", "(2,2)"];

    private static readonly string[] Values =
    [
        "0", "1", "-1", "0.3", "-0.7", "2", "pi/2", "pi/4", "exp(-1)", "1e-300", "1e300", "1e308", "-1e308", "5e-324",
    ];

    private static readonly string[] BadValues = ["", "a", "1/0", "log(-1)", "1e400", "w", "(", "sqrt(-2)"];

    /// <summary>The value of a coin with the given chance in percent.</summary>
    public bool Chance(int percent) => random.Next(100) < percent;

    /// <summary>One or two assumptions on <paramref name="v"/> (or beta), comma-separated.</summary>
    public string Assumption(string v)
    {
        string one = Chance(10) ? string.Format(CultureInfo.InvariantCulture, Pick(BadAssumptions), v)
            : string.Format(CultureInfo.InvariantCulture, Pick(Assumed), Chance(80) ? v : "beta");
        return Chance(20) ? $"{one},beta>0" : one;
    }

    /// <summary>An open interval: a usual one, a random finite one, or (rarely) a malformed one.</summary>
    public string Domain()
    {
        if (Chance(8)) return Pick(BadDomains);
        if (Chance(60)) return Pick(Domains);
        double lo = Math.Round(random.NextDouble() * 8 - 4, 2), hi = lo + Math.Round(random.NextDouble() * 5 + 0.1, 2);
        return $"({Number(lo)},{Number(hi)})";
    }

    private static readonly (string Assumption, double[] Points)[] Sampled =
    [
        ("{0}>0", [0.37, 1.9, 4.2]), ("{0}<0", [-0.37, -1.9]), ("-1<{0}<1", [0.42, -0.61]), ("{0}!=0", [0.8, -1.3]),
        ("{0}>=0", [0.37, 2.5]), ("0<{0}<pi/2", [0.3, 1.2]), ("{0}>1", [1.7, 3.1]), ("", [0.7, -1.1, 2.3]),
    ];

    /// <summary>An assumption on <paramref name="v"/> and beta (or none), and a point inside it.</summary>
    public (string? Assumption, Dictionary<string, double> Point) AssumedPoint(string v)
    {
        var (text, points) = Pick(Sampled);
        bool betaPositive = Chance(50);
        var point = new Dictionary<string, double> { [v] = Pick(points), ["beta"] = betaPositive ? 0.8 : -0.6 };
        var assumptions = new[] { string.Format(CultureInfo.InvariantCulture, text, v), betaPositive ? "beta>0" : "" };
        var joined = string.Join(",", assumptions.Where(a => a.Length > 0));
        return (joined.Length == 0 ? null : joined, point);
    }

    /// <summary>"name=value,..." for the names, values often at poles or extremes; rarely malformed.</summary>
    public string Bindings(params string[] names)
    {
        var items = names.Select(n => $"{n}={(Chance(5) ? Pick(BadValues) : Value())}").ToList();
        if (Chance(4)) items.Add(Pick(["w", "=1", "x=1,x=2", "2w=1"]));
        return string.Join(",", items);
    }

    /// <summary>A constant (as text) a user might give for a limit, a point or a parameter.</summary>
    public string Value() => Chance(30) ? Number(Math.Round(random.NextDouble() * 10 - 5, 3)) : Pick(Values);

    /// <summary>A constant or, rarely, something that is not one.</summary>
    public string MaybeBadValue() => Chance(8) ? Pick(BadValues) : Value();

    /// <summary>Several points separated by commas.</summary>
    public string Points() => string.Join(",", Enumerable.Range(0, random.Next(1, 4)).Select(_ => MaybeBadValue()));

    /// <summary>A variable name, rarely an invalid one.</summary>
    public string Variable(string usual) => Chance(6) ? Pick(["2w", "sin", "pi", "", "w x", "_"]) : usual;

    /// <summary>An integer between the bounds (inclusive), as text.</summary>
    public string Integer(int min, int max) => random.Next(min, max + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>One of the items.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
