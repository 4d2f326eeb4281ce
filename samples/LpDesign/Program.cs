// LpDesign: design a reparametrization for an ℓp-like regularizer, then verify its implicit bias.
//
// For each p we want gradient flow to be implicitly biased toward the ℓp-type potential on (0, ∞)
//     f(x) = p·x^p / (4(p−1)),   normalized so that f″(x) = (p²/4)·x^(p−2).
// PotentialDesign.Design solves the inverse problem: ρ⁻¹(x) = ∫ √f″(x) dx = x^(p/2), so ρ(w) = w^(2/p) (check:
// 1/ρ′(ρ⁻¹(x))² = (p²/4)·x^(p−2)). The sample prints that design (f″, √f″, the certified antiderivative, its inverse),
// the derivation chain of the designed ρ with the theorem's conditions, and then verifies the implicit bias twice:
//   * with the library: Verification.Verify runs the reparametrized gradient flow in w and compares its limit x∞ with
//     the Bregman projection x̂ = argmin { D_f(x, x₀) : Ax = b } computed by dual Newton;
//   * independently, with MathNet.Numerics and our hand-written f: x∞ is feasible, interior, and satisfies the KKT
//     condition f′(x∞) − f′(x₀) ∈ range(Aᵀ) (for a strictly convex f this makes it the unique minimizer). The same test
//     applied to the plain ℓ2 projection of x₀ must fail, which shows the test can tell the two apart.
//
// The derivation reports that coercivity fails at x → 0: f′(0) is finite, so a projection could sit on the edge x = 0,
// where the theorem says nothing. The problem therefore keeps its planted solution away from the edge (x* = 1 + three
// spikes), the flow starts at x₀ = 1, and the sample checks that the limit is interior.
//
// Run from the repository root:  dotnet run --project samples/LpDesign -c Release
// Exit code 0 when every check holds, 1 otherwise.

using System.Globalization;
using System.Text.Json;
using ImplicitBias.Symbolic;
using MathNet.Numerics.LinearAlgebra;

const int Rows = 10, Columns = 40, Spikes = 3, Seed = 1;
const double Tolerance = 1e-6;
double[] exponents = [1.25, 1.5, 3];

var failures = new List<string>();
void Require(bool holds, string claim)
{
    if (!holds) failures.Add(claim);
}

