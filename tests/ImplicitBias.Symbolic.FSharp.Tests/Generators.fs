/// FsCheck generators for expressions, written with the FsCheck.FSharp API (Gen, Arb, gen { }).
module ImplicitBias.Symbolic.FSharp.Tests.Generators

open FsCheck
open FsCheck.FSharp
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.Testing

/// The main variable. Expr.Var returns a Symbol; upcast once so it mixes with other Expr values in lists and branches.
let x : Expr = Expr.Var "x"

// ---------------------------------------------------------------- numbers

/// A decimal point in [lo, hi] on a grid of 1/1000, nudged off the grid so that no point sits exactly on a kink.
let point lo hi : Gen<float> =
    Gen.choose (int (lo * 1000.0), int (hi * 1000.0)) |> Gen.map (fun k -> float k / 1000.0 + 1.0e-4 * sqrt 2.0)

/// Small exact rationals such as 3, -2, 1/2, -7/3.
let rationalCoefficient : Gen<Expr> =
    gen {
        let! n = Gen.choose (-9, 9)
        let! d = Gen.elements [ 1; 1; 1; 2; 3; 4 ]
        return Expr.Fraction(n, d) :> Expr
    }

/// Finite doubles of all magnitudes (including subnormal-free tiny and huge values), for printing round trips.
let finiteDouble : Gen<float> =
    Gen.oneof
        [ Gen.choose (-100000, 100000) |> Gen.map (fun k -> float k / 64.0)
          Gen.map2
              (fun (m: int) (e: int) -> float m * 10.0 ** float e)
              (Gen.choose (-999999, 999999))
              (Gen.choose (-300, 300))
          Gen.elements [ 0.1; -0.3; 1.0 / 3.0; System.Math.PI; 1e-300; -1.7976931348623157e308; 4.9e-324 ] ]

// ---------------------------------------------------------------- polynomials

/// A polynomial by its integer coefficients, constant term first.
type Polynomial =
    { Coefficients: int list }

    /// Σ c_k x^k built with the Expr operators.
    member p.ToExpr() : Expr =
        p.Coefficients
        |> List.mapi (fun k c -> Expr.Integer c * Expr.Pow(x, Expr.Integer k))
        |> List.fold (+) Expr.Zero

    /// The derivative's coefficients.
    member p.Derivative() =
        { Coefficients = p.Coefficients |> List.mapi (fun k c -> k * c) |> List.tail }

    /// Horner evaluation in doubles.
    member p.Value(at: float) =
        List.foldBack (fun c acc -> float c + at * acc) p.Coefficients 0.0

    override p.ToString() = string (p.ToExpr())

let polynomial : Gen<Polynomial> =
    gen {
        let! degree = Gen.choose (0, 8)
        let! cs = Gen.listOfLength (degree + 1) (Gen.choose (-20, 20))
        return { Coefficients = cs }
    }

let shrinkPolynomial (p: Polynomial) : Polynomial seq =
    seq {
        if p.Coefficients.Length > 1 then yield { Coefficients = List.take (p.Coefficients.Length - 1) p.Coefficients }
        for i in 0 .. p.Coefficients.Length - 1 do
            if p.Coefficients[i] <> 0 then yield { Coefficients = List.updateAt i 0 p.Coefficients }
    }

// ---------------------------------------------------------------- smooth elementary expressions

/// Expressions in x that are smooth on the whole real line, up to depth 4 (grows with FsCheck's size): the theorem
/// library's generator, used here the way an F# user would.
let smooth : Gen<Expr> = ExprGen.SmoothSized(Expr.Var "x")

// ---------------------------------------------------------------- arbitrary expressions

/// The symbols of general expressions, each with the assumption text that gives it its domain.
let symbolsWithAssumptions : (string * string option) list =
    [ "x", None; "y", Some "y>0"; "beta", Some "-1<beta<1"; "t_1", Some "t_1!=0" ]

/// The assumptions matching <see cref="symbolsWithAssumptions"/>, as Expr.Parse accepts them.
let assumptionTexts : string[] = symbolsWithAssumptions |> List.choose snd |> List.toArray

let private assumedSymbols : Expr list =
    let assumptions = Assumptions.Parse assumptionTexts
    symbolsWithAssumptions |> List.map (fun (name, _) -> Expr.Var(name, assumptions.DomainOf name) :> Expr)

/// Leaves of general expressions; the constants come from <paramref name="doubles"/> and <paramref name="rationals"/>.
let private generalLeaf (doubles: Gen<float>) (rationals: Gen<Expr>) : Gen<Expr> =
    Gen.frequency
        [ 5, Gen.constant x // the main variable, most often
          5, Gen.elements assumedSymbols
          3, rationalCoefficient
          1, rationals
          2, doubles |> Gen.map (fun v -> Expr.FromDouble v :> Expr)
          1, Gen.constant (Expr.Pi :> Expr) ]

/// Huge exact rationals (about 10^18 over small denominators).
let private hugeRational : Gen<Expr> =
    Gen.map2
        (fun (n: int) (d: int) -> Expr.Fraction(bigint n * 1000000007I * 998244353I, bigint d) :> Expr)
        (Gen.choose (-50, 50))
        (Gen.choose (1, 97))

