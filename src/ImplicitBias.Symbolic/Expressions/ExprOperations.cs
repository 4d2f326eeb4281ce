using System.Runtime.CompilerServices;

namespace ImplicitBias.Symbolic;

public abstract partial record Expr
{
    private static readonly IReadOnlyDictionary<string, double> NoBindings = new Dictionary<string, double>();

    /// <summary>Evaluates an expression without symbols.</summary>
    /// <exception cref="EvaluationException">The expression has a free symbol.</exception>
    public double Evaluate() => Evaluator.Evaluate(this, NoBindings);

    /// <summary>Evaluates with one symbol bound.</summary>
    public double Evaluate(string symbol, double value) =>
        Evaluator.Evaluate(this, new Dictionary<string, double> { [symbol] = value });

    /// <summary>Evaluates with symbols bound by name (an F# Map works here).</summary>
    /// <exception cref="EvaluationException">A free symbol has no value.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double> bindings) => Evaluator.Evaluate(this, bindings);

    /// <summary>Evaluates with symbols bound by name.</summary>
    public double Evaluate(params (string Symbol, double Value)[] bindings) =>
        Evaluator.Evaluate(this, bindings.ToDictionary(b => b.Symbol, b => b.Value));

    /// <summary>
    /// The number of nodes of the tree (every number, symbol, sum, product, power and call counts one; a shared
    /// subtree counts each time it occurs), kept from construction. Saturates at int.MaxValue.
    /// </summary>
    public int NodeCount() => _nodes;

    /// <summary>
    /// The leaves plus the operations of the printed text form (SymPy's count_ops plus the atoms): the size Simplify
    /// minimizes. 1/(6*(1 + x)^2) has size 9.
    /// </summary>
    public int PrintedSize() => Symbolic.PrintedSize.Of(this);

    /// <summary>Replaces every symbol named <paramref name="symbol"/> (whatever its domain)
    /// and re-canonicalizes.</summary>
    public Expr Substitute(string symbol, Expr value) => Substitute(new Dictionary<string, Expr> { [symbol] = value });

    /// <summary>Replaces symbols by name, all at once (so values may mention replaced names).</summary>
    public Expr Substitute(IReadOnlyDictionary<string, Expr> values) =>
        values.Count == 0 ? this
            : Rebuild(e => e is Symbol s && values.TryGetValue(s.Name, out var v) ? v : e, leavesOnly: true);

    /// <summary>Replaces every occurrence of a subexpression.</summary>
    public Expr Substitute(Expr target, Expr replacement) =>
        Transform(e => e.Equals(target) ? replacement : e);

    /// <summary>Names of the symbols that occur, in ordinal order.</summary>
    public IReadOnlySet<string> FreeSymbols()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in Symbols()) names.Add(s.Name);
        return names;
    }

    /// <summary>The distinct symbol nodes that occur (with their domains).</summary>
    public IReadOnlyList<Symbol> Symbols()
    {
        var found = new HashSet<Symbol>();
        foreach (var e in DistinctNodes()) if (e is Symbol s) found.Add(s);
        return found.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s, Comparer<Expr>.Default).ToArray();
    }

    /// <summary>True when a symbol of this name occurs.</summary>
    public bool DependsOn(string symbol) => DistinctNodes().Any(e => e is Symbol s && s.Name == symbol);

    /// <summary>
    /// Every node once, without recursion: a subtree shared by several parents (common after substitution and
    /// differentiation) is walked once, not once per occurrence, which could be exponentially many.
    /// </summary>
    internal IEnumerable<Expr> DistinctNodes()
    {
        var seen = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Expr>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            foreach (var c in e.Children)
                if (c.Children.Count == 0 || seen.Add(c)) stack.Push(c);
        }
    }

    /// <summary>True when no symbol occurs.</summary>
    public bool IsConstant => Symbols().Count == 0;

    /// <summary>
    /// Rebuilds bottom-up through the canonical builders, applying <paramref name="rewrite"/> to each rebuilt
    /// node. Shared subtrees are rewritten once.
    /// </summary>
    public Expr Transform(Func<Expr, Expr> rewrite) => Rebuild(rewrite, leavesOnly: false);

    /// <summary>
    /// Bottom-up rebuild; with <paramref name="leavesOnly"/> the rewrite sees only the leaves of this expression,
    /// never a rebuilt node (w/β with w ↦ β·w rebuilds to the new w, which must not be replaced again).
    /// </summary>
    private Expr Rebuild(Func<Expr, Expr> rewrite, bool leavesOnly)
    {
        var memo = new Dictionary<Expr, Expr>(ReferenceEqualityComparer.Instance);
        Expr Visit(Expr e)
        {
            if (memo.TryGetValue(e, out var done)) return done;
            RuntimeHelpers.EnsureSufficientExecutionStack();
            var children = e.Children;
            Expr rebuilt = e;
            if (children.Count > 0)
            {
                var mapped = new Expr[children.Count];
                bool changed = false;
                for (int i = 0; i < mapped.Length; i++)
                {
                    mapped[i] = Visit(children[i]);
                    changed |= !ReferenceEquals(mapped[i], children[i]);
                }
                if (changed) rebuilt = e.WithChildren(mapped);
            }
            var result = leavesOnly && children.Count > 0 ? rebuilt : rewrite(rebuilt);
            memo[e] = result;
            return result;
        }
        return Visit(this);
    }

    /// <summary>The same kind of node over new children, re-canonicalized.</summary>
    public Expr WithChildren(IReadOnlyList<Expr> children) => this switch
    {
        Number or Real or Symbol or Constant => this,
        Sum => Add(children),
        Product => Multiply(children),
        Power => Pow(children[0], children[1]),
        Call c => Apply(c.Function, children[0]),
        _ => throw new System.Diagnostics.UnreachableException($"unknown node {GetType().Name}"),
    };
}

/// <summary>Double-precision evaluation with the semantics of <see cref="RealFunctions"/>.</summary>
internal static class Evaluator
{
    public static double Evaluate(Expr e, IReadOnlyDictionary<string, double> bindings)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case Number n: return n.Value.ToDouble();
            case Real r: return r.Value;
            case Constant c: return c.Value;
            case Symbol s:
                return bindings.TryGetValue(s.Name, out var v)
                    ? v
                    : throw new EvaluationException($"no value for symbol '{s.Name}'");
            case Sum s:
                {
                    var terms = s.EvaluationOrder;
                    double total = Evaluate(terms[0], bindings);
                    for (int i = 1; i < terms.Length; i++) total += Evaluate(terms[i], bindings);
                    return total;
                }
            case Product p:
                {
                    double total = Evaluate(p.Factors[0], bindings);
                    for (int i = 1; i < p.Factors.Length; i++) total *= Evaluate(p.Factors[i], bindings);
                    return total;
                }
            case Power p:
                {
                    double b = Evaluate(p.Base, bindings);
                    return p.Exponent.IsNumber
                        ? RealFunctions.Pow(b, p.Exponent)
                        : Math.Pow(b, Evaluate(p.Exponent, bindings));
                }
            case Call c: return RealFunctions.Apply(c.Function, Evaluate(c.Argument, bindings));
            default: throw new System.Diagnostics.UnreachableException($"unknown node {e.GetType().Name}");
        }
    }
}