var summary = new List<string[]>();
foreach (double p in exponents)
{
    Console.WriteLine($"══ p = {Fmt(p)} ══");

    // 1. Design: the reparametrization whose implicit bias is f.
    var design = PotentialDesign.Design("p*x^p/(4*(p-1))", domain: "(0,inf)",
        parameters: new Dictionary<string, double> { ["p"] = p });
    var inverse = design.InverseReparametrizationResult;
    Console.WriteLine("design");
    Console.WriteLine($"  wanted potential     f(x) = {design.Potential}, x ∈ {design.Domain}");
    Console.WriteLine($"  metric               f″(x) = {design.Metric}");
    Console.WriteLine($"  ρ⁻¹ = ∫√f″ dx        ρ⁻¹(x) = {inverse} " +
        $"({inverse.Method}; {inverse.Certificate?.ToString() ?? "not certified"})");
    Console.WriteLine($"  inverted             {design} ({design.Form.ToString().ToLowerInvariant()})");
    Console.WriteLine($"  check                {design.Verification}");
    Require(design.Verified && design.Reparametrization is not null && design.Check is not null,
        $"p = {Fmt(p)}: the design is not verified");
    if (design.Reparametrization is null || design.Check is null) continue;

    var rho = design.Reparametrization.Compile(design.ReparametrizationVariable);
    bool isPower = new[] { 0.01, 0.3, 1, 2.5, 40 }.All(w => RelativeError(rho(w), Math.Pow(w, 2 / p)) < 1e-12);
    Console.WriteLine($"  ρ(w) = w^(2/p)?      {(isPower ? "yes" : "NO")} (compared at 5 points)");
    Require(isPower, $"p = {Fmt(p)}: ρ is not w^(2/p)");

    // 2. The derivation of the designed ρ: the chain and the theorem's conditions.
    Derivation derivation = design.Check;
    Console.WriteLine($"derivation of ρ(w) = {derivation.Reparametrization.Rho}");
    Console.WriteLine($"  ρ′(w) = {derivation.Derivative}");
    foreach (var function in derivation.Chain) Console.WriteLine($"  {function}");
    foreach (var condition in derivation.Conditions) Console.WriteLine($"  condition: {condition}");

    // Our own f, by hand: f = c·x^p with c = p/(4(p−1)), so f′ = c·p·x^(p−1) and f″ = (p²/4)·x^(p−2).
    double c = p / (4 * (p - 1));
    double F(double x) => c * Math.Pow(x, p);
    double DF(double x) => c * p * Math.Pow(x, p - 1);
    double D2F(double x) => p * p / 4 * Math.Pow(x, p - 2);
    // The library's potential is defined up to an affine function: compare f″, and f′ up to a constant.
    double[] probes = [0.05, 0.7, 1, 3, 20];
    double offset = derivation.MirrorMap!.Evaluate(1) - DF(1);
    bool sameMetric = probes.All(x => RelativeError(derivation.Metric!.Evaluate(x), D2F(x)) < 1e-12);
    bool sameMirror = probes.All(x =>
        Math.Abs(derivation.MirrorMap.Evaluate(x) - DF(x) - offset) < 1e-12 * Math.Max(1, Math.Abs(DF(x))));
    Console.WriteLine($"  same as our f?       f″ {(sameMetric ? "yes" : "NO")}, " +
        $"f′ up to a constant {(sameMirror ? "yes" : "NO")} (5 points)");
    Require(sameMetric && sameMirror,
        $"p = {Fmt(p)}: the derived potential is not p·x^p/(4(p−1)) up to an affine function");

    // 3. A problem with an interior solution. Problem.Generate draws A (Gaussian/√M) and a 3-sparse nonnegative
    //    signal; we lift it off the edge (x* = 1 + spikes) and rebuild the problem with Problem.FromJson,
    //    starting every w at 1, so x₀ = ρ(1) = 1 and x* − x₀ is sparse.
    var generated = Problem.Generate(Rows, Columns, Spikes, Seed, derivation.Reparametrization, init: 1, Loss.Square,
        Link.Identity);
    double[] a = generated.Model.A.ToArray();
    double[] xStar = generated.Truth!.Select(spike => 1 + spike).ToArray();
    var matrix = Matrix<double>.Build.DenseOfRowMajor(Rows, Columns, a);
    double[] b = (matrix * Vector<double>.Build.DenseOfArray(xStar)).ToArray();
    string json = JsonSerializer.Serialize(new
    {
        A = Enumerable.Range(0, Rows).Select(m => a[(m * Columns)..((m + 1) * Columns)]).ToArray(),
        y = b,
        init = 1.0,
        truth = xStar,
    });
    var problem = Problem.FromJson(json, derivation.Reparametrization, Loss.Square, Link.Identity);

    // 4. The library's verification: gradient flow in w against the dual-Newton Bregman projection.
    VerificationReport report = Verification.Verify(problem, derivation, tolerance: Tolerance);
    Console.WriteLine($"verification ({Rows}×{Columns}, x* = 1 + {Spikes} spikes, x₀ = 1)");
    Console.WriteLine($"  flow                 {report.Flow.Method}; stopped by " +
        $"{report.Flow.StopReason.Text()} at t = {Fmt(report.Flow.Time)}, " +
        $"{report.Flow.Steps} steps ({Fmt(report.Flow.Seconds)} s)");
    Console.WriteLine($"  prediction x̂         {report.Prediction.Method.Text()}, " +
        $"{report.Prediction.Iterations} iterations, " +
        $"converged: {(report.Prediction.Converged ? "yes" : "NO")}");
    Console.WriteLine($"  flow vs prediction   max |x∞ − x̂| = {Sci(report.MaxAbsDifference)}, " +
        $"library KKT residual {Sci(report.KktResidual)}, " +
        $"agree: {(report.Agree ? "yes" : "NO")}");
    Require(report.Agree, $"p = {Fmt(p)}: the flow limit does not match the library's Bregman projection");

    // 5. Our own check that x∞ is the Bregman projection of x₀ for our f: it is feasible, interior, and satisfies
    //    the KKT condition f′(x∞) − f′(x₀) = Aᵀλ for some λ. With f strictly convex this makes it the unique minimizer.
    double[] x = report.Flow.X, x0 = problem.X0;
    var transpose = matrix.Transpose();
    double KktResidual(double[] point)
    {
        var gap = Vector<double>.Build.Dense(Columns, i => DF(point[i]) - DF(x0[i]));
        var lambda = transpose.QR().Solve(gap); // least squares: the best λ
        return (transpose * lambda - gap).L2Norm() / gap.L2Norm();
    }
    double Divergence(double[] point) => point.Select((v, i) => F(v) - F(x0[i]) - DF(x0[i]) * (v - x0[i])).Sum();
    double feasibility = (matrix * Vector<double>.Build.DenseOfArray(x) - Vector<double>.Build.DenseOfArray(b))
        .AbsoluteMaximum();
    double smallest = x.Min(), kkt = KktResidual(x);
    double atLimit = Divergence(x), atTruth = Divergence(xStar);
    // A contrast that shows the test can fail: the ℓ2 projection x₀ + Aᵀ(AAᵀ)⁻¹(b − Ax₀) is feasible but is not
    // the projection for this f.
    var x0Vector = Vector<double>.Build.DenseOfArray(x0);
    double[] l2Projection = (x0Vector
        + transpose * (matrix * transpose).Solve(Vector<double>.Build.DenseOfArray(b) - matrix * x0Vector)).ToArray();
    double l2Kkt = KktResidual(l2Projection);
    bool l2Interior = l2Projection.All(v => v > 0);
    double l2Divergence = l2Interior
        ? Divergence(l2Projection)
        : double.PositiveInfinity; // outside (0, ∞)^N: f is not defined there
    Console.WriteLine($"  our check            max |A x∞ − b| = {Sci(feasibility)}, " +
        $"min x∞ = {Fmt(smallest)} {(smallest > 0 ? ">" : "≤")} 0, KKT residual = {Sci(kkt)}");
    Console.WriteLine($"                       D_f(x∞, x₀) = {Fmt(atLimit)} ≤ D_f(x*, x₀) = {Fmt(atTruth)} " +
        "(x* is feasible too)");
    Console.WriteLine($"  contrast             the ℓ2 projection of x₀: KKT residual {Sci(l2Kkt)}, " +
        $"D_f = {Fmt(l2Divergence)} {(l2Divergence > atLimit ? ">" : "≤")} D_f(x∞, x₀)");
    Require(feasibility <= 1e-8, $"p = {Fmt(p)}: the flow limit is not feasible");
    Require(smallest > 0, $"p = {Fmt(p)}: the flow limit is not inside (0, ∞)");
    Require(kkt <= Tolerance, $"p = {Fmt(p)}: f′(x∞) − f′(x₀) is not in range(Aᵀ)");
    Require(atLimit <= atTruth, $"p = {Fmt(p)}: the planted x* has a smaller divergence than the limit");
    Require(l2Kkt > 1e3 * Tolerance, $"p = {Fmt(p)}: the KKT test does not tell the ℓ2 projection apart");
    Require(atLimit < l2Divergence,
        $"p = {Fmt(p)}: the ℓ2 projection of x₀ has a smaller divergence than the flow limit");
    Console.WriteLine();

    summary.Add([Fmt(p), design.Reparametrization.ToString(), report.Flow.StopReason.Text(),
        Sci(report.MaxAbsDifference), Sci(kkt), Sci(feasibility),
        Fmt(smallest), Fmt(atLimit), Fmt(atTruth), Sci(l2Kkt)]);
}

