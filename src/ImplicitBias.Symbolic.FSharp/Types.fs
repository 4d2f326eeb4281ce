namespace ImplicitBias.Symbolic.FSharp

open System
open System.Threading
open ImplicitBias.Symbolic

// F# views of the core's results: unions and records, options instead of nulls. Opening
// ImplicitBias.Symbolic.FSharp after ImplicitBias.Symbolic makes these names (Form, ConditionStatus, Condition,
// Antiderivative, IntegrationRule, IntegrationStep, Inverse, Certificate, Loss, Link, StopReason, ProjectionMethod,
// Verification) refer to the F# types;
// the core ones stay reachable with their full names (ImplicitBias.Symbolic.Loss, …). Every union that mirrors a core
// enum has one case per member, converted by an exhaustive match in Convert.fs (FS0104 is off, so a new member is an
// FS0025 error there).

/// A parse error: the text, the 1-based column where parsing stopped, and what was wrong there.
type ParseError =
    {
        /// The text being parsed.
        Input: string
        /// 1-based column of the offending character (Input.Length + 1 for the end).
        Column: int
        /// What was wrong or expected, without the position.
        Problem: string
    }

/// The structure of an expression's root node (see Expr.node); the children are themselves expressions.
[<RequireQualifiedAccess>]
type Node =
    /// An exact rational number.
    | Number of Rational
    /// A floating-point number (printed with a d suffix, e.g. 1.5d).
    | Real of float
    /// A named symbol with its assumed domain.
    | Symbol of name: string * domain: Interval
    /// The constant π.
    | Pi
    /// A canonical sum of at least two terms.
    | Sum of terms: Expr list
    /// A canonical product of at least two factors.
    | Product of factors: Expr list
    /// base^exponent (square roots are the power 1/2).
    | Power of powerBase: Expr * exponent: Expr
    /// An elementary function applied to an argument.
    | Call of func: Function * argument: Expr

/// How a closed form was certified.
[<RequireQualifiedAccess>]
type Certificate =
    /// Differentiated back and simplified to the integrand exactly.
    | Symbolic
    /// Compared with the integrand at sample points of the domain (and sampled parameter values).
    | AtPoints of points: int * maxRelativeError: float

/// The rule of one integration step, one case per member of the core's IntegrationRule (IntegrationRule.toString
/// gives its text).
[<RequireQualifiedAccess>]
type IntegrationRule =
    /// ∫ c dx = c·x for an integrand free of x.
    | Constant
    /// ∫ (f + g) = ∫ f + ∫ g, term by term.
    | Linearity
    /// A table entry (powers, exponentials, every function), with a linear substitution.
    | Table
    /// u = x^k, which divides the degree of an algebraic integrand by k.
    | PowerSubstitution
    /// A polynomial in x.
    | Polynomial
    /// A rational function in x, by Hermite reduction and partial fractions.
    | PartialFractions
    /// Products of powers of sin, cos and tan of one linear argument.
    | TrigonometricPowers
    /// Products of powers of sinh, cosh and tanh of one linear argument.
    | HyperbolicPowers
    /// Two functions of different linear arguments: product to sum, and exp times sin, cos, sinh, cosh.
    | ProductOfFunctions
    /// A polynomial times an odd power of √(quadratic), by a reduction formula.
    | SquareRootOfQuadratic
    /// ∫ log(α + βx)/x, a dilogarithm.
    | Dilogarithm
    /// ∫ exp(a x² + b x + c) with a < 0, an error function.
    | ErrorFunction
    /// t = exp(c x) for rational functions of exponentials and hyperbolic functions.
    | ExponentialSubstitution
    /// An Euler substitution for rational functions of x and √(quadratic).
    | EulerSubstitution
    /// ∫ u dv = u v − ∫ v du.
    | IntegrationByParts
    /// Derivative-divides: t = u(x) for a kernel u of the integrand.
    | Substitution
    /// t = tan u for a rational function of sin u and cos u that f(u + π) = f(u) allows.
    | TangentSubstitution
    /// t = tan(u/2) for a rational function of sin u, cos u and tan u.
    | HalfAngleSubstitution
    /// t = tanh(u/2) for a rational function of sinh u, cosh u and tanh u.
    | HyperbolicHalfAngleSubstitution
    /// The integrand multiplied out, then integrated term by term.
    | Expansion

