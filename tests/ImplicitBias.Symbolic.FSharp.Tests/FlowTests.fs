/// The gradient flow, the Bregman projection and the verification of the implicit-bias theorem, called the way an
/// F# user would: Reparametrization.Parse, Problem.Generate, Verification.Verify, GradientFlow.Run, BregmanProjection.
module FlowTests

open System
open System.Collections.Concurrent
open System.Threading
open Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open MathNet.Numerics.LinearAlgebra
open ImplicitBias.Symbolic

// ---------------------------------------------------------------- helpers

/// ρ from its text, an optional domain ("" for the real line) and optional parameter values.
let reparametrization (rho: string) (domain: string) (parameters: (string * float) list) =
    match domain, parameters with
    | "", [] -> Reparametrization.Parse rho
    | "", ps -> Reparametrization.Parse(rho, parameters = Map ps)
    | d, [] -> Reparametrization.Parse(rho, domain = d)
    | d, ps -> Reparametrization.Parse(rho, domain = d, parameters = Map ps)

/// Derivations are symbolic work: the fixed families are derived once per test run.
let private derivations = ConcurrentDictionary<string, Derivation>()

let derive (rho: string) (domain: string) (parameters: (string * float) list) =
    let key = sprintf "%s|%s|%A" rho domain parameters
    derivations.GetOrAdd(key, fun _ -> (reparametrization rho domain parameters).Derive())

let maxAbsDifference (a: float[]) (b: float[]) =
    Assert.Equal(a.Length, b.Length)
    Array.map2 (fun p q -> abs (p - q)) a b |> Array.max

/// A (M×N) of a problem as a MathNet matrix.
let matrixOf (problem: Problem) =
    let m, n = problem.Model.Rows, problem.Model.Columns
    let a = problem.Model.A.ToArray()
    Matrix<float>.Build.Dense(m, n, fun k i -> a[k * n + i])

/// ‖v − Aᵀμ‖ / ‖v‖ for the least-squares μ: the relative distance of v from the row space of A.
let rowSpaceResidual (a: Matrix<float>) (v: float[]) =
    let v = Vector<float>.Build.DenseOfArray v
    let mu = a.Transpose().QR().Solve(v)
    (v - a.Transpose() * mu).L2Norm() / v.L2Norm()

/// The flow run with FlowOptions() and the report's own checks, labelled for failures.
let assertAgrees (report: VerificationReport) (what: string) =
    let describe () =
        sprintf "%s: flow %s after %d steps, prediction converged %b (residual %g), max |Δ| %g" what
            (report.Flow.StopReason.Text()) report.Flow.Steps report.Prediction.Converged report.Prediction.Residual
            report.MaxAbsDifference
    Assert.True(report.Agree, describe ())
    Assert.True(report.Flow.Converged, describe ())
    Assert.True(report.Prediction.Converged, describe ())
    Assert.InRange(report.MaxAbsDifference, 0.0, 1e-6)
    Assert.InRange(report.MaxRelativeDifference, 0.0, report.MaxAbsDifference)

// ---------------------------------------------------------------- the theorem on a table of reparametrizations

[<Theory>]
[<InlineData("w^2", "(0,inf)", "", 0.0, 0.1)>]
[<InlineData("w^2", "(0,inf)", "", 0.0, 0.5)>]
[<InlineData("sinh(w)", "", "", 0.0, 0.1)>]
[<InlineData("sinh(w)", "", "", 0.0, -0.7)>]
[<InlineData("exp(w)", "", "", 0.0, 0.1)>]
[<InlineData("tanh(w)", "", "", 0.0, 0.1)>]
[<InlineData("atan(w)", "", "", 0.0, 0.1)>]
[<InlineData("w^3+w", "", "", 0.0, 0.1)>]
[<InlineData("-exp(-w)", "", "", 0.0, 0.1)>]
[<InlineData("tan(w)", "(-pi/2,pi/2)", "", 0.0, 0.1)>]
[<InlineData("beta*sinh(w/beta)", "", "beta", 0.25, 0.1)>]
[<InlineData("beta*sinh(w/beta)", "", "beta", 2.0, 0.1)>]
let ``the flow limit is the Bregman projection``
    (rho: string, domain: string, parameter: string, value: float, init: float)
    =
    let parameters = if parameter = "" then [] else [ parameter, value ]
    let d = derive rho domain parameters
    let problem = Problem.Generate(5, 20, 3, 1, d.Reparametrization, init, Loss.Square, Link.Identity)
    let report = Verification.Verify(problem, d, FlowOptions(), 1e-6)
    assertAgrees report rho
    Assert.Equal(ProjectionMethod.DualNewton, report.Prediction.Method)
    Assert.Equal("dual Newton", report.Prediction.Method.Text())
    Assert.True(report.PrimalCheckDifference.HasValue)
    Assert.InRange(report.PrimalCheckDifference.Value, 0.0, 1e-9)
    // the flow's limit is on the constraint set, and its dual coordinates moved in the row space of A
    Assert.InRange(report.KktResidual, 0.0, 1e-6)
    Assert.Equal(20, report.Flow.X.Length)
    Assert.True(report.Flow.X |> Array.forall d.Image.Contains, "the flow left the image of ρ")

