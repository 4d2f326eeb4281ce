/// Simplify, Differentiate, Expand and Range as extension methods called from F#.
module ImplicitBias.Symbolic.FSharp.Tests.AlgebraTests

open System
open Xunit
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp.Tests.Numerics

/// "w>0;beta>0" → [| "w>0"; "beta>0" |]; "" → no assumptions.
let assumptionsOf (text: string) =
    text.Split(';', StringSplitOptions.RemoveEmptyEntries ||| StringSplitOptions.TrimEntries)

[<Theory>]
[<InlineData("sqrt(w^2)", "", "abs(w)")>]
[<InlineData("sqrt(w^2)", "w>0", "w")>]
[<InlineData("sqrt(w^2)", "w>=0", "w")>]
[<InlineData("sqrt(w^2)", "w<0", "-w")>]
[<InlineData("sqrt(4*w^2)", "w>0", "2*w")>]
[<InlineData("exp(log(w))", "", "exp(log(w))")>] // w ≤ 0 would make it NaN: not simplified
[<InlineData("exp(log(w))", "w>0", "w")>]
[<InlineData("exp(2*log(w))", "w>0", "w^2")>]
[<InlineData("exp(log(w) + 1)", "w>0", "w*exp(1)")>]
[<InlineData("log(exp(w))", "", "w")>]
[<InlineData("log(w^2)", "", "log(w^2)")>]
[<InlineData("log(w^3)", "w>0", "3*log(w)")>]
[<InlineData("sinh(asinh(w))", "", "w")>]
[<InlineData("asinh(sinh(w))", "", "w")>]
[<InlineData("cosh(asinh(w))", "", "sqrt(1 + w^2)")>]
[<InlineData("acosh(cosh(w))", "", "abs(w)")>]
[<InlineData("tanh(atanh(w))", "-1<w<1", "w")>]
[<InlineData("tanh(atanh(w))", "", "tanh(atanh(w))")>]
[<InlineData("asin(sin(w))", "0<w<1", "w")>]
[<InlineData("asin(sin(w))", "", "asin(sin(w))")>]
[<InlineData("atan(tan(w))", "-1<w<1", "w")>]
[<InlineData("exp(w)*exp(2*w)", "", "exp(3*w)")>]
[<InlineData("abs(w)", "w>=0", "w")>]
[<InlineData("abs(-3*w)", "w>0", "3*w")>]
[<InlineData("sign(w)", "w>0", "1")>]
[<InlineData("sign(w)", "w<0", "-1")>]
[<InlineData("sqrt(x)*sqrt(x)", "", "x")>]
let ``simplify applies identities only inside their domain`` (text: string, assumptions: string, expected: string) =
    let a = assumptionsOf assumptions
    let simplified = Expr.Parse(text, a).Simplify()
    Assert.Equal(Expr.Parse(expected, a), simplified)

[<Fact>]
let ``simplify is idempotent on the quick-start formulas`` () =
    for text in [ "beta*sinh(w/beta)"; "w*sinh(w) + log(1 + w^2)"; "sqrt(1 + sinh(w)^2)"; "exp(-w^2/2)/sqrt(2*pi)" ] do
        let once = Expr.Parse(text, "beta>0").Simplify()
        Assert.Equal(once, once.Simplify())

[<Theory>]
[<InlineData("x^3", "3*x^2")>]
[<InlineData("x^-2", "-2/x^3")>]
[<InlineData("sqrt(x)", "1/(2*sqrt(x))")>]
[<InlineData("x^(1/3)", "1/(3*x^(2/3))")>]
[<InlineData("exp(2*x)", "2*exp(2*x)")>]
[<InlineData("log(x)", "1/x")>]
[<InlineData("log(x^2)", "2/x")>]
[<InlineData("sin(x)", "cos(x)")>]
[<InlineData("cos(x)", "-sin(x)")>]
[<InlineData("tan(x)", "1/cos(x)^2")>]
[<InlineData("sinh(x)", "cosh(x)")>]
[<InlineData("cosh(x)", "sinh(x)")>]
[<InlineData("tanh(x)", "1/cosh(x)^2")>]
[<InlineData("asin(x)", "1/sqrt(1 - x^2)")>]
[<InlineData("acos(x)", "-1/sqrt(1 - x^2)")>]
[<InlineData("atan(x)", "1/(1 + x^2)")>]
[<InlineData("asinh(x)", "1/sqrt(1 + x^2)")>]
[<InlineData("acosh(x)", "1/sqrt(x^2 - 1)")>]
[<InlineData("atanh(x)", "1/(1 - x^2)")>]
[<InlineData("abs(x)", "sign(x)")>]
[<InlineData("sign(x)", "0")>]
[<InlineData("erf(x)", "2*exp(-x^2)/sqrt(pi)")>]
[<InlineData("li2(x)", "-log(1 - x)/x")>]
[<InlineData("x^x", "x^x*(1 + log(x))")>]
[<InlineData("(x+1)^2", "2 + 2*x")>]
[<InlineData("x*sinh(x) + log(1 + x^2)", "sinh(x) + x*cosh(x) + 2*x/(1 + x^2)")>]
[<InlineData("y*x^2", "2*x*y")>]
[<InlineData("y^2", "0")>]
let ``derivative table`` (text: string, expected: string) =
    Assert.Equal(Expr.Parse expected, (Expr.Parse text).Differentiate "x")

