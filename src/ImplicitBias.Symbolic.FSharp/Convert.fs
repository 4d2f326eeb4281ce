namespace ImplicitBias.Symbolic.FSharp

open System
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp

/// Conversions between the core's stop-reason strings (FlowResult.StopReason) and the StopReason union.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module StopReason =

    /// The union case of a core stop reason ("loss tolerance", "step limit", …); unknown text gives Other.
    let ofString (text: string) : StopReason =
        match text with
        | "loss tolerance" -> StopReason.LossTolerance
        | "gradient tolerance" -> StopReason.GradientTolerance
        | "time limit" -> StopReason.TimeLimit
        | "step limit" -> StopReason.StepLimit
        | "cancelled" -> StopReason.Cancelled
        | "step too small" -> StopReason.StepTooSmall
        | "left the domain" -> StopReason.LeftDomain
        | "diverged" -> StopReason.Diverged
        | "overflow" -> StopReason.Overflow
        | "stalled" -> StopReason.Stalled
        | "at rest" -> StopReason.AtRest
        | other -> StopReason.Other other

    /// The core's text for a stop reason (the inverse of ofString).
    let toString (reason: StopReason) : string =
        match reason with
        | StopReason.LossTolerance -> "loss tolerance"
        | StopReason.GradientTolerance -> "gradient tolerance"
        | StopReason.TimeLimit -> "time limit"
        | StopReason.StepLimit -> "step limit"
        | StopReason.Cancelled -> "cancelled"
        | StopReason.StepTooSmall -> "step too small"
        | StopReason.LeftDomain -> "left the domain"
        | StopReason.Diverged -> "diverged"
        | StopReason.Overflow -> "overflow"
        | StopReason.Stalled -> "stalled"
        | StopReason.AtRest -> "at rest"
        | StopReason.Other text -> text

