namespace ImplicitBias.Symbolic.FSharp

open System
open System.Collections.Generic
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp

/// The core's expression type, named so this file can call its static members next to the Expr module.
type internal CoreExpr = ImplicitBias.Symbolic.Expr

/// Intervals for domains of variables and parameters.
[<RequireQualifiedAccess>]
module Domain =

    /// The whole real line (−∞, ∞).
    let real: Interval = Interval.Real

    /// (0, ∞).
    let positive: Interval = Interval.Positive

    /// (−∞, 0).
    let negative: Interval = Interval.Negative

    /// [0, ∞).
    let nonNegative: Interval = Interval.NonNegative

    /// The open interval (lo, hi); an infinite end is allowed.
    let between (lo: float) (hi: float) : Interval = Interval.Open(lo, hi)

    /// Parses interval text such as "(0,inf)", "(-pi/2, pi/2)" or "[0, 1)"; raises the core's ParseException.
    let parse (text: string) : Interval = DomainText.Parse text

    /// Parses interval text, with the column of the error.
    let tryParse (text: string) : Result<Interval, ParseError> =
        try
            Ok(DomainText.Parse text)
        with :? ParseException as e ->
            Error(Convert.parseError e)

    /// Interval notation that parse reads back, e.g. "(0,inf)" or "(-pi/2,pi/2)".
    let format (domain: Interval) : string = DomainText.Format domain

    /// The interval in LaTeX, e.g. "(0, \infty)" or "\left(-\frac{\pi}{2}, \frac{\pi}{2}\right)".
    let toLatex (domain: Interval) : string = domain.ToLatex()

    /// True when x lies in the interval.
    let contains (x: float) (domain: Interval) : bool = domain.Contains x