[<Fact>]
let ``derivative of the reparametrization beta*sinh(w/beta)`` () =
    let rho = Expr.Parse("beta*sinh(w/beta)", "beta>0")
    let d = rho.Differentiate "w"
    Assert.Equal(Expr.Parse("cosh(w/beta)", "beta>0"), d)
    let atPoint = d.Evaluate(Map [ "w", 0.3; "beta", 0.25 ])
    Assert.Equal(cosh (0.3 / 0.25), atPoint, 14)

[<Theory>]
[<InlineData("sinh(x)", 2, "sinh(x)")>]
[<InlineData("sinh(x)", 3, "cosh(x)")>]
[<InlineData("x^5", 2, "20*x^3")>]
[<InlineData("x^5", 6, "0")>]
[<InlineData("exp(-x)", 4, "exp(-x)")>]
[<InlineData("sin(x)", 4, "sin(x)")>]
[<InlineData("log(x)", 3, "2/x^3")>]
[<InlineData("w*x", 0, "w*x")>]
let ``higher-order derivatives`` (text: string, order: int, expected: string) =
    Assert.Equal(Expr.Parse expected, (Expr.Parse text).Differentiate("x", order))

[<Fact>]
let ``a negative order is rejected`` () =
    Assert.Throws<ArgumentOutOfRangeException>(fun () -> (Expr.Parse "x").Differentiate("x", -1) |> ignore) |> ignore

[<Theory>]
[<InlineData(-1.5)>]
[<InlineData(-0.3)>]
[<InlineData(0.7)>]
[<InlineData(2.2)>]
let ``third derivative of the quick-start formula against finite differences`` (at: float) =
    let e = Expr.Parse "w*sinh(w) + log(1 + w^2)"
    let second = e.Differentiate("w", 2).Compile "w"
    let third = e.Differentiate("w", 3).Compile "w"
    match checkDerivative second.Invoke third.Invoke at with
    | Checked(agrees, symbolic, numeric) ->
        Assert.True(agrees, sprintf "f'''(%g): symbolic %g, numeric %g" at symbolic numeric)
    | Inconclusive -> failwith "finite differences did not settle"

[<Theory>]
[<InlineData("(x+1)^2", "1 + 2*x + x^2")>]
[<InlineData("(x-y)*(x+y)", "x^2 - y^2")>]
[<InlineData("x*(1 + sinh(x))", "x + x*sinh(x)")>]
[<InlineData("(1+x)^3", "1 + 3*x + 3*x^2 + x^3")>]
let ``expand distributes products and integer powers`` (text: string, expected: string) =
    Assert.Equal(Expr.Parse expected, (Expr.Parse text).Expand())

[<Theory>]
[<InlineData("exp(w)", "", 0.0, true, Double.PositiveInfinity)>]
[<InlineData("1 + w^2", "", 1.0, false, Double.PositiveInfinity)>]
[<InlineData("tanh(w)", "", -1.0, false, 1.0)>]
[<InlineData("sqrt(w)", "w>0", 0.0, true, Double.PositiveInfinity)>]
let ``range analysis`` (text: string, assumptions: string, lo: float, loOpen: bool, hi: float) =
    let range = Expr.Parse(text, assumptionsOf assumptions).Range()
    Assert.Equal(lo, range.Lo)
    Assert.Equal(hi, range.Hi)
    if loOpen then Assert.True(range.LoOpen || range.ExcludesZero, sprintf "%O should exclude %g" range lo)
