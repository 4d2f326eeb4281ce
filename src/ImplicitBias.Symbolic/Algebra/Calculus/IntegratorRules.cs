using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra.Calculus;

internal sealed partial class Integrator
{
    // ---------------- trigonometric and hyperbolic ----------------

    private static bool IsCircular(Function f) => f is Function.Sin or Function.Cos or Function.Tan;
    private static bool IsHyperbolic(Function f) => f is Function.Sinh or Function.Cosh or Function.Tanh;

    /// <summary>Factors as (call, integer power) when every factor is such a power; null otherwise.</summary>
    private static List<(Call Call, int Power)>? CallPowers(Expr f)
    {
        var list = new List<(Call, int)>();
        IEnumerable<Expr> factors = f is Product p ? p.Factors : [f];
        foreach (var factor in factors)
        {
            switch (factor)
            {
                case Call c: list.Add((c, 1)); break;
                case Power { Base: Call c, Exponent: Number { Value: { IsInteger: true } k } }
                    when System.Numerics.BigInteger.Abs(k.Numerator) <= 64:
                    list.Add((c, (int)k.Numerator)); break;
                default: return null;
            }
        }
        return list;
    }

    private IntegrationStep? Trigonometric(Expr f)
    {
        var powers = CallPowers(f);
        if (powers is null || powers.Count == 0) return null;
        var argument = powers[0].Call.Argument;
        if (!Linear(argument, out var a, out _)) return null;
        bool sameArgument = powers.All(t => t.Call.Argument.Equals(argument));
        if (sameArgument && powers.All(t => IsCircular(t.Call.Function)))
        {
            int m = 0, n = 0; // sin^m cos^n, with tan = sin/cos
            foreach (var (c, k) in powers)
            {
                if (c.Function == Function.Sin) m += k;
                else if (c.Function == Function.Cos) n += k;
                else { m += k; n -= k; }
            }
            return CircularPower(f, m, n, argument, a);
        }
        if (sameArgument && powers.All(t => IsHyperbolic(t.Call.Function)))
        {
            int m = 0, n = 0;
            foreach (var (c, k) in powers)
            {
                if (c.Function == Function.Sinh) m += k;
                else if (c.Function == Function.Cosh) n += k;
                else { m += k; n -= k; }
            }
            return HyperbolicPower(f, m, n, argument, a);
        }
        if (powers.Count == 2 && powers.All(t => t.Power == 1)) return TwoFactors(f, powers[0].Call, powers[1].Call);
        return null;
    }

    /// <summary>∫ f = ∫ sin^m(u) cos^n(u) dx with u = a x + b.</summary>
    private IntegrationStep? CircularPower(Expr f, int m, int n, Expr u, Expr a)
    {
        const IntegrationRule rule = IntegrationRule.TrigonometricPowers;
        var one = Expr.One;
        if (m % 2 != 0) // t = cos u, sin u du = −dt
            return InNewVariable(rule, f, t => -Expr.Pow(one - Expr.Pow(t, 2), (m - 1) / 2) * Expr.Pow(t, n),
                Expr.Cos(u), a);
        if (n % 2 != 0) // t = sin u, cos u du = dt
            return InNewVariable(rule, f, t => Expr.Pow(one - Expr.Pow(t, 2), (n - 1) / 2) * Expr.Pow(t, m),
                Expr.Sin(u), a);
        if (m >= 0 && n >= 0)
        {
            if (m == 0 && n == 0) return Step(rule, f, _variable);
            var c2 = Expr.Cos(2 * u);
            var reduced = Expr.Pow((one - c2) / 2, m / 2) * Expr.Pow((one + c2) / 2, n / 2);
            return Rewritten(rule, f, Integrate(reduced.Expand()));
        }
        // both even, one negative: t = tan u, du = dt/(1 + t²), sin² = t²/(1+t²), cos² = 1/(1+t²)
        var t = Expr.Var(Shapes.FreshName("t", u), Expr.Tan(u).Range());
        var inT = InVariable(t, Expr.Pow(t, m) * Expr.Pow(one + Expr.Pow(t, 2), -(m + n) / 2 - 1));
        return inT is null ? null : Step(rule, f, FromTangent(inT.Result, t, u, a), inT);
    }

