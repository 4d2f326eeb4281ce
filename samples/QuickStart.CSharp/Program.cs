// Quick start from C#: the implicit bias of a reparametrization, the inverse (design) problem, and a gradient-flow
// run that confirms the prediction. Run from the repository root:
//     dotnet run --project samples/QuickStart.CSharp -c Release
// Exit code 0 when the design is verified and the flow lands on the predicted Bregman projection, 1 otherwise.
using ImplicitBias.Symbolic;

// 1. Parse ρ(w) = β·sinh(w/β) with β = 1/4 and derive the potential f whose Bregman divergence the flow minimizes
//    (f″ = 1/ρ′(ρ⁻¹(x))²), with the whole chain and the conditions of the implicit-bias theorem.
var rho = Reparametrization.Parse("beta*sinh(w/beta)", parameters: new Dictionary<string, double> { ["beta"] = 0.25 });
Derivation derivation = rho.Derive();
Console.WriteLine(rho);                                                   // ρ(w) = sinh(4*w)/4, w ∈ (-inf, inf)
Console.WriteLine($"  ρ′(w)  = {derivation.Derivative}");                 // cosh(4*w)
Console.WriteLine($"  f′(x)  = {derivation.MirrorMap!.Expression}");      // atan(4*x)/4
Console.WriteLine($"  f″(x)  = {derivation.Metric!.Expression}");         // 1/(1 + 16*x^2)
Console.WriteLine($"  f(x)   = {derivation.Potential!.Expression}");      // x*atan(4*x)/4 - log(1 + 16*x^2)/32
Console.WriteLine($"  LaTeX  : {derivation.Potential.Expression!.ToLatex()}");
Console.WriteLine($"  D_f(1, 0.2) = {derivation.BregmanDivergence(1.0, 0.2):G6}");
foreach (var condition in derivation.Conditions) Console.WriteLine($"  {condition}");

// 2. Design, the inverse problem: which ρ makes gradient flow biased toward f(x) = x·atan(x) − log(1 + x²)/2?
DesignResult design = PotentialDesign.Design("x*atan(x) - log(1+x^2)/2");
Console.WriteLine($"design for f(x) = {design.Potential}:");
Console.WriteLine($"  f″(x) = {design.Metric}, ρ⁻¹(x) = ∫√f″ dx = {design.InverseReparametrization}");
Console.WriteLine($"  {design}; {design.Verification}");              // ρ(w) = sinh(w), w ∈ (-inf, inf);
                                                                      // derived f″ matches ...

// 3. Verify: gradient flow in w on a random 20×100 problem (3-sparse x*, y = A x*, w₀ = 0) against the Bregman
//    projection of x₀ = 0 onto {x : Ax = y} computed by dual Newton.
var problem = Problem.Generate(20, 100, 3, seed: 1, rho, init: 0, Loss.Square, Link.Identity);
VerificationReport report = Verification.Verify(problem, derivation, tolerance: 1e-6);
Console.WriteLine($"verify on a {problem.Model.Rows}×{problem.Model.Columns} problem:");
Console.WriteLine($"  flow: {report.Flow.Method}, stopped by {report.Flow.StopReason.Text()} "
    + $"at t = {report.Flow.Time:G4} ({report.Flow.Steps} steps)");
Console.WriteLine($"  max |x_flow − x_prediction| = {report.MaxAbsDifference:0.00E+00}, "
    + $"KKT residual {report.KktResidual:0.00E+00}, agree: {report.Agree}");

return design.Verified && report.Agree ? 0 : 1;