/// Doubles of moderate size, so that x is not lost to rounding next to a constant (needed by numeric comparisons).
let moderateDouble : Gen<float> = Gen.choose (-4000, 4000) |> Gen.map (fun k -> float k / 64.0)

let private allFunctions = System.Enum.GetValues<Function>() |> Array.toList

let private exponents (doubles: Gen<float>) : Gen<Expr> =
    Gen.oneof
        [ Gen.choose (-4, 5) |> Gen.map (fun k -> Expr.Integer k :> Expr)
          Gen.elements [ Expr.Half :> Expr; Expr.Fraction(1, 3); Expr.Fraction(-3, 2); Expr.Fraction(2, 5) ]
          Gen.elements assumedSymbols
          doubles |> Gen.map (fun v -> Expr.FromDouble(v % 7.0) :> Expr) ]

/// Tries a construction; the builders reject exact division by zero and floating overflow in constants,
/// which are not what these generators want to test.
let private attempt (build: unit -> Expr) : Expr option =
    try Some(build ()) with :? SymbolicException -> None

let rec private generalOfDepth (leaf: Gen<Expr>) (exponents: Gen<Expr>) depth : Gen<Expr> =
    if depth <= 0 then leaf
    else
        let sub = generalOfDepth leaf exponents (depth - 1)
        let built =
            Gen.frequency
                [ 1, Gen.map (fun e () -> e) leaf
                  4, Gen.map2 (fun f u () -> Expr.Apply(f, u)) (Gen.elements allFunctions) sub
                  3, Gen.map2 (fun (b: Expr) (k: Expr) () -> Expr.Pow(b, k)) sub exponents
                  3, Gen.map (fun terms () -> Expr.Add(List.toArray terms)) (Gen.listOfLength 3 sub)
                  2, Gen.map2 (fun a b () -> a + b) sub sub
                  3, Gen.map2 (fun a b () -> a * b) sub sub
                  2, Gen.map2 (fun a b () -> a - b) sub sub
                  2, Gen.map2 (fun a b () -> a / b) sub sub
                  1, Gen.map (fun a () -> -a) sub ]
        built |> Gen.map attempt |> Gen.where Option.isSome |> Gen.map Option.get

/// Canonical expressions over every node kind and function, symbols with domains included, up to depth 5,
/// with constants of every magnitude (for exact checks: printing, compilation).
let general : Gen<Expr> =
    let tinyOrHuge = finiteDouble |> Gen.map (fun v -> if abs v > 1.0 then v / 1.0e6 else v)
    Gen.sized (fun size ->
        generalOfDepth (generalLeaf finiteDouble hugeRational) (exponents tinyOrHuge) (1 + min 4 (size / 20)))

/// The same shapes with moderate constants (for numeric checks, where 10^17 + x would lose x to rounding).
let moderate : Gen<Expr> =
    Gen.sized (fun size ->
        generalOfDepth
            (generalLeaf moderateDouble rationalCoefficient)
            (exponents moderateDouble)
            (1 + min 4 (size / 20)))

/// Shrinks an expression to its subexpressions (a failing case usually survives in one of them).
let shrinkExpr (e: Expr) : Expr seq = e.Children :> Expr seq

// ---------------------------------------------------------------- wrapper types for [<Property(Arbitrary = ...)>]

/// An expression in x, smooth on the real line.
type SmoothExpr = SmoothExpr of Expr

/// Any canonical expression (all node kinds, symbols x, y > 0, −1 < beta < 1, t_1 ≠ 0).
type AnyExpr = AnyExpr of Expr

/// Any canonical expression with moderate constants.
type ModerateExpr = ModerateExpr of Expr

/// A point in [−2, 2].
type Point = Point of float

/// Values for x, y, beta and t_1 inside their assumed domains.
type Bindings =
    | Bindings of Map<string, float>
    override b.ToString() = let (Bindings m) = b in sprintf "%A" (Map.toList m)

let bindings : Gen<Bindings> =
    gen {
        let! xv = point -2.0 2.0
        let! yv = point 0.001 3.0
        let! betav = point -0.998 0.998
        let! tv = point -2.0 2.0
        return Bindings(Map [ "x", xv; "y", yv; "beta", betav; "t_1", tv ])
    }

/// The arbitraries the property tests register with FsCheck.Xunit.
type Arbitraries =
    static member Smooth() : Arbitrary<SmoothExpr> =
        Arb.fromGenShrink (Gen.map SmoothExpr smooth, fun (SmoothExpr e) -> shrinkExpr e |> Seq.map SmoothExpr)

    static member Any() : Arbitrary<AnyExpr> =
        Arb.fromGenShrink (Gen.map AnyExpr general, fun (AnyExpr e) -> shrinkExpr e |> Seq.map AnyExpr)

    static member Moderate() : Arbitrary<ModerateExpr> =
        Arb.fromGenShrink (Gen.map ModerateExpr moderate, fun (ModerateExpr e) -> shrinkExpr e |> Seq.map ModerateExpr)

    static member Polynomial() : Arbitrary<Polynomial> = Arb.fromGenShrink (polynomial, shrinkPolynomial)

    static member Point() : Arbitrary<Point> = Arb.fromGen (point -2.0 2.0 |> Gen.map Point)

    static member Bindings() : Arbitrary<Bindings> = Arb.fromGen bindings
