namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>
/// Closed-form candidates for w with e(w) = x on w's domain: peeling invertible layers (branch chosen from the
/// range of the peeled argument), then kernels in which e is a quadratic rational function (Möbius forms,
/// exp(w) + exp(−w), w⁴ + w²) or a Lambert form (a w + b)·exp(c w + d). Candidates are unverified; callers certify.
/// </summary>
internal static class InverseSolver
{
    /// <summary>A candidate inverse with a description of the branch taken, or null.</summary>
    public static (Expr Inverse, string Branch)? Candidate(Expr e, Symbol w, Symbol x)
    {
        var branches = new List<string>();
        try
        {
            var result = Peel(e, x, w, branches, depth: 0);
            if (result is null) return null;
            return (result.ApplyIdentities(), branches.Count == 0 ? "unique" : string.Join("; ", branches.Distinct()));
        }
        catch (SymbolicException) { return null; }
    }

    /// <summary>A candidate checked numerically against e at sample points; null when none passes.</summary>
    public static Expr? TryClosedForm(Expr e, Symbol w, Symbol x)
    {
        if (Candidate(e, w, x) is not var (inverse, _)) return null;
        return SamplesAgree(e, w, x, inverse) ? inverse : null;
    }

    /// <summary>inverse(e(w)) ≈ w at the sample points of w's domain (and e(inverse(x)) ≈ x).</summary>
    public static bool SamplesAgree(Expr e, Symbol w, Symbol x, Expr inverse)
    {
        int checkedPoints = 0;
        foreach (var parameters in DomainSampler.ParameterSets(e + inverse, w.Name)
            .Select(p => p.Where(kv => kv.Key != x.Name).ToDictionary()))
        {
            Func<double, double> forward, backward;
            try
            {
                forward = e.CompileForChecks(w.Name, parameters);
                backward = inverse.CompileForChecks(x.Name, parameters);
            }
            catch (SymbolicException) { return false; }
            foreach (var wi in DomainSampler.Points(w.Domain))
            {
                double xi = forward(wi);
                if (!double.IsFinite(xi)) continue;
                double back = backward(xi);
                if (!double.IsFinite(back)) return false;
                double again = forward(back);
                // forward residual (well conditioned) plus a loose branch check on w itself
                if (Math.Abs(again - xi) > 1e-9 * Math.Max(1, Math.Abs(xi))) return false;
                if (Math.Abs(back - wi) > 1e-6 * Math.Max(1, Math.Abs(wi))
                    && Math.Abs(again - xi) > 1e-14 * Math.Max(1, Math.Abs(xi))) return false;
                checkedPoints++;
            }
        }
        return checkedPoints >= Certifier.MinimumPoints;
    }

