namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>Substitutions that turn integrands into rational functions of a new variable t.</summary>
internal sealed partial class Integrator
{
    // ---------------- u = w^k ----------------

    /// <summary>
    /// w^m·R(w^e₁, w^e₂, …) with k = gcd(m + 1, e₁, e₂, …) ≠ 1: u = w^k, du = k·w^(k−1) dw gives
    /// u^((m+1)/k − 1)·R(u^(e₁/k), …)/k, of degree divided by k: w/(1 + w⁴) → atan(w²)/2, where partial fractions
    /// would split 1 + w⁴ over √2. R may hold roots (w·√(1 + w⁴) → asinh(w²)/4 + …); a fractional k needs w ≥ 0.
    /// </summary>
    private IntegrationStep? PowerSubstitution(Expr f)
    {
        IEnumerable<Expr> factors = f is Product p ? p.Factors : [f];
        var m = Rational.Zero;
        var rest = new List<Expr>();
        foreach (var g in factors)
        {
            if (MonomialExponent(g) is { } e) m += e;
            else rest.Add(g);
        }
        var body = Expr.Multiply(rest);
        if (!body.DependsOn(_x) || PowerExponents(body) is not { } exponents) return null;
        var k = exponents.Aggregate((m + 1).Abs(), Rational.Gcd);
        if (k.IsOne || k.IsZero) return null;
        // only algebraic bodies (transcendental ones are derivative-divides' work: w·cos(w²)), and a fractional k only
        // to rationalize (u = √w for 1/(w + √w)): elsewhere the new integrand is no simpler and its search is wasted
        bool Algebraic(Expr e) => IsRationalIn(e, g => g is Power { Exponent: Number } pw && Algebraic(pw.Base), true);
        bool eligible = k.IsInteger ? Algebraic(body)
            : _variable.Domain.IsNonNegative && IsRationalIn(body, g => MonomialExponent(g) is not null, true);
        if (!eligible) return null;
        Expr Rewrite(Expr e, Expr t) => MonomialExponent(e) is { } n ? Expr.Pow(t, Expr.FromRational(n / k))
            : e.Children.Count == 0 ? e : e.WithChildren(e.Children.Select(c => Rewrite(c, t)).ToArray());
        var kk = Expr.FromRational(k);
        return InNewVariable(IntegrationRule.PowerSubstitution, f,
            t => Expr.Pow(t, Expr.FromRational((m + 1) / k - 1)) * Rewrite(body, t), Expr.Pow(_variable, kk), kk);
    }

    /// <summary>n for the factor x (n = 1) or x^n with a number n; null otherwise.</summary>
    private Rational? MonomialExponent(Expr e) => e switch
    {
        Symbol s when s.Name == _x => Rational.One,
        Power { Base: Symbol s, Exponent: Number n } when s.Name == _x => n.Value,
        _ => null,
    };

