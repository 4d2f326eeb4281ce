/// The F# layer as an F# user calls it: curried modules (Expr, Domain, Reparam, Bias, Flow), operators on
/// expressions, quotations, options, records and unions. No casts, no boxing, no strings where a type exists.
module ImplicitBias.Symbolic.FSharp.Tests.FSharpApiTests

open System
open Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp

// ---------------------------------------------------------------- helpers

/// Checks every row of a table and reports all failing rows at once.
let table (rows: (string * bool) list) =
    match rows |> List.filter (snd >> not) |> List.map fst with
    | [] -> ()
    | failed -> Assert.Fail(sprintf "%d of %d rows failed:\n%s" failed.Length rows.Length (String.concat "\n" failed))

/// The message of the exception of this type that f raises, if it raises one.
let messageOf<'E when 'E :> exn> (f: unit -> unit) : string option =
    try
        f ()
        None
    with
    | :? 'E as e -> Some e.Message

let close (tolerance: float) (expected: float) (actual: float) =
    abs (expected - actual) <= tolerance * (1.0 + abs expected)

let w = Expr.symbol "w"
let x = Expr.symbol "x"

/// A module-level value a quotation captures (read through a static property).
let moduleScale = 0.5

// ---------------------------------------------------------------- operators and parsing

[<Fact>]
let ``F# operators and functions build the same expression as parsing`` () =
    let rows =
        [ "the quick-start formula", w * sinh w + log (1.0 + w ** 2.0), "w*sinh(w)+log(1+w^2)"
          "int and float literals", 2 * w + 0.25, "2*w + 1/4"
          "division by a float", w / 4.0, "w/4"
          "sqrt and abs", sqrt (abs w), "sqrt(abs(w))"
          "exp of a negation", exp (-w), "exp(-w)"
          "trigonometric", sin w * cos w / tan w, "sin(w)*cos(w)/tan(w)"
          "inverse trigonometric", asin w + acos w + atan w, "asin(w)+acos(w)+atan(w)"
          "hyperbolic", sinh w + cosh w + tanh w, "sinh(w)+cosh(w)+tanh(w)"
          "the layer's inverse hyperbolic", asinh w + acosh w + atanh w, "asinh(w)+acosh(w)+atanh(w)"
          "the layer's special functions", erf w + lambertw w + li2 w, "erf(w)+lambertw(w)+li2(w)"
          "signum", signum w, "sign(w)"
          "num and q", num 2 ** w + q 1 3 * w, "2^w + w/3"
          "integer powers", w ** 3, "w^3"
          "half powers are square roots", w ** 0.5, "sqrt(w)" ]
    table [ for name, built, text in rows -> $"{name}: {built} vs {text}", built = Expr.parse text ]

[<Fact>]
let ``the layer's special functions also work on floats`` () =
    table
        [ "erf 0.5", close 1e-14 0.5204998778130465 (erf 0.5)
          "lambertw e = 1", close 1e-14 1.0 (lambertw Math.E)
          "li2 1 = π²/6", close 1e-12 (Math.PI * Math.PI / 6.0) (li2 1.0)
          "asinh on floats", asinh 1.5 = Math.Asinh 1.5
          "erf on float32", abs (float (erf 0.5f) - 0.5204998778130465) < 1e-6 ]

[<Fact>]
let ``tryParse reports the 1-based column and the problem`` () =
    let rows =
        [ "w * (1 + ", 10, "unexpected end of input"
          "w +* 2", 4, "found '*'"
          "sin(w", 6, "expected ')'"
          "foo(w)", 1, "unknown function 'foo'"
          "2w", 2, "write 2*x"
          "w)", 2, "unmatched ')'"
          "", 1, "unexpected end of input" ]
    table
        [ for text, column, problem in rows ->
              match Expr.tryParse text with
              | Ok e -> $"'{text}' parsed as {e}", false
              | Error error ->
                  $"'{text}': column {error.Column} ({error.Problem})",
                  error.Input = text && error.Column = column && error.Problem.Contains problem ]
    Assert.Equal(Ok(Expr.parse "w^2"), Expr.tryParse "w^2")
    Assert.Throws<ParseException>(fun () -> Expr.parse "w +* 2" |> ignore) |> ignore

[<Fact>]
let ``Domain parses, formats and builds intervals`` () =
    Assert.Equal(Domain.positive, Domain.parse "(0,inf)")
    Assert.Equal(Domain.between (-Math.PI / 2.0) (Math.PI / 2.0), Domain.parse "(-pi/2, pi/2)")
    Assert.Equal("(0,inf)", Domain.format Domain.positive)
    Assert.Equal("(-pi/2,pi/2)", Domain.format (Domain.parse "(-pi/2, pi/2)"))
    Assert.Equal(@"\left(-\frac{\pi}{2}, \frac{\pi}{2}\right)", Domain.toLatex (Domain.parse "(-pi/2, pi/2)"))
    Assert.True(Domain.positive |> Domain.contains 1.0)
    Assert.False(Domain.positive |> Domain.contains 0.0)
    match Domain.tryParse "(0,)" with
    | Error e -> Assert.Equal("(0,)", e.Input)
    | Ok d -> Assert.Fail $"parsed {d}"

// ---------------------------------------------------------------- the Expr module

