using ImplicitBias.Symbolic.Tests.Support;
using Xunit.Abstractions;

namespace ImplicitBias.Symbolic.Tests.Bias;

/// <summary>
/// The readability table (tests/data/readability.json): every object the toolkit prints for a reparametrization
/// (ρ′, f″, f′, f) or a design (f″, ρ⁻¹, ρ) is at most 1.5 times the size of the shortest known form, and equal to
/// it (f′ up to a constant, f up to an affine function, ρ⁻¹ up to a constant); over the table the median ratio is
/// at most 1.
/// </summary>
public class ReadabilityTests(ITestOutputHelper output)
{
    private const double WorstRatio = 1.5;

    [Theory]
    [MemberData(nameof(ReadabilityTable.Names), MemberType = typeof(ReadabilityTable))]
    public void Printed_forms_are_short_and_equal_to_the_reference(string name)
    {
        var rows = ReadabilityTable.Measure(ReadabilityTable.Get(name));
        foreach (var row in rows.Where(r => r.Printed is not null))
        {
            output.WriteLine($"{row}: {row.Printed} ({row.Ratio:F2}) vs {row.Reference}");
            Assert.True(EqualUpToAllowedTerms(row, rows), $"{row}: {row.Printed} is not {row.Reference}");
            Assert.True(row.Ratio <= WorstRatio, $"{row}: {row.Printed} has size {row.ComparedSize}, "
                + $"more than {WorstRatio} × {row.Reference.PrintedSize()} of {row.Reference}");
        }
    }

    [Fact]
    public void The_median_ratio_is_at_most_one()
    {
        var ratios = ReadabilityTable.All.SelectMany(ReadabilityTable.Measure).Select(r => r.Ratio)
            .OfType<double>().Order().ToList();
        Assert.True(ratios.Count >= 150, $"only {ratios.Count} objects have closed forms");
        double median = ratios[ratios.Count / 2];
        output.WriteLine($"{ratios.Count} objects, median ratio {median:F3}, worst {ratios[^1]:F3}");
        Assert.True(median <= 1.0, $"median ratio {median}");
    }

    /// <summary>
    /// Equal values, up to the terms the object is defined up to (compared at interior points). A designed ρ is
    /// checked against the designed ρ⁻¹ (ρ(ρ⁻¹(x)) = x): ρ⁻¹ is free up to a constant, which shifts ρ.
    /// </summary>
    private static bool EqualUpToAllowedTerms(ReadabilityRow row, IReadOnlyList<ReadabilityRow> rows)
    {
        if (row.Object == "reparametrization")
            return RoundTrip(row, rows.Single(r => r.Object == "inverseReparametrization"));
        var difference = row.Printed! - row.Reference;
        var values = ReadabilityTable.ParameterValues(row.Case, row.Printed!, row.Reference);
        var points = row.Points.Where(p => double.IsFinite(Evaluate(difference, row.Variable, p, values))).ToList();
        if (points.Count < 3) return false;
        double scale = points.Max(p => Math.Abs(Evaluate(row.Reference, row.Variable, p, values))) + 1;
        double D(double p) => Evaluate(difference, row.Variable, p, values);
        return row.Object switch
        {
            "mirrorMap" or "inverseReparametrization" => points.All(p => Math.Abs(D(p) - D(points[0])) <= 1e-9 * scale),
            "potential" => Affine(points, D, scale),
            _ => points.All(p => Math.Abs(D(p)) <= 1e-9 * scale),
        };
    }

    /// <summary>ρ(ρ⁻¹(x)) = x at the points of x.</summary>
    private static bool RoundTrip(ReadabilityRow rho, ReadabilityRow inverse)
    {
        if (inverse.Printed is null) return false;
        var composed = rho.Printed!.Substitute(rho.Variable, inverse.Printed);
        var values = ReadabilityTable.ParameterValues(rho.Case, composed);
        return inverse.Points.All(
            p => Math.Abs(Evaluate(composed, inverse.Variable, p, values) - p) <= 1e-9 * (1 + Math.Abs(p)));
    }

    /// <summary>d is affine at the points: every divided difference of order two vanishes.</summary>
    private static bool Affine(List<double> points, Func<double, double> d, double scale)
    {
        for (int i = 2; i < points.Count; i++)
        {
            var (a, b, c) = (points[i - 2], points[i - 1], points[i]);
            double second = ((d(c) - d(b)) / (c - b) - (d(b) - d(a)) / (b - a)) / (c - a);
            if (Math.Abs(second) > 1e-7 * scale) return false;
        }
        return true;
    }

    private static double Evaluate(Expr e, string variable, double at, Dictionary<string, double> parameters) =>
        e.Evaluate(new Dictionary<string, double>(parameters) { [variable] = at });
}