/// One step of the derivation of a closed form: Rule found ∫ Integrand dVariable = Result from the integrals of its
/// Substeps (only the branch that succeeded; a substitution's substep is in its new variable).
type IntegrationStep =
    {
        /// The rule applied.
        Rule: IntegrationRule
        /// The integration variable of this step.
        Variable: string
        /// The function integrated.
        Integrand: Expr
        /// Its antiderivative, as the rule built it (before simplification).
        Result: Expr
        /// The integrals the rule used, in the order it used them.
        Substeps: IntegrationStep list
    }

/// An antiderivative F with F′ = integrand on the variable's domain (see Expr.integrate).
[<NoEquality; NoComparison>]
type Antiderivative =
    /// A certified closed form, the integration method used ("table", "partial fractions", …), its certificate and the
    /// tree of rule steps that found it.
    | Closed of expression: Expr * method: string * certificate: Certificate * steps: IntegrationStep
    /// No closed form: adaptive quadrature from basePoint (where F = 0); evaluate x gives (F(x), error estimate).
    | Numeric of evaluate: (float -> float * float) * basePoint: float

/// The inverse w = g(x) of a strictly monotone x = e(w) on w's domain (see Expr.solve).
[<NoEquality; NoComparison>]
type Inverse =
    {
        /// The function inverted, e(w).
        Function: Expr
        /// Its variable w.
        Variable: string
        /// The name of the value x = e(w).
        ValueName: string
        /// The domain of w.
        Domain: Interval
        /// An interval holding every value e takes on the domain.
        Image: Interval
        /// w as an expression in x; None when only a numeric inverse exists.
        Expression: Expr option
        /// Which branch was taken ("principal asin", "quadratic root with +√", …, or the numeric method).
        Branch: string
        /// True when e increases on the domain.
        Increasing: bool
        /// True when monotonicity was proven from the derivative's range (else established by dense sampling).
        MonotonicityProven: bool
        /// w for a given x (closed form or safeguarded Newton; NaN outside the image).
        /// Raises when parameters are unbound.
        Evaluate: float -> float
    }

/// Why an expression could not be inverted.
type SolveError =
    /// The function is not strictly monotone on the domain: the message says why, with
    /// where its derivative changes sign.
    | NotMonotone of message: string * signChanges: float list

/// How an object of the derivation chain (or a designed reparametrization) is known.
[<RequireQualifiedAccess>]
type Form =
    /// A certified closed form in its own argument (x or z).
    | Explicit
    /// An exact formula in w, evaluated at x through one monotone scalar solve w = ρ⁻¹(x).
    | Parametric
    /// Quadrature (and root finding), with error estimates.
    | Numeric

/// Whether a condition of the implicit-bias theorem holds.
type ConditionStatus =
    /// Proven (symbolically, or by exact evaluation).
    | Holds
    /// Disproven; the reason gives the counterexample.
    | Fails
    /// Could not be decided; the reason says what sampling showed.
    | Unknown

/// One condition of the theorem (strict monotonicity, image, coercivity at each end, Legendre type, …).
type Condition =
    {
        /// The condition's name, e.g. "strict monotonicity".
        Name: string
        /// Its verdict.
        Status: ConditionStatus
        /// Why: the proof, the counterexample, or the numeric evidence.
        Reason: string
    }

/// The objects of the derivation chain.
[<RequireQualifiedAccess>]
type Chain =
    /// Φ(w) = ∫ dw/ρ′(w).
    | DualCoordinate
    /// Φ⁻¹(z).
    | DualInverse
    /// The mirror map f′(x) = Φ(ρ⁻¹(x)).
    | MirrorMap
    /// The inverse mirror map ψ(z) = ρ(Φ⁻¹(z)).
    | InverseMirrorMap
    /// The metric f″(x) = 1/ρ′(ρ⁻¹(x))².
    | Metric
    /// The potential f(x), up to an affine function.
    | Potential
    /// The convex conjugate f*(z).
    | Conjugate