[<Fact>]
let ``Expr functions pipe and agree with the mathematics`` () =
    let f = Expr.parse "w*sinh(w)"
    let positiveW = Expr.symbolIn Domain.positive "w"
    table
        [ "diff", (f |> Expr.diff "w") = Expr.parse "w*cosh(w) + sinh(w)"
          "diffN 2", (Expr.parse "w^3" |> Expr.diffN 2 "w") = Expr.parse "6*w"
          "simplify uses the symbol's domain",
          (Expr.parseAssuming [ "w", Domain.positive ] "sqrt(w^2)" |> Expr.simplify) = positiveW
          "without the domain, an absolute value", (Expr.parse "sqrt(w^2)" |> Expr.simplify) = Expr.parse "abs(w)"
          "expand", (Expr.parse "(1+w)^2" |> Expr.expand) = Expr.parse "1 + 2*w + w^2"
          "substitute", (f |> Expr.substitute "w" (Expr.parse "2*x")) = Expr.parse "2*x*sinh(2*x)"
          "substituteAll",
          (Expr.parse "a*w" |> Expr.substituteAll (Map [ "a", Expr.number 3.0; "w", x ])) = Expr.parse "3*x"
          "evaluate with a Map", close 1e-15 (0.3 * sinh 0.3) (f |> Expr.evaluate (Map [ "w", 0.3 ]))
          "evaluateAt with pairs",
          close 1e-15 (2.0 * sinh 0.15) (Expr.parse "beta*sinh(w/beta)" |> Expr.evaluateAt [ "w", 0.3; "beta", 2.0 ])
          "value of a constant", close 1e-15 (Math.PI / 4.0) (Expr.parse "atan(1)" |> Expr.value)
          "number is exact", Expr.number 0.1 = Expr.parse "1/10"
          "ofFloat keeps a double", Expr.toString (Expr.ofFloat 0.1) = "0.1d"
          "toLatex", Expr.toLatex (Expr.parse "sinh(w)") = @"\sinh\left(w\right)"
          "freeSymbols", Expr.freeSymbols (Expr.parse "beta*sinh(w/beta)") = set [ "beta"; "w" ]
          "dependsOn", Expr.dependsOn "w" f && not (Expr.dependsOn "x" f)
          "range",
          Expr.range (Expr.parse "tanh(w)") = Domain.parse "[-1,1]"
          || (Expr.range (Expr.parse "tanh(w)")).IsWithin(-1.0, 1.0) ]

[<Fact>]
let ``compiled functions are F# functions`` () =
    let f = Expr.parse "beta*sinh(w/beta)"
    let g = f |> Expr.compileWith (Map [ "beta", 2.0 ]) "w"
    let h = f |> Expr.compile2 "w" "beta"
    let v = f |> Expr.compileVector [ "beta"; "w" ]
    let s = Expr.parse "w*sinh(w)" |> Expr.compile "w"
    let batch = Expr.parse "w^2" |> Expr.compileBatch "w"
    let output = Array.zeroCreate 3
    batch.Invoke(ReadOnlySpan [| 1.0; 2.0; 3.0 |], Span output)
    table
        [ "compile", close 1e-15 (0.7 * sinh 0.7) (s 0.7)
          "compileWith", close 1e-15 (2.0 * sinh 0.15) (g 0.3)
          "compile2", h 0.3 2.0 = g 0.3
          "compileVector", v [| 2.0; 0.3 |] = g 0.3
          "compileBatch", output = [| 1.0; 4.0; 9.0 |] ]
    Assert.Throws<EvaluationException>(fun () -> f |> Expr.compile "w" |> ignore) |> ignore

[<Fact>]
let ``integrate gives certified closed forms or numeric antiderivatives`` () =
    match Expr.parse "1/cosh(w)" |> Expr.integrate "w" with
    | Closed(e, _, certificate, _) ->
        Assert.Equal(Expr.parse "atan(sinh(w))", e)
        Assert.True(
            (match certificate with
             | Certificate.Symbolic -> true
             | Certificate.AtPoints(points, error) -> points >= 5 && error < 1e-9)
        )
    | Numeric _ -> Assert.Fail "expected a closed form"
    match Expr.parse "exp(w^3)" |> Expr.integrate "w" with
    | Numeric(evaluate, basePoint) ->
        let value, error = evaluate 1.0
        Assert.Equal(0.0, basePoint)
        Assert.True(close 1e-10 1.3419044179774196 value, $"{value}")
        Assert.True(error < 1e-8)
    | Closed(e, _, _, _) -> Assert.Fail $"unexpected closed form {e}"
    let value, _ = Expr.parse "w*atan(w)" |> Expr.definite "w" 0.0 1.0
    Assert.True(close 1e-12 (Math.PI / 4.0 - 0.5) value)
    match Expr.parse "beta/(1 + w^2)" |> Expr.integrateWith (Map [ "beta", 2.0 ]) "w" with
    | Closed(e, _, _, _) -> Assert.Equal(Expr.parse "beta*atan(w)", e)
    | Numeric _ -> Assert.Fail "expected a closed form"

[<Fact>]
let ``solve gives the inverse on the right branch or says where monotonicity fails`` () =
    match Expr.parseAssuming [ "w", Domain.negative ] "w^2" |> Expr.solve "w" "x" with
    | Ok inverse ->
        Assert.Equal(Some "-sqrt(x)", inverse.Expression |> Option.map Expr.toString)
        Assert.False inverse.Increasing
        Assert.True(close 1e-15 -3.0 (inverse.Evaluate 9.0))
    | Error e -> Assert.Fail $"{e}"
    match Expr.parse "w^2" |> Expr.solve "w" "x" with
    | Error(NotMonotone(message, changes)) ->
        Assert.Contains("not monotone", message)
        Assert.True(changes |> List.exists (fun c -> abs c < 1e-6), $"%A{changes}")
    | Ok inverse -> Assert.Fail $"inverted a non-monotone function: {inverse.Expression}"
    match Expr.parse "w^3 + w" |> Expr.solve "w" "x" with
    | Ok inverse ->
        Assert.Equal(None, inverse.Expression)
        Assert.True(close 1e-12 1.0 (inverse.Evaluate 2.0))
    | Error e -> Assert.Fail $"{e}"
    match Expr.parse "beta*sinh(w)" |> Expr.solveWith (Map [ "beta", 2.0 ]) "w" "x" with
    | Ok inverse -> Assert.True(close 1e-14 (asinh 1.5) (inverse.Evaluate 3.0))
    | Error e -> Assert.Fail $"{e}"