    /// <summary>The exponents of x over its occurrences in e; null when x occurs other than as x^number.</summary>
    private List<Rational>? PowerExponents(Expr e)
    {
        var exponents = new List<Rational>();
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var g = stack.Pop();
            if (MonomialExponent(g) is { } n) exponents.Add(n);
            else if (g is Power { Base: Symbol s } && s.Name == _x) return null;
            else foreach (var child in g.Children) stack.Push(child);
        }
        return exponents;
    }

    // ---------------- half-angle substitutions ----------------

    /// <summary>
    /// Rational functions of sin, cos, tan (or sinh, cosh, tanh) of one linear argument u = a x + b, through
    /// t = tan(u/2): sin = 2t/(1 + t²), cos = (1 − t²)/(1 + t²), tan = 2t/(1 − t²), du = 2 dt/(1 + t²); or
    /// t = tanh(u/2): sinh = 2t/(1 − t²), cosh = (1 + t²)/(1 − t²), tanh = 2t/(1 + t²), du = 2 dt/(1 − t²).
    /// When f(u + π) = f(u) (Bioche's rule), t = tan(u) first: sin² = t²/(1 + t²), sin·cos = t/(1 + t²), of half
    /// the degree (1/(1 + sin² u) = 1/(1 + 2t²)).
    /// </summary>
    private IntegrationStep? HalfAngle(Expr f)
    {
        if (FirstNode(f, e => e is Call g && (IsCircular(g.Function) || IsHyperbolic(g.Function)) && g.DependsOn(_x))
            is not Call call) return null;
        var u = call.Argument;
        bool circular = IsCircular(call.Function);
        if (!Linear(u, out var a, out _)) return null;
        bool Atom(Expr e) => e is Call c && c.Argument.Equals(u)
            && (circular ? IsCircular(c.Function) : IsHyperbolic(c.Function));
        if (!IsRationalIn(f, Atom, bareVariable: false)) return null;
        if (circular) return Tangent(f, Atom, u, a, half: false) ?? Tangent(f, Atom, u, a, half: true);
        var kernel = Expr.Tanh(u / 2);
        var t = Expr.Var(Shapes.FreshName("t", f), kernel.Range());
        Expr plus = 1 + Expr.Pow(t, 2), minus = 1 - Expr.Pow(t, 2);
        var g = f.Transform(e => !Atom(e) ? e : ((Call)e).Function switch
        {
            Function.Tanh => 2 * t / plus,
            Function.Cosh => plus / minus,
            _ => 2 * t / minus,
        });
        if (Reduced((g * 2 / minus).ApplyIdentities(), t) is not { } inT || InVariable(t, inT) is not { } inner)
            return null;
        return Step(IntegrationRule.HyperbolicHalfAngleSubstitution, f, inner.Result.Substitute(t.Name, kernel) / a,
            inner);
    }

    /// <summary>
    /// ∫ f dx through t = tan θ with θ = u/2 or, when f is rational in t = tan u (only even products of sin u and
    /// cos u, whose signs cancel in sin = t/√(1 + t²), cos = 1/√(1 + t²)), θ = u; continuous across the jumps of tan θ.
    /// </summary>
    private IntegrationStep? Tangent(Expr f, Func<Expr, bool> atom, Expr u, Expr a, bool half)
    {
        var theta = half ? u / 2 : u;
        var kernel = Expr.Tan(theta);
        var t = Expr.Var(Shapes.FreshName("t", f), kernel.Range());
        Expr plus = 1 + Expr.Pow(t, 2), minus = 1 - Expr.Pow(t, 2), root = Expr.Sqrt(plus);
        var g = f.Transform(e => !atom(e) ? e : ((Call)e).Function switch
        {
            Function.Sin => half ? 2 * t / plus : t / root,
            Function.Cos => half ? minus / plus : 1 / root,
            _ => half ? 2 * t / minus : t,
        });
        // an odd product leaves √(1 + t²), and the integrand is not rational in t
        if (Reduced((g * (half ? 2 : 1) / plus).ApplyIdentities(), t) is not { } inT
            || InVariable(t, inT) is not { } inner) return null;
        var rule = half ? IntegrationRule.HalfAngleSubstitution : IntegrationRule.TangentSubstitution;
        return Step(rule, f, FromTangent(inner.Result, t, theta, a), inner);
    }

    /// <summary>
    /// G(tan θ)/a for an antiderivative G in t = tan θ, continuous across the jumps of tan θ (null when a jump is
    /// not made up): t jumps from +∞ to −∞ where θ crosses π/2 + jπ; inside one branch of tan the result stands.
    /// </summary>
    private static Expr? FromTangent(Expr result, Symbol t, Expr theta, Expr a)
    {
        var kernel = Expr.Tan(theta);
        var back = result.Substitute(t.Name, kernel) / a;
        if (RangeAnalysis.PeriodicBranch(theta.Range(), 0, strict: false) is not null) return back;
        // across jumps: each c·atan(α t + β) falls by c·sign(α)·π there, which c·sign(α)·(θ − atan(tan θ))
        // (constant between jumps, rising by π at each) makes up; other terms take equal limits at t = ±∞
        if (AtanJump(result, t.Name) is not { } jump) return null;
        return back + jump * (theta - Expr.Atan(kernel)) / a;
    }

    /// <summary>
    /// g as one reduced fraction N/D in t (the substitutions leave common factors, such as 1 + t² in the half-angle
    /// integrands, that partial fractions would otherwise have to factor out of a product); its coefficients are
    /// rational numbers or free of t (parameters, √2); null when t occurs inside another kernel.
    /// </summary>
    private static Expr? Reduced(Expr g, Symbol t) => UnivariateForms.Rational(g, t.Name)?.ToExpr();

    /// <summary>The first node of f (outermost, then leftmost) that the test accepts, or null.</summary>
    private static Expr? FirstNode(Expr f, Func<Expr, bool> accept)
    {
        var stack = new Stack<Expr>();
        stack.Push(f);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (accept(e)) return e;
            for (int i = e.Children.Count - 1; i >= 0; i--) stack.Push(e.Children[i]);
        }
        return null;
    }

    /// <summary>
    /// Σ c·sign(α) over the terms c·atan(α t + β) of F (the jump of F from t = +∞ to t = −∞, in units of −π),
    /// when its other terms are rational in t or logarithms and absolute values of rational functions: those take
    /// the same limit at both ends wherever F has limits. Null for any other term, or an α of unknown sign.
    /// </summary>
    private static Expr? AtanJump(Expr F, string t)
    {
        if (!F.DependsOn(t)) return Expr.Zero;
        switch (F)
        {
            case Sum s:
                var jumps = s.Terms.Select(term => AtanJump(term, t)).ToList();
                return jumps.Any(j => j is null) ? null : Expr.Add(jumps!);
            case Product p when p.Factors.Count(g => g.DependsOn(t)) == 1:
                var variable = p.Factors.First(g => g.DependsOn(t));
                return AtanJump(variable, t) is { } inner
                    ? Expr.Multiply(p.Factors.Select(g => g.DependsOn(t) ? inner : g)) : null;
            case Call { Function: Function.Atan } c when c.Argument.Differentiate(t) is var slope
                && !slope.DependsOn(t): // a linear argument, if not expanded
                var sign = slope.Range();
                return sign.IsPositive ? Expr.One : sign.IsNegative ? Expr.MinusOne : null;
        }
        static bool Never(Expr e) => false;
        bool LogOfRational(Expr e) => e is Call { Function: Function.Log or Function.Abs } c
            && (IsRationalIn(c.Argument, t, Never) || LogOfRational(c.Argument));
        return IsRationalIn(F, t, Never) || LogOfRational(F) ? Expr.Zero : null;
    }

    /// <summary>True when the x-dependence of e is rational in x and the atoms.</summary>
    private bool IsRationalIn(Expr e, Func<Expr, bool> atom, bool bareVariable) =>
        IsRationalIn(e, _x, atom, bareVariable);

    /// <summary>True when e is made of atoms, terms free of x, x (if allowed), +, × and integer powers.</summary>
    private static bool IsRationalIn(Expr e, string x, Func<Expr, bool> atom, bool bareVariable = true) =>
        !e.DependsOn(x) || atom(e) || e switch
        {
            Symbol => bareVariable,
            Sum or Product => e.Children.All(c => IsRationalIn(c, x, atom, bareVariable)),
            Power { Exponent: Number { Value.IsInteger: true } } pw => IsRationalIn(pw.Base, x, atom, bareVariable),
            _ => false,
        };

    // ---------------- Euler substitutions ----------------

    /// <summary>
    /// Rational functions of x and √Q, Q = a x² + b x + c with b² − 4ac ≠ 0, through an Euler substitution that
    /// makes both rational in t: t = √Q − √a·x (a &gt; 0); t = (√Q − √c)/x (c &gt; 0, x ≠ 0 on the domain);
    /// t = √Q/(x − r) for a real root r outside the domain. Each kernel is defined on the whole domain and its
    /// inverse x(t) is a single rational function, so there is no branch to choose.
    /// </summary>
    private IntegrationStep? EulerSubstitution(Expr f)
    {
        static bool HalfInteger(Expr e) => e is Power { Exponent: Number n } && n.Value.Denominator == 2;
        if (FirstNode(f, e => HalfInteger(e) && Quadratic(((Power)e).Base) is not null) is not Power { Base: var q })
            return null;
        bool Atom(Expr e) => HalfInteger(e) && ((Power)e).Base.Equals(q);
        if (!IsRationalIn(f, Atom, bareVariable: true)) return null;
        var (c, b, a) = Quadratic(q)!.Value;
        var discriminant = (b * b - 4 * a * c).ApplyIdentities();
        if (!discriminant.Range().IsNonZero) return null; // √Q = √a·|x − r|: nothing to substitute
        foreach (var (kernel, inverse, _) in EulerCandidates(q, a, b, c, discriminant))
        {
            Expr? Integrand(Expr t)
            {
                var (w, root) = inverse(t);
                var inT = f.Transform(e => Atom(e) ? Expr.Pow(root, ((Power)e).Exponent * 2) : e).Substitute(_x, w);
                return Reduced((inT * w.Differentiate(((Symbol)t).Name)).ApplyIdentities(), (Symbol)t);
            }
            if (InNewVariable(IntegrationRule.EulerSubstitution, f, Integrand, kernel, Expr.One) is { } step)
                return step;
        }
        return null;
    }

    /// <summary>(c, b, a) for q = a x² + b x + c with a ≠ 0, or null.</summary>
    private (Expr C, Expr B, Expr A)? Quadratic(Expr q) =>
        q.DependsOn(_x) && UnivariateForms.PolynomialCoefficients(q, _x, 2) is { Length: 3 } k
            && k[2] is not Number { Value.IsZero: true } ? (k[0], k[1], k[2]) : null;

    /// <summary>
    /// The Euler substitutions valid on the domain: t = kernel(x); x and √Q as functions of t; the square root
    /// (√a, √c or √(b² − 4ac)) their coefficients hold.
    /// </summary>
    private IEnumerable<(Expr Kernel, Func<Expr, (Expr W, Expr Root)> Inverse, Expr Root)> EulerCandidates(
        Expr q, Expr a, Expr b, Expr c, Expr discriminant)
    {
        var root = Expr.Sqrt(q);
        var x = _variable;
        if (a.Range().IsPositive)
        {
            // √Q = t + s x ⇒ c = t² + (2 s t − b) x
            var s = Expr.Sqrt(a).ApplyIdentities();
            yield return (root - s * x, t =>
            {
                var w = (Expr.Pow(t, 2) - c) / (b - 2 * s * t);
                return (w, t + s * w);
            }, s);
        }
        if (c.Range().IsPositive && x.Domain.IsNonZero)
        {
            // √Q = t x + s ⇒ a x + b = t² x + 2 s t
            var s = Expr.Sqrt(c).ApplyIdentities();
            yield return ((root - s) / x, t =>
            {
                var w = (2 * s * t - b) / (a - Expr.Pow(t, 2));
                return (w, t * w + s);
            }, s);
        }
        if (!discriminant.Range().IsPositive) yield break;
        var d = Expr.Sqrt(discriminant).ApplyIdentities();
        foreach (var sign in new[] { 1, -1 })
        {
            // Q = a (x − r)(x − r'), √Q = t (x − r) ⇒ t² (x − r) = a (x − r'), for a root r outside the domain
            var r = ((-b + sign * d) / (2 * a)).ApplyIdentities();
            var other = ((-b - sign * d) / (2 * a)).ApplyIdentities();
            var offset = (x - r).ApplyIdentities().Range();
            if (!offset.IsPositive && !offset.IsNegative) continue;
            yield return (root / (x - r), t =>
            {
                var w = (r * Expr.Pow(t, 2) - a * other) / (Expr.Pow(t, 2) - a);
                return (w, t * (w - r));
            }, d);
        }
    }
}
