namespace ImplicitBias.Symbolic.FSharp

open System
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp

/// The StopReason union and the core's StopReason enum, case for case; the text is the core's (FlowText).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module StopReason =

    /// The union case of a core stop reason.
    let ofCore (reason: ImplicitBias.Symbolic.StopReason) : StopReason =
        match reason with
        | ImplicitBias.Symbolic.StopReason.LossTolerance -> StopReason.LossTolerance
        | ImplicitBias.Symbolic.StopReason.GradientTolerance -> StopReason.GradientTolerance
        | ImplicitBias.Symbolic.StopReason.TimeLimit -> StopReason.TimeLimit
        | ImplicitBias.Symbolic.StopReason.StepLimit -> StopReason.StepLimit
        | ImplicitBias.Symbolic.StopReason.Cancelled -> StopReason.Cancelled
        | ImplicitBias.Symbolic.StopReason.StepTooSmall -> StopReason.StepTooSmall
        | ImplicitBias.Symbolic.StopReason.LeftDomain -> StopReason.LeftDomain
        | ImplicitBias.Symbolic.StopReason.Diverged -> StopReason.Diverged
        | ImplicitBias.Symbolic.StopReason.Overflow -> StopReason.Overflow
        | ImplicitBias.Symbolic.StopReason.Stalled -> StopReason.Stalled
        | ImplicitBias.Symbolic.StopReason.AtRest -> StopReason.AtRest
        | ImplicitBias.Symbolic.StopReason.GradientVanished -> StopReason.GradientVanished

    /// The core's stop reason of a union case (the inverse of ofCore).
    let toCore (reason: StopReason) : ImplicitBias.Symbolic.StopReason =
        match reason with
        | StopReason.LossTolerance -> ImplicitBias.Symbolic.StopReason.LossTolerance
        | StopReason.GradientTolerance -> ImplicitBias.Symbolic.StopReason.GradientTolerance
        | StopReason.TimeLimit -> ImplicitBias.Symbolic.StopReason.TimeLimit
        | StopReason.StepLimit -> ImplicitBias.Symbolic.StopReason.StepLimit
        | StopReason.Cancelled -> ImplicitBias.Symbolic.StopReason.Cancelled
        | StopReason.StepTooSmall -> ImplicitBias.Symbolic.StopReason.StepTooSmall
        | StopReason.LeftDomain -> ImplicitBias.Symbolic.StopReason.LeftDomain
        | StopReason.Diverged -> ImplicitBias.Symbolic.StopReason.Diverged
        | StopReason.Overflow -> ImplicitBias.Symbolic.StopReason.Overflow
        | StopReason.Stalled -> ImplicitBias.Symbolic.StopReason.Stalled
        | StopReason.AtRest -> ImplicitBias.Symbolic.StopReason.AtRest
        | StopReason.GradientVanished -> ImplicitBias.Symbolic.StopReason.GradientVanished

    /// The text reports show ("loss tolerance", "step limit", …), from the core.
    let toString (reason: StopReason) : string = FlowText.Text(toCore reason)

/// The Integrator union and the core's FlowIntegrator enum with the gradient-descent step, case for case.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Integrator =

    /// The union case of a core integrator; step is η of gradient descent (ignored by the other cases).
    let ofCore (integrator: FlowIntegrator) (step: float) : Integrator =
        match integrator with
        | FlowIntegrator.RungeKutta -> Integrator.RungeKutta
        | FlowIntegrator.Rosenbrock -> Integrator.Rosenbrock
        | FlowIntegrator.RungeKuttaThenRosenbrock -> Integrator.RungeKuttaThenRosenbrock
        | FlowIntegrator.Dual -> Integrator.Dual
        | FlowIntegrator.GradientDescent -> Integrator.GradientDescent step

    /// The core's integrator of a union case and its step (None except for gradient descent).
    let toCore (integrator: Integrator) : FlowIntegrator * float option =
        match integrator with
        | Integrator.RungeKutta -> FlowIntegrator.RungeKutta, None
        | Integrator.Rosenbrock -> FlowIntegrator.Rosenbrock, None
        | Integrator.RungeKuttaThenRosenbrock -> FlowIntegrator.RungeKuttaThenRosenbrock, None
        | Integrator.Dual -> FlowIntegrator.Dual, None
        | Integrator.GradientDescent step -> FlowIntegrator.GradientDescent, Some step

    /// The description reports show ("rosenbrock (ROS3)", "gradient descent (η = 0.05)", …), from the core.
    let toString (integrator: Integrator) : string =
        let core, step = toCore integrator
        FlowText.Text(core, Option.toNullable step)