/// One function of the derivation chain, with its closed form where there is one and an evaluator that works at any
/// point of its interval.
[<NoEquality; NoComparison>]
type ChainObject =
    {
        /// Which object of the chain.
        Kind: Chain
        /// The JSON name: dualCoordinate, mirrorMap, …
        Name: string
        /// Mathematical notation, e.g. "f′(x)".
        Notation: string
        /// The argument of the explicit form: "w", "x" or "z".
        Argument: string
        /// How the function is known.
        Form: Form
        /// The closed form in Argument (Some exactly when Form is Explicit).
        Expression: Expr option
        /// The exact formula in w, when there is one.
        OfW: Expr option
        /// Where OfW is evaluated: "w = ρ⁻¹(x)", "w = Φ⁻¹(z)" or "z = f′(x)".
        Parametrization: string option
        /// Evaluates the function (compiled on first use; thread-safe).
        Evaluate: float -> float
    }

/// The whole derivation chain of a reparametrization as an F# record (see Bias.derived).
[<NoEquality; NoComparison>]
type Derived =
    {
        /// What was derived.
        Reparametrization: Reparametrization
        /// ρ′(w).
        Derivative: Expr
        /// The interval ρ maps its domain onto (the values x takes).
        Image: Interval
        /// The interval of dual coordinates z (the domain of ψ).
        DualRange: Interval
        /// How the potential is known (Numeric also when the chain could not be derived).
        Form: Form
        /// Monotonicity, image, coercivity at each end and Legendre type.
        Conditions: Condition list
        /// Φ(w).
        DualCoordinate: ChainObject option
        /// Φ⁻¹(z).
        DualInverse: ChainObject option
        /// f′(x).
        MirrorMap: ChainObject option
        /// ψ(z) = (f′)⁻¹(z).
        InverseMirrorMap: ChainObject option
        /// f″(x).
        Metric: ChainObject option
        /// f(x).
        Potential: ChainObject option
        /// f*(z).
        Conjugate: ChainObject option
        /// The parametric potential f(ρ(w)) = ρΦ − ∫ρ/ρ′ dw.
        PotentialOfW: Expr option
        /// Wall time of the derivation.
        Elapsed: TimeSpan
    }

/// A reparametrization designed for a wanted potential (see Bias.design).
type Design =
    {
        /// The wanted potential f(x).
        Potential: Expr
        /// Its variable.
        Variable: string
        /// The interval f lives on (the image of ρ).
        Domain: Interval
        /// f″(x).
        Metric: Expr
        /// ρ⁻¹(x) = ∫ √f″ dx in closed form.
        InverseReparametrization: Expr option
        /// ρ(w) in closed form.
        Reparametrization: Expr option
        /// The variable of ρ.
        ReparametrizationVariable: string
        /// The domain of ρ (the image of ρ⁻¹).
        ReparametrizationDomain: Interval
        /// Explicit (ρ closed), Parametric (only ρ⁻¹ closed) or Numeric.
        Form: Form
        /// True when deriving ρ back reproduces f″ at sample points.
        Verified: bool
        /// What the verification compared.
        Verification: string
        /// The derivation of ρ used for the check (None when ρ has no closed form).
        Check: Derivation option
    }

/// An entry of the built-in catalog of reparametrizations (see Reparam.catalog).
type CatalogItem =
    {
        /// Short name, e.g. "beta_sinh".
        Name: string
        /// ρ as text.
        Rho: string
        /// The implicit bias it is known for.
        Bias: string
        /// The reparametrization with its domain and parameter values.
        Reparametrization: Reparametrization
    }

