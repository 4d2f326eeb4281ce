/// An independent oracle for derivatives: forward-mode differentiation written as one match over the node types
/// (what an F# user would write against the closed set of Expr records). Values come from the library's own
/// double semantics (Evaluate, RealFunctions), derivatives from the chain rule applied here.
module ImplicitBias.Symbolic.FSharp.Tests.Dual

open System
open ImplicitBias.Symbolic

/// A value, its derivative, and the size of the derivative's largest contributions (a scale for rounding errors).
type Dual = { Value: float; Derivative: float; Magnitude: float }

let private constant v = { Value = v; Derivative = 0.0; Magnitude = 0.0 }

/// f'(u) for every elementary function.
let derivativeOf (f: Function) (u: float) (fu: float) : float =
    match f with
    | Function.Exp -> fu
    | Function.Log -> 1.0 / u
    | Function.Abs -> RealFunctions.Sign u
    | Function.Sign -> 0.0
    | Function.Sin -> cos u
    | Function.Cos -> -(sin u)
    | Function.Tan -> 1.0 + fu * fu
    | Function.Sinh -> cosh u
    | Function.Cosh -> sinh u
    | Function.Tanh -> 1.0 - fu * fu
    | Function.Asin -> 1.0 / sqrt (1.0 - u * u)
    | Function.Acos -> -1.0 / sqrt (1.0 - u * u)
    | Function.Atan -> 1.0 / (1.0 + u * u)
    | Function.Asinh -> 1.0 / sqrt (1.0 + u * u)
    | Function.Acosh -> 1.0 / sqrt (u * u - 1.0)
    | Function.Atanh -> 1.0 / (1.0 - u * u)
    | Function.Erf -> 2.0 / sqrt Math.PI * exp (-(u * u))
    | Function.LambertW -> 1.0 / (u + exp fu)
    | Function.Li2 -> if u = 0.0 then 1.0 else -(log (1.0 - u)) / u
    | other -> failwithf "no derivative rule for %A" other

/// The value and derivative with respect to <paramref name="variable"/> at <paramref name="bindings"/>.
let rec evaluate (bindings: Map<string, float>) (variable: string) (e: Expr) : Dual =
    match e with
    | :? Number
    | :? Real
    | :? Constant -> constant (e.Evaluate())
    | :? Symbol as s ->
        { Value = bindings[s.Name]; Derivative = (if s.Name = variable then 1.0 else 0.0); Magnitude = 1.0 }
    | :? Sum as s ->
        let terms = s.Terms |> Seq.map (evaluate bindings variable) |> List.ofSeq
        { Value = e.Evaluate bindings
          Derivative = terms |> List.sumBy (fun t -> t.Derivative)
          Magnitude = terms |> List.sumBy (fun t -> abs t.Derivative + t.Magnitude) }
    | :? Product as p ->
        let factors = p.Factors |> Seq.map (evaluate bindings variable) |> Array.ofSeq
        let others i = factors |> Array.mapi (fun j f -> if i = j then 1.0 else f.Value) |> Array.fold (*) 1.0
        let contributions = factors |> Array.mapi (fun i f -> f.Derivative * others i, f.Magnitude * abs (others i))
        { Value = e.Evaluate bindings
          Derivative = contributions |> Array.sumBy fst
          Magnitude = contributions |> Array.sumBy (fun (d, m) -> abs d + m) }
    | :? Power as pw ->
        let b = evaluate bindings variable pw.Base
        let value = e.Evaluate bindings
        match pw.Exponent with
        | :? Number as k ->
            let lower = Expr.Pow(pw.Base, Expr.FromRational(k.Value - Rational.One)).Evaluate bindings
            let factor = k.Value.ToDouble() * lower
            { Value = value
              Derivative = factor * b.Derivative
              Magnitude = abs factor * (abs b.Derivative + b.Magnitude) }
        | exponent ->
            // u^v: d = u^v (v' log u + v u'/u)
            let v = evaluate bindings variable exponent
            let a = if v.Derivative = 0.0 then 0.0 else value * v.Derivative * log b.Value
            let c = if b.Derivative = 0.0 then 0.0 else value * v.Value * b.Derivative / b.Value
            { Value = value
              Derivative = a + c
              Magnitude =
                  abs a + abs c
                  + abs value * (v.Magnitude * abs (log b.Value) + b.Magnitude * abs (v.Value / b.Value)) }
    | :? Call as c ->
        let u = evaluate bindings variable c.Argument
        let value = RealFunctions.Apply(c.Function, u.Value)
        let outer = derivativeOf c.Function u.Value value
        let d = if u.Derivative = 0.0 then 0.0 else outer * u.Derivative
        { Value = value; Derivative = d; Magnitude = abs outer * (abs u.Derivative + u.Magnitude) }
    | _ -> failwithf "unknown node kind %A" e.Kind
