using System.Runtime.CompilerServices;

namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// Rule-based antiderivatives. Candidates are not trusted: ExprCalculus.Integrate certifies every result by
/// differentiating it back. Rules, tried in order: constants and linearity, the table (every node kind, with
/// linear substitution), u = x^k, rational functions, trigonometric/hyperbolic powers and products, √(quadratic)
/// forms, special patterns, rational functions of exponentials (t = exp(c x)), Euler substitutions, integration by
/// parts, derivative-divides substitution, half-angle substitutions (t = tan u first by Bioche's rule), and
/// finally expansion. Each result comes with the tree of rule steps that produced it (<see cref="IntegrationStep"/>):
/// a rule builds its step only when it succeeds, from the steps of the integrals it used, so a branch that fails
/// leaves no trace.
/// </summary>
internal sealed partial class Integrator
{
    private const int MaxNesting = 24; // linearity and constant factors each take a level; the budget bounds the work
    private readonly string _x;
    private readonly Symbol _variable;
    private readonly Dictionary<Expr, IntegrationStep?> _memo = new(); // with its steps, for a memo hit to reuse
    private readonly HashSet<Expr> _inProgress = new();
    private int _budget = 600;
    // Steps on large integrands cost more (each one simplifies, expands, differentiates them): the search also stops
    // after this many integrand nodes in total, so a big integrand without a closed form falls back in seconds.
    private long _nodeBudget = 50_000;
    private int _nesting;

    /// <summary>An integrator in <paramref name="variable"/>; <paramref name="effort"/> scales its
    /// step and node budgets.</summary>
    public Integrator(Symbol variable, double effort = 1)
    {
        _variable = variable;
        _x = variable.Name;
        _budget = (int)(_budget * effort);
        _nodeBudget = (long)(_nodeBudget * effort);
    }

    /// <summary>∫ f dx with the steps that found it, or null when no rule succeeds within the budgets.</summary>
    public IntegrationStep? Integrate(Expr f)
    {
        if (_memo.TryGetValue(f, out var known)) return known;
        if (_budget-- <= 0 || (_nodeBudget -= f.NodeCount()) < 0 || _nesting >= MaxNesting
            || !_inProgress.Add(f)) return null;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        _nesting++;
        IntegrationStep? result;
        try { result = Dispatch(f); }
        catch (SymbolicException) { result = null; }
        finally { _nesting--; _inProgress.Remove(f); }
        _memo[f] = result;
        return result;
    }

    /// <summary>
    /// Charges work proportional to the size of <paramref name="e"/> to the node budget (a substitution simplifies,
    /// inverts and samples what it builds, which Integrate's own charge does not see); false once it is spent.
    /// </summary>
    private bool Spend(Expr e, int times = 1) => (_nodeBudget -= (long)e.NodeCount() * times) >= 0;

    /// <summary>∫ f dt after a substitution, by an integrator in t that spends this one's budgets.</summary>
    private IntegrationStep? InVariable(Symbol t, Expr f)
    {
        var inner = new Integrator(t) { _budget = _budget, _nodeBudget = _nodeBudget, _nesting = _nesting + 1 };
        var result = inner.Integrate(f);
        _budget = Math.Min(_budget, inner._budget);
        _nodeBudget = Math.Min(_nodeBudget, inner._nodeBudget);
        return result;
    }

    private IntegrationStep? Dispatch(Expr f)
    {
        if (!f.DependsOn(_x)) return Step(IntegrationRule.Constant, f, f * _variable);
        if (f is Sum s) return Linearity(s);
        // a constant factor has no rule of its own: the step that integrated the rest carries it
        if (f is Product p && SplitConstant(p) is var (c, rest) && !c.Equals(Expr.One))
            return Integrate(rest) is { } r ? r with { Integrand = f, Result = c * r.Result } : null;
        // a product holding a sum splits by linearity once distributed: cheaper than searching substitutions first;
        // but a rational function stays whole, so that its partial fractions combine (2(1 + w²)/(w⁴ + 8w² + 3))
        if (f is Product { Factors: var factors } && factors.Any(g => g is Sum) && RationalForm(f) is null
            && Expanded(f) is { } distributed) return distributed;
        return Table(f)
            ?? PowerSubstitution(f) // before partial fractions: atan(w²)/2 for w/(1 + w⁴), not a split over √2
            ?? RationalFunction(f)
            ?? Trigonometric(f)
            ?? QuadraticRoot(f)
            ?? Special(f)
            ?? ExponentialRational(f)
            ?? EulerSubstitution(f) // before the searches below, which spend the budget on √(quadratic) forms
            ?? ByParts(f)
            ?? Substitution(f)
            ?? HalfAngle(f) // after derivative-divides, whose results are simpler (log(2 + sin(w)))
            ?? Expanded(f);
    }

    /// <summary>The step of <paramref name="rule"/> for ∫ f from the steps it used; null if none.</summary>
    private IntegrationStep? Step(IntegrationRule rule, Expr f, Expr? result, params IntegrationStep[] substeps) =>
        result is null ? null : new IntegrationStep(rule, _x, f, result, substeps);