/// Expressions: parse, build, simplify, differentiate, integrate, solve, evaluate, compile, print, and read F#
/// quotations. Functions are curried with the expression last, so they pipe:
/// <c>e |> Expr.diff "w" |> Expr.simplify</c>.
[<RequireQualifiedAccess>]
module Expr =

    /// Parses text such as "beta*sinh(w/beta)" (symbols on the whole real line); raises the core's ParseException,
    /// which names the column.
    let parse (text: string) : Expr = CoreExpr.Parse text

    /// Parses text, returning the error (1-based column and what was expected) instead of raising.
    let tryParse (text: string) : Result<Expr, ParseError> =
        try
            Ok(CoreExpr.Parse text)
        with :? ParseException as e ->
            Error(Convert.parseError e)

    /// Parses text, giving the named symbols domains: <c>Expr.parseAssuming [ "w", Domain.positive ] "sqrt(w^2)"</c>.
    let parseAssuming (assumptions: (string * Interval) list) (text: string) : Expr =
        let domains =
            assumptions |> List.fold (fun (a: Assumptions) (name, domain) -> a.With(name, domain)) Assumptions.None
        CoreExpr.Parse(text, domains)

    /// A symbol on the whole real line.
    let symbol (name: string) : Expr = CoreExpr.Var name

    /// A symbol with a domain (an assumption simplification relies on): <c>Expr.symbolIn Domain.positive "w"</c>.
    let symbolIn (domain: Interval) (name: string) : Expr = CoreExpr.Var(name, domain)

    /// The exact rational of a float's shortest decimal form (0.25 is 1/4, 0.1 is 1/10), as the parser reads literals.
    let number (value: float) : Expr = CoreExpr.Decimal value

    /// A floating-point number node, kept as a double (printed with a d suffix, e.g. 0.1d).
    let ofFloat (value: float) : Expr = CoreExpr.FromDouble value

    /// The derivative with respect to a variable, simplified.
    let diff (variable: string) (e: Expr) : Expr = e.Differentiate variable

    /// The derivative of the given order (0 returns e).
    let diffN (order: int) (variable: string) (e: Expr) : Expr = e.Differentiate(variable, order)

    /// The shortest equivalent form found (identities, rational normal form, factored, expanded, …), never larger.
    let simplify (e: Expr) : Expr = e.Simplify()

    /// Distributes products over sums and expands integer powers of sums.
    let expand (e: Expr) : Expr = e.Expand()

    /// Expanded numerator over expanded denominator, without common factors: (x² − a²)/(x − a) = x + a.
    let cancel (e: Expr) : Expr = e.Cancel()

    /// One fraction over the least common denominator, keeping the denominators e writes.
    let together (e: Expr) : Expr = e.Together()

    /// Numerator and denominator factored over the rationals.
    let factor (e: Expr) : Expr = e.Factor()

    /// Partial fractions in the variable, other symbols as parameters.
    let apart (variable: string) (e: Expr) : Expr = e.Apart(variable)

    /// True when e is proven identically zero wherever it is defined (false means "not proven").
    let isZero (e: Expr) : bool = e.IsIdenticallyZero()

    /// The leaves plus the operations of the printed form: the size simplify minimizes.
    let size (e: Expr) : int = e.PrintedSize()

    /// Replaces every symbol of this name by a value (an expression) and re-canonicalizes.
    let substitute (name: string) (value: Expr) (e: Expr) : Expr = e.Substitute(name, value)

    /// Replaces symbols by name, all at once.
    let substituteAll (values: Map<string, Expr>) (e: Expr) : Expr = e.Substitute(values)

    /// The value with the symbols bound by a map; raises the core's EvaluationException for an unbound symbol.
    let evaluate (bindings: Map<string, float>) (e: Expr) : float = e.Evaluate(bindings)

    /// The value with the symbols bound by a list of pairs: <c>Expr.evaluateAt [ "w", 0.3; "beta", 2.0 ]</c>.
    let evaluateAt (bindings: (string * float) list) (e: Expr) : float = e.Evaluate(Map.ofList bindings)

    /// The value of an expression without symbols.
    let value (e: Expr) : float = e.Evaluate()

    /// Compiles to a function of one variable (every other symbol must be absent; see compileWith).
    let compile (variable: string) (e: Expr) : float -> float =
        let f = e.Compile variable
        fun x -> f.Invoke x

    /// Compiles to a function of one variable with the other symbols fixed.
    let compileWith (parameters: Map<string, float>) (variable: string) (e: Expr) : float -> float =
        let f = e.Compile(variable, parameters)
        fun x -> f.Invoke x

    /// Compiles to a curried function of two variables, in the order given.
    let compile2 (first: string) (second: string) (e: Expr) : float -> float -> float =
        let f = e.Compile(first, second)
        fun x y -> f.Invoke(x, y)

    /// Compiles to a function of an array of values for the variables, in the order given.
    let compileVector (variables: string list) (e: Expr) : float[] -> float =
        let f = e.CompileVector(Array.ofList variables)
        fun values -> f.Invoke values

    /// Compiles to the core's span-based batch delegate: output[i] = e(input[i]).
    let compileBatch (variable: string) (e: Expr) : BatchFunction = e.CompileBatch variable

    /// An antiderivative in a variable on its assumed domain: a certified closed form, or a numeric one.
    let integrate (variable: string) (e: Expr) : Antiderivative = Convert.antiderivative (e.Integrate variable)

    /// An antiderivative, with values for the other symbols (used for certification and evaluation).
    let integrateWith (parameters: Map<string, float>) (variable: string) (e: Expr) : Antiderivative =
        Convert.antiderivative (e.Integrate(variable, parameters))

    /// ∫ₐᵇ e d(variable) with an error estimate (closed forms are cross-checked by quadrature, so a singularity
    /// between a and b raises the core's SymbolicException).
    let definite (variable: string) (a: float) (b: float) (e: Expr) : float * float =
        let struct (value, error) = (e.Integrate variable).Definite(a, b)
        value, error

    /// Solves valueName = e(variable) for the variable on its domain: the inverse, or
    /// NotMonotone with where e′ changes sign.
    let solve (variable: string) (valueName: string) (e: Expr) : Result<Inverse, SolveError> =
        try
            Ok(Convert.inverse (e.Solve(variable, valueName)))
        with :? NotMonotoneException as ex ->
            Error(NotMonotone(ex.Message, List.ofSeq ex.SignChanges))

    /// Solves with values for the other symbols.
    let solveWith (parameters: Map<string, float>) (variable: string) (valueName: string) (e: Expr)
        : Result<Inverse, SolveError> =
        try
            Ok(Convert.inverse (e.Solve(variable, valueName, parameters)))
        with :? NotMonotoneException as ex ->
            Error(NotMonotone(ex.Message, List.ofSeq ex.SignChanges))

    /// The text form; it parses back to an equal expression.
    let toString (e: Expr) : string = e.ToString()

    /// The LaTeX form.
    let toLatex (e: Expr) : string = e.ToLatex()

    /// The root node: match on it to take an expression apart.
    let node (e: Expr) : Node =
        match e with
        | :? Number as n -> Node.Number n.Value
        | :? Real as r -> Node.Real r.Value
        | :? Symbol as s -> Node.Symbol(s.Name, s.Domain)
        | :? Constant -> Node.Pi
        | :? Sum as s -> Node.Sum(List.ofSeq s.Terms)
        | :? Product as p -> Node.Product(List.ofSeq p.Factors)
        | :? Power as p -> Node.Power(p.Base, p.Exponent)
        | :? Call as c -> Node.Call(c.Function, c.Argument)
        | other -> invalidArg (nameof e) $"unknown node kind {other.Kind}"

    /// Builds an expression from a node (through the canonical builders, so the result is canonical).
    let ofNode (node: Node) : Expr =
        match node with
        | Node.Number r -> CoreExpr.FromRational r
        | Node.Real v -> CoreExpr.FromDouble v
        | Node.Symbol(name, domain) -> CoreExpr.Var(name, domain)
        | Node.Pi -> CoreExpr.Pi
        | Node.Sum terms -> CoreExpr.Add(terms)
        | Node.Product factors -> CoreExpr.Multiply(factors)
        | Node.Power(b, exponent) -> CoreExpr.Pow(b, exponent)
        | Node.Call(f, argument) -> CoreExpr.Apply(f, argument)

    /// The names of the symbols that occur.
    let freeSymbols (e: Expr) : Set<string> = Set.ofSeq (e.FreeSymbols())

    /// True when a symbol of this name occurs.
    let dependsOn (name: string) (e: Expr) : bool = e.DependsOn name

    /// A conservative interval holding every value e takes over its symbols' domains.
    let range (e: Expr) : Interval = e.Range()

    /// <summary>
    /// Reads an F# quotation of a float function:
    /// <c>Expr.ofQuotation &lt;@ fun w -> w * sinh w + log (1.0 + w ** 2.0) @&gt;</c>.
    /// Lambda arguments become symbols of their names; supported are + − * / and unary minus, <c>**</c>, <c>pown</c>,
    /// <c>sqrt exp log log10 sin cos tan asin acos atan sinh cosh tanh abs sign</c>, the layer's <c>asinh acosh atanh
    /// erf lambertw li2</c>, System.Math's functions of the same names (and Pow, Cbrt, two-argument Log), float
    /// literals (exact decimals; the doubles nearest π and e read as π and e, which is how F# compiles Math.PI and
    /// Math.E), <c>float</c> of ints, let-bindings and local functions (inlined), and captured float or int values.
    /// Anything else raises an ArgumentException naming the construct ("unsupported in a quotation: call to List.sum").
    /// </summary>
    let ofQuotation (quotation: Quotations.Expr<float -> float>) : Expr = snd (QuotationReader.read quotation.Raw)

    /// Reads a quotation of a curried float function of two arguments (both become symbols).
    let ofQuotation2 (quotation: Quotations.Expr<float -> float -> float>) : Expr =
        snd (QuotationReader.read quotation.Raw)

    /// Reads any quotation (a curried lambda of float arguments, or a float-valued term) as ofQuotation does.
    let ofUntypedQuotation (quotation: Quotations.Expr) : Expr = snd (QuotationReader.read quotation)