[<Fact>]
let ``node takes an expression apart and ofNode builds it back`` () =
    let describe e =
        match Expr.node e with
        | Node.Number r -> $"number {r}"
        | Node.Real v -> $"real {v}"
        | Node.Symbol(name, domain) -> $"symbol {name} in {Domain.format domain}"
        | Node.Pi -> "pi"
        | Node.Sum terms -> $"sum of {terms.Length}"
        | Node.Product factors -> $"product of {factors.Length}"
        | Node.Power(_, exponent) -> $"power {exponent}"
        | Node.Call(f, _) -> $"call {f}"
    table
        [ for text, expected in
              [ "3/4", "number 3/4"
                "0.5d", "real 0.5"
                "w", "symbol w in (-inf,inf)"
                "pi", "pi"
                "1 + w + w^2", "sum of 3"
                "2*w*sinh(w)", "product of 3"
                "sqrt(w)", "power 1/2"
                "sinh(w)", "call Sinh" ] ->
              let e = Expr.parse text
              $"{text}: {describe e}", describe e = expected && Expr.ofNode (Expr.node e) = e ]

// ---------------------------------------------------------------- quotations

[<Fact>]
let ``quotations read as the expressions they denote`` () =
    let rows: (string * Quotations.Expr<float -> float> * string) list =
        [ "the quick-start formula", <@ fun w -> w * sinh w + log (1.0 + w ** 2.0) @>, "w*sinh(w)+log(1+w^2)"
          "power", <@ fun w -> w ** 2.0 @>, "w^2"
          "pown", <@ fun w -> pown w 3 @>, "w^3"
          "sqrt", <@ fun w -> sqrt w @>, "sqrt(w)"
          "unary minus", <@ fun w -> exp (-w) @>, "exp(-w)"
          "double negation", <@ fun w -> -(-w) @>, "w"
          "log10", <@ fun w -> log10 w @>, "log(w)/log(10)"
          "float literals are exact", <@ fun w -> 0.25 * w + 0.1 @>, "w/4 + 1/10"
          "float of an int", <@ fun w -> float 3 * w @>, "3*w"
          "Math.PI", <@ fun w -> Math.PI * w @>, "pi*w"
          "Math.E", <@ fun w -> Math.E ** w @>, "exp(1)^w"
          "differences", <@ fun w -> w - 1.0 - 2.0 * w @>, "-1 - w"
          "quotients", <@ fun w -> 1.0 / w / 2.0 @>, "1/(2*w)"
          "trigonometric", <@ fun w -> sin w + cos w + tan w + asin w + acos w + atan w @>,
          "sin(w)+cos(w)+tan(w)+asin(w)+acos(w)+atan(w)"
          "hyperbolic and abs", <@ fun w -> sinh w + cosh w + tanh w + abs w @>, "sinh(w)+cosh(w)+tanh(w)+abs(w)"
          "the layer's functions", <@ fun w -> asinh w + acosh w + atanh w + erf w + lambertw w + li2 w @>,
          "asinh(w)+acosh(w)+atanh(w)+erf(w)+lambertw(w)+li2(w)"
          "System.Math", <@ fun w -> Math.Sqrt w + Math.Pow(w, 3.0) + Math.Log(w, 2.0) + Math.Cbrt w @>,
          "sqrt(w) + w^3 + log(w)/log(2) + w^(1/3)"
          "sign", <@ fun w -> float (sign w) @>, "sign(w)"
          "a let-binding", <@ fun w -> let u = w / 2.0 in u * u @>, "w^2/4"
          "nested lets", <@ fun w -> let a = w + 1.0 in let b = a * a in b - a @>, "(w+1)^2 - (w+1)"
          "a local function", <@ fun w -> let sq t = t * t in sq w + sq 2.0 @>, "w^2 + 4"
          "a module-level value", <@ fun w -> moduleScale * w @>, "w/2" ]
    table
        [ for name, quotation, text in rows ->
              let e = Expr.ofQuotation quotation
              $"{name}: {e} vs {text}", e = Expr.parse text ]

[<Fact>]
let ``captured values become numbers and curried arguments become symbols`` () =
    let beta = 2.0
    let n = 3
    table
        [ "captured float", Expr.ofQuotation <@ fun w -> beta * sinh (w / beta) @> = Expr.parse "2*sinh(w/2)"
          "captured int", Expr.ofQuotation <@ fun w -> pown w n @> = Expr.parse "w^3"
          "two arguments", Expr.ofQuotation2 <@ fun beta w -> beta * sinh (w / beta) @> = Expr.parse "beta*sinh(w/beta)"
          "untyped, three arguments",
          Expr.ofUntypedQuotation <@@ fun (a: float) (b: float) (w: float) -> a * w + b @@> = Expr.parse "a*w + b"
          "no lambda", Expr.ofUntypedQuotation <@@ beta * 3.0 @@> = Expr.parse "6" ]

[<Fact>]
let ``unsupported constructs raise a clear ArgumentException`` () =
    let rows: (Quotations.Expr * string) list =
        [ (<@ fun w -> List.sum [ w; 1.0 ] @>).Raw, "unsupported in a quotation: call to List.sum"
          (<@ fun w -> if w > 0.0 then w else -w @>).Raw, "unsupported in a quotation: if-then-else"
          (<@ fun (w: float) -> Math.Round w @>).Raw, "unsupported in a quotation: call to Math.Round"
          (<@ fun w -> nan * w @>).Raw, "unsupported in a quotation: the non-finite number NaN"
          (<@ fun w -> w * float (5 / 2) @>).Raw, "integer division"
          <@@ fun (a: float, b: float) -> a + b @@>, "only float arguments become symbols"
          <@@ fun (n: int) -> float n @@>, "only float arguments become symbols"
          <@@ fun (pi: float) -> pi @@>, "not usable as a symbol name" ]
    table
        [ for quotation, expected in rows ->
              match messageOf<ArgumentException> (fun () -> Expr.ofUntypedQuotation quotation |> ignore) with
              | None -> $"{quotation} was read", false
              | Some message -> $"{expected} vs {message}", message.Contains expected ]

