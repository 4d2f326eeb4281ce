namespace ImplicitBias.Symbolic.FSharp

open System
open System.Collections.Generic
open System.Reflection
open System.Runtime.CompilerServices
open Microsoft.FSharp.Core.CompilerServices
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp

/// Reads F# quotations of float functions as expressions (see Expr.ofQuotation).
module internal QuotationReader =

    type Q = Microsoft.FSharp.Quotations.Expr
    type QVar = Microsoft.FSharp.Quotations.Var

    open Microsoft.FSharp.Quotations.Patterns

    /// What a quotation subterm denotes: a number-valued expression, or a function (a lambda with the scope it was
    /// defined in) that an application or a let-bound local function will apply.
    type private Bound =
        | Scalar of Expr
        | Closure of QVar * Q * Map<QVar, Bound>

    /// Recursion levels allowed while reading (chains of + − and * / are read iteratively and do not count).
    let maxDepth = 2 * Expr.MaxDepth

    let private unsupported (what: string) = ArgumentException $"unsupported in a quotation: {what}"

    /// "List.sum" for FSharp.Core's ListModule.Sum, "Math.Round" for System.Math.Round.
    let private declaringType (m: MemberInfo) : Type =
        match m.DeclaringType with
        | null -> typeof<obj>
        | t -> t

    let private sourceName (m: MethodBase) =
        let t = declaringType m
        let isModule =
            match t.GetCustomAttribute<CompilationMappingAttribute>() with
            | null -> false
            | a -> a.SourceConstructFlags &&& SourceConstructFlags.KindMask = SourceConstructFlags.Module
        let typeName =
            if isModule && t.Name.EndsWith("Module", StringComparison.Ordinal) && t.Name.Length > 6 then
                t.Name.Substring(0, t.Name.Length - 6)
            else
                t.Name
        let methodName =
            match m.GetCustomAttribute<CompilationSourceNameAttribute>() with
            | null -> m.Name
            | a -> a.SourceName
        $"{typeName}.{methodName}"

    let private operatorsType =
        nonNull (typeof<FSharpFunc<int, int>>.Assembly.GetType("Microsoft.FSharp.Core.Operators"))
    let private checkedType =
        nonNull (typeof<FSharpFunc<int, int>>.Assembly.GetType("Microsoft.FSharp.Core.Operators+Checked"))
    let private functionsType =
        nonNull (typeof<RealSpecialFunctions>.Assembly.GetType("ImplicitBias.Symbolic.FSharp.ExprFunctions"))

    /// Methods whose meaning this reader knows: F#'s operators and math functions, System.Math, System.Double's static
    /// functions and the F# layer's own (asinh, erf, …).
    let private known (m: MethodInfo) =
        let t = declaringType m
        t = operatorsType || t = checkedType || t = functionsType || t = typeof<Math> || t = typeof<Double>

    let private ten = Expr.Integer(Numerics.BigInteger 10)

    let private unary: IDictionary<string, Expr -> Expr> =
        dict
            [ "Sqrt", Expr.Sqrt
              "Exp", Expr.Exp
              "Log", Expr.Log
              "Log10", (fun u -> Expr.Log u / Expr.Log ten)
              "Sin", Expr.Sin
              "Cos", Expr.Cos
              "Tan", Expr.Tan
              "Asin", Expr.Asin
              "Acos", Expr.Acos
              "Atan", Expr.Atan
              "Sinh", Expr.Sinh
              "Cosh", Expr.Cosh
              "Tanh", Expr.Tanh
              "Asinh", Expr.Asinh
              "Acosh", Expr.Acosh
              "Atanh", Expr.Atanh
              "Abs", Expr.Abs
              "Sign", Expr.Sign
              "Cbrt", (fun u -> Expr.Pow(u, Expr.Fraction(Numerics.BigInteger.One, Numerics.BigInteger 3)))
              "asinh", Expr.Asinh
              "acosh", Expr.Acosh
              "atanh", Expr.Atanh
              "erf", Expr.Erf
              "lambertw", Expr.LambertW
              "li2", Expr.Li2
              "signum", Expr.Sign
              "op_UnaryNegation", Expr.Negate
              "op_UnaryPlus", id
              "ToDouble", id ]

    /// π and e are recognized by value (F# inlines Math.PI and Math.E as literals); other floats are exact decimals.
    let private number (value: float) : Expr =
        if Double.IsNaN value || Double.IsInfinity value then
            raise (unsupported $"the non-finite number {value}")
        elif value = Math.PI then Expr.Pi
        elif value = -Math.PI then Expr.Negate Expr.Pi
        elif value = Math.E then Expr.Exp Expr.One
        else Expr.Decimal value

    let private constant (value: objnull) (t: Type) : Expr =
        match value with
        | :? float as f -> number f
        | :? float32 as f -> number (float f)
        | :? int as i -> Expr.Integer(Numerics.BigInteger i)
        | :? int64 as i -> Expr.Integer(Numerics.BigInteger i)
        | :? Expr as e -> e
        | _ -> raise (unsupported $"a value of type {t.Name}")

    let private isOperator (name: string) (m: MethodInfo) =
        m.Name = name && (declaringType m = operatorsType || declaringType m = checkedType)

    let private (|Binary|_|) (name: string) (q: Q) =
        match q with
        | Call(None, m, [ a; b ]) when isOperator name m -> Some(a, b)
        | _ -> None

    let private (|Negation|_|) (q: Q) =
        match q with
        | Call(None, m, [ a ]) when isOperator "op_UnaryNegation" m -> Some a
        | _ -> None

    let private isIntegerType (t: Type) = t = typeof<int> || t = typeof<int64>

    let private describe (q: Q) =
        match q with
        | Call(Some _, m, _) -> $"call to the instance method {(declaringType m).Name}.{m.Name}"
        | Call(None, m, _) -> $"call to {sourceName m}"
        | IfThenElse _ -> "if-then-else"
        | LetRecursive _ -> "let rec"
        | Sequential _ -> "a sequence of expressions"
        | WhileLoop _ -> "a while loop"
        | ForIntegerRangeLoop _ -> "a for loop"
        | NewTuple _ -> "a tuple"
        | TupleGet _ -> "a tuple element"
        | NewArray _ -> "an array"
        | NewUnionCase(case, _) -> $"the union case {case.Name}"
        | NewRecord(t, _) -> $"the record {t.Name}"
        | NewObject(c, _) -> $"constructing {(declaringType c).Name}"
        | PropertyGet(_, p, _) -> $"the property {(declaringType p).Name}.{p.Name}"
        | FieldGet(_, f) -> $"the field {(declaringType f).Name}.{f.Name}"
        | VarSet _ -> "assignment"
        | TryWith _
        | TryFinally _ -> "try"
        | Coerce(_, t) -> $"a coercion to {t.Name}"
        | TypeTest _ -> "a type test"
        | Lambda _ -> "a function where a number is expected"
        | Application _ -> "applying something that is not a lambda"
        | Value(_, t) -> $"a value of type {t.Name}"
        | other ->
            let text = string other
            if text.Length > 60 then text.Substring(0, 60) + "…" else text

    let rec private readTerm (env: Map<QVar, Bound>) (depth: int) (q: Q) : Bound =
        if depth > maxDepth then
            raise (ArgumentException $"the quotation is nested deeper than {maxDepth} levels")
        RuntimeHelpers.EnsureSufficientExecutionStack()
        match q with
        | Binary "op_Addition" _
        | Binary "op_Subtraction" _ -> Scalar(readSum env depth q)
        | Binary "op_Multiply" _
        | Binary "op_Division" _ -> Scalar(readProduct env depth q)
        | Negation a -> Scalar(Expr.Negate(expr env depth a))
        | Binary "op_Exponentiation" (a, b) -> Scalar(Expr.Pow(expr env depth a, expr env depth b))
        | Call(None, m, [ a; b ]) when known m && (m.Name = "PowInteger" || m.Name = "Pow") ->
            Scalar(Expr.Pow(expr env depth a, expr env depth b))
        | Call(None, m, [ a; b ]) when declaringType m = typeof<Math> && m.Name = "Log" ->
            Scalar(Expr.Log(expr env depth a) / Expr.Log(expr env depth b))
        | Call(None, m, [ a ]) when known m && unary.ContainsKey m.Name ->
            if m.Name = "ToDouble"
               && not (a.Type = typeof<float> || isIntegerType a.Type || a.Type = typeof<float32>) then
                raise (unsupported $"converting a {a.Type.Name} to float")
            Scalar(unary[m.Name] (expr env depth a))
        | Value(value, t) -> Scalar(constant value t)
        | PropertyGet(None, p, []) when p.PropertyType = typeof<float> || isIntegerType p.PropertyType ->
            Scalar(constant (p.GetValue null) p.PropertyType) // a captured module-level value
        | FieldGet(None, f) when f.FieldType = typeof<float> || isIntegerType f.FieldType ->
            Scalar(constant (f.GetValue null) f.FieldType)
        | Var v ->
            match env.TryFind v with
            | Some bound -> bound
            | None when v.Type = typeof<float> -> Scalar(Expr.Var v.Name)
            | None -> raise (unsupported $"the free variable {v.Name} of type {v.Type.Name}")
        | Let _ ->
            // a chain of lets is read in a loop: each binding is read once and inlined where it is used
            let mutable scope = env
            let mutable body = q
            let mutable more = true
            while more do
                match body with
                | Let(v, value, rest) ->
                    scope <- scope.Add(v, readTerm scope (depth + 1) value)
                    body <- rest
                | _ -> more <- false
            readTerm scope (depth + 1) body
        | Lambda(v, body) -> Closure(v, body, env)
        | Application(f, argument) ->
            match readTerm env (depth + 1) f with
            | Closure(parameter, body, scope) ->
                readTerm (scope.Add(parameter, readTerm env (depth + 1) argument)) (depth + 1) body
            | Scalar _ -> raise (unsupported (describe q))
        | other -> raise (unsupported (describe other))

    /// A number-valued subterm.
    and private expr env depth (q: Q) : Expr =
        match readTerm env (depth + 1) q with
        | Scalar e -> e
        | Closure _ -> raise (unsupported "a function where a number is expected")

    /// A tree of + and − (and unary minus) read iteratively, so long sums do not recurse.
    and private readSum env depth (q: Q) : Expr =
        let terms = ResizeArray<Expr>()
        let pending = Stack<bool * Q>()
        pending.Push((true, q))
        while pending.Count > 0 do
            let positive, e = pending.Pop()
            match e with
            | Binary "op_Addition" (a, b) ->
                pending.Push((positive, b))
                pending.Push((positive, a))
            | Binary "op_Subtraction" (a, b) ->
                pending.Push((not positive, b))
                pending.Push((positive, a))
            | Negation a -> pending.Push((not positive, a))
            | leaf ->
                let term = expr env depth leaf
                terms.Add(if positive then term else Expr.Negate term)
        Expr.Add(terms)

    /// A tree of * and / read iteratively, so long products do not recurse.
    and private readProduct env depth (q: Q) : Expr =
        let factors = ResizeArray<Expr>()
        let pending = Stack<bool * Q>()
        pending.Push((true, q))
        while pending.Count > 0 do
            let numerator, e = pending.Pop()
            match e with
            | Binary "op_Multiply" (a, b) ->
                pending.Push((numerator, b))
                pending.Push((numerator, a))
            | Binary "op_Division" (a, b) ->
                if isIntegerType e.Type then
                    raise (unsupported "integer division (write float literals: 1.0 / 3.0)")
                pending.Push((not numerator, b))
                pending.Push((numerator, a))
            | leaf ->
                let factor = expr env depth leaf
                factors.Add(if numerator then factor else Expr.Pow(factor, Expr.MinusOne))
        Expr.Multiply(factors)

    /// The curried lambda's arguments (in order) and its body as an expression; every argument becomes a symbol of
    /// its name. A quotation without a lambda gives no arguments.
    let read (quotation: Q) : string list * Expr =
        let arguments = ResizeArray<QVar>()
        let mutable body = quotation
        let mutable more = true
        while more do
            match body with
            | Lambda(v, rest) ->
                arguments.Add v
                body <- rest
            | _ -> more <- false
        let env =
            arguments
            |> Seq.fold
                (fun (env: Map<QVar, Bound>) v ->
                    if v.Type <> typeof<float> then
                        raise (
                            ArgumentException(
                                $"the lambda argument {v.Name} has type {v.Type.Name}; only float arguments become "
                                + "symbols (use curried arguments: fun beta w -> …)"
                            )
                        )
                    if not (Lexicon.IsIdentifier v.Name) || Lexicon.IsReserved v.Name then
                        raise (
                            ArgumentException(
                                $"the lambda argument '{v.Name}' is not usable as a symbol name "
                                + "(it is reserved or not an identifier)"
                            )
                        )
                    env.Add(v, Scalar(Expr.Var v.Name)))
                Map.empty
        let result =
            try
                expr env 0 body
            with :? InsufficientExecutionStackException ->
                raise (ArgumentException "the quotation is nested too deeply to be read")
        [ for v in arguments -> v.Name ], result