/// The ProjectionMethod union and the core's ProjectionMethod enum, case for case.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module ProjectionMethod =

    /// The union case of a core projection method.
    let ofCore (method: ImplicitBias.Symbolic.ProjectionMethod) : ProjectionMethod =
        match method with
        | ImplicitBias.Symbolic.ProjectionMethod.DualNewton -> ProjectionMethod.DualNewton
        | ImplicitBias.Symbolic.ProjectionMethod.PrimalNewton -> ProjectionMethod.PrimalNewton
        | ImplicitBias.Symbolic.ProjectionMethod.LeastSquares -> ProjectionMethod.LeastSquares

    /// The core's projection method of a union case (the inverse of ofCore).
    let toCore (method: ProjectionMethod) : ImplicitBias.Symbolic.ProjectionMethod =
        match method with
        | ProjectionMethod.DualNewton -> ImplicitBias.Symbolic.ProjectionMethod.DualNewton
        | ProjectionMethod.PrimalNewton -> ImplicitBias.Symbolic.ProjectionMethod.PrimalNewton
        | ProjectionMethod.LeastSquares -> ImplicitBias.Symbolic.ProjectionMethod.LeastSquares

    /// "dual Newton" or "primal Newton (infeasible start)", from the core.
    let toString (method: ProjectionMethod) : string = FlowText.Text(toCore method)

/// The Certificate union and the core's certificates: Symbolic for CertificateKind.Symbolic, AtPoints for Numeric.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Certificate =

    /// The union case of a core certificate.
    let ofCore (c: ImplicitBias.Symbolic.Algebra.Calculus.Certificate) : Certificate =
        match c.Kind with
        | ImplicitBias.Symbolic.Algebra.Calculus.CertificateKind.Symbolic -> Certificate.Symbolic
        | ImplicitBias.Symbolic.Algebra.Calculus.CertificateKind.Numeric ->
            Certificate.AtPoints(c.Points, c.MaxRelativeError)

    /// The core's kind of a union case.
    let kind (c: Certificate) : ImplicitBias.Symbolic.Algebra.Calculus.CertificateKind =
        match c with
        | Certificate.Symbolic -> ImplicitBias.Symbolic.Algebra.Calculus.CertificateKind.Symbolic
        | Certificate.AtPoints _ -> ImplicitBias.Symbolic.Algebra.Calculus.CertificateKind.Numeric

/// The IntegrationRule union and the core's IntegrationRule enum, case for case; the text is the core's
/// (IntegrationRuleText).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module IntegrationRule =

    type private Core = ImplicitBias.Symbolic.Algebra.Calculus.IntegrationRule

    /// The union case of a core integration rule.
    let ofCore (rule: ImplicitBias.Symbolic.Algebra.Calculus.IntegrationRule) : IntegrationRule =
        match rule with
        | Core.Constant -> IntegrationRule.Constant
        | Core.Linearity -> IntegrationRule.Linearity
        | Core.Table -> IntegrationRule.Table
        | Core.PowerSubstitution -> IntegrationRule.PowerSubstitution
        | Core.Polynomial -> IntegrationRule.Polynomial
        | Core.PartialFractions -> IntegrationRule.PartialFractions
        | Core.TrigonometricPowers -> IntegrationRule.TrigonometricPowers
        | Core.HyperbolicPowers -> IntegrationRule.HyperbolicPowers
        | Core.ProductOfFunctions -> IntegrationRule.ProductOfFunctions
        | Core.SquareRootOfQuadratic -> IntegrationRule.SquareRootOfQuadratic
        | Core.Dilogarithm -> IntegrationRule.Dilogarithm
        | Core.ErrorFunction -> IntegrationRule.ErrorFunction
        | Core.ExponentialSubstitution -> IntegrationRule.ExponentialSubstitution
        | Core.EulerSubstitution -> IntegrationRule.EulerSubstitution
        | Core.IntegrationByParts -> IntegrationRule.IntegrationByParts
        | Core.Substitution -> IntegrationRule.Substitution
        | Core.TangentSubstitution -> IntegrationRule.TangentSubstitution
        | Core.HalfAngleSubstitution -> IntegrationRule.HalfAngleSubstitution
        | Core.HyperbolicHalfAngleSubstitution -> IntegrationRule.HyperbolicHalfAngleSubstitution
        | Core.Expansion -> IntegrationRule.Expansion

    /// The core's integration rule of a union case (the inverse of ofCore).
    let toCore (rule: IntegrationRule) : ImplicitBias.Symbolic.Algebra.Calculus.IntegrationRule =
        match rule with
        | IntegrationRule.Constant -> Core.Constant
        | IntegrationRule.Linearity -> Core.Linearity
        | IntegrationRule.Table -> Core.Table
        | IntegrationRule.PowerSubstitution -> Core.PowerSubstitution
        | IntegrationRule.Polynomial -> Core.Polynomial
        | IntegrationRule.PartialFractions -> Core.PartialFractions
        | IntegrationRule.TrigonometricPowers -> Core.TrigonometricPowers
        | IntegrationRule.HyperbolicPowers -> Core.HyperbolicPowers
        | IntegrationRule.ProductOfFunctions -> Core.ProductOfFunctions
        | IntegrationRule.SquareRootOfQuadratic -> Core.SquareRootOfQuadratic
        | IntegrationRule.Dilogarithm -> Core.Dilogarithm
        | IntegrationRule.ErrorFunction -> Core.ErrorFunction
        | IntegrationRule.ExponentialSubstitution -> Core.ExponentialSubstitution
        | IntegrationRule.EulerSubstitution -> Core.EulerSubstitution
        | IntegrationRule.IntegrationByParts -> Core.IntegrationByParts
        | IntegrationRule.Substitution -> Core.Substitution
        | IntegrationRule.TangentSubstitution -> Core.TangentSubstitution
        | IntegrationRule.HalfAngleSubstitution -> Core.HalfAngleSubstitution
        | IntegrationRule.HyperbolicHalfAngleSubstitution -> Core.HyperbolicHalfAngleSubstitution
        | IntegrationRule.Expansion -> Core.Expansion

    /// The text reports show ("table", "integration by parts", …), from the core.
    let toString (rule: IntegrationRule) : string =
        ImplicitBias.Symbolic.Algebra.Calculus.IntegrationRuleText.Text(toCore rule)

