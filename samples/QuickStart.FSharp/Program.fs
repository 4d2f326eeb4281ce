// Quick start from F#: parse with an assumption, simplify, differentiate, print text and LaTeX, compile.
open System
open ImplicitBias.Symbolic

// Parse the reparametrization ρ(w) = β·sinh(w/β) with the assumption β > 0.
let rho = Expr.Parse("beta*sinh(w/beta)", "beta>0")
printfn "rho          = %O" rho

// Differentiate (the result is simplified) and print it as text and as LaTeX.
let derivative = rho.Differentiate "w"
printfn "rho'         = %O" derivative
printfn "LaTeX        = %s" (derivative.ToLatex())

// Simplification uses assumptions: sqrt(w^2) is w only when w >= 0, |w| otherwise.
printfn "sqrt(w^2)    = %O (w >= 0)" (Expr.Parse("sqrt(w^2)", "w>=0").Simplify())
printfn "sqrt(w^2)    = %O (no assumption)" (Expr.Parse("sqrt(w^2)").Simplify())

// Build an expression with operators instead of parsing it. F# does not apply the C# int -> Expr
// conversion to operators, so numbers are written Expr.Integer 2, Expr.One, ...
let w : Expr = Expr.Var "w"
let f = w * Expr.Sinh w + Expr.Log(Expr.One + Expr.Pow(w, Expr.Integer 2))
printfn "f            = %O" f
printfn "f'           = %O" (f.Differentiate "w")
printfn "f''          = %O" (f.Differentiate("w", 2))

// Look at the structure by matching on the node types.
match f with
| :? Sum as s -> printfn "f is a sum of %d terms: %s" s.Terms.Length (s.Terms |> Seq.map string |> String.concat " and ")
| other -> printfn "f is a %A" other.Kind

// Evaluate with an F# Map, compile to a delegate and call it with Invoke.
let atPoint = derivative.Evaluate(Map [ "w", 0.3; "beta", 0.25 ])
let compiled = derivative.Compile("w", Map [ "beta", 0.25 ])
printfn "rho'(0.3)    = %.17g at beta = 0.25 (compiled %.17g)" atPoint (compiled.Invoke 0.3)

// Compile f once and evaluate it on a grid.
let fc = f.Compile "w"
for x in [ 0.0; 0.5; 1.0; 2.0 ] do
    printfn "f(%.1f)       = %.6f" x (fc.Invoke x)

// Errors in the text are reported with the column.
try
    Expr.Parse "w * (1 + " |> ignore
with :? ParseException as e ->
    printfn "parse error  : column %d: %s" e.Column e.Problem

if abs (atPoint - cosh (0.3 / 0.25)) > 1e-12 then
    eprintfn "unexpected value %g" atPoint
    exit 1