Console.WriteLine($"Summary ({Rows}×{Columns}, x* = 1 + {Spikes} spikes, x₀ = 1, seed {Seed}):");
PrintTable(["p", "ρ(w)", "flow stopped by", "max|x∞ − x̂|", "KKT residual", "max|Ax∞ − b|", "min x∞", "D_f(x∞,x₀)",
    "D_f(x*,x₀)", "KKT of ℓ2 proj."], summary);

if (failures.Count > 0)
{
    Console.WriteLine();
    foreach (var failure in failures) Console.WriteLine($"FAILED: {failure}");
    return 1;
}
Console.WriteLine();
Console.WriteLine("ok: for every p the flow converges to the ℓp-type Bregman projection of x₀.");
return 0;

static double RelativeError(double got, double want) => Math.Abs(got - want) / Math.Max(Math.Abs(want), 1e-300);
static string Fmt(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
static string Sci(double v) => v.ToString("0.00E+00", CultureInfo.InvariantCulture);

static void PrintTable(string[] header, List<string[]> rows)
{
    var widths = header.Select((h, j) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[j].Length)))
        .ToArray();
    string Line(string[] cells) => "  " + string.Join("  ", cells.Select((cell, j) => cell.PadLeft(widths[j])));
    Console.WriteLine(Line(header));
    foreach (var row in rows) Console.WriteLine(Line(row));
}
