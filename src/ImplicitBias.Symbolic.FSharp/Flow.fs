namespace ImplicitBias.Symbolic.FSharp

open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp

/// Gradient-flow experiments: problems (generated or given as arrays), flow runs, the Bregman projection the theorem
/// predicts, and verification that the flow lands on it.
[<RequireQualifiedAccess>]
module Flow =

    /// A generated problem: A Gaussian/√M, a k-sparse x* in the image of ρ, y = g(Ax*), w₀ = init everywhere; the same
    /// spec gives the same problem. Raises the core's SymbolicException for bad sizes or an init outside the domain.
    let generate (spec: ProblemSpec) (r: Reparametrization) : Problem =
        let init = spec.Init |> Option.defaultWith (fun () -> Problem.DefaultInit r.Domain)
        Problem.Generate(
            spec.Rows, spec.Columns, spec.Sparsity, spec.Seed, r, init, Convert.loss spec.Loss, Convert.link spec.Link)

    /// A problem given as arrays, validated by the core (shapes, finiteness, the domain of the start, the link's range
    /// of y); errors name the entry ("w0[3] = -0.5 is outside the domain (0, inf) of w").
    let problemOf (data: ProblemData) (r: Reparametrization) : Problem =
        let rows, columns = Array2D.length1 data.A, Array2D.length2 data.A
        let a = Array.init (rows * columns) (fun k -> data.A[k / columns, k % columns])
        let model = LinearModel(a, rows, columns, data.Y, Convert.loss data.Loss, Convert.link data.Link)
        let truth = Option.toObj data.Truth
        match data.Start with
        | Start.W0 w0 -> Problem.Create(model, r, w0 = w0, truth = truth)
        | Start.X0 x0 -> Problem.Create(model, r, x0 = x0, truth = truth)
        | Start.Init init -> Problem.Create(model, r, init = System.Nullable init, truth = truth)
        | Start.UV(u0, v0) -> Problem.Create(model, r, u0 = u0, v0 = v0, truth = truth)

    /// The initial x of a problem (ρ(w₀), or ρ(u₀) − ρ(v₀)).
    let x0 (problem: Problem) : float[] = problem.X0

    /// The planted x* of a generated problem, or the truth given with the data.
    let truth (problem: Problem) : float[] option = Option.ofObj problem.Truth

    /// Runs the flow (or the dual flow, or gradient descent) on a problem.
    let run (options: RunOptions) (problem: Problem) : FlowRun =
        let settings = Convert.flowOptions options
        let result =
            match options.Method with
            | Method.Dual -> GradientFlow.Dual(problem, problem.Reparametrization.Derive(), settings)
            | Method.GradientDescent _ -> GradientFlow.Descend(problem, settings)
            | Method.Auto
            | Method.RungeKutta
            | Method.Rosenbrock -> GradientFlow.Integrate(problem, settings)
        Convert.flowRun result

    /// The theorem's prediction x̂ = argmin {D_f(x, x₀) : Ax = g⁻¹(y)} by damped Newton on the
    /// dual, with a given derivation.
    let projectWith (derivation: Derivation) (problem: Problem) : Projection =
        Convert.projection (BregmanProjection.Solve(problem, derivation))

    /// The theorem's prediction by damped Newton on the dual (derives the problem's reparametrization).
    let project (problem: Problem) : Projection = projectWith (problem.Reparametrization.Derive()) problem

    /// The same projection by infeasible-start Newton in x: an independent cross-check.
    let projectPrimal (problem: Problem) : Projection =
        Convert.projection (BregmanProjection.SolvePrimal(problem, problem.Reparametrization.Derive()))

    /// Runs the flow and the prediction with a given derivation (of the problem's reparametrization) and compares them.
    let verifyWith (derivation: Derivation) (options: VerifyOptions) (problem: Problem) : Verification =
        let report =
            Verification.Verify(
                problem,
                derivation,
                Convert.flowOptions options.Run,
                options.Tolerance,
                Option.toNullable options.GradientDescentStep
            )
        Convert.verification options.Run.Method report

    /// Runs the flow and the prediction and compares them: <c>problem |> Flow.verify VerifyOptions.defaults</c>.
    let verify (options: VerifyOptions) (problem: Problem) : Verification =
        verifyWith (problem.Reparametrization.Derive()) options problem