/// The one place where the core's classes become the F# records and unions of Types.fs (and back).
module internal Convert =

    let parseError (e: ParseException) : ParseError =
        { Input = e.Input; Column = e.Column; Problem = e.Problem }

    let form (f: ImplicitBias.Symbolic.Form) : Form =
        match f with
        | ImplicitBias.Symbolic.Form.Explicit -> Form.Explicit
        | ImplicitBias.Symbolic.Form.Parametric -> Form.Parametric
        | _ -> Form.Numeric

    let condition (c: ImplicitBias.Symbolic.Condition) : Condition =
        { Name = c.Name
          Status =
            match c.Status with
            | ImplicitBias.Symbolic.ConditionStatus.Holds -> Holds
            | ImplicitBias.Symbolic.ConditionStatus.Fails -> Fails
            | _ -> Unknown
          Reason = c.Reason }

    let conditions (cs: Collections.Generic.IReadOnlyList<ImplicitBias.Symbolic.Condition>) : Condition list =
        cs |> Seq.map condition |> List.ofSeq

    let certificate (c: ImplicitBias.Symbolic.Algebra.Calculus.Certificate | null) : Certificate =
        match c with
        | null -> Certificate.AtPoints(0, nan)
        | c when c.Method = "symbolic" -> Certificate.Symbolic
        | c -> Certificate.AtPoints(c.Points, c.MaxRelativeError)

    let antiderivative (a: ImplicitBias.Symbolic.Antiderivative) : Antiderivative =
        match a.Expression with
        | null ->
            Antiderivative.Numeric(
                (fun x ->
                    let struct (value, error) = a.EvaluateWithError x
                    value, error),
                a.BasePoint
            )
        | e -> Antiderivative.Closed(e, a.Method, certificate a.Certificate)

    let inverse (i: ImplicitBias.Symbolic.Inverse) : Inverse =
        { Function = i.Function
          Variable = i.Variable
          ValueName = i.ForSymbol
          Domain = i.Domain
          Image = i.Image
          Expression = Option.ofObj i.Expression
          Branch = i.Branch
          Increasing = i.Increasing
          MonotonicityProven = i.MonotonicityProven
          Evaluate = fun x -> i.Evaluate x }

    let chainObject (kind: Chain) (c: ChainFunction | null) : ChainObject option =
        match c with
        | null -> None
        | c ->
            Some
                { Kind = kind
                  Name = c.Name
                  Notation = c.Notation
                  Argument = c.Argument
                  Form = form c.Form
                  Expression = Option.ofObj c.Expression
                  OfW = Option.ofObj c.OfW
                  Parametrization = Option.ofObj c.Parametrization
                  Evaluate = fun x -> c.Evaluate x }

    /// The chain function of a derivation for one kind of object.
    let chainFunction (kind: Chain) (d: Derivation) : ChainFunction | null =
        match kind with
        | Chain.DualCoordinate -> d.DualCoordinate
        | Chain.DualInverse -> d.DualInverse
        | Chain.MirrorMap -> d.MirrorMap
        | Chain.InverseMirrorMap -> d.InverseMirrorMap
        | Chain.Metric -> d.Metric
        | Chain.Potential -> d.Potential
        | Chain.Conjugate -> d.Conjugate

    let derived (d: Derivation) : Derived =
        let chain kind = chainObject kind (chainFunction kind d)
        { Reparametrization = d.Reparametrization
          Derivative = d.Derivative
          Image = d.Image
          DualRange = d.DualRange
          Form = form d.Form
          Conditions = conditions d.Conditions
          DualCoordinate = chain Chain.DualCoordinate
          DualInverse = chain Chain.DualInverse
          MirrorMap = chain Chain.MirrorMap
          InverseMirrorMap = chain Chain.InverseMirrorMap
          Metric = chain Chain.Metric
          Potential = chain Chain.Potential
          Conjugate = chain Chain.Conjugate
          PotentialOfW = Option.ofObj d.PotentialOfW
          Elapsed = d.Elapsed }

    let design (r: DesignResult) : Design =
        { Potential = r.Potential
          Variable = r.Variable
          Domain = r.Domain
          Metric = r.Metric
          InverseReparametrization = Option.ofObj r.InverseReparametrization
          Reparametrization = Option.ofObj r.Reparametrization
          ReparametrizationVariable = r.ReparametrizationVariable
          ReparametrizationDomain = r.ReparametrizationDomain
          Form = form r.Form
          Verified = r.Verified
          Verification = r.Verification
          Check = Option.ofObj r.Check }

    /// The only symbol of a formula, or the fallback name (the core then reports a formula with other symbols).
    let private soleSymbol (fallback: string) (e: Expr) =
        match List.ofSeq (e.FreeSymbols()) with
        | [ name ] -> name
        | _ -> fallback

    let loss (l: Loss) : ImplicitBias.Symbolic.Loss =
        match l with
        | Loss.Square -> ImplicitBias.Symbolic.Loss.Square
        | Loss.Huber delta -> ImplicitBias.Symbolic.Loss.Huber delta
        | Loss.Power q -> ImplicitBias.Symbolic.Loss.Power q
        | Loss.LogCosh -> ImplicitBias.Symbolic.Loss.LogCosh
        | Loss.Formula e -> ImplicitBias.Symbolic.Loss.FromFormula(e, soleSymbol "r" e)

    let link (l: Link) : ImplicitBias.Symbolic.Link =
        match l with
        | Link.Identity -> ImplicitBias.Symbolic.Link.Identity
        | Link.Sigmoid -> ImplicitBias.Symbolic.Link.Sigmoid
        | Link.Tanh -> ImplicitBias.Symbolic.Link.Tanh
        | Link.Exp -> ImplicitBias.Symbolic.Link.Exp
        | Link.Softplus -> ImplicitBias.Symbolic.Link.Softplus
        | Link.Formula e -> ImplicitBias.Symbolic.Link.FromFormula(e, soleSymbol "z" e)

    let private progress (report: (FlowProgress -> unit) option) : IProgress<FlowProgress> | null =
        match report with
        | None -> null
        | Some f -> { new IProgress<FlowProgress> with member _.Report p = f p }

    /// The core's FlowMethod and gradient-descent step for a Method.
    let private method (m: Method) =
        match m with
        | Method.Auto -> FlowMethod.Auto, None
        | Method.RungeKutta -> FlowMethod.RungeKutta, None
        | Method.Rosenbrock -> FlowMethod.Rosenbrock, None
        | Method.Dual -> FlowMethod.Dual, None
        | Method.GradientDescent step -> FlowMethod.GradientDescent, Some step

    let flowOptions (o: RunOptions) : FlowOptions =
        let m, step = method o.Method
        FlowOptions(
            Method = m,
            LossTolerance = o.LossTolerance,
            GradientTolerance = defaultArg o.GradientTolerance 0.0,
            MaxTime = defaultArg o.MaxTime Double.PositiveInfinity,
            MaxSteps = o.MaxSteps,
            RelativeTolerance = o.RelativeTolerance,
            AbsoluteToleranceFactor = o.AbsoluteToleranceFactor,
            StepSize = defaultArg step (FlowOptions().StepSize),
            TrajectorySamples = o.TrajectorySamples,
            Progress = progress o.Progress,
            Cancellation = o.Cancellation
        )

    let flowRun (r: FlowResult) : FlowRun =
        { X = r.X
          State = r.State
          Time = r.Time
          Loss = r.Loss
          GradientNorm = r.GradientNorm
          Steps = r.Steps
          Rejected = r.Rejected
          Evaluations = r.Evaluations
          StopReason = StopReason.ofString r.StopReason
          Converged = r.Converged
          Integrator = r.Method
          Seconds = r.Seconds
          ConservedDrift = Option.ofNullable r.ConservedDrift
          Trajectory =
            r.Trajectory
            |> Seq.map (fun (struct (time, x, loss)) -> { Time = time; X = x; Loss = loss })
            |> List.ofSeq }

    let projection (p: ProjectionResult) : Projection =
        { Method =
            if p.Method.StartsWith("primal", StringComparison.Ordinal) then
                ProjectionMethod.PrimalNewton
            else
                ProjectionMethod.DualNewton
          X = p.X
          Lambda = p.Lambda
          Iterations = p.Iterations
          Residual = p.Residual
          KktResidual = p.KktResidual
          Converged = p.Converged
          Seconds = p.Seconds }

    let verification (m: Method) (r: VerificationReport) : Verification =
        { Agree = r.Agree
          LimitMatchesPrediction = r.LimitMatchesPrediction
          MaxAbsDifference = r.MaxAbsDifference
          MaxRelativeDifference = r.MaxRelativeDifference
          FlowLimit = r.Flow.X
          Prediction = r.Prediction.X
          Method = m
          StopReason = StopReason.ofString r.Flow.StopReason
          Steps = r.Flow.Steps
          FinalLoss = r.Flow.Loss
          KktResidual = if Double.IsNaN r.KktResidual then None else Some r.KktResidual
          Tolerance = r.Tolerance
          Flow = flowRun r.Flow
          Projection = projection r.Prediction
          PrimalCheck = r.PrimalCheck |> Option.ofObj |> Option.map projection
          PrimalCheckDifference = Option.ofNullable r.PrimalCheckDifference
          GradientDescent =
            match r.GradientDescent with
            | null -> None
            | descent ->
                Some
                    { Step = r.GradientDescentStep.GetValueOrDefault nan
                      Run = flowRun descent
                      Distance = r.GradientDescentDistance.GetValueOrDefault nan }
          Conditions = conditions r.Conditions
          FailedConditions = conditions r.FailedConditions }