[<Theory>]
[<InlineData("square", "identity")>]
[<InlineData("logcosh", "identity")>]
[<InlineData("huber", "identity")>]
[<InlineData("square", "sigmoid")>]
[<InlineData("square", "tanh")>]
[<InlineData("logcosh", "softplus")>]
let ``the loss and the link change the speed but not the limit`` (loss: string, link: string) =
    let d = derive "sinh(w)" "" []
    let reference = Problem.Generate(5, 20, 3, 4, d.Reparametrization, 0.1, Loss.Square, Link.Identity)
    let problem = Problem.Generate(5, 20, 3, 4, d.Reparametrization, 0.1, Loss.Parse loss, Link.Parse link)
    let report = Verification.Verify(problem, d, FlowOptions(), 1e-6)
    assertAgrees report (sprintf "loss %s, link %s" loss link)
    let expected = (BregmanProjection.Solve(reference, d)).X
    Assert.InRange(maxAbsDifference expected report.Prediction.X, 0.0, 1e-9)
    Assert.InRange(maxAbsDifference expected report.Flow.X, 0.0, 2e-6)

[<Theory>]
[<InlineData("auto")>]
[<InlineData("rosenbrock")>]
[<InlineData("dual")>]
let ``every integrator reaches the same limit`` (method: string) =
    let flowMethod =
        match method with
        | "auto" -> FlowMethod.Auto
        | "rosenbrock" -> FlowMethod.Rosenbrock
        | _ -> FlowMethod.Dual
    let d = derive "w^2" "(0,inf)" []
    let problem = Problem.Generate(5, 20, 3, 2, d.Reparametrization, 0.1, Loss.Square, Link.Identity)
    let report = Verification.Verify(problem, d, FlowOptions(Method = flowMethod), 1e-6)
    assertAgrees report method
    if flowMethod = FlowMethod.Dual then Assert.Contains("dual", report.Flow.Method)

[<Fact>]
let ``gradient descent is biased by O(eta)`` () =
    let d = derive "w^2" "(0,inf)" []
    let problem = Problem.Generate(5, 20, 3, 1, d.Reparametrization, 0.1, Loss.Square, Link.Identity)
    let distance (eta: float) =
        let report = Verification.Verify(problem, d, FlowOptions(), 1e-6, eta)
        assertAgrees report (sprintf "flow next to gradient descent with eta = %g" eta)
        let gd = nonNull report.GradientDescent
        Assert.Equal(StopReason.LossTolerance, gd.StopReason)
        Assert.Equal(Nullable eta, report.GradientDescentStep)
        report.GradientDescentDistance.Value
    let coarse, fine = distance 0.1, distance 0.025
    Assert.True(fine > 0.0 && fine < coarse, sprintf "distances %g (eta 0.1) and %g (eta 0.025)" coarse fine)
    Assert.InRange(coarse / fine, 2.0, 8.0)
    // as the method itself: the run is gradient descent and does not agree with the prediction
    let report = Verification.Verify(problem, d, FlowOptions(Method = FlowMethod.GradientDescent, StepSize = 0.1), 1e-6)
    Assert.False report.Agree
    Assert.StartsWith("gradient descent", report.Flow.Method)
    Assert.Equal(coarse, report.GradientDescentDistance.Value, 6)

// ---------------------------------------------------------------- two routes to the prediction