[<Fact>]
let ``deep quotations neither recurse without bound nor crash`` () =
    let v = Quotations.Var("w", typeof<float>)
    let wq: Quotations.Expr<float> = Quotations.Expr.Cast(Quotations.Expr.Var v)
    // a 20 000-term sum is read iteratively
    let sum = Seq.fold (fun (acc: Quotations.Expr<float>) _ -> <@ %acc + %wq @>) wq [ 1..19_999 ]
    Assert.Equal(Expr.parse "20000*w", Expr.ofUntypedQuotation (Quotations.Expr.Lambda(v, sum)))
    let product = Seq.fold (fun (acc: Quotations.Expr<float>) _ -> <@ %acc * %wq / 2.0 @>) wq [ 1..5_000 ]
    Assert.Equal(
        $"w^5001/{Numerics.BigInteger.Pow(2I, 5000)}",
        Expr.ofUntypedQuotation (Quotations.Expr.Lambda(v, product)) |> Expr.toString
    )
    // 100 000 nested calls: a clear error, not a stack overflow
    let nested = Seq.fold (fun (acc: Quotations.Expr<float>) _ -> <@ sin %acc @>) wq [ 1..100_000 ]
    let error =
        Assert.Throws<ArgumentException>(fun () ->
            Expr.ofUntypedQuotation (Quotations.Expr.Lambda(v, nested)) |> ignore)
    Assert.Contains("nested deeper than", error.Message)

/// A random float function as a quotation and as the F# function it denotes.
type Term =
    { Quote: Quotations.Expr<float>
      Eval: float -> float
      Text: string }

    override t.ToString() = t.Text

let private variable = Quotations.Var("w", typeof<float>)
let private wTerm =
    { Quote = Quotations.Expr.Cast(Quotations.Expr.Var variable)
      Eval = id
      Text = "w" }

let rec private termOfSize (size: int) : Gen<Term> =
    let leaf =
        Gen.oneof
            [ Gen.constant wTerm
              Gen.choose (1, 16)
              |> Gen.map (fun k -> let c = float k / 4.0 in { Quote = <@ c @>; Eval = (fun _ -> c); Text = string c }) ]
    if size <= 1 then
        leaf
    else
        let smaller = termOfSize (size / 2)
        let unary (name: string) (quote: Quotations.Expr<float> -> Quotations.Expr<float>) (f: float -> float) =
            smaller |> Gen.map (fun t -> { Quote = quote t.Quote; Eval = t.Eval >> f; Text = $"{name}({t.Text})" })
        let binary
            (name: string)
            (quote: Quotations.Expr<float> -> Quotations.Expr<float> -> Quotations.Expr<float>)
            (f: float -> float -> float)
            =
            Gen.map2
                (fun a b ->
                    { Quote = quote a.Quote b.Quote
                      Eval = (fun v -> f (a.Eval v) (b.Eval v))
                      Text = $"({a.Text} {name} {b.Text})" })
                smaller
                smaller
        Gen.oneof
            [ leaf
              unary "sin" (fun q -> <@ sin %q @>) sin
              unary "atan" (fun q -> <@ atan %q @>) atan
              unary "tanh" (fun q -> <@ tanh %q @>) tanh
              unary "asinh" (fun q -> <@ asinh %q @>) asinh
              unary "exp∘tanh" (fun q -> <@ exp (tanh %q) @>) (tanh >> exp)
              unary "sqrt(1+t²)" (fun q -> <@ sqrt (1.0 + %q * %q) @>) (fun t -> sqrt (1.0 + t * t))
              unary "cube" (fun q -> <@ pown %q 3 @>) (fun t -> pown t 3)
              binary "+" (fun a b -> <@ %a + %b @>) (+)
              binary "*" (fun a b -> <@ %a * %b @>) (*) ]

let private terms = Gen.sized (fun size -> termOfSize (min size 12))
let private points = Gen.choose (-2000, 2000) |> Gen.map (fun k -> float k / 1000.0 + 1e-4 * sqrt 2.0)

[<Property(MaxTest = 200)>]
let ``a compiled quotation equals the F# function it quotes`` () =
    Prop.forAll (Arb.fromGen (Gen.zip terms points)) (fun (term, at) ->
        let compiled = Expr.ofUntypedQuotation (Quotations.Expr.Lambda(variable, term.Quote)) |> Expr.compile "w"
        let expected = term.Eval at
        let actual = compiled at
        (close 1e-9 expected actual || (Double.IsNaN expected && Double.IsNaN actual))
        |> Prop.label $"{term} at {at}: F# {expected}, compiled {actual}")

[<Property(MaxTest = 100)>]
let ``quoted expressions print, parse and rebuild from nodes to equal values`` () =
    Prop.forAll (Arb.fromGen terms) (fun term ->
        let e = Expr.ofUntypedQuotation (Quotations.Expr.Lambda(variable, term.Quote))
        (Expr.parse (Expr.toString e) = e && Expr.ofNode (Expr.node e) = e)
        |> Prop.label $"{term} read as {e}")

[<Property(MaxTest = 100)>]
let ``compile and evaluate agree bit for bit`` () =
    Prop.forAll (Arb.fromGen (Gen.zip terms points)) (fun (term, at) ->
        let e = Expr.ofUntypedQuotation (Quotations.Expr.Lambda(variable, term.Quote))
        let compiled = Expr.compile "w" e at
        let evaluated = Expr.evaluateAt [ "w", at ] e
        (compiled = evaluated || (Double.IsNaN compiled && Double.IsNaN evaluated))
        |> Prop.label $"{e} at {at}: compiled {compiled}, evaluated {evaluated}")

