// SparseRecovery: how the initialization scale moves the implicit bias of gradient flow from ℓ2 to ℓ1.
//
// An underdetermined system Ax = y (20×60, A Gaussian/√M) has a 3-sparse signed solution x*. Gradient flow on a
// reparametrization converges to the interpolating x∞ = argmin { D_f(x, x₀) : Ax = y }, and the potential f depends on
// the scale of the initialization. Three families, all started at x₀ = 0:
//     x = u² − v²        u₀ = v₀ = α   f = hyperbolic entropy ¼[x·asinh(x/2α²) − √(x² + 4α⁴)]: ≈ ℓ2 for large α,
//                                      → ℓ1 as α → 0
//     x = u³ − v³        u₀ = v₀ = α   (the same picture for depth 3: ℓ1 as α → 0)
//     x = β·sinh(w/β)    w₀ = 0        f″(x) = 1/(1 + x²/β²): ℓ2 as β → ∞, ℓ1-like as β → 0
// For a sweep of scales from 3 down to 0.001 the sample runs the library's verification (GradientFlow in w, compared
// with the dual-Newton Bregman projection: the flow's limit must be the predicted one), then measures the distance of
// x∞ to the minimum-ℓ1-norm solution (basis pursuit, solved here independently with MathNet.Numerics by ADMM,
// polished on its support and certified by a dual vector) and to the minimum-ℓ2-norm solution A⁺y.
//
// Checks (exit code 0 when all hold, 1 otherwise): the ℓ1 solution is feasible and certified unique; every flow
// converges to its predicted Bregman projection; for every family ‖x∞ − x_ℓ1‖ decreases strictly as the scale shrinks,
// is within 5% of ‖x_ℓ2 − x_ℓ1‖ of the ℓ2 solution at the largest scale and within 5% of it of the ℓ1 solution at the
// smallest. The printed log–log slopes are measurements on this problem, not a theorem.
//
// Run from the repository root:  dotnet run --project samples/SparseRecovery -c Release [-- <output folder>]
// The plots (PNG, drawn headless with ScottPlot 5) go to the folder given, by default "implicit-bias-sparse-recovery"
// in the temp folder: distance-to-l1.png (the figure this sample is about) and distance-to-l2.png.

using System.Globalization;
using System.Text.Json;
using ImplicitBias.Symbolic;
using MathNet.Numerics.LinearAlgebra;
using SP = ScottPlot;

const int Rows = 20, Columns = 60, Sparsity = 3, Seed = 7;
const double Closeness = 0.05; // "near" a solution: within 5% of the distance between the ℓ1 and ℓ2 solutions
double[] scales = [3, 1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001]; // from large to small

string outputFolder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "implicit-bias-sparse-recovery");

Family[] families =
[
    new("u² − v²", "α", scale => Reparametrization.Parse("w^2", domain: "(0,inf)").Difference(scale, scale),
        scale => scale),
    new("u³ − v³", "α", scale => Reparametrization.Parse("w^3", domain: "(0,inf)").Difference(scale, scale),
        scale => scale),
    new("β·sinh(w/β)", "β", scale => Reparametrization.Parse("beta*sinh(w/beta)",
        parameters: new Dictionary<string, double> { ["beta"] = scale }), _ => 0),
];

var failures = new List<string>();
void Require(bool holds, string claim)
{
    if (!holds) failures.Add(claim);
}

// The data, drawn once (A, a 3-sparse signed x*, y = A x*); every run below uses exactly these A and y, and only the
// reparametrization and its initial point change.
var generated = Problem.Generate(Rows, Columns, Sparsity, Seed, families[2].Reparametrize(1), init: 0, Loss.Square,
    Link.Identity);
double[] aRowMajor = generated.Model.A.ToArray();
double[][] aRows = Enumerable.Range(0, Rows).Select(m => aRowMajor[(m * Columns)..((m + 1) * Columns)]).ToArray();
Problem ProblemFor(Family family, double scale) => Problem.FromJson(
    JsonSerializer.Serialize(new { A = aRows, y = generated.Model.Targets, init = family.Init(scale) }),
    family.Reparametrize(scale), Loss.Square, Link.Identity);

var a = Matrix<double>.Build.DenseOfRowMajor(Rows, Columns, aRowMajor);
var y = Vector<double>.Build.DenseOfArray(generated.Model.Targets);
var truth = Vector<double>.Build.DenseOfArray(generated.Truth!);