[<Theory>]
[<InlineData("w^2", "(0,inf)", 0.0, 0.1, 1)>]
[<InlineData("w^2", "(0,inf)", 0.0, 1.0, 2)>]
[<InlineData("sinh(w)", "", 0.0, 0.1, 1)>]
[<InlineData("sinh(w)", "", 0.0, 1.5, 3)>]
[<InlineData("exp(w)", "", 0.0, -1.0, 1)>]
[<InlineData("tanh(w)", "", 0.0, 0.3, 5)>]
[<InlineData("w^3+w", "", 0.0, 0.2, 1)>]
[<InlineData("tan(w)", "(-pi/2,pi/2)", 0.0, 0.4, 1)>]
[<InlineData("beta*sinh(w/beta)", "", 0.5, 0.1, 1)>]
[<InlineData("beta*sinh(w/beta)", "", 1.7, -0.3, 2)>]
let ``dual Newton and primal Newton find the same projection``
    (rho: string, domain: string, beta: float, init: float, seed: int)
    =
    let parameters = if beta > 0.0 then [ "beta", beta ] else []
    let d = derive rho domain parameters
    let problem = Problem.Generate(6, 24, 3, seed, d.Reparametrization, init, Loss.Square, Link.Identity)
    let dual = BregmanProjection.Solve(problem, d)
    let primal = BregmanProjection.SolvePrimal(problem, d)
    Assert.True(dual.Converged, sprintf "dual Newton: residual %g after %d iterations" dual.Residual dual.Iterations)
    Assert.True(
        primal.Converged,
        sprintf "primal Newton: residual %g after %d iterations" primal.Residual primal.Iterations
    )
    Assert.Equal(ProjectionMethod.DualNewton, dual.Method)
    Assert.Equal(ProjectionMethod.PrimalNewton, primal.Method)
    Assert.StartsWith("primal Newton", primal.Method.Text())
    Assert.InRange(maxAbsDifference dual.X primal.X, 0.0, 1e-9)
    // both report λ with f′(x̂) − f′(x₀) = Aᵀλ
    let scale = dual.Lambda |> Array.map abs |> Array.fold max 1.0
    Assert.InRange(maxAbsDifference dual.Lambda primal.Lambda, 0.0, 1e-7 * scale)
    Assert.InRange(primal.KktResidual, 0.0, 1e-9)
    Assert.InRange(dual.KktResidual, 0.0, 1e-9)

// ---------------------------------------------------------------- the hyperbolic entropy, checked independently

[<Theory>]
[<InlineData(1)>]
[<InlineData(2)>]
[<InlineData(5)>]
let ``x = u^2 - v^2 converges to the hyperbolic-entropy projection`` (seed: int) =
    let alpha = 0.1
    let r = Reparametrization.Parse("w^2", domain = "(0,inf)").Difference(alpha, alpha)
    let d = r.Derive()
    let problem = Problem.Generate(5, 20, 3, seed, r, alpha, Loss.Square, Link.Identity)
    Assert.True(problem.X0 |> Array.forall ((=) 0.0))
    let report = Verification.Verify(problem, d, FlowOptions(), 1e-6)
    assertAgrees report (sprintf "u^2 - v^2, seed %d" seed)
    Assert.True(report.Flow.ConservedDrift.HasValue)
    Assert.InRange(report.Flow.ConservedDrift.Value, 0.0, 1e-6)

    // the mirror map of the hyperbolic entropy: Φ(w) = log(w)/2, so Φ(u) − Φ(α) = z = Φ(α) − Φ(v) gives
    // u = α e^{2z}, v = α e^{−2z}, x = 2α² sinh(4z) and f′(x) = z = asinh(x/(2α²))/4
    let c = 2.0 * alpha * alpha
    let mirror = nonNull d.MirrorMap
    for x in [ -3.0; -0.01; 0.0; 0.4; 2.5 ] do
        Assert.Equal(0.25 * Math.Asinh(x / c), mirror.Evaluate x, 12)

    // KKT of min D_f(x, x₀) s.t. Ax = y, from the formula alone: asinh(x̂/(2α²)) − asinh(x₀/(2α²)) ∈ row space of A
    let a = matrixOf problem
    let dualCoordinates (x: float[]) = Array.map2 (fun xi x0 -> Math.Asinh(xi / c) - Math.Asinh(x0 / c)) x problem.X0
    let prediction = report.Prediction.X
    Assert.InRange(rowSpaceResidual a (dualCoordinates prediction), 0.0, 1e-8)
    Assert.InRange(rowSpaceResidual a (dualCoordinates report.Flow.X), 0.0, 1e-6)
    // and it interpolates
    let y = problem.Model.Y.ToArray()
    let fitted = a * Vector<float>.Build.DenseOfArray prediction
    for k in 0 .. y.Length - 1 do
        Assert.Equal(y[k], fitted[k], 11)
    // the check discriminates: the Euclidean projection's x̂ − x₀ is in the row space, its asinh is not
    let euclidean = (a.Transpose() * (a * a.Transpose()).Solve(Vector<float>.Build.DenseOfArray y)).ToArray()
    Assert.True(rowSpaceResidual a (dualCoordinates euclidean) > 1e-3)
    Assert.True(maxAbsDifference euclidean prediction > 1e-2)