// ---------------------------------------------------------------- Reparam

[<Fact>]
let ``Reparam builds reparametrizations from text, expressions and quotations`` () =
    let fromText = Reparam.parse "sinh(w)"
    let fromExpr = Expr.parse "sinh(u)" |> Reparam.ofExpr "u"
    let fromQuotation = Reparam.ofQuotation <@ fun v -> sinh v @>
    table
        [ "parse", Reparam.expression fromText = Expr.parse "sinh(w)" && Reparam.variable fromText = "w"
          "ofExpr", Reparam.variable fromExpr = "u" && Reparam.domain fromExpr = Domain.real
          "ofQuotation takes the argument's name", Reparam.variable fromQuotation = "v"
          "withDomain", (Reparam.parse "w^2" |> Reparam.withDomain Domain.positive |> Reparam.domain) = Domain.positive
          "the variable carries the domain",
          (Reparam.parse "w^2" |> Reparam.withDomain Domain.positive |> Reparam.expression) =
              Expr.parseAssuming [ "w", Domain.positive ] "w^2" ]

[<Fact>]
let ``parameters from extra lambda arguments take values, domains, and survive rebuilding`` () =
    let symbolic = Reparam.ofQuotation2 <@ fun beta w -> beta * sinh (w / beta) @>
    Assert.Equal<(string * Interval) list>([ "beta", Domain.real ], Reparam.symbolicParameters symbolic)
    let assumed = symbolic |> Reparam.withAssumptions [ "beta", Domain.positive ]
    Assert.Equal<(string * Interval) list>([ "beta", Domain.positive ], Reparam.symbolicParameters assumed)
    // the assumption is kept when the domain changes
    Assert.Equal<(string * Interval) list>(
        [ "beta", Domain.positive ],
        assumed |> Reparam.withDomain (Domain.between -1.0 1.0) |> Reparam.symbolicParameters
    )
    let bound = assumed |> Reparam.withParameters [ "beta", 0.25 ]
    Assert.Equal(Expr.parse "sinh(4*w)/4", Reparam.expression bound)
    Assert.Equal<Map<string, float>>(Map [ "beta", 0.25 ], Reparam.parameters bound)
    Assert.Equal(Expr.parse "beta*sinh(w/beta)", Reparam.original bound)
    Assert.Empty(Reparam.symbolicParameters bound)
    let rebound = bound |> Reparam.withParameters [ "beta", 0.5 ]
    Assert.Equal(Expr.parse "sinh(2*w)/2", Reparam.expression rebound)

[<Fact>]
let ``the two-variable form and the catalog`` () =
    let square = Reparam.parse "w^2" |> Reparam.withDomain Domain.positive
    let difference = square |> Reparam.difference 0.5 0.5
    Assert.Equal(Some(Expr.number 0.5, Expr.number 0.5), Reparam.differenceStart difference)
    Assert.Equal(None, Reparam.differenceStart square)
    // the form survives rebuilding
    Assert.True((difference |> Reparam.withDomain Domain.positive |> Reparam.differenceStart).IsSome)
    let alpha = Expr.symbolIn Domain.positive "alpha"
    Assert.Equal(Some(alpha, alpha), square |> Reparam.differenceOf alpha alpha |> Reparam.differenceStart)
    Assert.Equal(13, Reparam.catalog.Length)
    match Reparam.find "beta_sinh" with
    | Some item ->
        Assert.Equal("beta*sinh(w/beta)", item.Rho)
        Assert.Equal<Map<string, float>>(Map [ "beta", 0.25 ], Reparam.parameters item.Reparametrization)
    | None -> Assert.Fail "beta_sinh is in the catalog"
    Assert.Equal(None, Reparam.find "no such map" |> Option.map (fun item -> item.Name))

// ---------------------------------------------------------------- Bias

[<Fact>]
let ``derive w^2 gives the entropy-type potential, explicit, with every condition holding`` () =
    let d = Reparam.ofQuotation <@ fun w -> w ** 2.0 @> |> Reparam.withDomain Domain.positive |> Bias.derive
    Assert.Equal(Form.Explicit, Bias.form d)
    Assert.Equal(Some "x*log(x)/4", Bias.potential d |> Option.map Expr.toString)
    Assert.Equal(Some "1/4 + log(x)/4", Bias.mirrorMap d |> Option.map Expr.toString)
    Assert.Equal(Some "1/(4*x)", Bias.metric d |> Option.map Expr.toString)
    Assert.Equal(Some "exp(4*z - 1)", Bias.inverseMirrorMap d |> Option.map Expr.toString)
    Assert.Equal(Some "1/4 + log(w)/2", Bias.dualCoordinate d |> Option.map Expr.toString)
    Assert.Equal(Some "exp(4*z - 1)/4", Bias.conjugate d |> Option.map Expr.toString)
    Assert.Equal(Expr.parseAssuming [ "w", Domain.positive ] "2*w", Bias.derivative d)
    Assert.Equal(Domain.positive, Bias.image d)
    let conditions = Bias.conditions d
    Assert.True(conditions.Length >= 4)
    Assert.All(conditions, fun c -> Assert.Equal(Holds, c.Status))
    Assert.Empty(Bias.failedConditions d)
    // the relative entropy: D(x, x0) = (x log(x/x0) − x + x0)/4
    let divergence = Bias.bregman d
    Assert.True(close 1e-13 ((2.0 * log (2.0 / 0.5) - 2.0 + 0.5) / 4.0) (divergence 2.0 0.5))
    Assert.True((Bias.bregmanExpr d).IsSome)
    Assert.Contains(@"\begin{align*}", Bias.toLatex d)

