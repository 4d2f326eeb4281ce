/// Parsing, printing (text and LaTeX), assumptions and parse errors, called the way an F# user would.
module ImplicitBias.Symbolic.FSharp.Tests.ParsingTests

open System
open Xunit
open ImplicitBias.Symbolic

[<Theory>]
[<InlineData("x + x", "2*x")>]
[<InlineData("2*x*3", "6*x")>]
[<InlineData("x^2*x^3", "x^5")>]
[<InlineData("(x^2)^3", "x^6")>]
[<InlineData("1/2 + 1/3", "5/6")>]
[<InlineData("0.5 + 1/2", "1")>] // decimals without 'd' are exact
[<InlineData("1.5d", "1.5d")>]
[<InlineData("2.5e-3d", "0.0025d")>]
[<InlineData("1e3", "1000")>]
[<InlineData("2^10", "1024")>]
[<InlineData("2^-1", "1/2")>]
[<InlineData("-x^2", "-x^2")>] // unary minus binds looser than ^
[<InlineData("2^3^2", "512")>] // ^ is right-associative
[<InlineData("x - 1", "x - 1")>]
[<InlineData("-1 + x", "x - 1")>]
[<InlineData("(x+1)^2", "(1 + x)^2")>]
[<InlineData("x*y/x", "y")>]
[<InlineData("x^(1/3)", "x^(1/3)")>]
[<InlineData("  sinh ( w / beta ) * beta ", "beta*sinh(w/beta)")>]
[<InlineData("exp(0) + log(1) + cos(0)", "2")>]
let ``parse then print gives the canonical text`` (text: string, canonical: string) =
    let e = Expr.Parse text
    Assert.Equal(canonical, string e)
    Assert.Equal(e, Expr.Parse canonical)

[<Theory>]
[<InlineData("1 + * 2", 5)>]
[<InlineData("sin(x", 6)>]
[<InlineData("x)", 2)>]
[<InlineData("", 1)>]
[<InlineData("foo(x)", 1)>]
[<InlineData("2**x", 3)>]
[<InlineData("x^", 3)>]
[<InlineData("3x", 2)>]
[<InlineData("x y", 3)>]
[<InlineData("sin x", 5)>]
[<InlineData("x + @", 5)>]
[<InlineData("sqrt(x,y)", 7)>]
[<InlineData("1/0", 3)>]
[<InlineData("1e", 3)>]
let ``malformed text raises ParseException with the column`` (text: string, column: int) =
    let outcome =
        try
            Ok(Expr.Parse text)
        with :? ParseException as p ->
            Error(p.Column, p.Problem, p.Input)
    match outcome with
    | Ok e -> failwithf "'%s' parsed as %O" text e
    | Error(col, problem, input) ->
        Assert.Equal(column, col)
        Assert.Equal(text, input)
        Assert.False(String.IsNullOrWhiteSpace problem)

[<Fact>]
let ``ParseException is a SymbolicException whose message names the column`` () =
    let caught =
        try
            Expr.Parse "w * (1 + " |> ignore
            None
        with
        | :? SymbolicException as e -> Some e
    match caught with
    | Some(:? ParseException as p) ->
        Assert.Equal(10, p.Column)
        Assert.StartsWith("column 10:", p.Message)
    | other -> failwithf "expected a ParseException, got %A" other

[<Fact>]
let ``deeply nested input is a ParseException, not a stack overflow`` () =
    let text = String('(', 5000) + "x" + String(')', 5000)
    Assert.Throws<ParseException>(fun () -> Expr.Parse text |> ignore) |> ignore

[<Theory>]
[<InlineData("w>0", 0.0, true, Double.PositiveInfinity, false)>]
[<InlineData("w>=0", 0.0, false, Double.PositiveInfinity, false)>]
[<InlineData("w<0", Double.NegativeInfinity, false, 0.0, true)>]
[<InlineData("-1<w<1", -1.0, true, 1.0, true)>]
[<InlineData("0<=w<1", 0.0, false, 1.0, true)>]
[<InlineData("0<w<pi/2", 0.0, true, 1.5707963267948966, true)>]
let ``assumptions give the symbol its domain`` (assumption: string, lo: float, loOpen: bool, hi: float, hiOpen: bool) =
    match Expr.Parse("w", assumption) with
    | :? Symbol as s ->
        Assert.Equal(Interval(lo, hi, loOpen, hiOpen), s.Domain)
        Assert.Equal("w", s.Name)
    | other -> failwithf "expected a symbol, got %O" other

[<Fact>]
let ``assumptions can be built as a value`` () =
    // Assumptions.Parse takes a C# 13 'params IEnumerable<string>', which F# sees as a plain sequence argument.
    let a = Assumptions.Parse [ "w>0"; "-1<beta<1" ]
    Assert.Equal(Interval.Positive, a.DomainOf "w")
    Assert.Equal(Interval.Real, a.DomainOf "x")
    let b = Assumptions.None.With("w", Interval.Positive).With("w", Interval.Open(-1.0, 1.0))
    Assert.Equal(Interval.Open(0.0, 1.0), b.DomainOf "w")
    Assert.Equal(Expr.Parse("sqrt(w^2)", "0<w<1"), Expr.Parse("sqrt(w^2)", b))

[<Theory>]
[<InlineData("w>>0")>]
[<InlineData("1<w<0")>]
[<InlineData("w!=1")>]
[<InlineData("w>x")>]
let ``malformed assumptions raise ParseException`` (assumption: string) =
    Assert.Throws<ParseException>(fun () -> Expr.Parse("w", assumption) |> ignore) |> ignore

[<Theory>]
[<InlineData("w*sinh(w)", @"w \sinh\left(w\right)")>]
[<InlineData("sqrt(x)", @"\sqrt{x}")>]
[<InlineData("x/y", @"\frac{x}{y}")>]
[<InlineData("beta*sinh(w/beta)", @"\beta \sinh\left(\frac{w}{\beta}\right)")>]
[<InlineData("x^2", "x^{2}")>]
[<InlineData("exp(-x^2)", @"e^{-x^{2}}")>]
[<InlineData("1/2*x", @"\frac{x}{2}")>]
[<InlineData("x - 1", "x - 1")>]
[<InlineData("x^(1/3)", @"\sqrt[3]{x}")>]
[<InlineData("abs(x)", @"\left|x\right|")>]
[<InlineData("x^(-1/2)", @"\frac{1}{\sqrt{x}}")>]
[<InlineData("pi*x", @"\pi x")>]
[<InlineData("x_1", "x_{1}")>]
[<InlineData("sin(x)^2", @"\sin^{2}\left(x\right)")>]
let ``LaTeX form`` (text: string, latex: string) =
    Assert.Equal(latex, (Expr.Parse text).ToLatex())

[<Theory>]
[<InlineData("w*sinh(w) + log(1 + w^2)")>]
[<InlineData("beta*sinh(w/beta)")>]
[<InlineData("-x^2/(2*y) - 3/4")>]
[<InlineData("x^x + 2^x + (1 + x)^(-3/2)")>]
[<InlineData("0.1d*x + 1E-300d + -1.7976931348623157E+308d")>]
[<InlineData("lambertw(x) + li2(x) + erf(x) + sign(x) + abs(x)")>]
[<InlineData("asin(x) + acos(x) + atan(x) + asinh(x) + acosh(x) + atanh(x)")>]
[<InlineData("1/(2*x*y^2)")>]
[<InlineData("(-x)^(1/3)")>]
let ``printed text parses back to an equal expression`` (text: string) =
    let e = Expr.Parse text
    Assert.Equal(e, Expr.Parse(string e))
