namespace ImplicitBias.Symbolic.FSharp

open System
open System.Collections.Generic
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp

/// Reparametrizations x = ρ(w): from text, expressions or quotations, with a domain, parameter values and the
/// two-variable form; the built-in catalog.
[<RequireQualifiedAccess>]
module Reparam =

    /// The symbolic parameters' domains, so rebuilding keeps them.
    let private assumptionsOf (r: Reparametrization) : Assumptions =
        r.SymbolicParameters |> Seq.fold (fun (a: Assumptions) s -> a.With(s.Name, s.Domain)) Assumptions.None

    /// The reparametrization built again from ρ as written, keeping the two-variable form.
    let private rebuild (domain: Interval) (parameters: IReadOnlyDictionary<string, float>) (assumptions: Assumptions)
        (r: Reparametrization) =
        let fresh = Reparametrization.Create(r.Original, r.Variable, domain, parameters, assumptions)
        if r.DifferenceInitialValues.HasValue then
            let struct (u0, v0) = r.DifferenceInitialValues.Value
            fresh.Difference(u0, v0)
        else
            fresh

    /// Parses ρ in the variable w on the whole real line (narrow it with withDomain); raises the core's ParseException.
    let parse (rho: string) : Reparametrization = Reparametrization.Parse rho

    /// ρ given as an expression in the named variable, on the whole real line.
    let ofExpr (variable: string) (rho: Expr) : Reparametrization =
        Reparametrization.Create(rho, variable, Interval.Real)

    /// The lambda's last argument is the variable and the others are symbolic parameters (bind them with
    /// withParameters); see Expr.ofQuotation for what a quotation may contain.
    let ofUntypedQuotation (quotation: Quotations.Expr) : Reparametrization =
        match QuotationReader.read quotation with
        | [], _ -> invalidArg (nameof quotation) "expected a lambda such as <@ fun w -> sinh w @>"
        | arguments, rho -> ofExpr (List.last arguments) rho

    /// ρ from a quotation: <c>Reparam.ofQuotation &lt;@ fun w -> sinh w @&gt;</c>
    /// (the argument's name is the variable).
    let ofQuotation (quotation: Quotations.Expr<float -> float>) : Reparametrization = ofUntypedQuotation quotation.Raw

    /// ρ with one parameter: <c>Reparam.ofQuotation2 &lt;@ fun beta w -> beta * sinh (w / beta) @&gt;</c>; the first
    /// argument stays a symbolic parameter until withParameters gives it a value.
    let ofQuotation2 (quotation: Quotations.Expr<float -> float -> float>) : Reparametrization =
        ofUntypedQuotation quotation.Raw

    /// The same ρ on another open interval.
    let withDomain (domain: Interval) (r: Reparametrization) : Reparametrization =
        rebuild domain r.Parameters (assumptionsOf r) r

    /// Binds parameters to values (substituted exactly: 0.25 becomes 1/4); earlier values
    /// of the same names are replaced.
    let withParameters (values: (string * float) list) (r: Reparametrization) : Reparametrization =
        let merged = Dictionary<string, float>(r.Parameters)
        for name, value in values do
            merged[name] <- value
        rebuild r.Domain merged (assumptionsOf r) r

    /// Gives symbolic parameters domains (e.g. beta > 0), intersected with what they had.
    let withAssumptions (domains: (string * Interval) list) (r: Reparametrization) : Reparametrization =
        let assumptions = domains |> List.fold (fun (a: Assumptions) (name, d) -> a.With(name, d)) (assumptionsOf r)
        rebuild r.Domain r.Parameters assumptions r

    /// The two-variable form x = ρ(u) − ρ(v) with flows started at u₀ and v₀ (both in the domain).
    let difference (u0: float) (v0: float) (r: Reparametrization) : Reparametrization = r.Difference(u0, v0)

    /// The two-variable form with symbolic initial values (e.g. a parameter alpha with domain (0, ∞)).
    let differenceOf (u0: Expr) (v0: Expr) (r: Reparametrization) : Reparametrization = r.Difference(u0, v0)

    /// ρ with bound parameters substituted (its variable carries the domain).
    let expression (r: Reparametrization) : Expr = r.Rho

    /// ρ as written, before parameter values were substituted.
    let original (r: Reparametrization) : Expr = r.Original

    /// The variable of ρ.
    let variable (r: Reparametrization) : string = r.Variable

    /// The open interval ρ acts on.
    let domain (r: Reparametrization) : Interval = r.Domain

    /// The parameter values that were substituted.
    let parameters (r: Reparametrization) : Map<string, float> =
        r.Parameters |> Seq.map (fun (KeyValue(k, v)) -> k, v) |> Map.ofSeq

    /// Parameters left symbolic, with their domains.
    let symbolicParameters (r: Reparametrization) : (string * Interval) list =
        [ for s in r.SymbolicParameters -> s.Name, s.Domain ]

    /// For the two-variable form, u₀ and v₀.
    let differenceStart (r: Reparametrization) : (Expr * Expr) option =
        if r.DifferenceInitialValues.HasValue then
            let struct (u0, v0) = r.DifferenceInitialValues.Value
            Some(u0, v0)
        else
            None

    /// The built-in catalog (ρ from the literature with the bias each induces), as ibias analyze lists it.
    let catalog: CatalogItem list =
        [ for e in ReparametrizationCatalog.Entries ->
              { Name = e.Name
                Rho = e.Rho
                Bias = e.Bias
                Reparametrization = e.ToReparametrization() } ]

    /// The catalog entry of this name (ignoring case), e.g. "beta_sinh".
    let find (name: string) : CatalogItem option =
        catalog |> List.tryFind (fun item -> String.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase))