// ---------------------------------------------------------------- a property over random problems

/// A random small problem: M ∈ 1..6, N ∈ M+1..20, a family, its parameter and the initial value.
type FlowCase =
    { Family: string
      Beta: float
      Rows: int
      Columns: int
      Sparsity: int
      Seed: int
      Init: float }

    override c.ToString() =
        sprintf "%s%s, %d×%d, k = %d, seed %d, init %.17g" c.Family
            (if c.Family.StartsWith "beta" then sprintf " (beta = %.17g)" c.Beta else "")
            c.Rows c.Columns c.Sparsity c.Seed c.Init

let private uniform lo hi = Gen.choose (0, 1000000) |> Gen.map (fun k -> lo + (hi - lo) * float k / 1.0e6)

let flowCase : Gen<FlowCase> =
    gen {
        let! family = Gen.elements [ "w^2"; "sinh(w)"; "exp(w)"; "beta*sinh(w/beta)" ]
        let! m = Gen.choose (1, 6)
        let! n = Gen.choose (m + 1, 20)
        let! seed = Gen.choose (0, Int32.MaxValue)
        let! beta = uniform 0.2 2.0
        let! init =
            match family with
            | "w^2" -> uniform 0.05 1.0
            | "exp(w)" -> uniform (-2.0) 0.5
            | _ -> uniform (-1.0) 1.0
        // the image of w^2 on (0, inf) and of exp is (0, inf): a planted x* with zeros sits on its boundary, and
        // A x = y may then have no solution inside the image at all; a full support keeps x* inside
        let! sparsity = if family = "w^2" || family = "exp(w)" then Gen.constant n else Gen.choose (0, min 3 n)
        return { Family = family; Beta = beta; Rows = m; Columns = n; Sparsity = sparsity; Seed = seed; Init = init }
    }

type FlowArbitraries =
    static member FlowCase() : Arbitrary<FlowCase> = Arb.fromGen flowCase

[<Property(Arbitrary = [| typeof<FlowArbitraries> |], MaxTest = 15)>]
let ``the flow converges to the Bregman projection on random problems`` (c: FlowCase) =
    let d =
        match c.Family with
        | "w^2" -> derive "w^2" "(0,inf)" []
        | "beta*sinh(w/beta)" -> (reparametrization c.Family "" [ "beta", c.Beta ]).Derive()
        | family -> derive family "" []
    let problem =
        Problem.Generate(c.Rows, c.Columns, c.Sparsity, c.Seed, d.Reparametrization, c.Init, Loss.Square, Link.Identity)
    let report = Verification.Verify(problem, d, FlowOptions(), 1e-6)
    // dual Newton used to stall a little above its target here once the dual objective's rounding hid its increase
    // (about 1 case in 150 before the fix): the property asks for plain agreement
    report.Agree
    |> Prop.label (
        sprintf "%O: flow %s after %d steps, prediction converged %b (residual %g, %d iterations), max |Δ| %g" c
            (report.Flow.StopReason.Text()) report.Flow.Steps report.Prediction.Converged report.Prediction.Residual
            report.Prediction.Iterations report.MaxAbsDifference)

// ---------------------------------------------------------------- cancellation and progress

let private smallProblem () =
    let d = derive "sinh(w)" "" []
    d, Problem.Generate(5, 20, 3, 1, d.Reparametrization, 0.1, Loss.Square, Link.Identity)

[<Theory>]
[<InlineData(FlowMethod.Auto)>]
[<InlineData(FlowMethod.RungeKutta)>]
[<InlineData(FlowMethod.Rosenbrock)>]
[<InlineData(FlowMethod.Dual)>]
[<InlineData(FlowMethod.GradientDescent)>]
let ``a cancelled token stops the run at once`` (method: FlowMethod) =
    let d, problem = smallProblem ()
    use source = new CancellationTokenSource()
    source.Cancel()
    let options = FlowOptions(Method = method, Cancellation = source.Token)
    let result = GradientFlow.Run(problem, d, options)
    Assert.Equal(StopReason.Cancelled, result.StopReason)
    Assert.False result.Converged
    Assert.Equal(0, result.Steps)
    Assert.InRange(maxAbsDifference problem.X0 result.X, 0.0, 1e-15)
    // through the verification: the prediction is still computed, the flow is not, so they do not agree
    let report = Verification.Verify(problem, d, options, 1e-6)
    Assert.Equal(StopReason.Cancelled, report.Flow.StopReason)
    Assert.False report.Agree
    Assert.True report.Prediction.Converged

