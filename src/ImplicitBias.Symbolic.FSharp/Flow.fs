namespace ImplicitBias.Symbolic.FSharp

open System.Text.Json
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp

/// Gradient-flow experiments: problems (generated or given as arrays), flow runs, the Bregman projection the theorem
/// predicts, and verification that the flow lands on it.
[<RequireQualifiedAccess>]
module Flow =

    /// The default initial value: 0.1 when the domain holds it, else a point well inside the domain (as ibias verify).
    let private defaultInit (domain: Interval) =
        if domain.Contains 0.1 then 0.1
        elif System.Double.IsFinite domain.Lo && System.Double.IsFinite domain.Hi then (domain.Lo + domain.Hi) / 2.0
        elif System.Double.IsFinite domain.Lo then domain.Lo + 1.0
        else domain.Hi - 1.0

    /// A generated problem: A Gaussian/√M, a k-sparse x* in the image of ρ, y = g(Ax*), w₀ = init everywhere; the same
    /// spec gives the same problem. Raises the core's SymbolicException for bad sizes or an init outside the domain.
    let generate (spec: ProblemSpec) (r: Reparametrization) : Problem =
        let init = spec.Init |> Option.defaultWith (fun () -> defaultInit r.Domain)
        Problem.Generate(spec.Rows, spec.Columns, spec.Sparsity, spec.Seed, r, init, Convert.loss spec.Loss, Convert.link spec.Link)

    /// A problem given as arrays, validated by the core like a JSON problem (shapes, finiteness, the domain of the
    /// start, the link's range of y); errors name the entry ("row 1 of A has 2 entries, expected 3").
    let problemOf (data: ProblemData) (r: Reparametrization) : Problem =
        use stream = new System.IO.MemoryStream()
        do
            use json = new Utf8JsonWriter(stream)
            // non-finite entries are written as strings, so the core names them as not finite numbers
            let number (v: float) =
                if System.Double.IsFinite v then json.WriteNumberValue v else json.WriteStringValue(string v)
            let vector (name: string) (values: float[]) =
                json.WritePropertyName name
                json.WriteStartArray()
                Array.iter number values
                json.WriteEndArray()
            json.WriteStartObject()
            json.WritePropertyName "A"
            json.WriteStartArray()
            for i in 0 .. Array2D.length1 data.A - 1 do
                json.WriteStartArray()
                for j in 0 .. Array2D.length2 data.A - 1 do
                    number data.A[i, j]
                json.WriteEndArray()
            json.WriteEndArray()
            vector "y" data.Y
            match data.Start with
            | Start.W0 w0 -> vector "w0" w0
            | Start.X0 x0 -> vector "x0" x0
            | Start.Init init ->
                json.WritePropertyName "init"
                number init
            | Start.UV(u0, v0) ->
                vector "u0" u0
                vector "v0" v0
            data.Truth |> Option.iter (vector "truth")
            json.WriteEndObject()
        let text = System.Text.Encoding.UTF8.GetString(stream.ToArray())
        Problem.FromJson(text, r, Convert.loss data.Loss, Convert.link data.Link)

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

    /// The theorem's prediction x̂ = argmin {D_f(x, x₀) : Ax = g⁻¹(y)} by damped Newton on the dual, with a given derivation.
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
                Convert.flowOptions (Convert.runOptions options),
                options.Tolerance,
                Option.toNullable options.GradientDescentStep
            )
        Convert.verification options.Method report

    /// Runs the flow and the prediction and compares them: <c>problem |> Flow.verify VerifyOptions.defaults</c>.
    let verify (options: VerifyOptions) (problem: Problem) : Verification =
        verifyWith (problem.Reparametrization.Derive()) options problem