// The two comparison solutions, computed independently of the library.
var minimumL2 = a.Transpose() * (a * a.Transpose()).Solve(y);
var bp = BasisPursuit.Solve(a, y);
var minimumL1 = bp.X;
double gap = (minimumL2 - minimumL1).L2Norm();
double l1Feasibility = (a * minimumL1 - y).AbsoluteMaximum();

Console.WriteLine($"Problem: A is {Rows}×{Columns} Gaussian/√M, x* has {Sparsity} signed spikes (seed {Seed}), " +
    "y = A x*; every flow starts at x₀ = 0.");
Console.WriteLine();
Console.WriteLine("Minimum-ℓ1 solution (basis pursuit, ADMM with MathNet.Numerics):");
Console.WriteLine($"  ADMM {(bp.AdmmConverged ? "converged" : "did NOT converge")} in {bp.Iterations} iterations; " +
    $"support of {bp.Support.Count} " +
    $"{{{string.Join(", ", bp.Support)}}}, polished by least squares on it (moved by {Sci(bp.PolishShift)})");
Console.WriteLine($"  max |A x_ℓ1 − y| = {Sci(l1Feasibility)}");
Console.WriteLine("  dual certificate λ = A_S(A_SᵀA_S)⁻¹ sign(x_S): " +
    $"max |A_Sᵀλ − sign(x_S)| = {Sci(bp.CertificateOnSupport)}, " +
    $"max off S |A_jᵀλ| = {Fmt(bp.CertificateOffSupport)} (< 1 proves x_ℓ1 the unique minimizer)");
Console.WriteLine($"  ‖x_ℓ1‖₁ = {Fmt(minimumL1.L1Norm())}, ‖x_ℓ1 − x*‖ = {Sci((minimumL1 - truth).L2Norm())}");
Console.WriteLine($"Minimum-ℓ2 solution A⁺y: ‖x_ℓ2‖₁ = {Fmt(minimumL2.L1Norm())}, ‖x_ℓ2 − x_ℓ1‖ = {Fmt(gap)}");
Require(bp.AdmmConverged, "ADMM for the minimum-ℓ1 solution did not converge");
Require(l1Feasibility < 1e-10, "the minimum-ℓ1 solution does not solve A x = y");
Require(bp.CertificateOnSupport < 1e-10 && bp.CertificateOffSupport < 1,
    "the minimum-ℓ1 solution could not be certified");
Console.WriteLine();

// The sweep: one verified flow per family and scale.
var table = new List<string[]>();
var toL1 = new double[families.Length][];
var toL2 = new double[families.Length][];
double flowSeconds = 0;
for (int f = 0; f < families.Length; f++)
{
    var family = families[f];
    toL1[f] = new double[scales.Length];
    toL2[f] = new double[scales.Length];
    for (int s = 0; s < scales.Length; s++)
    {
        var problem = ProblemFor(family, scales[s]);
        var options = new FlowOptions();
        VerificationReport report = Verification.Verify(problem, problem.Reparametrization.Derive(), options,
            tolerance: 1e-6);
        flowSeconds += report.Flow.Seconds;
        var limit = Vector<double>.Build.DenseOfArray(report.Flow.X);
        toL1[f][s] = (limit - minimumL1).L2Norm();
        toL2[f][s] = (limit - minimumL2).L2Norm();
        string scale = $"{family.ScaleName} = {Fmt(scales[s])}";
        Require(report.Agree, $"{family.Name}, {scale}: the flow's limit is not the predicted Bregman projection " +
            $"(stopped by {report.Flow.StopReason.Text()}, max |x∞ − x̂| = {Sci(report.MaxAbsDifference)})");
        table.Add([family.Name, scale, report.Flow.StopReason.Text(), Fmt(report.Flow.Time),
            report.Flow.Steps.ToString(CultureInfo.InvariantCulture),
            report.Flow.ConservedDrift is { } drift ? Sci(drift) : "—", Sci(report.MaxAbsDifference),
            report.Agree ? "yes" : "NO", Sci(toL1[f][s]), Sci(toL2[f][s]), Fmt(limit.L1Norm())]);
    }
}
PrintTable(["family", "scale", "flow stopped by", "flow time", "steps", "Φ drift", "max|x∞ − x̂|", "= x̂?",
    "‖x∞ − x_ℓ1‖", "‖x∞ − x_ℓ2‖", "‖x∞‖₁"], table);