[<Fact>]
let ``derived is the chain as a record`` () =
    let chain = Reparam.parse "sinh(w)" |> Bias.derived
    Assert.Equal(Form.Explicit, chain.Form)
    match chain.Potential, chain.Metric with
    | Some potential, Some metric ->
        Assert.Equal(Chain.Potential, potential.Kind)
        Assert.Equal(Some(Expr.parse "x*atan(x) - log(1 + x^2)/2"), potential.Expression)
        Assert.True(close 1e-15 (1.0 / (1.0 + 0.7 * 0.7)) (metric.Evaluate 0.7))
    | _ -> Assert.Fail "sinh has an explicit potential and metric"
    Assert.True(chain.Conditions |> List.forall (fun c -> c.Status = Holds))
    // a map that is not a bijection of its domain: the chain is missing and monotonicity fails
    let even = Reparam.parse "w^2" |> Bias.derived
    Assert.True(even.Potential.IsNone)
    Assert.True(even.Conditions |> List.exists (fun c -> c.Status = Fails))
    // the parametric form: ρ⁻¹ of w³ + w is not elementary, yet f(ρ(w)) is exact
    let cubic = Reparam.parse "w^3+w" |> Bias.derive
    Assert.Equal(Form.Parametric, Bias.form cubic)
    Assert.True((Bias.potentialOfW cubic).IsSome)
    Assert.Equal(None, Bias.potential cubic)

/// f″ = 1/ρ′(ρ⁻¹(x))², checked against the F# functions a user would write, for maps given as quotations.
[<Fact>]
let ``the metric of quoted maps is 1 over rho' at rho inverse, squared`` () =
    let rows
        : (string * Quotations.Expr<float -> float> * Interval * (float -> float) * (float -> float) * float list) list
        =
        [ "w^2", <@ fun w -> w ** 2.0 @>, Domain.positive, (fun w -> 2.0 * w), sqrt, [ 0.01; 0.5; 3.0 ]
          "sinh", <@ fun w -> sinh w @>, Domain.real, cosh, asinh, [ -4.0; 0.0; 0.7; 50.0 ]
          "exp", <@ fun w -> exp w @>, Domain.real, exp, log, [ 0.001; 1.0; 20.0 ]
          "w^3", <@ fun w -> w * w * w @>, Domain.positive, (fun w -> 3.0 * w * w), Math.Cbrt, [ 0.1; 8.0 ]
          "2 sinh(w/2)", (let beta = 2.0 in <@ fun w -> beta * sinh (w / beta) @>), Domain.real,
          (fun w -> cosh (w / 2.0)), (fun x -> 2.0 * asinh (x / 2.0)), [ -1.0; 3.0 ]
          "tanh", <@ fun w -> tanh w @>, Domain.real, (fun w -> 1.0 - tanh w ** 2.0), atanh, [ -0.9; 0.2 ] ]
    table
        [ for name, rho, domain, derivative, inverse, at in rows do
              let d = Reparam.ofQuotation rho |> Reparam.withDomain domain |> Bias.derive
              match Bias.chain Chain.Metric d with
              | Some metric ->
                  for point in at ->
                      let expected = 1.0 / (derivative (inverse point) ** 2.0)
                      $"{name} at {point}: f'' = {metric.Evaluate point}, expected {expected}",
                      close 1e-10 expected (metric.Evaluate point)
              | None -> yield $"{name}: no metric", false ]

[<Fact>]
let ``design round trip: the designed map derives back to the wanted metric`` () =
    let trig = Bias.design (Expr.parse "x*atan(x) - log(1+x^2)/2")
    Assert.Equal(Some(Expr.parse "sinh(w)"), trig.Reparametrization)
    Assert.True(trig.Verified, trig.Verification)
    Assert.Equal(Form.Explicit, trig.Form)
    let entropy = Expr.parse "x*log(x)" |> Bias.designIn "x" Domain.positive
    Assert.Equal(Some "w^2/4", entropy.Reparametrization |> Option.map Expr.toString)
    Assert.Equal(Domain.positive, entropy.ReparametrizationDomain)
    Assert.True(entropy.Verified, entropy.Verification)
    match entropy.Check with
    | Some check ->
        let metric = Bias.chain Chain.Metric check
        Assert.True(metric |> Option.exists (fun m -> close 1e-12 (1.0 / 3.0) (m.Evaluate 3.0)))
    | None -> Assert.Fail "the designed map was derived back"
    Assert.Throws<SymbolicException>(fun () -> Bias.design (Expr.parse "-x^2") |> ignore) |> ignore

// ---------------------------------------------------------------- Flow

let private small = { ProblemSpec.defaults with Rows = 6; Columns = 30; Sparsity = 2 }

[<Fact>]
let ``Flow verify agrees with the projection on a small generated problem`` () =
    let square = Reparam.parse "w^2" |> Reparam.withDomain Domain.positive
    let problem = square |> Flow.generate small
    Assert.Equal(30, (Flow.x0 problem).Length)
    Assert.True((Flow.truth problem).IsSome)
    let report = problem |> Flow.verify VerifyOptions.defaults
    Assert.True(report.Agree, $"max |Δ| = {report.MaxAbsDifference}, {report.StopReason}")
    Assert.True(report.LimitMatchesPrediction)
    Assert.Equal(StopReason.LossTolerance, report.StopReason)
    Assert.True(report.Flow.Converged)
    Assert.Equal(Method.Auto, report.Method)
    Assert.Equal(ProjectionMethod.DualNewton, report.Projection.Method)
    Assert.True(report.KktResidual |> Option.exists (fun r -> r < 1e-6))
    Assert.True(report.PrimalCheckDifference |> Option.exists (fun dx -> dx < 1e-8))
    Assert.Empty(report.FailedConditions)
    Assert.Equal(None, report.GradientDescent |> Option.map (fun g -> g.Step))
    // the projection on its own, and the primal cross-check
    let projection = Flow.project problem
    Assert.True(projection.Converged)
    Assert.Equal<float[]>(report.Prediction, projection.X)
    let primal = Flow.projectPrimal problem
    Assert.Equal(ProjectionMethod.PrimalNewton, primal.Method)
    Assert.True(Array.forall2 (close 1e-7) projection.X primal.X)