/// How to run the gradient flow.
[<RequireQualifiedAccess>]
type Method =
    /// Dormand–Prince 5(4), switching to the Rosenbrock method ROS3 once stiffness is detected.
    | Auto
    /// Dormand–Prince 5(4) only.
    | RungeKutta
    /// The Rosenbrock method ROS3 from the start.
    | Rosenbrock
    /// The reduced dual flow in s ∈ ℝ^M (fast, but it assumes the invariant the theorem is about).
    | Dual
    /// Gradient descent with a fixed step η (its limit is O(η) away from the flow's).
    | GradientDescent of step: float

/// The loss ℓ of the linear model Σ ℓ(g(⟨aₘ, x⟩) − yₘ).
[<RequireQualifiedAccess>]
type Loss =
    /// r²/2.
    | Square
    /// Huber with threshold δ.
    | Huber of delta: float
    /// |r|^q/q, q > 1.
    | Power of q: float
    /// log cosh r.
    | LogCosh
    /// A formula in one symbol (checked: ℓ ≥ 0, ℓ(0) = 0, sign ℓ′(r) = sign r).
    | Formula of Expr

/// The link g of the linear model (strictly increasing).
[<RequireQualifiedAccess>]
type Link =
    /// g(z) = z.
    | Identity
    /// g(z) = 1/(1 + exp(−z)).
    | Sigmoid
    /// g(z) = tanh z.
    | Tanh
    /// g(z) = exp z.
    | Exp
    /// g(z) = log(1 + exp z).
    | Softplus
    /// A formula in one symbol (checked to be strictly increasing on the real line).
    | Formula of Expr

/// Why a flow run stopped.
[<RequireQualifiedAccess>]
type StopReason =
    /// The loss reached the loss tolerance (converged).
    | LossTolerance
    /// ‖Aᵀr‖ reached the gradient tolerance (converged).
    | GradientTolerance
    /// The time limit.
    | TimeLimit
    /// The step limit (iterations for gradient descent).
    | StepLimit
    /// The cancellation token fired.
    | Cancelled
    /// The adaptive step became too small.
    | StepTooSmall
    /// The state left the domain of ρ.
    | LeftDomain
    /// Gradient descent diverged: its loss is no longer finite.
    | Diverged
    /// The loss or the gradient overflowed (huge data or a state far out).
    | Overflow
    /// Explicit Runge–Kutta pinned at its stability boundary once the flow turned stiff.
    | Stalled
    /// No step moves the state any more: a fixed point of the flow in floating point (counted as converged).
    | AtRest
    /// ‖Aᵀr‖ vanished relative to ‖A‖_F‖r‖ while the loss stayed above its tolerance: a stationary point that does not
    /// interpolate, as for an inconsistent A x = g⁻¹(y) (not converged).
    | GradientVanished

/// The integrator(s) a flow run used (Method is what was asked for).
[<RequireQualifiedAccess>]
type Integrator =
    /// Dormand–Prince 5(4) throughout.
    | RungeKutta
    /// The Rosenbrock method ROS3 throughout.
    | Rosenbrock
    /// Dormand–Prince 5(4), then ROS3 once stiffness was detected.
    | RungeKuttaThenRosenbrock
    /// The reduced dual flow in s ∈ ℝ^M, by ROS3.
    | Dual
    /// Gradient descent with a fixed step η.
    | GradientDescent of step: float

/// The initial point of a problem given as arrays (see Flow.problemOf).
[<RequireQualifiedAccess>]
type Start =
    /// w₀, one entry per column.
    | W0 of float[]
    /// x₀, converted with w₀ = ρ⁻¹(x₀).
    | X0 of float[]
    /// Every w₀ entry (u₀ = v₀ = init for the two-variable form).
    | Init of float
    /// u₀ and v₀ of the two-variable form x = ρ(u) − ρ(v).
    | UV of u0: float[] * v0: float[]

/// A generated problem: A Gaussian/√M, a k-sparse x* in the image of ρ, y = g(Ax*) (see Flow.generate).
type ProblemSpec =
    {
        /// M, the number of observations.
        Rows: int
        /// N, the number of unknowns.
        Columns: int
        /// k, the support size of the planted x*.
        Sparsity: int
        /// The random seed.
        Seed: int
        /// Every w₀ entry; None: 0.1 when the domain holds it, else a point well inside the domain.
        Init: float option
        /// The loss.
        Loss: Loss
        /// The link.
        Link: Link
    }