/// An IProgress that keeps every report, and can act on each.
let private recorder (onReport: FlowProgress -> unit) =
    let reports = ResizeArray<FlowProgress>()
    let progress =
        { new IProgress<FlowProgress> with
            member _.Report p =
                lock reports (fun () -> reports.Add p)
                onReport p }
    reports, progress

[<Theory>]
[<InlineData(FlowMethod.Auto)>]
[<InlineData(FlowMethod.Rosenbrock)>]
[<InlineData(FlowMethod.Dual)>]
let ``an integrated run reports its final state and is throttled`` (method: FlowMethod) =
    let d, problem = smallProblem ()
    let reports, progress = recorder ignore
    let result = GradientFlow.Run(problem, d, FlowOptions(Method = method, Progress = progress))
    Assert.Equal(StopReason.LossTolerance, result.StopReason)
    Assert.NotEmpty reports
    let last = reports[reports.Count - 1]
    Assert.Equal(result.Time, last.Time)
    Assert.Equal(result.Loss, last.Loss)
    Assert.Equal(result.Steps, last.Steps)
    // about ten a second, plus the final one: never more than that
    Assert.InRange(reports.Count, 1, 2 + int (result.Seconds * 10.0))
    for earlier, later in Seq.pairwise reports do
        Assert.True(later.Steps >= earlier.Steps && later.Time >= earlier.Time)

[<Fact>]
let ``progress arrives during a long run and can cancel it`` () =
    // a loss tolerance of 1e-300 is out of reach and Dormand–Prince's steps stay at its stability boundary; on the
    // stiff benchmark problem (w², α = 1e-4, 60×2000) its 5000 steps before the stall check take seconds, so the first
    // throttled report (after ~100 ms) cancels the run long before it could stop by itself
    let d = derive "w^2" "(0,inf)" []
    let problem = Problem.Generate(60, 2000, 5, 1, d.Reparametrization, 1e-4, Loss.Square, Link.Identity)
    use source = new CancellationTokenSource(TimeSpan.FromSeconds 60.0) // a guard: the test fails rather than hangs
    let reports, progress = recorder (fun _ -> source.Cancel())
    let options =
        FlowOptions(
            Method = FlowMethod.RungeKutta, LossTolerance = 1e-300, MaxSteps = Int32.MaxValue, Progress = progress,
            Cancellation = source.Token
        )
    let result = GradientFlow.Run(problem, d, options)
    Assert.Equal(StopReason.Cancelled, result.StopReason)
    // the throttled one that cancelled, and the final one
    Assert.True(reports.Count >= 2, sprintf "%d reports" reports.Count)
    let first = reports[0]
    Assert.True(first.Steps > 0 && first.Time > 0.0 && Double.IsFinite first.Loss)
    Assert.True(result.Seconds < 30.0, sprintf "the run went on for %g s after its first report" result.Seconds)

[<Fact>]
let ``gradient descent reports progress and can be cancelled from it`` () =
    // a step of 1e-7 needs about 1e8 iterations to converge: far more than the ~100 ms before the first report
    let d, problem = smallProblem ()
    use source = new CancellationTokenSource(TimeSpan.FromSeconds 60.0)
    let reports, progress = recorder (fun _ -> source.Cancel())
    let options =
        FlowOptions(
            Method = FlowMethod.GradientDescent, StepSize = 1e-7, MaxSteps = Int32.MaxValue, Progress = progress,
            Cancellation = source.Token
        )
    let result = GradientFlow.Run(problem, d, options)
    Assert.Equal(StopReason.Cancelled, result.StopReason)
    Assert.NotEmpty reports
    let first = reports[0]
    Assert.True(first.Steps > 0)
    Assert.Equal(float first.Steps, first.Time) // for gradient descent, time counts iterations
    Assert.True(result.Steps >= first.Steps)
    Assert.True(result.Loss > 0.0 && result.Loss < 1e3)