[<Fact>]
let ``Flow run: methods, options, trajectory and the gradient-descent comparison`` () =
    let problem = Reparam.parse "sinh(w)" |> Flow.generate small
    let prediction = Flow.project problem
    let progress = ResizeArray<FlowProgress>()
    let rosenbrock =
        problem
        |> Flow.run
            { RunOptions.defaults with
                Method = Method.Rosenbrock
                TrajectorySamples = 10
                Progress = Some progress.Add }
    Assert.True(rosenbrock.Converged, $"{rosenbrock.StopReason}")
    Assert.True(Array.forall2 (close 1e-6) prediction.X rosenbrock.X)
    Assert.NotEmpty(rosenbrock.Trajectory)
    Assert.NotEmpty(progress)
    let dual = problem |> Flow.run { RunOptions.defaults with Method = Method.Dual }
    Assert.True(Array.forall2 (close 1e-6) prediction.X dual.X)
    let limited = problem |> Flow.run { RunOptions.defaults with Method = Method.RungeKutta; MaxSteps = 3 }
    Assert.Equal(StopReason.StepLimit, limited.StopReason)
    Assert.False(limited.Converged)
    // three steps: neither converged nor at the prediction
    let stopped =
        problem
        |> Flow.verify
            { VerifyOptions.defaults with Run = { RunOptions.defaults with Method = Method.RungeKutta; MaxSteps = 3 } }
    Assert.False(stopped.Agree)
    Assert.False(stopped.LimitMatchesPrediction)
    let report =
        problem
        |> Flow.verify
            { VerifyOptions.defaults with
                GradientDescentStep = Some 0.1
                Run = { RunOptions.defaults with MaxTime = Some 1e6 } }
    match report.GradientDescent with
    | Some descent ->
        Assert.Equal(0.1, descent.Step)
        Assert.True(descent.Distance > 0.0 && descent.Distance < 0.5, $"{descent.Distance}")
    | None -> Assert.Fail "gradient descent was asked for"

[<Fact>]
let ``problemOf takes arrays, validated by the core`` () =
    let a = array2D [ [ 1.0; 0.5; -0.3; 0.2 ]; [ 0.0; 1.0; 0.4; -0.6 ] ]
    let xStar = [| 1.0; 0.5; 0.2; 0.3 |]
    let y = Array.init 2 (fun i -> Seq.sum (seq { for j in 0..3 -> a[i, j] * xStar[j] }))
    let data =
        { A = a
          Y = y
          Start = Start.Init 0.3
          Truth = Some xStar
          Loss = Loss.Square
          Link = Link.Identity }
    let square = Reparam.parse "w^2" |> Reparam.withDomain Domain.positive
    let problem = square |> Flow.problemOf data
    Assert.Equal<float[]>(Array.create 4 0.09, Flow.x0 problem |> Array.map (fun v -> Math.Round(v, 15)))
    let report = problem |> Flow.verify VerifyOptions.defaults
    Assert.True(report.Agree, $"{report.MaxAbsDifference}")
    // x0 is converted through ρ⁻¹; a loss and a link given as formulas
    let fromX0 =
        square
        |> Flow.problemOf { data with Start = Start.X0(Array.create 4 0.09); Loss = Loss.Formula(Expr.parse "r^4/4") }
    Assert.True(Array.forall2 (close 1e-12) (Flow.x0 problem) (Flow.x0 fromX0))
    let errors =
        [ { data with Y = [| 1.0 |] }, "y has 1 entries, expected 2"
          { data with Start = Start.W0 [| 0.1; -0.1; 0.1; 0.1 |] }, "w0[1]"
          { data with Start = Start.W0 [| 0.1; nan; 0.1; 0.1 |] }, "w0[1] is not a finite number"
          { data with Link = Link.Formula(Expr.parse "-z") }, "not strictly increasing" ]
    table
        [ for bad, expected in errors ->
              match messageOf<SymbolicException> (fun () -> square |> Flow.problemOf bad |> ignore) with
              | None -> $"accepted, expected '{expected}'", false
              | Some message -> $"{message} vs {expected}", message.Contains expected ]

