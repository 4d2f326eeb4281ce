namespace ImplicitBias.Symbolic.FSharp

open System.Numerics
open ImplicitBias.Symbolic

/// The float versions of the special functions System.Double lacks (erf, Lambert W, Li₂), for float and float32, so the
/// F# layer's <c>erf</c>, <c>lambertw</c> and <c>li2</c> work on floats too (and inside float quotations).
[<AbstractClass; Sealed>]
type RealSpecialFunctions =
    /// The error function of a float (the core's RealFunctions.Erf).
    static member Erf(x: float) : float = RealFunctions.Erf x
    /// Lambert W₀ of a float (NaN below −1/e).
    static member LambertW(x: float) : float = RealFunctions.LambertW x
    /// The dilogarithm of a float (NaN above 1).
    static member Li2(x: float) : float = RealFunctions.Li2 x
    /// The error function of a float32.
    static member Erf(x: float32) : float32 = float32 (RealFunctions.Erf(float x))
    /// Lambert W₀ of a float32.
    static member LambertW(x: float32) : float32 = float32 (RealFunctions.LambertW(float x))
    /// The dilogarithm of a float32.
    static member Li2(x: float32) : float32 = float32 (RealFunctions.Li2(float x))

/// <summary>
/// Functions on expressions that FSharp.Core does not provide. F#'s own <c>+ - * / ** sqrt exp log abs sin cos tan
/// sinh cosh tanh asin acos atan</c> already work on <c>Expr</c> (through the core's static members, with ints and
/// floats mixed in exactly), so nothing here redefines an operator. The functions below are inline and resolve through
/// static members too: <c>asinh</c>, <c>acosh</c> and <c>atanh</c> also work on floats (System.Double has them).
/// </summary>
[<AutoOpen>]
module ExprFunctions =

    /// Inverse hyperbolic sine (on Expr, float, or any type with a static Asinh).
    let inline asinh (x: ^T) : ^T = (^T: (static member Asinh: ^T -> ^T) x)

    /// Inverse hyperbolic cosine, branch [0, ∞) (on Expr, float, or any type with a static Acosh).
    let inline acosh (x: ^T) : ^T = (^T: (static member Acosh: ^T -> ^T) x)

    /// Inverse hyperbolic tangent (on Expr, float, or any type with a static Atanh).
    let inline atanh (x: ^T) : ^T = (^T: (static member Atanh: ^T -> ^T) x)

    /// <summary>Implementation detail of <c>erf</c>, <c>lambertw</c> and <c>li2</c>: resolves ^W's float overload or
    /// ^T's own static member.</summary>
    let inline callErf (_witness: ^W) (x: ^T) : ^T = ((^W or ^T): (static member Erf: ^T -> ^T) x)

    /// <summary>Implementation detail of <c>lambertw</c>.</summary>
    let inline callLambertW (_witness: ^W) (x: ^T) : ^T = ((^W or ^T): (static member LambertW: ^T -> ^T) x)

    /// <summary>Implementation detail of <c>li2</c>.</summary>
    let inline callLi2 (_witness: ^W) (x: ^T) : ^T = ((^W or ^T): (static member Li2: ^T -> ^T) x)

    /// The error function (on Expr, on float through the core's RealFunctions, or any type with a static Erf).
    let inline erf (x: ^T) : ^T = callErf Unchecked.defaultof<RealSpecialFunctions> x

    /// Lambert W, principal branch W₀ (on Expr, on float, or any type with a static LambertW).
    let inline lambertw (x: ^T) : ^T = callLambertW Unchecked.defaultof<RealSpecialFunctions> x

    /// The dilogarithm Li₂ (on Expr, on float, or any type with a static Li2).
    let inline li2 (x: ^T) : ^T = callLi2 Unchecked.defaultof<RealSpecialFunctions> x

    /// The sign −1, 0 or 1 as an expression (F#'s sign returns an int, so it cannot build one).
    let signum (x: Expr) : Expr = Expr.Sign x

    /// An exact integer as an expression: num 2 ** w, num 1 / num 3.
    let num (n: int) : Expr = Expr.Integer(BigInteger n)

    /// The exact rational p/q as an expression: q 1 3 is 1/3.
    let q (numerator: int) (denominator: int) : Expr =
        Expr.Fraction(BigInteger numerator, BigInteger denominator)