/// A problem given as arrays (see Flow.problemOf).
type ProblemData =
    {
        /// A, M×N.
        A: float[,]
        /// y, one entry per row, inside the link's range.
        Y: float[]
        /// The initial point.
        Start: Start
        /// A known solution (length N), reported as the problem's truth.
        Truth: float[] option
        /// The loss.
        Loss: Loss
        /// The link.
        Link: Link
    }

/// Settings of a flow run (see Flow.run).
[<NoEquality; NoComparison>]
type RunOptions =
    {
        /// The integrator.
        Method: Method
        /// Stop once the loss is at most this.
        LossTolerance: float
        /// Stop once ‖Aᵀr‖ is at most this.
        GradientTolerance: float option
        /// Stop at this flow time.
        MaxTime: float option
        /// Stop after this many accepted steps (iterations for gradient descent).
        MaxSteps: int
        /// Relative error tolerance of the adaptive integrators.
        RelativeTolerance: float
        /// Absolute tolerance per coordinate, relative to its initial size.
        AbsoluteToleranceFactor: float
        /// How many trajectory samples to keep (0: none).
        TrajectorySamples: int
        /// Called with progress about ten times a second, and once at the end (on the flow's thread).
        Progress: (FlowProgress -> unit) option
        /// Stops the run (reported as StopReason.Cancelled).
        Cancellation: CancellationToken
    }

/// Settings of Flow.verify: how to run the flow, the agreement tolerance and an optional gradient-descent comparison.
[<NoEquality; NoComparison>]
type VerifyOptions =
    {
        /// The flow run (Method = GradientDescent: the run is gradient descent, compared with the flow it discretizes).
        Run: RunOptions
        /// Agreement tolerance on max |x_flow − x̂| relative to max(1, max |x̂|).
        Tolerance: float
        /// Also run gradient descent with this step and report its distance to the flow's limit.
        GradientDescentStep: float option
    }

/// A sample of a flow's trajectory.
type TrajectorySample =
    {
        /// Flow time (iterations for gradient descent).
        Time: float
        /// x at that time.
        X: float[]
        /// The loss at that time.
        Loss: float
    }

/// Where a flow run ended and how it got there.
type FlowRun =
    {
        /// x at the end.
        X: float[]
        /// The integrated state at the end: w (u then v for the two-variable form; s for the dual flow).
        State: float[]
        /// Flow time reached (iterations for gradient descent).
        Time: float
        /// Final loss.
        Loss: float
        /// Final ‖Aᵀr‖.
        GradientNorm: float
        /// Accepted steps.
        Steps: int
        /// Rejected steps.
        Rejected: int
        /// Evaluations of the vector field.
        Evaluations: int
        /// Why it stopped.
        StopReason: StopReason
        /// True when it stopped at the loss or gradient tolerance.
        Converged: bool
        /// The integrator(s) that ran (Integrator.toString describes them as the core's reports do).
        Integrator: Integrator
        /// Wall time of the run.
        Seconds: float
        /// Two-variable form: the largest change of Φ(u) + Φ(v) along the run.
        ConservedDrift: float option
        /// Samples (time, x, loss), geometrically spaced in time, when requested.
        Trajectory: TrajectorySample list
    }

/// How a Bregman projection was computed.
[<RequireQualifiedAccess>]
type ProjectionMethod =
    /// Damped Newton on the M-dimensional dual.
    | DualNewton
    /// Infeasible-start Newton in x (the cross-check).
    | PrimalNewton
    /// Newton on the loss in x: M ≥ N, full column rank, data that cannot be interpolated.
    | LeastSquares