/// Every member of a core enum (Enum.GetValues), with the number of cases of the F# union that mirrors it.
let private membersAndCases<'Enum, 'Union> () =
    Enum.GetValues(typeof<'Enum>) |> Seq.cast<'Enum> |> List.ofSeq,
    Reflection.FSharpType.GetUnionCases(typeof<'Union>).Length

[<Fact>]
let ``every core stop reason maps to its own union case and back, with the core's text`` () =
    let members, cases = membersAndCases<ImplicitBias.Symbolic.StopReason, StopReason> ()
    Assert.Equal(members.Length, cases)
    Assert.Equal(members.Length, members |> List.map StopReason.ofCore |> List.distinct |> List.length)
    table
        [ for m in members ->
              let case = StopReason.ofCore m
              $"{m} -> {case} -> {StopReason.toString case}",
              StopReason.toCore case = m && StopReason.toString case = m.Text() ]
    Assert.Equal("left the domain", StopReason.toString StopReason.LeftDomain)
    Assert.Equal("gradient vanished", StopReason.toString StopReason.GradientVanished)

[<Fact>]
let ``every core integrator maps to its own union case and back, with the core's text`` () =
    let members, cases = membersAndCases<FlowIntegrator, Integrator> ()
    Assert.Equal(members.Length, cases)
    let distinct = members |> List.map (fun m -> Integrator.ofCore m 0.05) |> List.distinct
    Assert.Equal(members.Length, distinct.Length)
    table
        [ for m in members ->
              let case = Integrator.ofCore m 0.05
              let core, step = Integrator.toCore case
              $"{m} -> {case} -> {Integrator.toString case}",
              core = m && Integrator.toString case = m.Text(Option.toNullable step) ]
    Assert.Equal("gradient descent (η = 0.05)", Integrator.toString (Integrator.GradientDescent 0.05))

[<Fact>]
let ``every core projection method maps to its own union case and back, with the core's text`` () =
    let members, cases = membersAndCases<ImplicitBias.Symbolic.ProjectionMethod, ProjectionMethod> ()
    Assert.Equal(members.Length, cases)
    table
        [ for m in members ->
              let case = ProjectionMethod.ofCore m
              $"{m} -> {case}", ProjectionMethod.toCore case = m && ProjectionMethod.toString case = m.Text() ]
    Assert.Equal(members.Length, members |> List.map ProjectionMethod.ofCore |> List.distinct |> List.length)

[<Fact>]
let ``every core certificate kind maps to its own union case and back`` () =
    let members, cases =
        membersAndCases<ImplicitBias.Symbolic.Algebra.Calculus.CertificateKind, Certificate> ()
    Assert.Equal(members.Length, cases)
    let ofKind kind = Certificate.ofCore (ImplicitBias.Symbolic.Algebra.Calculus.Certificate(kind, 7, 1e-12))
    table [ for m in members -> $"{m} -> {ofKind m}", Certificate.kind (ofKind m) = m ]
    Assert.Equal(members.Length, members |> List.map (ofKind >> Certificate.kind) |> List.distinct |> List.length)

[<Fact>]
let ``every core integration rule maps to its own union case and back, with the core's text`` () =
    let members, cases =
        membersAndCases<ImplicitBias.Symbolic.Algebra.Calculus.IntegrationRule, IntegrationRule> ()
    Assert.Equal(members.Length, cases)
    Assert.Equal(members.Length, members |> List.map IntegrationRule.ofCore |> List.distinct |> List.length)
    let text = ImplicitBias.Symbolic.Algebra.Calculus.IntegrationRuleText.Text
    table
        [ for m in members ->
              let case = IntegrationRule.ofCore m
              $"{m} -> {case} -> {IntegrationRule.toString case}",
              IntegrationRule.toCore case = m && IntegrationRule.toString case = text m ]
    Assert.Equal("integration by parts", IntegrationRule.toString IntegrationRule.IntegrationByParts)

[<Fact>]
let ``a closed form carries the steps of the successful branch, each differentiating back`` () =
    // by parts is tried on log(w)/w and abandoned: only the substitution and its table entry in t remain
    match Expr.parseAssuming [ "w", Domain.positive ] "log(w)/w" |> Expr.integrate "w" with
    | Closed(e, method, _, steps) ->
        Assert.Equal("substitution", method)
        Assert.Equal(IntegrationRule.Substitution, steps.Rule)
        Assert.Equal(e, steps.Result)
        let inner = Assert.Single steps.Substeps
        Assert.Equal(IntegrationRule.Table, inner.Rule)
        Assert.NotEqual<string>("w", inner.Variable)
        Assert.Empty inner.Substeps
        let rec all step = step :: List.collect all step.Substeps
        table
            [ for s in all steps ->
                  let at = [ s.Variable, 0.7 ]
                  let derivative = s.Result |> Expr.diff s.Variable |> Expr.evaluateAt at
                  $"{IntegrationRule.toString s.Rule}: d/d{s.Variable} {s.Result} = {s.Integrand}",
                  close 1e-12 (Expr.evaluateAt at s.Integrand) derivative ]
    | Numeric _ -> Assert.Fail "expected a closed form"

[<Fact>]
let ``an inconsistent system stops the flow when its gradient vanishes, and never agrees`` () =
    let square = Reparam.parse "w^2" |> Reparam.withDomain Domain.positive
    let problem =
        square
        |> Flow.problemOf
            { A = array2D [ [ 1.0; 1.0; 0.0 ]; [ 1.0; 1.0; 0.0 ] ]
              Y = [| 1.0; 2.0 |]
              Start = Start.Init 0.1
              Truth = None
              Loss = Loss.Square
              Link = Link.Identity }
    let run = problem |> Flow.run RunOptions.defaults
    Assert.Equal(StopReason.GradientVanished, run.StopReason)
    Assert.False(run.Converged)
    Assert.True(run.Steps <= 10_000, $"{run.Steps} steps")
    let report = problem |> Flow.verify VerifyOptions.defaults
    Assert.False(report.Interpolating)
    Assert.False(report.Agree)
    Assert.Equal(StopReason.GradientVanished, report.StopReason)

// ---------------------------------------------------------------- the end-to-end "done when"

[<Fact>]
let ``an F# user writes rho as a quotation, derives its bias and verifies it, with no casts`` () =
    let rho =
        Reparam.ofQuotation2 <@ fun beta w -> beta * sinh (w / beta) @>
        |> Reparam.withParameters [ "beta", 0.5 ]
    let derivation = Bias.derive rho
    let potential =
        match Bias.potential derivation with
        | Some f -> f
        | None -> failwith "β sinh(w/β) has an explicit potential"
    Assert.Equal(Expr.parseAssuming [ "x", Domain.real ] "x*atan(2*x)/2 - log(1 + 4*x^2)/8", potential)
    Assert.True(Bias.conditions derivation |> List.forall (fun c -> c.Status = Holds))
    let report =
        rho
        |> Flow.generate { ProblemSpec.defaults with Rows = 8; Columns = 40; Sparsity = 3; Seed = 7 }
        |> Flow.verifyWith derivation VerifyOptions.defaults
    Assert.True(report.Agree, $"max |Δ| = {report.MaxAbsDifference}")
    Assert.True(report.MaxAbsDifference < 1e-6)