    /// <summary>∫ f = ∫ sinh^m(u) cosh^n(u) dx with u = a x + b.</summary>
    private IntegrationStep? HyperbolicPower(Expr f, int m, int n, Expr u, Expr a)
    {
        const IntegrationRule rule = IntegrationRule.HyperbolicPowers;
        var one = Expr.One;
        if (m % 2 != 0) // t = cosh u, sinh u du = dt, sinh² = t² − 1
            return InNewVariable(rule, f, t => Expr.Pow(Expr.Pow(t, 2) - one, (m - 1) / 2) * Expr.Pow(t, n),
                Expr.Cosh(u), a);
        if (n % 2 != 0) // t = sinh u, cosh u du = dt, cosh² = 1 + t²
            return InNewVariable(rule, f, t => Expr.Pow(one + Expr.Pow(t, 2), (n - 1) / 2) * Expr.Pow(t, m),
                Expr.Sinh(u), a);
        if (m >= 0 && n >= 0)
        {
            if (m == 0 && n == 0) return Step(rule, f, _variable);
            var c2 = Expr.Cosh(2 * u);
            var reduced = Expr.Pow((c2 - one) / 2, m / 2) * Expr.Pow((c2 + one) / 2, n / 2);
            return Rewritten(rule, f, Integrate(reduced.Expand()));
        }
        // t = tanh u, dt = (1 − t²) du, sinh² = t²/(1 − t²), cosh² = 1/(1 − t²)
        return InNewVariable(rule, f, t => Expr.Pow(t, m) * Expr.Pow(one - Expr.Pow(t, 2), -(m + n) / 2 - 1),
            Expr.Tanh(u), a);
    }

    /// <summary>
    /// The step of <paramref name="rule"/> for ∫ f = ∫ g(t) dt / a with t = kernel, for an integrand g built in a
    /// fresh variable ranging over the kernel's values (null when the builder finds none).
    /// </summary>
    private IntegrationStep? InNewVariable(IntegrationRule rule, Expr f, Func<Expr, Expr?> integrand, Expr kernel,
        Expr a)
    {
        var t = Expr.Var(Shapes.FreshName("t", kernel), kernel.Range());
        if (integrand(t) is not { } g || InVariable(t, g) is not { } inner) return null;
        return Step(rule, f, inner.Result.Substitute(t.Name, kernel) / a, inner);
    }

    /// <summary>Products of two functions of different linear arguments: product-to-sum, and exp × sin/cos.</summary>
    private IntegrationStep? TwoFactors(Expr f, Call first, Call second)
    {
        const IntegrationRule rule = IntegrationRule.ProductOfFunctions;
        var (p, q) = first.Function <= second.Function ? (first, second) : (second, first);
        Expr A = p.Argument, B = q.Argument;
        if (!Linear(A, out var alpha, out _) || !Linear(B, out var gamma, out _)) return null;
        var half = Expr.Half;
        Expr? rewritten = (p.Function, q.Function) switch
        {
            (Function.Sin, Function.Sin) => half * (Expr.Cos(A - B) - Expr.Cos(A + B)),
            (Function.Cos, Function.Cos) => half * (Expr.Cos(A - B) + Expr.Cos(A + B)),
            (Function.Sin, Function.Cos) => half * (Expr.Sin(A + B) + Expr.Sin(A - B)),
            (Function.Sinh, Function.Sinh) => half * (Expr.Cosh(A + B) - Expr.Cosh(A - B)),
            (Function.Cosh, Function.Cosh) => half * (Expr.Cosh(A + B) + Expr.Cosh(A - B)),
            (Function.Sinh, Function.Cosh) => half * (Expr.Sinh(A + B) + Expr.Sinh(A - B)),
            _ => null,
        };
        if (rewritten is not null) return Rewritten(rule, f, Integrate(rewritten));
        var denominator = Expr.Pow(alpha, 2) + Expr.Pow(gamma, 2);
        return (p.Function, q.Function) switch
        {
            // ∫ e^A sin B = e^A (α sin B − γ cos B)/(α² + γ²), ∫ e^A cos B = e^A (α cos B + γ sin B)/(α² + γ²)
            (Function.Exp, Function.Sin) =>
                Step(rule, f, Expr.Exp(A) * (alpha * Expr.Sin(B) - gamma * Expr.Cos(B)) / denominator),
            (Function.Exp, Function.Cos) =>
                Step(rule, f, Expr.Exp(A) * (alpha * Expr.Cos(B) + gamma * Expr.Sin(B)) / denominator),
            (Function.Exp, Function.Sinh) => Rewritten(rule, f, Integrate((Expr.Exp(A + B) - Expr.Exp(A - B)) / 2)),
            (Function.Exp, Function.Cosh) => Rewritten(rule, f, Integrate((Expr.Exp(A + B) + Expr.Exp(A - B)) / 2)),
            _ => null,
        };
    }

