/// Building expressions with the C# API from F#: builders, operators, structural equality, pattern matching.
module ImplicitBias.Symbolic.FSharp.Tests.ConstructionTests

open System.Collections.Generic
open Xunit
open ImplicitBias.Symbolic

// Expr.Var returns the Symbol subtype; F# keeps that type, so upcast when mixing with other Exprs.
let w : Expr = Expr.Var "w"
let x : Expr = Expr.Var "x"
let two : Expr = Expr.Integer 2

/// Facts about the canonical forms the operators produce: (name, built expression, expected text).
let canonicalForms : objnull[] seq =
    [ "like terms collect", x + x, "2*x"
      "numbers fold", two * x * Expr.Integer 3, "6*x"
      "powers of a base collect", x * x * x, "x^3"
      "difference of equals is zero", x - x, "0"
      "quotient of equals is one", x / x, "1"
      "exact rationals", Expr.Fraction(1, 2) + Expr.Fraction(1, 3), "5/6"
      "negation", -x, "-x"
      "numeric term leads a sum", Expr.One + x, "1 + x"
      "reciprocal", Expr.One / Expr.Pow(x, two), "1/x^2"
      "sqrt is the half power", Expr.Sqrt x, "sqrt(x)"
      "sqrt of 8", Expr.Sqrt(Expr.Integer 8), "2*sqrt(2)"
      "real cube root of -8", Expr.Pow(Expr.Integer -8, Expr.Fraction(1, 3)), "-2"
      "pi", Expr.Pi * two, "2*pi"
      "sin(pi/6)", Expr.Sin(Expr.Pi / Expr.Integer 6), "1/2"
      "doubles keep the d suffix", Expr.FromDouble 0.25 * x, "0.25d*x"
      "the quick-start formula", w * Expr.Sinh w + Expr.Log(Expr.One + Expr.Pow(w, two)), "w*sinh(w) + log(1 + w^2)" ]
    |> Seq.map (fun (name, e: Expr, text) -> [| box name; box e; box text |])

[<Theory>]
[<MemberData(nameof canonicalForms)>]
let ``operators on Expr build canonical forms`` (_name: string, e: Expr, expected: string) =
    Assert.Equal(expected, string e)
    Assert.Equal(expected, e.ToString())

[<Fact>]
let ``builders, operators and the parser agree structurally`` () =
    let built = w * Expr.Sinh w + Expr.Log(Expr.One + Expr.Pow(w, Expr.Integer 2))
    let parsed = Expr.Parse "log(1 + w^2) + sinh(w)*w"
    Assert.Equal(parsed, built)
    Assert.True((parsed = built)) // F# structural (=) goes through the record's Equals
    Assert.Equal(parsed.GetHashCode(), built.GetHashCode())
    Assert.False(obj.ReferenceEquals(parsed, built))

[<Fact>]
let ``ints and floats mix with expressions exactly, in arguments and operators`` () =
    // a float is read as its shortest decimal, like a literal in parsed text: 0.5 is 1/2, 2.0 is 2
    Assert.Equal(Expr.Pow(w, Expr.Integer 2), Expr.Pow(w, 2))
    Assert.Equal(Expr.Pow(w, Expr.Integer 2), w ** 2.0)
    Assert.Equal(Expr.Sqrt w, Expr.Pow(w, 0.5))
    Assert.Equal(Expr.Add(w, Expr.One), Expr.Add(w, 1))
    Assert.Equal(Expr.Integer 3 * w, Expr.Multiply(3, w))
    Assert.Equal(Expr.Integer 3 * w, 3 * w)
    Assert.Equal(Expr.Parse "w/4 + 1/10", w * 0.25 + 0.1)
    Assert.Equal(Expr.Parse "1 - 2/w", 1.0 - 2 / w)
    Assert.Equal("w^0.5d", string (Expr.Pow(w, Expr.FromDouble 0.5))) // FromDouble keeps a floating-point Real

[<Fact>]
let ``the symbol's domain is part of its identity`` () =
    let plain = Expr.Var "w"
    let positive = Expr.Var("w", Interval.Positive)
    Assert.NotEqual<Expr>(plain, positive)
    Assert.Equal<Expr>(positive, Expr.Parse("w", "w>0"))
    Assert.Equal(Interval.Positive, (Expr.Parse("w", "w>0") :?> Symbol).Domain)

