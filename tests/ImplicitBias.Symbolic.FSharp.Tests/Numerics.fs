/// Numeric helpers shared by the tests: tolerant comparison and central finite differences.
module ImplicitBias.Symbolic.FSharp.Tests.Numerics

open System

/// a = b (infinities included), or |a − b| ≤ tol · max(1, |a|, |b|).
let close (tol: float) (a: float) (b: float) =
    a = b || abs (a - b) <= tol * max 1.0 (max (abs a) (abs b))

/// Equal as doubles, counting NaN = NaN (what "compiled agrees with evaluated bit for bit" means).
let sameDouble (a: float) (b: float) = a.Equals b

/// The five-point central difference (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h, error O(h⁴).
let centralDifference (f: float -> float) (at: float) (h: float) =
    (f (at - 2.0 * h) - 8.0 * f (at - h) + 8.0 * f (at + h) - f (at + 2.0 * h)) / (12.0 * h)

/// The outcome of comparing a symbolic derivative with finite differences at one point.
type DerivativeCheck =
    /// The finite differences converged and agree (true) or disagree (false) with the symbolic value.
    | Checked of agrees: bool * symbolic: float * numeric: float
    /// The function is not finite, too large, or too rough near the point for finite differences to settle.
    | Inconclusive

/// Compares df(at) with central differences of f at two step sizes; only a converged difference is evidence.
let checkDerivative (f: float -> float) (df: float -> float) (at: float) : DerivativeCheck =
    let h = 1.0e-3 * max 1.0 (abs at)
    let values = [ for k in -4 .. 4 -> f (at + float k * h / 2.0) ]
    let scale = values |> List.map abs |> List.fold max 1.0
    if values |> List.exists (Double.IsFinite >> not) || scale > 1.0e8 then Inconclusive
    else
        let coarse = centralDifference f at h
        let fine = centralDifference f at (h / 2.0)
        let symbolic = df at
        let tolerance = 1.0e-6 * max scale (abs fine)
        if abs (coarse - fine) > tolerance then Inconclusive
        else Checked(Double.IsFinite symbolic && abs (symbolic - fine) <= 10.0 * tolerance, symbolic, fine)

/// How far the value of e moves when one input moves by a relative 1e-12 (the largest over the inputs). Rewrites that
/// round differently (y^(a·b) for (y^a)^b) move an ill-conditioned value — sin of a power near 10⁸ — by a sizable
/// fraction of this, so comparisons allow a share of it on top of their tolerance.
let sensitivity (e: ImplicitBias.Symbolic.Expr) (values: Map<string, float>) (value: float) =
    values
    |> Seq.map (fun binding -> abs (e.Evaluate(values.Add(binding.Key, binding.Value * (1.0 + 1e-12))) - value))
    |> Seq.filter Double.IsFinite
    |> Seq.fold max 0.0