    // ---------------- √(quadratic) forms ----------------

    /// <summary>∫ (p₁x + p₀)·Q^(k/2) for a quadratic Q and odd k.</summary>
    private IntegrationStep? QuadraticRoot(Expr f)
    {
        const IntegrationRule rule = IntegrationRule.SquareRootOfQuadratic;
        IEnumerable<Expr> factors = f is Product p ? p.Factors : [f];
        Power? root = null;
        var others = new List<Expr>();
        foreach (var factor in factors)
        {
            if (factor is Power { Exponent: Number { Value: var e } } pw && e.Denominator == 2
                && pw.Base.DependsOn(_x) && root is null) root = pw;
            else others.Add(factor);
        }
        if (root is null) return null;
        var q = UnivariateForms.PolynomialCoefficients(root.Base, _x, 2);
        if (q is null || q.Length != 3 || q[2] is Number { Value.IsZero: true }) return null;
        var poly = UnivariateForms.PolynomialCoefficients(Expr.Multiply(others), _x, 8);
        if (poly is null) return null;
        if (poly.Length > 2)
        {
            // P = A·Q + R with deg R ≤ 1: ∫ P Q^(k/2) = ∫ A Q^(k/2 + 1) + ∫ R Q^(k/2), each of lower degree
            var (quotient, remainder) = DivideByQuadratic(poly, q);
            var higher = Expr.Pow(root.Base, root.Exponent + 1);
            var first = Integrate((ToPolynomial(quotient) * higher).ApplyIdentities());
            var second = Integrate((ToPolynomial(remainder) * root).ApplyIdentities());
            return first is null || second is null ? null : Step(rule, f, first.Result + second.Result, first, second);
        }
        var (c, b, a) = (q[0], q[1], q[2]);
        var numerator = ((Number)root.Exponent).Value.Numerator;
        // the reduction formula recurses k/2 times and leaves k/2 terms: Q^(99999/2) is left to quadrature
        if (BigInteger.Abs(numerator) > MaxRootPower) return null;
        int k = (int)numerator;
        var p1 = poly.Length > 1 ? poly[1] : Expr.Zero;
        var p0 = poly[0];
        var terms = new List<Expr>();
        if (p1 is not Number { Value.IsZero: true })
            terms.Add(p1 / (2 * a) * Expr.Pow(root.Base, Expr.FromRational(new Rational(k + 2, 2)))
                / Expr.FromRational(new Rational(k + 2, 2)));
        var constantPart = (p0 - p1 * b / (2 * a)).ApplyIdentities();
        if (constantPart is not Number { Value.IsZero: true })
        {
            var t = _variable + b / (2 * a);
            var shift = (c - Expr.Pow(b, 2) / (4 * a)).ApplyIdentities();
            var j = RootPower(k, root.Base, t, a, shift);
            if (j is null) return null;
            terms.Add(constantPart * j);
        }
        return Step(rule, f, Expr.Add(terms));
    }

    private Expr ToPolynomial(IReadOnlyList<Expr> coefficients) =>
        Expr.Add(coefficients.Select((c, k) => c * Expr.Pow(_variable, k)));

    /// <summary>Long division of a polynomial by a quadratic, coefficients lowest degree first.</summary>
    private static (Expr[] Quotient, Expr[] Remainder) DivideByQuadratic(Expr[] p, Expr[] q)
    {
        var r = (Expr[])p.Clone();
        var quotient = new Expr[p.Length - 2];
        for (int k = quotient.Length - 1; k >= 0; k--)
        {
            var c = (r[k + 2] / q[2]).ApplyIdentities();
            quotient[k] = c;
            for (int j = 0; j < 3; j++) r[k + j] = (r[k + j] - c * q[j]).ApplyIdentities();
        }
        return (quotient, r[..2]);
    }

    /// <summary>Largest |k| for which ∫ P·Q^(k/2) is reduced symbolically.</summary>
    private const int MaxRootPower = 65;

