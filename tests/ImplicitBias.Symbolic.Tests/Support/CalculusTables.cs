using System.Text.Json;

namespace ImplicitBias.Symbolic.Tests.Support;

/// <summary>
/// One row of tests/data/integrals.json: an integrand, its assumptions and, optionally, a known antiderivative.
/// </summary>
public sealed record IntegralCase(string Class, string Integrand, IReadOnlyList<string> Assume, string? Known);

/// <summary>
/// One row of tests/data/inversions.json: x = e(w), assumptions, and the expected inverse (null: numeric).
/// </summary>
public sealed record InversionCase(string Function, IReadOnlyList<string> Assume, string? Inverse);

/// <summary>The integration and inversion tables, shared with the benchmarks (which time every row).</summary>
public static class CalculusTables
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<IntegralCase> Integrals { get; } = Load<IntegralCase>("integrals.json");
    public static IReadOnlyList<InversionCase> Inversions { get; } = Load<InversionCase>("inversions.json");

    private static IReadOnlyList<T> Load<T>(string file) =>
        JsonSerializer.Deserialize<List<T>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", file)), Options)!;
}
