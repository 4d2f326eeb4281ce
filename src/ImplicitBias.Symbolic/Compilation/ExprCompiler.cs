using System.Reflection;
using System.Runtime.CompilerServices;
using Linq = System.Linq.Expressions;

namespace ImplicitBias.Symbolic.Compilation;

/// <summary>
/// Expression → System.Linq.Expressions tree → IL delegate. Repeated subexpressions are computed once into
/// locals; powers mirror <see cref="RealFunctions.RationalPower"/> operation by operation (multiplications,
/// Math.Sqrt, Math.Cbrt), so compiled and evaluated results agree bit for bit.
/// </summary>
internal sealed class ExprCompiler
{
    private static readonly MethodInfo PowMethod =
        typeof(Math).GetMethod(nameof(Math.Pow), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo RootMethod = typeof(RealFunctions).GetMethod(nameof(RealFunctions.Root))!;
    private static readonly MethodInfo IntegerPowerMethod =
        typeof(RealFunctions).GetMethod(nameof(RealFunctions.IntegerPower))!;

    private readonly IReadOnlyDictionary<string, Linq.Expression> _symbols;
    private readonly Dictionary<Expr, int> _uses = new();
    private readonly Dictionary<Expr, Linq.ParameterExpression> _shared = new();
    private readonly List<Linq.ParameterExpression> _locals = new();

    private ExprCompiler(IReadOnlyDictionary<string, Linq.Expression> symbols) => _symbols = symbols;

    /// <summary>The body computing e, given an expression for each symbol name.</summary>
    public static Linq.Expression Body(Expr e, IReadOnlyDictionary<string, Linq.Expression> symbols)
    {
        var missing = e.FreeSymbols().Where(s => !symbols.ContainsKey(s)).ToList();
        if (missing.Count > 0)
            throw new EvaluationException(
                $"cannot compile: no variable or value for {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        var compiler = new ExprCompiler(symbols);
        compiler.CountUses(e);
        var body = compiler.Emit(e);
        return compiler._locals.Count == 0 ? body : Linq.Expression.Block(compiler._locals, body);
    }

    private void CountUses(Expr e)
    {
        // Iterative: each occurrence counts; children of an already-seen node are counted once only,
        // because the shared node will be computed once.
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            if (x.Children.Count == 0) continue;
            _uses[x] = _uses.TryGetValue(x, out var n) ? n + 1 : 1;
            if (n == 0) foreach (var c in x.Children) stack.Push(c);
        }
    }

    private Linq.Expression Emit(Expr e)
    {
        if (_shared.TryGetValue(e, out var local)) return local;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var value = EmitNode(e);
        if (_uses.TryGetValue(e, out var uses) && uses > 1)
        {
            var v = Linq.Expression.Variable(typeof(double));
            _locals.Add(v);
            _shared[e] = v;
            return Linq.Expression.Assign(v, value); // first use (in evaluation order) computes, later uses read
        }
        return value;
    }

    private Linq.Expression EmitNode(Expr e)
    {
        switch (e)
        {
            case Number n: return Linq.Expression.Constant(n.Value.ToDouble());
            case Real r: return Linq.Expression.Constant(r.Value);
            case Constant c: return Linq.Expression.Constant(c.Value);
            case Symbol s: return _symbols[s.Name];
            case Sum s:
                {
                    var terms = s.EvaluationOrder;
                    var acc = Emit(terms[0]);
                    for (int i = 1; i < terms.Length; i++) acc = Linq.Expression.Add(acc, Emit(terms[i]));
                    return acc;
                }
            case Product p:
                {
                    var acc = Emit(p.Factors[0]);
                    for (int i = 1; i < p.Factors.Length; i++) acc = Linq.Expression.Multiply(acc, Emit(p.Factors[i]));
                    return acc;
                }
            case Power p:
                {
                    var b = Emit(p.Base);
                    return p.Exponent switch
                    {
                        Number k when RealFunctions.IsSmallRational(k.Value) =>
                            RationalPower(b, (long)k.Value.Numerator, (int)k.Value.Denominator),
                        Number k => Linq.Expression.Call(PowMethod, b, Linq.Expression.Constant(k.Value.ToDouble())),
                        _ => Linq.Expression.Call(PowMethod, b, Emit(p.Exponent)),
                    };
                }
            case Call c: return Linq.Expression.Call(FunctionMethod(c.Function), Emit(c.Argument));
            default: throw new System.Diagnostics.UnreachableException($"unknown node {e.GetType().Name}");
        }
    }

    /// <summary>The .NET method computing a function: Math.Sinh, Math.Asinh, … never log/sqrt formulas.</summary>
    internal static MethodInfo FunctionMethod(Function f)
    {
        string name = f switch
        {
            Function.Exp => nameof(Math.Exp),
            Function.Log => nameof(Math.Log),
            Function.Abs => nameof(Math.Abs),
            Function.Sign => nameof(RealFunctions.Sign),
            Function.Sin => nameof(Math.Sin),
            Function.Cos => nameof(Math.Cos),
            Function.Tan => nameof(Math.Tan),
            Function.Sinh => nameof(Math.Sinh),
            Function.Cosh => nameof(Math.Cosh),
            Function.Tanh => nameof(Math.Tanh),
            Function.Asin => nameof(Math.Asin),
            Function.Acos => nameof(Math.Acos),
            Function.Atan => nameof(Math.Atan),
            Function.Asinh => nameof(Math.Asinh),
            Function.Acosh => nameof(Math.Acosh),
            Function.Atanh => nameof(Math.Atanh),
            Function.Erf => nameof(RealFunctions.Erf),
            Function.LambertW => nameof(RealFunctions.LambertW),
            Function.Li2 => nameof(RealFunctions.Li2),
        };
        var owner = f is Function.Sign or Function.Erf or Function.LambertW or Function.Li2
            ? typeof(RealFunctions)
            : typeof(Math);
        return owner.GetMethod(name, [typeof(double)])!;
    }

    /// <summary>x^(p/q) exactly as <see cref="RealFunctions.RationalPower"/> computes it.</summary>
    private Linq.Expression RationalPower(Linq.Expression x, long p, int q)
    {
        if (q == 1) return IntegerPower(x, p);
        long magnitude = Math.Abs(p);
        long k = magnitude / q, r = magnitude % q;
        var xv = Shareable(x, uses: k > 0 ? 2 : 1, out var assign);
        Linq.Expression root = q switch
        {
            2 => Linq.Expression.Call(typeof(Math).GetMethod(nameof(Math.Sqrt))!, xv),
            3 => Linq.Expression.Call(typeof(Math).GetMethod(nameof(Math.Cbrt))!, xv),
            _ => Linq.Expression.Call(RootMethod, xv, Linq.Expression.Constant(q)),
        };
        var value = IntegerPower(root, r);
        if (k > 0) value = Linq.Expression.Multiply(value, IntegerPower(xv, k));
        if (p < 0) value = Linq.Expression.Divide(Linq.Expression.Constant(1.0), value);
        return assign is null ? value : Linq.Expression.Block(assign, value);
    }

    /// <summary>x^n by the binary powering of <see cref="RealFunctions.IntegerPower"/>.</summary>
    private Linq.Expression IntegerPower(Linq.Expression x, long n)
    {
        if (n < 0) return Linq.Expression.Divide(Linq.Expression.Constant(1.0), IntegerPower(x, -n));
        if (n == 0) return Linq.Expression.Constant(1.0);
        if (n == 1) return x;
        if (n > 1024) return Linq.Expression.Call(IntegerPowerMethod, x, Linq.Expression.Constant(n));
        var steps = new List<Linq.Expression>();
        var square = Linq.Expression.Variable(typeof(double));
        _locals.Add(square);
        steps.Add(Linq.Expression.Assign(square, x));
        Linq.Expression? result = null;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                if (result is null)
                {
                    var r = Linq.Expression.Variable(typeof(double));
                    _locals.Add(r);
                    steps.Add(Linq.Expression.Assign(r, square));
                    result = r;
                }
                else steps.Add(Linq.Expression.MultiplyAssign(result, square));
            }
            n >>= 1;
            if (n > 0) steps.Add(Linq.Expression.MultiplyAssign(square, square));
        }
        steps.Add(result!);
        return Linq.Expression.Block(steps);
    }

    /// <summary>Returns a reference usable <paramref name="uses"/> times: the expression itself,
    /// or a local with its assignment.</summary>
    private Linq.Expression Shareable(Linq.Expression x, int uses, out Linq.Expression? assign)
    {
        assign = null;
        if (uses < 2 || x is Linq.ParameterExpression or Linq.ConstantExpression) return x;
        var v = Linq.Expression.Variable(typeof(double));
        _locals.Add(v);
        assign = Linq.Expression.Assign(v, x);
        return v;
    }
}