    private static int Occurrences(Expr e, string w)
    {
        int count = 0;
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var g = stack.Pop();
            if (g is Symbol s) { if (s.Name == w) count++; }
            else foreach (var c in g.Children) stack.Push(c);
        }
        return count;
    }

    /// <summary>Solves g = rhs for w.</summary>
    private static Expr? Peel(Expr g, Expr rhs, Symbol w, List<string> branches, int depth)
    {
        for (int guard = 0; guard < 64; guard++)
        {
            if (g is Symbol s && s.Name == w.Name) return rhs;
            if (rhs.NodeCount() > MaxInverseNodes) return null;
            if (Occurrences(g, w.Name) != 1)
                return depth < MaxKernelDepth ? Kernel(g, rhs, w, branches, depth + 1) : null;
            switch (g)
            {
                case Sum sum:
                    {
                        var dependent = sum.Terms.First(t => t.DependsOn(w.Name));
                        rhs = rhs - Expr.Add(sum.Terms.Where(t => !ReferenceEquals(t, dependent)));
                        g = dependent;
                        continue;
                    }
                case Product product:
                    {
                        var dependent = product.Factors.First(t => t.DependsOn(w.Name));
                        var constant = Expr.Multiply(product.Factors.Where(t => !ReferenceEquals(t, dependent)));
                        if (constant.Range() is var cr && !cr.IsNonZero && constant.IsConstant) return null;
                        rhs = rhs / constant;
                        g = dependent;
                        continue;
                    }
                case Power pw when !pw.Exponent.DependsOn(w.Name):
                    {
                        var root = RootBranch(pw.Base, pw.Exponent, rhs, branches);
                        if (root is null) return null;
                        rhs = root;
                        g = pw.Base;
                        continue;
                    }
                case Power pw:
                    {
                        // b^u = rhs with constant b > 0, b ≠ 1
                        if (!pw.Base.Range().IsPositive || pw.Base is Number { Value.IsOne: true }) return null;
                        rhs = Expr.Log(rhs) / Expr.Log(pw.Base);
                        g = pw.Exponent;
                        continue;
                    }
                case Call call:
                    {
                        var next = InvertCall(call, rhs, branches);
                        if (next is null) return null;
                        rhs = next;
                        g = call.Argument;
                        continue;
                    }
                default: return null;
            }
        }
        return null;
    }

    /// <summary>u^k = rhs for u on its range: the real root with the sign u has there.</summary>
    private static Expr? RootBranch(Expr u, Expr k, Expr rhs, List<string> branches)
    {
        if (k is not Number { Value: var n }) return u.Range().IsPositive ? Expr.Pow(rhs, Expr.One / k) : null;
        var inverseExponent = Expr.FromRational(Rational.One / n);
        var range = u.Range();
        bool evenNumerator = n.Numerator.IsEven;
        bool oddRoot = !evenNumerator && !n.Denominator.IsEven; // y ↦ y^n odd and monotone on ℝ
        if (range.IsNonNegative)
        {
            if (evenNumerator || n.Denominator.IsEven) branches.Add("non-negative root");
            return Expr.Pow(rhs, inverseExponent);
        }
        if (range.IsNonPositive)
        {
            if (oddRoot) return Expr.Pow(rhs, inverseExponent);
            if (!evenNumerator) return null; // u^(p/q) with q even is undefined for u < 0
            branches.Add("non-positive root");
            return -Expr.Pow(rhs, inverseExponent);
        }
        return oddRoot ? Expr.Pow(rhs, inverseExponent) : null;
    }

    /// <summary>f(u) = rhs for u, choosing the branch that holds the range of u.</summary>
    private static Expr? InvertCall(Call call, Expr rhs, List<string> branches)
    {
        var range = call.Argument.Range();
        switch (call.Function)
        {
            case Function.Exp: return Expr.Log(rhs);
            case Function.Log: return Expr.Exp(rhs);
            case Function.Sinh: return Expr.Asinh(rhs);
            case Function.Asinh: return Expr.Sinh(rhs);
            case Function.Tanh: return Expr.Atanh(rhs);
            case Function.Atanh: return Expr.Tanh(rhs);
            case Function.Atan: return Expr.Tan(rhs);
            case Function.Asin: return Expr.Sin(rhs);
            case Function.Acos: return Expr.Cos(rhs);
            case Function.Acosh: return Expr.Cosh(rhs);
            case Function.LambertW: return rhs * Expr.Exp(rhs);
            case Function.Cosh:
                if (range.IsNonNegative) { branches.Add("acosh (argument ≥ 0)"); return Expr.Acosh(rhs); }
                if (range.IsNonPositive) { branches.Add("−acosh (argument ≤ 0)"); return -Expr.Acosh(rhs); }
                return null;
            case Function.Abs:
                if (range.IsNonNegative) return rhs;
                if (range.IsNonPositive) return -rhs;
                return null;
            case Function.Tan:
                {
                    if (RangeAnalysis.PeriodicBranch(range, 0, strict: false) is not { } k) return null;
                    branches.Add(k == 0 ? "principal atan" : $"atan + {k}π");
                    return Expr.Atan(rhs) + Expr.Integer(k) * Expr.Pi;
                }
            case Function.Sin:
                {
                    if (RangeAnalysis.PeriodicBranch(range, 0, strict: false) is not { } k) return null;
                    branches.Add(k == 0 ? "principal asin" : $"branch {k} of asin");
                    var asin = Expr.Asin(rhs);
                    return Expr.Integer(k) * Expr.Pi + ((k & 1) == 0 ? asin : -asin);
                }
            case Function.Cos:
                {
                    // branches [kπ, (k+1)π], centred at kπ + π/2
                    if (RangeAnalysis.PeriodicBranch(range, Math.PI / 2, strict: false) is not { } k) return null;
                    branches.Add(k == 0 ? "principal acos" : $"branch {k} of acos");
                    var acos = Expr.Acos(rhs);
                    return (k & 1) == 0 ? Expr.Integer(k) * Expr.Pi + acos : Expr.Integer(k + 1) * Expr.Pi - acos;
                }
            case Function.Sign or Function.Erf or Function.Li2:
                return null; // not invertible in closed form with our node set
        }
        return null;
    }

    // ---------------- several occurrences: kernels ----------------

    /// <summary>Kernels inside kernels are tried this deep at most (each level may offer several candidates).</summary>
    private const int MaxKernelDepth = 3;

    // Layers such as lambertw double the inverse (u·eᵘ holds u twice): past this size it is no formula a reader
    // uses, and simplifying and sampling it costs more than the numeric inverse
    private const int MaxInverseNodes = 4000;

    private static Expr? Kernel(Expr g, Expr rhs, Symbol w, List<string> branches, int depth)
    {
        foreach (var (kernel, rewrite) in KernelCandidates(g, w))
        {
            var t = Expr.Var(Shapes.FreshName("k", g, rhs), kernel.Range());
            var inT = rewrite(t);
            if (inT is null || inT.DependsOn(w.Name)) continue;
            var root = QuadraticRoot(inT, t, rhs, g, kernel, w, branches) ?? Lambert(inT, t, rhs, branches);
            if (root is null) continue;
            var solved = Peel(kernel, root, w, branches, depth);
            if (solved is not null) return solved;
        }
        return null;
    }

    /// <summary>Kernels K(w) with a rewrite of g in terms of a symbol standing for K.</summary>
    private static IEnumerable<(Expr Kernel, Func<Symbol, Expr?> Rewrite)> KernelCandidates(Expr g, Symbol w)
    {
        yield return (w, t => g.Substitute(w.Name, t));
        // exponentials exp(a_i w + b_i) = exp(b_i)·t^(a_i/c) with t = exp(c w), c = gcd of the rational slopes
        var probe = Expr.Var(Shapes.FreshName("k", g), Interval.Positive);
        if (ExponentialSubstitution.TryRewrite(g, w, probe, hyperbolic: false) is var (slope, _))
            yield return (Expr.Exp(Expr.FromRational(slope) * w),
                t => ExponentialSubstitution.TryRewrite(g, w, t, hyperbolic: false)?.Rewritten);
        // powers w^(r_i) = t^(r_i/c) with t = w^c
        var powers = Nodes(g).OfType<Power>()
            .Where(p => p.Base is Symbol s && s.Name == w.Name && p.Exponent is Number)
            .Select(p => ((Number)p.Exponent).Value).ToList();
        if (powers.Count > 0)
        {
            // a bare w (not a power base) counts as the power 1
            bool bare = Occurrences(g, w.Name) > powers.Count;
            var c = (bare ? powers.Append(Rational.One) : powers).Aggregate(Rational.Gcd);
            if (!c.IsOne && (w.Domain.IsNonNegative || !c.Denominator.IsEven))
            {
                var kernel = Expr.Pow(w, Expr.FromRational(c));
                yield return (kernel, t => g.Transform(e =>
                    e is Power { Base: Symbol s, Exponent: Number k } && s.Name == w.Name
                        ? Expr.Pow(t, Expr.FromRational(k.Value / c))
                    : e is Symbol s2 && s2.Name == w.Name ? Expr.Pow(t, Expr.FromRational(Rational.One / c))
                    : e));
            }
        }
        // any other function of w that occurs
        foreach (var call in Nodes(g).OfType<Call>()
            .Where(c => c.DependsOn(w.Name) && c.Function != Function.Exp).Distinct())
            yield return (call, t => g.Substitute(call, t));
    }

    private static IEnumerable<Expr> Nodes(Expr e)
    {
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            yield return x;
            foreach (var c in x.Children) stack.Push(c);
        }
    }

    /// <summary>g(t) = rhs where g is a rational function of t of degree ≤ 2 after clearing denominators.</summary>
    private static Expr? QuadraticRoot(Expr g, Symbol t, Expr rhs, Expr original, Expr kernel, Symbol w,
        List<string> branches)
    {
        if (UnivariateForms.Coefficients(g, t.Name, 2) is not var (num, den)) return null;
        int degree = Math.Max(num.Length, den.Length) - 1;
        if (degree < 1 || degree > 2) return null;
        Expr C(Expr[] p, int i) => i < p.Length ? p[i] : Expr.Zero;
        var c0 = (C(num, 0) - rhs * C(den, 0)).ApplyIdentities();
        var c1 = (C(num, 1) - rhs * C(den, 1)).ApplyIdentities();
        var c2 = (C(num, 2) - rhs * C(den, 2)).ApplyIdentities();
        if (c2 is Number { Value.IsZero: true })
        {
            if (c1 is Number { Value.IsZero: true }) return null;
            branches.Add("Möbius inverse");
            return -c0 / c1;
        }
        var root = Expr.Sqrt(Expr.Pow(c1, 2) - 4 * c2 * c0);
        // Each root has a textbook form (−c1 ± √D)/(2c2) and a conjugate form 2c0/(−c1 ∓ √D); the one that adds
        // quantities of equal sign avoids cancellation, so it is tried first when the sign of c1 is known.
        var c1Range = c1.Range();
        foreach (var (sign, name) in new[] { (1, "+"), (-1, "−") })
        {
            var textbook = (-c1 + sign * root) / (2 * c2);
            var conjugate = 2 * c0 / (-c1 - sign * root);
            bool conjugateStable = sign > 0 ? c1Range.IsPositive : c1Range.IsNegative;
            foreach (var candidate in conjugateStable ? new[] { conjugate, textbook } : [textbook, conjugate])
            {
                if (!MatchesKernel(candidate, t, original, kernel, w)) continue;
                branches.Add($"quadratic root with {name}√");
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The root expression (in x) reproduces the kernel value at sampled w.</summary>
    private static bool MatchesKernel(Expr root, Symbol t, Expr original, Expr kernel, Symbol w)
    {
        var xName = root.FreeSymbols().FirstOrDefault(n => n != w.Name && !original.FreeSymbols().Contains(n));
        if (xName is null) return false;
        int matched = 0;
        foreach (var parameters in DomainSampler.ParameterSets(original, w.Name))
        {
            var forward = original.CompileForChecks(w.Name, parameters);
            var k = kernel.CompileForChecks(w.Name, parameters);
            var r = root.CompileForChecks(xName, parameters);
            foreach (var wi in DomainSampler.Points(w.Domain))
            {
                double xi = forward(wi), ki = k(wi);
                if (!double.IsFinite(xi) || !double.IsFinite(ki)) continue;
                double ri = r(xi);
                if (!(Math.Abs(ri - ki) <= 1e-7 * Math.Max(1, Math.Abs(ki)))) return false;
                matched++;
            }
        }
        return matched >= 3;
    }

    /// <summary>(α t + β)·exp(c t + d) = rhs: t = (W₀(rhs·c·e^κ/α) − κ − d)/c with κ = (cβ − αd)/α,
    /// when the W argument stays on W₀.</summary>
    private static Expr? Lambert(Expr g, Symbol t, Expr rhs, List<string> branches)
    {
        if (g is not Product p) return null;
        var exp = p.Factors.OfType<Call>().FirstOrDefault(c => c.Function == Function.Exp && c.DependsOn(t.Name));
        if (exp is null || !Shapes.TryLinear(exp.Argument, t.Name, out var c, out var d)) return null;
        var rest = Expr.Multiply(p.Factors.Where(f => !ReferenceEquals(f, exp)));
        if (!Shapes.TryLinear(rest, t.Name, out var alpha, out var beta)) return null;
        var kappa = ((c * beta - alpha * d) / alpha).ApplyIdentities();
        // s = c t + d + κ must stay ≥ −1 on the kernel's range for the principal branch
        var s = (c * t + d + kappa).ApplyIdentities();
        if (s.Range().Lo < -1) return null;
        branches.Add("Lambert W₀");
        return (Expr.LambertW(rhs * c * Expr.Exp(kappa) / alpha) - kappa - d) / c;
    }
}
