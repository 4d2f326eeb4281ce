using System.Globalization;
using System.Text.Json;

namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>Independent numerics to hold answers to: evaluating expression text, agreement, Simpson's rule.</summary>
internal static class NumericChecks
{
    /// <summary>The value of expression text at the point (NaN where it is undefined or a symbol is unbound).</summary>
    public static double Value(string text, IReadOnlyDictionary<string, double> point)
    {
        try { return Expr.Parse(text).Evaluate(point); }
        catch (SymbolicException) { return double.NaN; }
    }

    /// <summary>True when a and b agree to <paramref name="tolerance"/>, relative to max(1, |a|, |b|).</summary>
    public static bool Close(double a, double b, double tolerance = 1e-6) =>
        Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>
    /// ∫ₐᵇ f by composite Simpson's rule on 2000 and 4000 panels, when f is finite at every node and the two
    /// estimates agree to 1e-8 (a smooth integrand); null otherwise.
    /// </summary>
    public static double? Quadrature(Func<double, double> f, double a, double b)
    {
        double? coarse = Simpson(f, a, b, 2000), fine = Simpson(f, a, b, 4000);
        return coarse is { } c && fine is { } g && Close(c, g, 1e-8) ? g : null;
    }

    private static double? Simpson(Func<double, double> f, double a, double b, int panels)
    {
        double h = (b - a) / panels, sum = 0;
        for (int i = 0; i <= panels; i++)
        {
            double y = f(a + i * h);
            if (!double.IsFinite(y)) return null;
            sum += y * (i == 0 || i == panels ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    /// <summary>A string field of the one JSON object a successful run printed (null when absent or null).</summary>
    public static string? Field(CliRun run, string name) =>
        run.ExitCode == 0 && Json(run).TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;

    /// <summary>A number field of the one JSON object a successful run printed (null when absent or null).</summary>
    public static double? Number(CliRun run, string name) =>
        run.ExitCode == 0 && Json(run).TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble() : null;

    private static JsonElement Json(CliRun run)
    {
        using var doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.Clone();
    }

    /// <summary>A double as text that parses back to it.</summary>
    public static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
