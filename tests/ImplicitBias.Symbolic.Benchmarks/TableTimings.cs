using System.Diagnostics;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Benchmarks;

/// <summary>
/// Warm per-row timings over the integration and inversion tables and the built-in catalog of reparametrizations:
/// each row runs a few times untimed, then its median over repeated runs is taken; the report gives the median and
/// p95 over rows and the closed-form counts.
/// </summary>
public static class TableTimings
{
    private const int Warmup = 3, Runs = 15;

    public static void Run()
    {
        var integrals = CalculusTables.Integrals.Select(c => (Name: c.Integrand, Run: (Func<string>)(() =>
            Label(Expr.Parse(c.Integrand, [.. c.Assume]).Integrate("w").IsClosedForm)))).ToList();
        Report("integrals", integrals);
        var inversions = CalculusTables.Inversions.Select(c => (Name: c.Function, Run: (Func<string>)(() =>
        {
            var e = Expr.Parse(c.Function, [.. c.Assume]);
            return Label(e.Solve("w", "x",
                e.FreeSymbols().Where(n => n != "w").ToDictionary(n => n, _ => 0.7)).IsClosedForm);
        }))).ToList();
        Report("inversions", inversions);
        var derivations = ReparametrizationCatalog.Entries
            .Select(e => (Name: $"{e.Name}: {e.Rho}", Run: (Func<string>)(() =>
                e.ToReparametrization().Derive().Form.ToString().ToLowerInvariant()))).ToList();
        Report("derivations (built-in catalog; label = form of the potential)", derivations, perRow: true);
    }

    private static string Label(bool closedForm) => closedForm ? "closed" : "numeric";

    private static void Report(string title, List<(string Name, Func<string> Run)> rows, bool perRow = false)
    {
        var medians = new List<(string Name, double Ms, string Label)>();
        foreach (var (name, run) in rows)
        {
            string label = "";
            for (int i = 0; i < Warmup; i++) label = run();
            var times = new double[Runs];
            for (int i = 0; i < Runs; i++)
            {
                var clock = Stopwatch.StartNew();
                run();
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            medians.Add((name, times[Runs / 2], label));
        }
        var sorted = medians.Select(m => m.Ms).Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var counts = string.Join(", ", medians.GroupBy(m => m.Label).Select(g => $"{g.Count()} {g.Key}"));
        Console.WriteLine($"{title}: {rows.Count} rows ({counts})");
        Console.WriteLine($"  per-row warm time: median {P(0.5):F2} ms, p95 {P(0.95):F2} ms, max {sorted[^1]:F2} ms");
        var shown = perRow ? medians : medians.OrderByDescending(m => m.Ms).Take(5).ToList();
        if (!perRow) Console.WriteLine("  slowest rows:");
        foreach (var (name, ms, label) in shown) Console.WriteLine($"    {ms,8:F2} ms  {label,-10}  {name}");
    }
}