/// The one place where the core's classes become the F# records and unions of Types.fs (and back).
module internal Convert =

    let parseError (e: ParseException) : ParseError =
        { Input = e.Input; Column = e.Column; Problem = e.Problem }

    let form (f: ImplicitBias.Symbolic.Form) : Form =
        match f with
        | ImplicitBias.Symbolic.Form.Explicit -> Form.Explicit
        | ImplicitBias.Symbolic.Form.Parametric -> Form.Parametric
        | ImplicitBias.Symbolic.Form.Numeric -> Form.Numeric

    let condition (c: ImplicitBias.Symbolic.Condition) : Condition =
        { Name = c.Name
          Status =
            match c.Status with
            | ImplicitBias.Symbolic.ConditionStatus.Holds -> Holds
            | ImplicitBias.Symbolic.ConditionStatus.Fails -> Fails
            | ImplicitBias.Symbolic.ConditionStatus.Unknown -> Unknown
          Reason = c.Reason }

    let conditions (cs: Collections.Generic.IReadOnlyList<ImplicitBias.Symbolic.Condition>) : Condition list =
        cs |> Seq.map condition |> List.ofSeq

    let certificate (c: ImplicitBias.Symbolic.Algebra.Calculus.Certificate | null) : Certificate =
        match c with
        | null -> Certificate.AtPoints(0, nan)
        | c -> Certificate.ofCore c

    let rec integrationStep (s: ImplicitBias.Symbolic.Algebra.Calculus.IntegrationStep) : IntegrationStep =
        { Rule = IntegrationRule.ofCore s.Rule
          Variable = s.Variable
          Integrand = s.Integrand
          Result = s.Result
          Substeps = s.Substeps |> Seq.map integrationStep |> List.ofSeq }

    let antiderivative (a: ImplicitBias.Symbolic.Antiderivative) : Antiderivative =
        match a.Expression, a.Steps with
        | e, steps when not (isNull e || isNull steps) ->
            Antiderivative.Closed(nonNull e, a.Method, certificate a.Certificate, integrationStep (nonNull steps))
        | _ ->
            Antiderivative.Numeric(
                (fun x ->
                    let struct (value, error) = a.EvaluateWithError x
                    value, error),
                a.BasePoint
            )

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
          StopReason = StopReason.ofCore r.StopReason
          Converged = r.Converged
          Integrator = Integrator.ofCore r.Integrator (r.StepSize.GetValueOrDefault nan)
          Seconds = r.Seconds
          ConservedDrift = Option.ofNullable r.ConservedDrift
          Trajectory =
            r.Trajectory
            |> Seq.map (fun (struct (time, x, loss)) -> { Time = time; X = x; Loss = loss })
            |> List.ofSeq }

    let projection (p: ProjectionResult) : Projection =
        { Method = ProjectionMethod.ofCore p.Method
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
          Interpolating = r.Interpolating
          MaxAbsDifference = r.MaxAbsDifference
          MaxRelativeDifference = r.MaxRelativeDifference
          FlowLimit = r.Flow.X
          Prediction = r.Prediction.X
          Method = m
          StopReason = StopReason.ofCore r.Flow.StopReason
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