    /// <summary>The step of a rule that rewrote f and integrated the new form (<paramref name="inner"/>).</summary>
    private IntegrationStep? Rewritten(IntegrationRule rule, Expr f, IntegrationStep? inner) =>
        inner is null ? null : Step(rule, f, inner.Result, inner);

    private IntegrationStep? Linearity(Sum s)
    {
        var parts = new List<IntegrationStep>(s.Terms.Length);
        foreach (var t in s.Terms)
        {
            if (Integrate(t) is not { } r) return null;
            parts.Add(r);
        }
        return Step(IntegrationRule.Linearity, s, Expr.Add(parts.Select(r => r.Result)), [.. parts]);
    }

    private (Expr Constant, Expr Remainder) SplitConstant(Product p)
    {
        var constant = p.Factors.Where(f => !f.DependsOn(_x)).ToList();
        var rest = p.Factors.Where(f => f.DependsOn(_x)).ToList();
        return (Expr.Multiply(constant), Expr.Multiply(rest));
    }

    private bool Linear(Expr u, out Expr a, out Expr b) => Shapes.TryLinear(u, _x, out a, out b);

    // ---------------- table with linear substitution ----------------

    private IntegrationStep? Table(Expr f) => Step(IntegrationRule.Table, f, TableResult(f));

    private Expr? TableResult(Expr f)
    {
        switch (f)
        {
            case Symbol: return Expr.Pow(f, 2) / 2;
            case Power { Exponent: var n } pw when !n.DependsOn(_x) && Linear(pw.Base, out var a, out _):
                if (n is Number { Value: var k } && k == Rational.MinusOne) return Shapes.LogAbs(pw.Base) / a;
                if (n is not Number && !(n + 1).Range().IsNonZero) return null; // a symbolic exponent might be −1
                return Expr.Pow(pw.Base, n + 1) / ((n + 1) * a);
            case Power { Base: var b } pw
                when !b.DependsOn(_x) && b.Range().IsPositive && Linear(pw.Exponent, out var a, out _):
                return pw / (a * Expr.Log(b));
            case Call c when Linear(c.Argument, out var a, out _):
                return TableEntry(c.Function, c.Argument) is { } entry ? entry / a : null;
        }
        return null;
    }

    /// <summary>∫ f(u) du for every function (u linear in x, so d u = a d x).</summary>
    private static Expr? TableEntry(Function function, Expr u)
    {
        var one = Expr.One;
        Expr Sq(Expr e) => Expr.Pow(e, 2);
        return function switch
        {
            Function.Exp => Expr.Exp(u),
            Function.Log => u * Expr.Log(u) - u,
            Function.Abs => u * Expr.Abs(u) / 2,
            Function.Sign => Expr.Abs(u),
            Function.Sin => -Expr.Cos(u),
            Function.Cos => Expr.Sin(u),
            Function.Tan => -Shapes.LogAbs(Expr.Cos(u)),
            Function.Sinh => Expr.Cosh(u),
            Function.Cosh => Expr.Sinh(u),
            Function.Tanh => Expr.Log(Expr.Cosh(u)),
            Function.Asin => u * Expr.Asin(u) + Expr.Sqrt(one - Sq(u)),
            Function.Acos => u * Expr.Acos(u) - Expr.Sqrt(one - Sq(u)),
            Function.Atan => u * Expr.Atan(u) - Expr.Log(one + Sq(u)) / 2,
            Function.Asinh => u * Expr.Asinh(u) - Expr.Sqrt(one + Sq(u)),
            Function.Acosh => u * Expr.Acosh(u) - Expr.Sqrt(Sq(u) - one),
            Function.Atanh => u * Expr.Atanh(u) + Expr.Log(one - Sq(u)) / 2,
            Function.Erf => u * Expr.Erf(u) + Expr.Exp(-Sq(u)) / Expr.Sqrt(Expr.Pi),
            // ∫ W = u (W − 1 + 1/W) = e^W (W² − W + 1), the second form finite at u = 0
            Function.LambertW => Expr.Exp(Expr.LambertW(u)) * (Sq(Expr.LambertW(u)) - Expr.LambertW(u) + one),
            Function.Li2 => u * Expr.Li2(u) - (one - u) * Expr.Log(one - u) - u,
        };
    }

    // ---------------- rational functions ----------------

    private IntegrationStep? RationalFunction(Expr f)
    {
        if (RationalForm(f) is not { } form) return null;
        int index = UnivariateForms.IndexOf(form, _x);
        bool polynomial = index < 0 || form.Denominator.Degree(index) < 1;
        var rule = polynomial ? IntegrationRule.Polynomial : IntegrationRule.PartialFractions;
        return Step(rule, f, RationalIntegration.Integrate(form, _variable));
    }

    /// <summary>f as a rational function in x with coefficients free of x, or null.</summary>
    private RationalFunction? RationalForm(Expr f) =>
        // the structural test first: converting a transcendental integrand only to reject it costs more
        IsRationalIn(f, _ => false, bareVariable: true) ? UnivariateForms.Rational(f, _x) : null;

    // ---------------- expansion ----------------

    private IntegrationStep? Expanded(Expr f)
    {
        var expanded = f.Expand();
        if (expanded.Equals(f) || expanded is not Sum) return null;
        return Rewritten(IntegrationRule.Expansion, f, Integrate(expanded));
    }
}