/// The Bregman projection x̂ = argmin {D_f(x, x₀) : Ax = g⁻¹(y)}: the theorem's prediction.
type Projection =
    {
        /// How it was computed.
        Method: ProjectionMethod
        /// x̂.
        X: float[]
        /// The multipliers λ with f′(x̂) − f′(x₀) = Aᵀλ.
        Lambda: float[]
        /// Newton iterations.
        Iterations: int
        /// max |A x̂ − g⁻¹(y)|.
        Residual: float
        /// Relative distance of f′(x̂) − f′(x₀) from range(Aᵀ).
        KktResidual: float
        /// True when the constraints hold to the solver's tolerance.
        Converged: bool
        /// Wall time.
        Seconds: float
    }

/// Gradient descent next to the flow: its step, its run and its distance to the flow's limit.
type GradientDescentComparison =
    {
        /// The step η.
        Step: float
        /// The gradient-descent run.
        Run: FlowRun
        /// max_n |x_GD − x_flow|, the discretization bias.
        Distance: float
    }

/// The flow's limit next to the theorem's prediction (see Flow.verify).
type Verification =
    {
        /// The flow and the prediction converged and LimitMatchesPrediction.
        Agree: bool
        /// The flow's limit is within Tolerance of the prediction (relative to max(1, max |x̂|)) and the conserved
        /// quantity of the two-variable form drifted by at most Tolerance, whether or not the flow converged.
        LimitMatchesPrediction: bool
        /// A x = g⁻¹(y) has a solution; false for an inconsistent system, where no interpolating limit exists, the
        /// flow stops with StopReason.GradientVanished and the report never agrees.
        Interpolating: bool
        /// max_n |x_flow − x̂|.
        MaxAbsDifference: float
        /// max_n |x_flow − x̂| / max(1, |x̂ₙ|).
        MaxRelativeDifference: float
        /// x at the end of the flow.
        FlowLimit: float[]
        /// x̂, the Bregman projection of x₀.
        Prediction: float[]
        /// The method asked for.
        Method: Method
        /// Why the flow stopped.
        StopReason: StopReason
        /// Accepted steps of the flow.
        Steps: int
        /// Final loss of the flow.
        FinalLoss: float
        /// Relative distance of f′(x_flow) − f′(x₀) from range Aᵀ (None when Φ or f′ is not available).
        KktResidual: float option
        /// The agreement tolerance used.
        Tolerance: float
        /// The flow run in full.
        Flow: FlowRun
        /// The prediction in full (dual Newton).
        Projection: Projection
        /// The primal Newton cross-check (None when skipped: no f′ or f″, or a large problem).
        PrimalCheck: Projection option
        /// max_n |x̂_dual − x̂_primal|.
        PrimalCheckDifference: float option
        /// Gradient descent compared with the flow, when asked for.
        GradientDescent: GradientDescentComparison option
        /// The theorem's conditions for this reparametrization.
        Conditions: Condition list
        /// The conditions that fail (the theorem promises nothing then).
        FailedConditions: Condition list
    }

/// Defaults for generated problems.
module ProblemSpec =
    /// 20×100, k = 3, seed 1, the default init, square loss, identity link (what `ibias verify` generates).
    let defaults: ProblemSpec =
        { Rows = 20
          Columns = 100
          Sparsity = 3
          Seed = 1
          Init = None
          Loss = Loss.Square
          Link = Link.Identity }

/// Defaults for Flow.run.
module RunOptions =
    /// Auto method, loss tolerance 1e-24, relative tolerance 1e-8, at most 2 000 000 steps, no time limit.
    let defaults: RunOptions =
        { Method = Method.Auto
          LossTolerance = 1e-24
          GradientTolerance = None
          MaxTime = None
          MaxSteps = 2_000_000
          RelativeTolerance = 1e-8
          AbsoluteToleranceFactor = 1e-4
          TrajectorySamples = 0
          Progress = None
          Cancellation = CancellationToken.None }

/// Defaults for Flow.verify.
module VerifyOptions =
    /// The run defaults with agreement tolerance 1e-6 and no gradient-descent comparison:
    /// <c>{ VerifyOptions.defaults with Run = { RunOptions.defaults with Method = Method.Rosenbrock } }</c>.
    let defaults: VerifyOptions =
        { Run = RunOptions.defaults
          Tolerance = 1e-6
          GradientDescentStep = None }
