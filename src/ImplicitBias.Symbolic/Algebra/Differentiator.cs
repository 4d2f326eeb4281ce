using System.Runtime.CompilerServices;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>Symbolic derivatives of every node kind (sign′ = 0 and abs′ = sign: derivatives away from the kinks).</summary>
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
            case Power p:
                {
                    var db = D(p.Base);
                    var de = D(p.Exponent);
                    bool baseConstant = db is Number { Value.IsZero: true };
                    bool exponentConstant = de is Number { Value.IsZero: true };
                    if (baseConstant && exponentConstant) return Expr.Zero;
                    // 0^v is 0 wherever it is defined (v > 0); b^v·log(b)·v′ would be 0·(−∞) there.
                    if (p.Base is Number { Value.IsZero: true } or Real { Value: 0 }) return Expr.Zero;
                    if (exponentConstant) // k·u^(k−1)·u′
                        return Expr.Multiply(p.Exponent, Expr.Pow(p.Base, p.Exponent - Expr.One), db);
                    if (baseConstant) // b^v·log(b)·v′
                        return Expr.Multiply(p, Expr.Log(p.Base), de);
                    return Expr.Multiply(p, Expr.Add(Expr.Multiply(de, Expr.Log(p.Base)), Expr.Multiply(p.Exponent, db, Expr.Pow(p.Base, Expr.MinusOne))));
                }
            case Call c:
                {
                    var du = D(c.Argument);
                    if (du is Number { Value.IsZero: true }) return Expr.Zero;
                    return Expr.Multiply(OuterDerivative(c.Function, c.Argument), du);
                }
            default: throw new System.Diagnostics.UnreachableException($"unknown node {e.GetType().Name}");
        }
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
