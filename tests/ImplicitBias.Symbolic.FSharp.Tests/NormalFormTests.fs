/// The rational normal forms from F#: facts of cancel, together, factor, apart and the zero test through the
/// Expr module, and properties over random products of polynomials (gcds cancel, forms keep their values).
module ImplicitBias.Symbolic.FSharp.Tests.NormalFormTests

open Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp
open ImplicitBias.Symbolic.FSharp.Tests.Generators

[<Theory>]
[<InlineData("(x^2 - a^2)/(x - a)", "x + a")>]
[<InlineData("x/(1 + x) + 1/(1 - x)", "(1 + 2*x - x^2)/(1 - x^2)")>]
[<InlineData("(exp(2*w) - 1)/(exp(w) - 1)", "1 + exp(w)")>]
let ``cancel reduces to lowest terms`` (text: string, expected: string) =
    Assert.Equal(Expr.parse expected, Expr.parse text |> Expr.cancel)

[<Fact>]
let ``together, factor and apart give their forms`` () =
    Assert.Equal(Expr.parse "(1 + 2*x - x^2)/((1 - x)*(1 + x))", Expr.parse "x/(1+x) + 1/(1-x)" |> Expr.together)
    Assert.Equal(Expr.parse "(x - 1)*(x + 1)*(x^2 + 1)", Expr.parse "x^4 - 1" |> Expr.factor)
    Assert.Equal(Expr.parse "1/x - 1/(1 + x)", Expr.parse "1/(x*(x + 1))" |> Expr.apart "x")

[<Theory>]
[<InlineData("sinh(x) - (exp(x) - exp(-x))/2", true)>]
[<InlineData("sin(2*x) - 2*sin(x)*cos(x)", true)>]
[<InlineData("sin(x) - cos(x)", false)>]
let ``the zero test decides with the kernel basis`` (text: string, zero: bool) =
    Assert.Equal(zero, Expr.parse text |> Expr.isZero)

[<Fact>]
let ``simplify prints the shortest form and never grows`` () =
    let e = Expr.parse "1/(x/((1 + x)*(1 - x/(1 + x))^2) + 1/(1 - x/(1 + x)))^2"
    Assert.Equal(Expr.parse "1/(1 + x)^4", Expr.simplify e)
    Assert.Equal(7, Expr.size (Expr.simplify e))

/// p·q/(p·(1 + r²)) has the normal form of q/(1 + r²) for random polynomials in x (p ≠ 0).
[<Property(Arbitrary = [| typeof<Arbitraries> |], MaxTest = 100)>]
let ``a common polynomial factor cancels`` (p: Polynomial) (q: Polynomial) (r: Polynomial) =
    let pe = p.ToExpr()
    let denominator = 1 + r.ToExpr() ** 2
    pe = Expr.Zero
    || (Expr.cancel (pe * q.ToExpr() / (pe * denominator)) = Expr.cancel (q.ToExpr() / denominator))

/// Together, cancel and factor keep the value of a sum of fractions.
[<Property(Arbitrary = [| typeof<Arbitraries> |], MaxTest = 100)>]
let ``rational forms keep their values`` (p: Polynomial) (q: Polynomial) (Point at) =
    let e = p.ToExpr() / (2 + x ** 2) + q.ToExpr() / (1 + x ** 4)
    let value (f: Expr) = f.Evaluate("x", at)
    [ Expr.together e; Expr.cancel e; Expr.factor e ]
    |> List.forall (fun f -> abs (value f - value e) <= 1e-9 * max 1.0 (abs (value e)))