/// A function a user might write: describe the top node by matching on the node types.
let describe (e: Expr) =
    match e with
    | :? Number as n -> sprintf "number %O" n.Value
    | :? Real as r -> sprintf "real %g" r.Value
    | :? Symbol as s -> sprintf "symbol %s" s.Name
    | :? Constant as c -> sprintf "constant %A" c.Which
    | :? Sum as s -> sprintf "sum of %d terms" s.Terms.Length
    | :? Product as p -> sprintf "product of %d factors" p.Factors.Length
    | :? Power as p -> sprintf "power with exponent %O" p.Exponent
    | :? Call as c -> sprintf "call of %A" c.Function
    | _ -> failwithf "unknown node kind %A" e.Kind

[<Theory>]
[<InlineData("3/4", "number 3/4")>]
[<InlineData("0.5d", "real 0.5")>]
[<InlineData("beta", "symbol beta")>]
[<InlineData("pi", "constant Pi")>]
[<InlineData("w*sinh(w) + log(1 + w^2)", "sum of 2 terms")>]
[<InlineData("2*x*y", "product of 3 factors")>]
[<InlineData("sqrt(x)", "power with exponent 1/2")>]
[<InlineData("1/x", "power with exponent -1")>]
[<InlineData("asinh(x)", "call of Asinh")>]
let ``pattern matching on node types`` (text: string, expected: string) =
    Assert.Equal(expected, describe (Expr.Parse text))

[<Fact>]
let ``every node kind is reached by the type test pattern`` () =
    let samples = [ "1"; "1d"; "x"; "pi"; "x + 1"; "2*x"; "x^2"; "sin(x)" ] |> List.map Expr.Parse
    let kinds = samples |> List.map (fun e -> e.Kind) |> set
    Assert.Equal<Set<ExprKind>>(set (System.Enum.GetValues<ExprKind>()), kinds)
    for e in samples do Assert.DoesNotContain("unknown", describe e)

[<Fact>]
let ``active patterns over the node types read naturally`` () =
    let (|Add|_|) (e: Expr) = match e with :? Sum as s -> Some(List.ofSeq s.Terms) | _ -> None
    let (|Fn|_|) (e: Expr) = match e with :? Call as c -> Some(c.Function, c.Argument) | _ -> None
    let rec countCalls (e: Expr) =
        match e with
        | Fn(_, arg) -> 1 + countCalls arg
        | Add terms -> terms |> List.sumBy countCalls
        | _ -> e.Children |> Seq.sumBy countCalls
    Assert.Equal(3, countCalls (Expr.Parse "w*sinh(w) + log(1 + exp(w^2))"))

[<Fact>]
let ``expressions work as keys of hash-based collections`` () =
    // Expr is IComparable<Expr> but not IComparable, so F# Set<Expr>, Map<Expr, _> and compare do not compile;
    // HashSet and Dictionary (structural hashing) work.
    let seen = HashSet<Expr>([ Expr.Parse "x + 1"; Expr.Parse "1 + x"; Expr.One + x ])
    Assert.Equal(1, seen.Count)
    let sorted = [ Expr.Parse "x^2"; Expr.Parse "1"; x ] |> List.sortWith (fun a b -> a.CompareTo b)
    Assert.Equal<Expr list>([ Expr.Parse "1"; x; Expr.Parse "x^2" ], sorted)

[<Fact>]
let ``substitute, free symbols and dependence`` () =
    let rho = Expr.Parse("beta*sinh(w/beta)", "beta>0")
    Assert.Equal<string list>([ "beta"; "w" ], rho.FreeSymbols() |> List.ofSeq)
    Assert.True(rho.DependsOn "w")
    Assert.False(rho.DependsOn "x")
    let atOne = rho.Substitute("beta", Expr.One)
    Assert.Equal(Expr.Sinh w, atOne)
    let both = rho.Substitute(Map [ "beta", Expr.Integer 2 :> Expr; "w", Expr.Integer 4 :> Expr ])
    Assert.Equal("2*sinh(2)", string both)
    Assert.True(both.IsConstant)
    Assert.Equal(2.0 * sinh 2.0, both.Evaluate(), 12)

[<Fact>]
let ``builders reject exact division by zero`` () =
    let ex = Assert.Throws<SymbolicException>(fun () -> Expr.One / Expr.Zero |> ignore)
    Assert.Contains("division by zero", ex.Message)
    Assert.Throws<System.ArgumentException>(fun () -> Expr.Var "sin" |> ignore) |> ignore

[<Fact>]
let ``nesting deeper than MaxDepth is rejected, not a stack overflow`` () =
    let deep () = Seq.fold (fun (e: Expr) _ -> Expr.Sin e) x (seq { 1 .. Expr.MaxDepth + 5 })
    Assert.Throws<ExpressionTooDeepException>(fun () -> deep () |> ignore) |> ignore
