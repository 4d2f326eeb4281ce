// Quick start from F#: write ρ as a quotation, derive its implicit bias, verify it on a gradient-flow run.
open System
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp

// Expressions: F#'s own operators and functions work on Expr, with ints and floats mixed in exactly.
let w = Expr.symbol "w"
let f = w * sinh w + log (1.0 + w ** 2.0)
printfn "f            = %O" f
printfn "f'           = %O" (f |> Expr.diff "w")
printfn "LaTeX        = %s" (f |> Expr.diff "w" |> Expr.toLatex)
printfn "same as text : %b" (f = Expr.parse "w*sinh(w) + log(1 + w^2)")
let compiled = f |> Expr.compile "w"
printfn "f(0.3)       = %.12f" (compiled 0.3)

// Errors in text come back as values, with the column.
match Expr.tryParse "w * (1 + " with
| Error e -> printfn "parse error  : column %d: %s" e.Column e.Problem
| Ok e -> printfn "parsed %O" e

// ρ(w) = β·sinh(w/β) as a quotation: the last argument is the variable, β a parameter given a value.
let rho =
    Reparam.ofQuotation2 <@ fun beta w -> beta * sinh (w / beta) @>
    |> Reparam.withParameters [ "beta", 0.5 ]
printfn "\nrho(w)       = %O on %s" (Reparam.expression rho) (Domain.format (Reparam.domain rho))

// The derivation chain: potential, mirror map, metric, and the theorem's conditions.
let derivation = Bias.derive rho
let show name value =
    printfn "%-12s = %s" name (value |> Option.map Expr.toString |> Option.defaultValue "(no closed form)")
show "f(x)" (Bias.potential derivation)
show "f'(x)" (Bias.mirrorMap derivation)
show "f''(x)" (Bias.metric derivation)
for c in Bias.conditions derivation do
    printfn "  %-22s %A (%s)" c.Name c.Status c.Reason
printfn "D_f(1, 0.2)  = %.12f" (Bias.bregman derivation 1.0 0.2)

// The inverse problem: which ρ induces the potential x·atan x − log(1 + x²)/2?
let designed = Bias.design (Expr.parse "x*atan(x) - log(1+x^2)/2")
printfn "\ndesign       : rho(w) = %s (verified: %b)"
    (designed.Reparametrization |> Option.map Expr.toString |> Option.defaultValue "?") designed.Verified

// Verification: the flow on a generated 10×50 problem lands on the predicted Bregman projection.
let report =
    rho
    |> Flow.generate { ProblemSpec.defaults with Rows = 10; Columns = 50; Sparsity = 3 }
    |> Flow.verifyWith derivation VerifyOptions.defaults
printfn "\nverify       : agree %b, max |x_flow - x_pred| = %.3g, stopped by %A after %d steps (%s)"
    report.Agree report.MaxAbsDifference report.StopReason report.Steps (Integrator.toString report.Flow.Integrator)

if not report.Agree then
    eprintfn "verification disagrees: max |difference| = %g" report.MaxAbsDifference
    exit 1
