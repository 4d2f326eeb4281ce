// Property-test your own reparametrization with FsCheck.
//
// Write ρ as an F# quotation, and the theorem library (ImplicitBias.Symbolic.Testing) turns the implicit-bias
// theorems into FsCheck properties of it:
//   mirror identity         f″(ρ(w))·ρ′(w)² = 1 at random interior w;
//   derivatives             ρ′, f′ and f″ against finite differences;
//   design round trip       designing ρ̃ from the potential of ρ gives back f″;
//   flow limit              on random problems (A, y, w₀) with N ≥ 3M + 6, the gradient flow converges to the
//                           Bregman projection argmin { D_f(x, x₀) : Ax = y };
//   link invariance         the limit does not depend on the link g when y = g(Ax*).
// Then a family of reparametrizations (β·sinh(w/β) for random β) is checked the same way, and a hand-derived claim
// about the potential is refuted by FsCheck with a counterexample.
//
// Run from the repository root:  dotnet run --project samples/PropertyTesting.FSharp -c Release
// Exit code 0 when the theorems hold and the wrong claim is caught, 1 otherwise.

open FsCheck
open FsCheck.FSharp
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp
open ImplicitBias.Symbolic.Testing

/// Runs a property; Some message when FsCheck finds a counterexample.
let check (cases: int) (property: Property) : string option =
    try
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property)
        None
    with e -> Some e.Message

let mutable failures = 0
let expect (what: string) (cases: int) (property: Property) =
    match check cases property with
    | None -> printfn "  ok    %-60s (%d cases)" what cases
    | Some message ->
        failures <- failures + 1
        printfn "  FAIL  %s\n%s" what message

// 1. Your reparametrization. ρ(w) = w + w³/3 has ρ′ = 1 + w², so Φ(w) = atan w and f′(x) = atan(ρ⁻¹(x)); ρ⁻¹ is the
//    root of a cubic, so the potential is parametric: an exact formula in w, evaluated at w = ρ⁻¹(x).
let rho = Reparam.ofQuotation <@ fun w -> w + w ** 3.0 / 3.0 @>
let derivation = Bias.derive rho
printfn "ρ(w) = %O on %s: the potential is %A"
    (Reparam.expression rho) (Domain.format (Reparam.domain rho)) (Bias.form derivation)
for c in Bias.conditions derivation do
    printfn "  %-22s %A" c.Name c.Status

// Small problems keep each flow case in milliseconds.
let options = TheoremOptions(MaxRows = 4, MaxColumns = 20)
printfn "\nThe theorems for ρ(w) = %O:" (Reparam.expression rho)
expect "mirror identity f″(ρ(w))·ρ′(w)² = 1" 100 (Theorems.MirrorIdentity(rho, options))
expect "ρ′, f′, f″ against finite differences" 100 (Theorems.Derivatives(rho, options))
expect "design round trip" 50 (Theorems.DesignRoundTrip(rho, options))
expect "flow limit = Bregman projection" 10 (Theorems.FlowLimit(rho, options))
expect "link invariance (identity, sigmoid, z + z³/3)" 5 (Theorems.LinkInvariance(rho, options))

// 2. A family: β·sinh(w/β) for β drawn from [0.1, 4] — the mirror identity and the flow limit for each drawn member.
printfn "\nThe family β·sinh(w/β), β ∈ [0.1, 4]:"
let family = ReparametrizationGen.ScaledSinh(0.1, 4.0) |> Arb.fromGen
expect "mirror identity for every member" 30 (Prop.forAll family (fun r -> Theorems.MirrorIdentity(r, options)))
expect "flow limit for every member" 10 (Prop.forAll family (fun r -> Theorems.FlowLimit(r, options)))

// 3. A hand derivation with a classic slip: f″ = 1/ρ′(ρ⁻¹(x))² = 1/(1 + w²)² at w = ρ⁻¹(x), written as 1/(1 + x²)²
//    (x where w belongs). FsCheck refutes it and reports where.
printfn "\nA hand-derived claim, f″(x) = 1/(1 + x²)²:"
let claimed = Expr.ofQuotation <@ fun x -> 1.0 / (1.0 + x * x) ** 2.0 @>
match check 100 (Theorems.MirrorIdentity(rho, claimed, options)) with
| Some message ->
    let counterexample =
        message.Split('\n')
        |> Array.tryFind (fun line -> line.Contains "expected f″(x)·ρ′² = 1")
        |> Option.defaultValue message
    printfn "  refuted, as it should be:\n  %s" (counterexample.Trim())
| None ->
    failures <- failures + 1
    printfn "  FAIL  the wrong claim passed 100 cases"

printfn "\n%s"
    (if failures = 0 then "ok: the theorems hold for ρ and the family, and the wrong claim was caught."
     else $"{failures} check(s) failed.")
exit (if failures = 0 then 0 else 1)