    /// <summary>J_k = ∫ Q^(k/2) dx with Q = a t² + s, t = x + b/(2a), k odd.</summary>
    private static Expr? RootPower(int k, Expr quadratic, Expr t, Expr a, Expr s)
    {
        var ar = a.Range();
        var sr = s.Range();
        if (k == -1)
        {
            if (ar.IsPositive && sr.IsPositive) return Expr.Asinh(t * Expr.Sqrt(a / s)) / Expr.Sqrt(a);
            if (ar.IsPositive && sr.IsNegative)
                return Shapes.LogAbs(Expr.Sqrt(a) * t + Expr.Sqrt(quadratic)) / Expr.Sqrt(a);
            if (ar.IsNegative && sr.IsPositive) return Expr.Asin(t * Expr.Sqrt(-a / s)) / Expr.Sqrt(-a);
            return null;
        }
        if (!sr.IsNonZero) return null;
        if (k >= 1)
        {
            var lower = RootPower(k - 2, quadratic, t, a, s);
            return lower is null
                ? null
                : (t * Expr.Pow(quadratic, Expr.FromRational(new Rational(k, 2))) + k * s * lower) / (k + 1);
        }
        // k ≤ −3: (n+1) J_n = t Q^(n/2) + n s J_(n−2) with n = k + 2 gives J_k
        int n = k + 2;
        var upper = n == -1 ? Expr.Zero : RootPower(n, quadratic, t, a, s);
        if (upper is null) return null;
        return ((n + 1) * upper - t * Expr.Pow(quadratic, Expr.FromRational(new Rational(n, 2)))) / (n * s);
    }

    // ---------------- special patterns ----------------

    private IntegrationStep? Special(Expr f)
    {
        // ∫ log(α + βx)/x = log(α)·log|x| − Li₂(−βx/α) for α > 0
        if (f is Product { Factors.Length: 2 } p
            && p.Factors.FirstOrDefault(g => g is Power { Base: Symbol s, Exponent: Number { Value: var e } }
                && s.Name == _x && e == Rational.MinusOne) is { } reciprocal
            && p.Factors.First(g => !ReferenceEquals(g, reciprocal)) is Call { Function: Function.Log } log
            && Linear(log.Argument, out var beta, out var alpha) && alpha.Range().IsPositive)
            return Step(IntegrationRule.Dilogarithm, f,
                Expr.Log(alpha) * Shapes.LogAbs(_variable) - Expr.Li2(-beta * _variable / alpha));
        // ∫ exp(a x² + b x + c) = √(π/−a)/2 · exp(c − b²/4a) · erf(√−a (x + b/2a)) for a < 0
        if (f is Call { Function: Function.Exp } exp
            && UnivariateForms.PolynomialCoefficients(exp.Argument, _x, 2) is { Length: 3 } q
            && q[2].Range().IsNegative)
        {
            var (c, b, a) = (q[0], q[1], q[2]);
            var scale = Expr.Sqrt(Expr.Pi / -a) / 2 * Expr.Exp(c - Expr.Pow(b, 2) / (4 * a));
            return Step(IntegrationRule.ErrorFunction, f, scale * Expr.Erf(Expr.Sqrt(-a) * (_variable + b / (2 * a))));
        }
        return null;
    }

    // ---------------- rational functions of exponentials ----------------

    /// <summary>
    /// Functions of exp, sinh, cosh and tanh of linear arguments with rational slopes: t = exp(c x) (c the gcd of the
    /// slopes) turns them into functions of t alone, integrated in t with dx = dt/(c t). Catches what the simplifier's
    /// canonical hyperbolic forms hide from derivative-divides: 1/(1 + cosh x) = 2t/(t + 1)².
    /// </summary>
    private IntegrationStep? ExponentialRational(Expr f)
    {
        var t = Expr.Var(Shapes.FreshName("t", f), Interval.Positive);
        if (ExponentialSubstitution.TryRewrite(f, _variable, t, hyperbolic: true) is not var (c, rewritten))
            return null;
        var slope = Expr.FromRational(c);
        if (InVariable(t, (rewritten / (slope * t)).ApplyIdentities()) is not { } inner) return null;
        return Step(IntegrationRule.ExponentialSubstitution, f,
            inner.Result.Substitute(t.Name, Expr.Exp(slope * _variable)), inner);
    }

    // ---------------- substitution ----------------