/// The implicit bias of a reparametrization: the derivation chain (Φ, f′, ψ, f″, f, f*), the theorem's conditions, the
/// Bregman divergence, and the inverse problem (design ρ for a wanted potential).
[<RequireQualifiedAccess>]
module Bias =

    /// Derives the whole chain (the core's Derivation, which Flow.verifyWith and the accessors below take).
    let derive (r: Reparametrization) : Derivation = r.Derive()

    /// The chain of a derivation as an F# record.
    let ofDerivation (d: Derivation) : Derived = Convert.derived d

    /// Derives the whole chain as an F# record.
    let derived (r: Reparametrization) : Derived = Convert.derived (r.Derive())

    /// Monotonicity, image, coercivity at each end and Legendre type, each holds / fails / unknown with the reason.
    let conditions (d: Derivation) : Condition list = Convert.conditions d.Conditions

    /// The conditions that fail (the theorem promises nothing then).
    let failedConditions (d: Derivation) : Condition list =
        conditions d |> List.filter (fun c -> c.Status = Fails)

    /// How the potential is known.
    let form (d: Derivation) : Form = Convert.form d.Form

    /// ρ′(w).
    let derivative (d: Derivation) : Expr = d.Derivative

    /// The interval ρ maps its domain onto (the values x takes).
    let image (d: Derivation) : Interval = d.Image

    /// One object of the chain with its form and evaluator (None when ρ is not a bijection of its domain).
    let chain (kind: Chain) (d: Derivation) : ChainObject option =
        Convert.chainObject kind (Convert.chainFunction kind d)

    /// The closed form of one object of the chain, when it is explicit.
    let closedForm (kind: Chain) (d: Derivation) : Expr option =
        chain kind d |> Option.bind (fun c -> c.Expression)

    /// The potential f(x) in closed form (None unless explicit; see chain Chain.Potential for the evaluator).
    let potential (d: Derivation) : Expr option = closedForm Chain.Potential d

    /// The mirror map f′(x) in closed form.
    let mirrorMap (d: Derivation) : Expr option = closedForm Chain.MirrorMap d

    /// The inverse mirror map ψ(z) in closed form.
    let inverseMirrorMap (d: Derivation) : Expr option = closedForm Chain.InverseMirrorMap d

    /// The metric f″(x) in closed form.
    let metric (d: Derivation) : Expr option = closedForm Chain.Metric d

    /// The dual coordinate Φ(w) = ∫ dw/ρ′ in closed form.
    let dualCoordinate (d: Derivation) : Expr option = closedForm Chain.DualCoordinate d

    /// The convex conjugate f*(z) in closed form.
    let conjugate (d: Derivation) : Expr option = closedForm Chain.Conjugate d

    /// The parametric potential f(ρ(w)) = ρΦ − ∫ρ/ρ′ dw (exact even when ρ⁻¹ is not elementary).
    let potentialOfW (d: Derivation) : Expr option = Option.ofObj d.PotentialOfW

    /// The Bregman divergence evaluator: <c>Bias.bregman d x x0</c> = D_f(x, x₀) = f(x) − f(x₀) − f′(x₀)(x − x₀).
    /// Raises the core's SymbolicException when the chain was not derived.
    let bregman (d: Derivation) : float -> float -> float = fun x x0 -> d.BregmanDivergence(x, x0)

    /// D_f(x, x0) as an expression in the symbols x and x0 (None unless the potential is explicit).
    let bregmanExpr (d: Derivation) : Expr option = Option.ofObj (d.BregmanDivergenceExpression())

    /// The chain as a LaTeX align* environment.
    let toLatex (d: Derivation) : string = d.ToLatex()

    /// Designs ρ for a wanted potential in x (the domain is what the symbol x carries: the real line unless built with
    /// Expr.symbolIn); raises the core's SymbolicException when f is not strictly convex.
    let design (potential: Expr) : Design = Convert.design (PotentialDesign.Design(potential, "x"))

    /// Designs ρ(w) for a potential in the named variable on an open interval:
    /// <c>Bias.designIn "x" Domain.positive (Expr.parse "x*log(x)")</c>.
    let designIn (variable: string) (domain: Interval) (potential: Expr) : Design =
        let x = CoreExpr.Var(variable, Interval(domain.Lo, domain.Hi, true, true, domain.ExcludesZero))
        Convert.design (PotentialDesign.Design(potential.Substitute(variable, x), variable))