Console.WriteLine($"  x̂: the library's Bregman projection of x₀ (dual Newton); Φ drift: the largest change of the " +
    $"conserved Φ(u) + Φ(v), relative to its size");
Console.WriteLine($"  along the run (two-variable forms); {families.Length * scales.Length} flows, " +
    $"{Fmt(flowSeconds)} s of integration.");
Console.WriteLine();

// The claims.
Console.WriteLine($"Summary (near = within {Closeness * 100:G3}% of ‖x_ℓ2 − x_ℓ1‖ = {Fmt(gap)}):");
for (int f = 0; f < families.Length; f++)
{
    var family = families[f];
    string first = $"{family.ScaleName} = {Fmt(scales[0])}", last = $"{family.ScaleName} = {Fmt(scales[^1])}";
    for (int s = 1; s < scales.Length; s++)
        Require(toL1[f][s] < toL1[f][s - 1],
            $"{family.Name}: ‖x∞ − x_ℓ1‖ did not shrink from {family.ScaleName} = {Fmt(scales[s - 1])} " +
            $"to {Fmt(scales[s])}");
    Require(toL2[f][0] <= Closeness * gap,
        $"{family.Name}: at {first} the limit is not near the ℓ2 solution ({Sci(toL2[f][0])})");
    Require(toL1[f][^1] <= Closeness * gap,
        $"{family.Name}: at {last} the limit is not near the ℓ1 solution ({Sci(toL1[f][^1])})");
    // local slope of log ‖x∞ − x_ℓ1‖ against log(scale) over the last decade
    int decade = Array.IndexOf(scales, scales[^1] * 10);
    double slope = decade < 0
        ? double.NaN
        : Math.Log(toL1[f][decade] / toL1[f][^1]) / Math.Log(scales[decade] / scales[^1]);
    bool monotone = toL1[f].Zip(toL1[f].Skip(1), (before, after) => after < before).All(b => b);
    Console.WriteLine($"  {family.Name,-12} at {first,-7}: ‖x∞ − x_ℓ2‖ = {Sci(toL2[f][0])};  " +
        $"at {last}: ‖x∞ − x_ℓ1‖ = {Sci(toL1[f][^1])}, " +
        $"{(monotone ? "decreasing at every step" : "NOT monotone")}; over the last decade ‖x∞ − x_ℓ1‖ ∝ " +
        $"{family.ScaleName}^{slope.ToString("F2", CultureInfo.InvariantCulture)}");
}

Directory.CreateDirectory(outputFolder);
string[] legends =
[
    Plots.Label("u² − v², u₀ = v₀ = α", "u^2 - v^2, u0 = v0 = alpha"),
    Plots.Label("u³ − v³, u₀ = v₀ = α", "u^3 - v^3, u0 = v0 = alpha"),
    Plots.Label("β·sinh(w/β), w₀ = 0", "beta*sinh(w/beta), w0 = 0"),
];
string[] written =
[
    Plots.DistanceAgainstScale(Path.Combine(outputFolder, "distance-to-l1.png"), legends, scales, toL1,
        Plots.Label("Distance of the gradient-flow limit to the minimum-ℓ1 solution",
            "Distance of the gradient-flow limit to the minimum-l1 solution"),
        Plots.Label("‖x∞ − x(ℓ1)‖₂", "||x_inf - x_l1||_2"), SP.Alignment.LowerRight),
    Plots.DistanceAgainstScale(Path.Combine(outputFolder, "distance-to-l2.png"), legends, scales, toL2,
        Plots.Label("Distance of the gradient-flow limit to the minimum-ℓ2 solution",
            "Distance of the gradient-flow limit to the minimum-l2 solution"),
        Plots.Label("‖x∞ − x(ℓ2)‖₂", "||x_inf - x_l2||_2"), SP.Alignment.UpperRight),
];
Console.WriteLine();
foreach (var path in written)
{
    long size = new FileInfo(path).Length;
    Require(size > 0, $"the plot {path} is empty");
    Console.WriteLine($"wrote {path} ({size / 1024} KiB)");
}