    /// <summary>Derivative-divides: for a kernel u of f, f/u′ written in terms of u alone
    /// (structurally or via x = u⁻¹(t)).</summary>
    private IntegrationStep? Substitution(Expr f)
    {
        foreach (var u in Kernels(f))
        {
            var du = u.Differentiate(_x);
            if (du is Number { Value.IsZero: true }) continue;
            var quotient = (f / du).ApplyIdentities();
            if (!Spend(quotient)) return null;
            var t = Expr.Var(Shapes.FreshName("t", f), u.Range());
            var inT = quotient.Substitute(u, t);
            if (inT.DependsOn(_x))
            {
                // x = u⁻¹(t) rewrites the remaining x (exp(−2w) = t^(−2) when t = exp(w)); the inverse is checked at
                // every sample point of the domain
                if (!Spend(u, DomainSampler.PointCount)) return null;
                if (InverseSolver.TryClosedForm(u, _variable, t) is not { } inverse) continue;
                inT = quotient.Substitute(_x, inverse).ApplyIdentities();
                if (inT.DependsOn(_x)) continue;
            }
            if (InVariable(t, inT.ApplyIdentities()) is { } inner)
                return Step(IntegrationRule.Substitution, f, inner.Result.Substitute(t.Name, u), inner);
        }
        return null;
    }

    /// <summary>Candidate kernels: non-linear subexpressions that are function arguments, calls,
    /// power bases or powers.</summary>
    private List<Expr> Kernels(Expr f)
    {
        var found = new List<Expr>();
        var seen = new HashSet<Expr>();
        void Add(Expr g)
        {
            if (!g.DependsOn(_x) || g is Symbol || g.Equals(f) || !seen.Add(g)) return;
            // nothing holding a kernel in x is linear, and proving so would differentiate the chain below it (sinh⁵⁹⁷)
            if (!Shapes.HasKernelIn(g, _x) && Linear(g, out _, out _)) return;
            found.Add(g);
        }
        var stack = new Stack<Expr>();
        stack.Push(f);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            switch (e)
            {
                case Call c: Add(c); Add(c.Argument); break;
                case Power pw:
                    Add(pw.Base);
                    if (pw.Exponent is Number { Value.IsInteger: false }) Add(pw);
                    if (pw.Exponent.DependsOn(_x)) Add(pw.Exponent);
                    break;
            }
            foreach (var child in e.Children) stack.Push(child);
        }
        // larger kernels first: they capture more of the integrand
        return found.OrderByDescending(k => k.Depth).ThenBy(k => k, Comparer<Expr>.Default).Take(12).ToList();
    }

    // ---------------- integration by parts ----------------

    private static bool IsPartsTarget(Function f) =>
        f is Function.Log or Function.Asin or Function.Acos or Function.Atan or Function.Asinh or Function.Acosh
            or Function.Atanh or Function.Erf or Function.Li2 or Function.LambertW;

    private IntegrationStep? ByParts(Expr f)
    {
        const IntegrationRule rule = IntegrationRule.IntegrationByParts;
        IReadOnlyList<Expr> factors = f is Product p ? p.Factors : [f];
        // u = a logarithm / inverse function (its derivative is algebraic), dv = the rest
        var target = factors.FirstOrDefault(g => g is Call c && IsPartsTarget(c.Function) && c.DependsOn(_x));
        if (target is not null)
        {
            var rest = Expr.Multiply(factors.Where(g => !ReferenceEquals(g, target)));
            if (Integrate(rest) is not { } v) return null;
            var remaining = (v.Result * target.Differentiate(_x)).ApplyIdentities();
            return Integrate(remaining) is { } r ? Step(rule, f, v.Result * target - r.Result, v, r) : null;
        }
        // u = polynomial factor, dv = the transcendental rest (degree drops each time)
        var polynomial = factors.Where(g => g is Symbol
            || g is Power { Base: Symbol, Exponent: Number { Value: { IsInteger: true, Sign: > 0 } } }).ToList();
        if (polynomial.Count == 0 || polynomial.Count == factors.Count) return null;
        var u = Expr.Multiply(polynomial);
        var dv = Expr.Multiply(factors.Where(g => !polynomial.Contains(g)));
        // polynomial × rational: partial fractions' job
        if (RationalForm(dv) is { Generators.Length: <= 1 }) return null;
        if (Integrate(dv) is not { } vv) return null;
        var rest2 = (vv.Result * u.Differentiate(_x)).ApplyIdentities();
        return Integrate(rest2) is { } r2 ? Step(rule, f, u * vv.Result - r2.Result, vv, r2) : null;
    }
}
