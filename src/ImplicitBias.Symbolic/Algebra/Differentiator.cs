using System.Runtime.CompilerServices;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Symbolic derivatives of every node kind (sign′ = 0 and abs′ = sign: derivatives away from the kinks).
/// </summary>
internal sealed class Differentiator
{
    private readonly string _variable;
    private readonly Dictionary<Expr, Expr> _memo = new(ReferenceEqualityComparer.Instance);

    private Differentiator(string variable) => _variable = variable;

    /// <summary>d e / d variable, canonical but not yet simplified.</summary>
    public static Expr Derivative(Expr e, string variable) => new Differentiator(variable).D(e);

    private Expr D(Expr e)
    {
        if (_memo.TryGetValue(e, out var done)) return done;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var result = Compute(e);
        _memo[e] = result;
        return result;
    }

    private Expr Compute(Expr e)
    {
        switch (e)
        {
            case Number or Real or Constant: return Expr.Zero;
            case Symbol s: return s.Name == _variable ? Expr.One : Expr.Zero;
            case Sum s: return Expr.Add(s.Terms.Select(D));
            case Product p:
                {
                    var terms = new List<Expr>();
                    for (int i = 0; i < p.Factors.Length; i++)
                    {
                        var di = D(p.Factors[i]);
                        if (di is Number { Value.IsZero: true }) continue;
                        var others = new Expr[p.Factors.Length];
                        for (int j = 0; j < others.Length; j++) others[j] = j == i ? di : p.Factors[j];
                        terms.Add(Expr.Multiply(others));
                    }
                    return Expr.Add(terms);
                }
            case Power p when IsZero(D(p.Exponent)): return Chain(p); // k·u^(k−1)·u′
            case Call: return Chain(e);
            case Power p:
                {
                    var db = D(p.Base);
                    var de = D(p.Exponent);
                    bool baseConstant = IsZero(db);
                    // 0^v is 0 wherever it is defined (v > 0); b^v·log(b)·v′ would be 0·(−∞) there.
                    if (p.Base is Number { Value.IsZero: true } or Real { Value: 0 }) return Expr.Zero;
                    if (baseConstant) // b^v·log(b)·v′
                        return Expr.Multiply(p, Expr.Log(p.Base), de);
                    return Expr.Multiply(p, Expr.Add(Expr.Multiply(de, Expr.Log(p.Base)),
                        Expr.Multiply(p.Exponent, db, Expr.Pow(p.Base, Expr.MinusOne))));
                }
            default: throw new System.Diagnostics.UnreachableException($"unknown node {e.GetType().Name}");
        }
    }

    private static bool IsZero(Expr e) => e is Number { Value.IsZero: true };

    /// <summary>The argument a call, or a power with a constant exponent, passes the chain rule down to.</summary>
    private Expr? Inner(Expr e) => e switch
    {
        Call c => c.Argument,
        Power p when IsZero(D(p.Exponent)) => p.Base,
        _ => null,
    };

    /// <summary>
    /// The chain rule down a nest of calls and constant powers f₁(f₂(…fₙ(u)…)) as one product f₁′·f₂′·…·fₙ′·u′ (0 as
    /// soon as u′ or one fₖ′ is 0, as sign′ is). Taken level by level, each level would re-sort the growing product:
    /// cubic in the depth of a chain such as sin(sin(…sin(w)…)).
    /// </summary>
    private Expr Chain(Expr e)
    {
        var levels = new List<Expr>();
        var node = e;
        do
        {
            levels.Add(node);
            node = Inner(node)!;
        }
        while (!_memo.ContainsKey(node) && Inner(node) is not null);
        var innermost = D(node);
        if (IsZero(innermost)) return Expr.Zero;
        var factors = new List<Expr>(levels.Count + 2) { innermost };
        for (int i = levels.Count - 1; i >= 0; i--)
        {
            if (levels[i] is Power p)
            {
                factors.Add(p.Exponent);
                factors.Add(Expr.Pow(p.Base, p.Exponent - Expr.One));
                continue;
            }
            var c = (Call)levels[i];
            var outer = OuterDerivative(c.Function, c.Argument);
            if (IsZero(outer)) return Expr.Zero;
            factors.Add(outer);
        }
        return Expr.Multiply(factors);
    }

    /// <summary>f′(u) for each elementary function.</summary>
    internal static Expr OuterDerivative(Function f, Expr u)
    {
        var one = Expr.One;
        return f switch
        {
            Function.Exp => Expr.Exp(u),
            Function.Log => Expr.Pow(u, Expr.MinusOne),
            Function.Abs => Expr.Sign(u),
            Function.Sign => Expr.Zero,
            Function.Sin => Expr.Cos(u),
            Function.Cos => -Expr.Sin(u),
            Function.Tan => one + Expr.Pow(Expr.Tan(u), 2),
            Function.Sinh => Expr.Cosh(u),
            Function.Cosh => Expr.Sinh(u),
            Function.Tanh => one - Expr.Pow(Expr.Tanh(u), 2),
            Function.Asin => Expr.Pow(one - Expr.Pow(u, 2), Expr.Fraction(-1, 2)),
            Function.Acos => -Expr.Pow(one - Expr.Pow(u, 2), Expr.Fraction(-1, 2)),
            Function.Atan => Expr.Pow(one + Expr.Pow(u, 2), Expr.MinusOne),
            Function.Asinh => Expr.Pow(Expr.Pow(u, 2) + one, Expr.Fraction(-1, 2)),
            Function.Acosh => Expr.Pow(Expr.Pow(u, 2) - one, Expr.Fraction(-1, 2)),
            Function.Atanh => Expr.Pow(one - Expr.Pow(u, 2), Expr.MinusOne),
            Function.Erf => Expr.Multiply(Expr.Two, Expr.Pow(Expr.Pi, Expr.Fraction(-1, 2)), Expr.Exp(-Expr.Pow(u, 2))),
            // W′(u) = W/(u(1 + W)) = 1/(u + e^W): the second form is finite at u = 0
            Function.LambertW => Expr.Pow(u + Expr.Exp(Expr.LambertW(u)), Expr.MinusOne),
            Function.Li2 => -Expr.Log(one - u) / u,
        };
    }
}
