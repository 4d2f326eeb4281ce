using System.Diagnostics;
using System.Globalization;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Benchmarks;

/// <summary>
/// <c>-- readability</c>: the size of every printed object of the readability table against its shortest known form,
/// next to SymPy's simplify of the same object, with the median and the worst ratio of each; and <c>-- derivations</c>:
/// the warm time of deriving every catalog reparametrization (the median of ten runs after one).
/// </summary>
public static class ReadabilityReport
{
    public static void Run()
    {
        var rows = ReadabilityTable.All.SelectMany(Measure).ToList();
        Console.WriteLine($"{"object",-36} {"ours",5} {"sympy",6} {"shortest",9}");
        foreach (var row in rows)
            Console.WriteLine($"{row.ToString(),-36} {Format(row.Ratio),5} {Format(row.SympyRatio),6} "
                + $"{row.Reference.PrintedSize(),9}");
        Summarize("ours", rows.Select(r => r.Ratio));
        Summarize("sympy", rows.Select(r => r.SympyRatio));
        Console.WriteLine($"objects without a closed form here: {rows.Count(r => r.Printed is null)} of {rows.Count}");
    }

    public static void Derivations()
    {
        foreach (var c in Catalog.All)
        {
            var r = Reparametrization.Create(c.RhoExpr(), c.Variable, c.Domain);
            r.Derive();
            var times = Enumerable.Range(0, 10).Select(_ =>
            {
                var clock = Stopwatch.StartNew();
                r.Derive();
                return clock.Elapsed.TotalMilliseconds;
            }).Order().ToList();
            Console.WriteLine($"{c.Name,-24} {times[5].ToString("F1", CultureInfo.InvariantCulture),7} ms");
        }
    }

    private static IEnumerable<ReadabilityRow> Measure(ReadabilityCase c)
    {
        try { return ReadabilityTable.Measure(c); }
        catch (SymbolicException e)
        {
            Console.WriteLine($"{c.Name}: {e.Message}");
            return [];
        }
    }

    private static void Summarize(string who, IEnumerable<double?> ratios)
    {
        var sorted = ratios.OfType<double>().Order().ToList();
        if (sorted.Count == 0) return;
        Console.WriteLine($"{who}: {sorted.Count} objects, median ratio {sorted[sorted.Count / 2]:F3}, "
            + $"worst {sorted[^1]:F3}, over 1.5: {sorted.Count(r => r > 1.5)}");
    }

    private static string Format(double? ratio) =>
        ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "-";
}