if (failures.Count > 0)
{
    Console.WriteLine();
    foreach (var failure in failures) Console.WriteLine($"FAILED: {failure}");
    return 1;
}
Console.WriteLine();
Console.WriteLine("ok: every flow lands on its predicted Bregman projection, and as the initialization scale shrinks " +
    "the limit moves from the minimum-ℓ2 to the minimum-ℓ1 solution.");
return 0;

static string Fmt(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
static string Sci(double v) => v.ToString("0.00E+00", CultureInfo.InvariantCulture);

static void PrintTable(string[] header, List<string[]> rows)
{
    var widths = header.Select((h, j) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[j].Length)))
        .ToArray();
    string Line(string[] cells) => "  " + string.Join("  ",
        cells.Select((cell, j) => j == 0 ? cell.PadRight(widths[j]) : cell.PadLeft(widths[j])));
    Console.WriteLine(Line(header));
    foreach (var row in rows) Console.WriteLine(Line(row));
}

/// <summary>A family of reparametrizations indexed by a scale (α or β), and the initial w (or u₀
/// = v₀) at that scale.</summary>
internal sealed record Family(string Name, string ScaleName, Func<double, Reparametrization> Reparametrize,
    Func<double, double> Init);

/// <summary>The minimum-ℓ1-norm solution of Ax = y, its support, and the certificate of its optimality.</summary>
internal sealed record BasisPursuitResult(Vector<double> X, IReadOnlyList<int> Support, int Iterations,
    bool AdmmConverged, double PolishShift, double CertificateOnSupport, double CertificateOffSupport);

/// <summary>Basis pursuit, min ‖x‖₁ subject to Ax = y.</summary>
internal static class BasisPursuit
{
    /// <summary>
    /// ADMM on min ‖z‖₁ s.t. x = z, Ax = y (Boyd et al., "Distributed optimization …", §6.2): the x-step projects
    /// onto {Ax = y}, the z-step soft-thresholds, so z is exactly sparse. Its support S is then polished (least
    /// squares on the columns in S) and certified: λ = A_S(A_SᵀA_S)⁻¹ sign(x_S) satisfies A_Sᵀλ = sign(x_S), and
    /// max_{j∉S} |A_jᵀλ| &lt; 1 with A_S of full column rank proves x the unique minimizer (the KKT conditions of
    /// basis pursuit with strict dual feasibility off the support).
    /// </summary>
    public static BasisPursuitResult Solve(Matrix<double> a, Vector<double> y, int maxIterations = 100_000,
        double tolerance = 1e-12)
    {
        int n = a.ColumnCount;
        var transpose = a.Transpose();
        var gram = (a * transpose).Cholesky();
        Vector<double> Project(Vector<double> v) => v - transpose * gram.Solve(a * v - y);

        const double threshold = 1; // 1/ρ for the ADMM penalty ρ = 1; the data are of order 1
        var x = Vector<double>.Build.Dense(n);
        var z = Vector<double>.Build.Dense(n);
        var u = Vector<double>.Build.Dense(n);
        int iterations = 0;
        bool converged = false;
        while (iterations < maxIterations && !converged)
        {
            iterations++;
            x = Project(z - u);
            var previous = z;
            z = (x + u).Map(v => Math.Sign(v) * Math.Max(Math.Abs(v) - threshold, 0));
            u += x - z;
            converged = (x - z).L2Norm() <= tolerance && (z - previous).L2Norm() <= tolerance;
        }

        var support = Enumerable.Range(0, n).Where(j => z[j] != 0).ToList();
        var onSupport = Matrix<double>.Build.DenseOfColumnVectors(support.Select(a.Column));
        var values = onSupport.QR().Solve(y);
        var polished = Vector<double>.Build.Dense(n);
        for (int i = 0; i < support.Count; i++) polished[support[i]] = values[i];

        var signs = values.Map(v => (double)Math.Sign(v));
        var lambda = onSupport * onSupport.TransposeThisAndMultiply(onSupport).Solve(signs);
        var correlations = transpose * lambda;
        double onSupportError = support.Select((j, i) => Math.Abs(correlations[j] - signs[i])).DefaultIfEmpty().Max();
        double offSupport = Enumerable.Range(0, n).Where(j => !support.Contains(j))
            .Select(j => Math.Abs(correlations[j])).DefaultIfEmpty().Max();
        if (onSupport.Rank() < support.Count) offSupport = double.PositiveInfinity; // A_S singular: no uniqueness proof
        return new BasisPursuitResult(polished, support, iterations, converged, (polished - z).InfinityNorm(),
            onSupportError, offSupport);
    }
}

