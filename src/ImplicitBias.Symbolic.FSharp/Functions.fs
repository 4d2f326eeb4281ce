namespace ImplicitBias.Symbolic.FSharp

open System.Numerics
open ImplicitBias.Symbolic

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

    /// The error function (on Expr, or any type with a static Erf).
    let inline erf (x: ^T) : ^T = (^T: (static member Erf: ^T -> ^T) x)

    /// Lambert W, principal branch W₀ (on Expr, or any type with a static LambertW).
    let inline lambertw (x: ^T) : ^T = (^T: (static member LambertW: ^T -> ^T) x)

    /// The dilogarithm Li₂ (on Expr, or any type with a static Li2).
    let inline li2 (x: ^T) : ^T = (^T: (static member Li2: ^T -> ^T) x)

    /// The sign −1, 0 or 1 as an expression (F#'s sign returns an int, so it cannot build one).
    let signum (x: Expr) : Expr = Expr.Sign x

    /// An exact integer as an expression: num 2 ** w, num 1 / num 3.
    let num (n: int) : Expr = Expr.Integer(BigInteger n)

    /// The exact rational p/q as an expression: q 1 3 is 1/3.
    let q (numerator: int) (denominator: int) : Expr =
        Expr.Fraction(BigInteger numerator, BigInteger denominator)
