/// Evaluate with F# Maps and compiled delegates (Func, batch spans) called from F#.
module ImplicitBias.Symbolic.FSharp.Tests.CompilationTests

open System
open Xunit
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp.Tests.Numerics

let quickStart = Expr.Parse "w*sinh(w) + log(1 + w^2)"
let handwritten (w: float) = w * sinh w + log (1.0 + w * w)

[<Theory>]
[<InlineData(0.3)>]
[<InlineData(-2.0)>]
[<InlineData(0.0)>]
[<InlineData(7.5)>]
let ``evaluate with an F# Map and with one binding`` (w: float) =
    Assert.Equal(handwritten w, quickStart.Evaluate(Map [ "w", w ]), 14)
    Assert.Equal(handwritten w, quickStart.Evaluate("w", w), 14)
    Assert.Equal(handwritten w, quickStart.Evaluate(struct ("w", w)), 14) // the params overload wants struct tuples

[<Fact>]
let ``compile returns a Func invoked with Invoke`` () =
    let f = quickStart.Compile "w"
    for w in [ -3.0; -0.3; 0.0; 0.3; 1.0; 10.0 ] do
        Assert.Equal(handwritten w, f.Invoke w, 14)
    // a Func converts to an F# function with a lambda (or FuncConvert); it is not callable directly
    let g : float -> float = f.Invoke
    Assert.Equal<float list>([ for w in [ 0.1; 0.2 ] -> handwritten w ], List.map g [ 0.1; 0.2 ])

[<Fact>]
let ``compile with parameters bound from an F# Map`` () =
    let derivative = Expr.Parse("beta*sinh(w/beta)", "beta>0").Differentiate "w"
    let f = derivative.Compile("w", Map [ "beta", 0.25 ])
    Assert.Equal(cosh (0.3 / 0.25), f.Invoke 0.3, 14)

[<Fact>]
let ``compile two variables and a vector of variables`` () =
    let rho = Expr.Parse "beta*sinh(w/beta)"
    let f2 = rho.Compile("w", "beta")
    Assert.Equal(0.5 * sinh (0.3 / 0.5), f2.Invoke(0.3, 0.5), 14)
    let fv = (Expr.Parse "a*x^2 + b*x + c").CompileVector("x", "a", "b", "c")
    Assert.Equal(2.0 * 9.0 + 3.0 * 3.0 + 4.0, fv.Invoke [| 3.0; 2.0; 3.0; 4.0 |])
    Assert.Throws<ArgumentException>(fun () -> fv.Invoke [| 1.0 |] |> ignore) |> ignore

[<Fact>]
let ``batch evaluation over spans`` () =
    let batch = quickStart.CompileBatch "w"
    let input = [| -1.0 .. 0.25 .. 1.0 |]
    let output = Array.zeroCreate input.Length
    batch.Invoke(ReadOnlySpan input, Span output)
    Assert.Equal<float[]>(Array.map handwritten input, output)
    let withParameters = (Expr.Parse "beta*sinh(w/beta)").CompileBatch("w", Map [ "beta", 2.0 ])
    withParameters.Invoke(ReadOnlySpan input, Span output)
    Assert.Equal<float[]>(input |> Array.map (fun w -> 2.0 * sinh (w / 2.0)), output)
    Assert.Throws<ArgumentException>(fun () -> batch.Invoke(ReadOnlySpan input, Span(Array.zeroCreate 2))) |> ignore

[<Fact>]
let ``unbound symbols are reported`` () =
    let e = Expr.Parse "beta*sinh(w/beta)"
    let onEvaluate = Assert.Throws<EvaluationException>(fun () -> e.Evaluate(Map [ "w", 1.0 ]) |> ignore)
    Assert.Contains("beta", onEvaluate.Message)
    let onCompile = Assert.Throws<EvaluationException>(fun () -> e.Compile "w" |> ignore)
    Assert.Contains("beta", onCompile.Message)

[<Theory>]
[<InlineData("x^(1/3)", -8.0, -2.0)>] // real cube root
[<InlineData("x^(2/3)", -8.0, 4.0)>]
[<InlineData("sqrt(x)", 4.0, 2.0)>]
[<InlineData("asinh(x)", 1e200, 461.21016577936911)>] // Math.Asinh, no overflow through x^2
[<InlineData("sinh(x)", 1.0, 1.1752011936438014)>]
[<InlineData("x^7", -2.0, -128.0)>]
[<InlineData("x^-2", 4.0, 0.0625)>]
[<InlineData("pi*x", 2.0, 6.283185307179586)>]
[<InlineData("lambertw(x)", 2.718281828459045, 1.0)>]
let ``compiled values`` (text: string, at: float, expected: float) =
    let e = Expr.Parse text
    let compiled = (e.Compile "x").Invoke at
    Assert.True(close 1e-9 expected compiled, sprintf "%s at %g: %.17g" text at compiled)
    Assert.True(sameDouble compiled (e.Evaluate("x", at)))

[<Theory>]
[<InlineData("sqrt(x)", -1.0)>]
[<InlineData("log(x)", -1.0)>]
[<InlineData("asin(x)", 2.0)>]
[<InlineData("x^(1/4)", -16.0)>]
let ``outside the real domain the value is NaN`` (text: string, at: float) =
    let e = Expr.Parse text
    Assert.True(Double.IsNaN((e.Compile "x").Invoke at))
    Assert.True(Double.IsNaN(e.Evaluate("x", at)))