/// <summary>Log–log figures with ScottPlot 5, drawn headless (SkiaSharp) to PNG.</summary>
internal static class Plots
{
    private const string Glyphs = "ℓ‖∞₀₂²³⁰¹⁴⁵⁶⁷⁸⁹⁻αβ−·";

    /// <summary>
    /// The first installed font, sans-serif preferred, that has the glyphs of our labels (ℓ, ‖, ∞, superscripts, α, β);
    /// null when none has them, and the labels fall back to ASCII in ScottPlot's default font.
    /// </summary>
    private static readonly string? UnicodeFont = new[] { "DejaVu Sans", "Noto Sans", "Liberation Sans", "Segoe UI",
        "Arial", "Helvetica", SP.Fonts.Sans, SP.Fonts.Default }
        .FirstOrDefault(name => SP.Fonts.GetTypeface(name, false, false) is var typeface
            && typeface.FamilyName == name && Glyphs.All(c => typeface.ContainsGlyph(c)));

    private static bool Unicode => UnicodeFont is not null;

    /// <summary>The label as given, or its ASCII form when the font lacks its glyphs.</summary>
    public static string Label(string unicode, string ascii) => Unicode ? unicode : ascii;

    /// <summary>One curve per family: the distance against the scale, both axes logarithmic.
    /// Returns the file written.</summary>
    public static string DistanceAgainstScale(string path, string[] legends, double[] scales, double[][] distances,
        string title, string distanceLabel, SP.Alignment legendCorner)
    {
        using var plot = new SP.Plot();
        var palette = new SP.Palettes.Category10();
        double[] logScales = scales.Select(Math.Log10).ToArray();
        var allLogDistances = new List<double>();
        for (int f = 0; f < legends.Length; f++)
        {
            double[] logDistances = distances[f].Select(Math.Log10).ToArray();
            allLogDistances.AddRange(logDistances);
            var curve = plot.Add.Scatter(logScales, logDistances);
            curve.LegendText = legends[f];
            curve.Color = palette.GetColor(f);
            curve.LineWidth = 2;
            curve.MarkerSize = 8;
        }
        // ScottPlot 5 has no logarithmic axis type: plot log₁₀ of the data and label the ticks 10ᵏ.
        LogAxis(plot.Axes.Bottom, logScales.Min(), logScales.Max());
        LogAxis(plot.Axes.Left, allLogDistances.Min(), allLogDistances.Max());
        plot.Title(title);
        plot.XLabel(Label("initialization scale α or β", "initialization scale alpha or beta"));
        plot.YLabel(distanceLabel);
        plot.ShowLegend(legendCorner);
        plot.Font.Set(UnicodeFont ?? SP.Fonts.Default);
        plot.Grid.MinorLineColor = SP.Colors.Black.WithOpacity(0.05);
        plot.Grid.MinorLineWidth = 1;
        plot.SavePng(path, 900, 600);
        return path;
    }

    /// <summary>Makes an axis that shows log₁₀ of the data look logarithmic: ticks labelled 10ᵏ,
    /// log-spaced minor ticks.</summary>
    private static void LogAxis(SP.IAxis axis, double minLog, double maxLog) =>
        axis.TickGenerator = new SP.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new SP.TickGenerators.LogMinorTickGenerator(),
            // whole decades only when the range spans at least two of them
            IntegerTicksOnly = Math.Floor(maxLog) - Math.Ceiling(minLog) >= 1,
            LabelFormatter = LogLabel,
        };

    /// <summary>10ᵏ (or 1e-k) at whole decades, else the value itself.</summary>
    private static string LogLabel(double exponent)
    {
        double k = Math.Round(exponent);
        if (Math.Abs(exponent - k) > 1e-9) return Math.Pow(10, exponent).ToString("G3", CultureInfo.InvariantCulture);
        if (!Unicode) return "1e" + ((int)k).ToString(CultureInfo.InvariantCulture);
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string power = string.Concat(Math.Abs((int)k).ToString(CultureInfo.InvariantCulture)
            .Select(c => digits[c - '0']));
        return "10" + (k < 0 ? "⁻" : "") + power;
    }
}
