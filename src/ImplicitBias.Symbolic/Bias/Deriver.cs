using System.Diagnostics;
using ImplicitBias.Symbolic.Algebra;
using ImplicitBias.Symbolic.Analysis;
using ImplicitBias.Symbolic.Algebra.Calculus;

namespace ImplicitBias.Symbolic.Bias;

/// <summary>
/// Builds a <see cref="Derivation"/>. Everything is computed in w (docs/ARCHITECTURE.md): Φ = ∫dw/ρ′ and
/// G = ∫ρ/ρ′ dw are certified antiderivatives (or numeric ones), the potential is f(ρ(w)) = ρΦ − G, and the forms
/// in x appear only when ρ⁻¹ has a checked closed form; otherwise each object is evaluated through one monotone
/// solve.
/// </summary>
internal static class Deriver
{
    public static Derivation Derive(Reparametrization r)
    {
        var clock = Stopwatch.StartNew();
        var context = new Context(r);
        return r.IsDifference ? DifferenceChain(context, clock) : SingleChain(context, clock);
    }

    /// <summary>
    /// Shared facts about ρ: its variable, derivative, monotonicity and parameter values for numerics.
    /// </summary>
    private sealed class Context
    {
        public Context(Reparametrization r)
        {
            Source = r;
            Rho = r.Rho;
            W = Rho.Symbols().First(s => s.Name == r.Variable);
            Derivative = Rho.Differentiate(W.Name).Simplify();
            // the parameters: symbols of ρ and of the initial values of a two-variable form
            var all = r.DifferenceInitialValues is { } d ? Rho + d.U0 + d.V0 : Rho;
            Unbound = all.FreeSymbols().Where(n => n != W.Name).ToList();
            // numeric checks need values for symbolic parameters: samples from their domains
            CheckValues = Unbound.Count == 0
                ? new Dictionary<string, double>()
                : DomainSampler.ParameterSets(all, W.Name)[0];
            var names = Rho.FreeSymbols();
            X = Fresh("x", names);
            Z = Fresh("z", names);
        }

        public Reparametrization Source { get; }
        public Expr Rho { get; }
        public Symbol W { get; }
        public Expr Derivative { get; }
        public List<string> Unbound { get; }
        public IReadOnlyDictionary<string, double> CheckValues { get; }
        public string X { get; }
        public string Z { get; }

        /// <summary>
        /// Compiles f of <paramref name="variable"/>; unbound parameters make the delegate throw on use.
        /// </summary>
        public Func<double, double> Compile(Expr f, string variable)
        {
            if (Unbound.Count > 0) return Unavailable;
            return f.CompileForChecks(variable);
        }

        public Func<double, double> Unavailable => _ => throw new EvaluationException(
            $"give values for {string.Join(", ", Unbound.Select(u => $"'{u}'"))} to evaluate this function");

        private static string Fresh(string stem, IReadOnlySet<string> used)
        {
            if (!used.Contains(stem)) return stem;
            for (int i = 1; ; i++) if (!used.Contains(stem + i)) return stem + i;
        }
    }

    // ======================= x = ρ(w) =======================

    private static Derivation SingleChain(Context c, Stopwatch clock)
    {
        var conditions = new List<Condition>();
        var (monotone, sign) = Monotonicity(c);
        conditions.Add(monotone);
        if (sign == 0)
        {
            var hull = c.Rho.Range();
            conditions.Add(new Condition("image", ConditionStatus.Unknown,
                $"ρ is not a bijection of {c.W.Domain}; its values lie in {hull}"));
            return new Derivation(c.Source, c.Derivative, hull, Interval.Real, conditions, clock.Elapsed);
        }
        bool increasing = sign > 0;
        var (image, imageExact) = Image(c, increasing);
        conditions.Add(new Condition("image", imageExact ? ConditionStatus.Holds : ConditionStatus.Unknown,
            $"ρ maps {c.W.Domain} onto {image}" + (imageExact ? "" : " (ends estimated numerically)")));
        var forms = SingleForms(c, Expr.Var(c.X, image));
        var phiRange = DualRange(c, forms.Phi, increasing);
        forms = FormsInZ(c, forms, Expr.Var(c.X, image), Expr.Var(c.Z, phiRange));
        conditions.AddRange(Coercivity(c, increasing, image, forms.Phi, forms.G));
        conditions.Add(Legendre(conditions, image));
        return SingleChainFunctions(c, forms, increasing, image, phiRange, conditions, clock);
    }

    /// <summary>The closed forms of the chain of x = ρ(w); each is null where none was found or certified.</summary>
    private sealed record ChainForms(Antiderivative Phi, Antiderivative G, Expr? RhoInverse, Expr? PotentialOfW,
        Expr MetricOfW, Expr? MirrorX, Expr? MetricX, Expr? PotentialX)
    {
        public Expr? PhiInverse { get; init; }
        public Expr? PsiZ { get; init; }
        public Expr? ConjugateZ { get; init; }
    }

    /// <summary>Φ, G and ρ⁻¹, the potential in w, and the explicit forms in x that pass their checks.</summary>
    private static ChainForms SingleForms(Context c, Symbol x)
    {
        var phi = (Expr.One / c.Derivative).Simplify().Integrate(c.W.Name, c.CheckValues);
        var g = (c.Rho / c.Derivative).Simplify().Integrate(c.W.Name, c.CheckValues);
        var inverse = InverseSolver.Candidate(c.Rho, c.W, x) is var (candidate, _)
            && InverseSolver.SamplesAgree(c.Rho, c.W, x, candidate) ? candidate.Simplify() : null;
        (phi, g) = WithoutAffinePotential(c, phi, g, inverse);
        Expr? potentialOfW = phi.IsClosedForm && g.IsClosedForm
            ? (c.Rho * phi.Expression! - g.Expression!).Simplify() : null;

        Expr? InX(Expr? ofW) => inverse is null || ofW is null ? null : ofW.Substitute(c.W.Name, inverse).Simplify();
        var metricOfW = Expr.Pow(c.Derivative, -2).Simplify();
        var mirrorX = InX(phi.Expression);
        var metricX = InX(metricOfW);
        var potentialX = Shorter(InX(potentialOfW), IntegratedMirror(c, mirrorX));
        if (potentialX is not null && !PotentialCertified(potentialX, mirrorX, metricX, x)) potentialX = null;
        if (mirrorX is not null && metricX is not null
            && Certifier.CompareAtPoints(mirrorX.Differentiate(c.X), metricX, c.X, x.Domain) is null) mirrorX = null;
        return new ChainForms(phi, g, inverse, potentialOfW, metricOfW, mirrorX, metricX, potentialX);
    }

    /// <summary>Φ⁻¹ and the forms in the dual coordinate z: ψ = ρ∘Φ⁻¹ and f* = G∘Φ⁻¹, or the shorter routes.</summary>
    private static ChainForms FormsInZ(Context c, ChainForms forms, Symbol x, Symbol z)
    {
        Expr? phiInverse = null;
        if (forms.Phi.Expression is { } phi && InverseSolver.Candidate(phi, c.W, z) is var (candidate, _)
            && InverseSolver.SamplesAgree(phi, c.W, z, candidate))
            phiInverse = candidate.Simplify();
        Expr? InZ(Expr? ofW) =>
            phiInverse is null || ofW is null ? null : ofW.Substitute(c.W.Name, phiInverse).Simplify();
        var psiZ = Shorter(InZ(c.Rho), InvertedMirror(forms.MirrorX, x, z));
        var conjugateZ = Shorter(InZ(forms.G.Expression), psiZ is null || forms.PotentialX is null ? null
            : Conjugate(forms.PotentialX, psiZ, c.X, z));
        return forms with { PhiInverse = phiInverse, PsiZ = psiZ, ConjugateZ = conjugateZ };
    }

    /// <summary>
    /// The seven functions of the chain: each evaluates its explicit form where there is one, and otherwise goes
    /// through w with one monotone solve (ρ⁻¹ or Φ⁻¹).
    /// </summary>
    private static Derivation SingleChainFunctions(Context c, ChainForms f, bool increasing, Interval image,
        Interval dualRange, List<Condition> conditions, Stopwatch clock)
    {
        var rhoF = c.Compile(c.Rho, c.W.Name);
        var dF = c.Compile(c.Derivative, c.W.Name);
        var phiF = f.Phi.IsClosedForm ? c.Compile(f.Phi.Expression!, c.W.Name) : Solved(c, f.Phi.Evaluate);
        var gF = f.G.IsClosedForm ? c.Compile(f.G.Expression!, c.W.Name) : Solved(c, f.G.Evaluate);
        var rhoInverse = f.RhoInverse is not null ? c.Compile(f.RhoInverse, c.X)
            : Solved(c, value => ScalarNumerics.InvertMonotone(rhoF, dF, c.W.Domain, increasing, value));
        var phiInverseF = f.PhiInverse is not null ? c.Compile(f.PhiInverse, c.Z)
            : Solved(c, value => ScalarNumerics.InvertMonotone(phiF, w => 1 / dF(w), c.W.Domain, increasing, value));
        Func<Func<double, double>> Or(Expr? form, string variable, Func<double, double> fallback) =>
            () => form is not null ? c.Compile(form, variable) : fallback;

        var viaRhoInverse = $"{c.W.Name} = ρ⁻¹({c.X})";
        var viaPhiInverse = $"{c.W.Name} = Φ⁻¹({c.Z})";
        var phiForm = f.Phi.IsClosedForm ? Form.Explicit : Form.Numeric;
        return new Derivation(c.Source, c.Derivative, image, dualRange, conditions, clock.Elapsed)
        {
            DualCoordinate = new ChainFunction("dualCoordinate", "Φ(w)", c.W.Name, phiForm, f.Phi.Expression, null,
                null, () => phiF),
            DualInverse = new ChainFunction("dualInverse", "Φ⁻¹(z)", c.Z, ExplicitOrNumeric(f.PhiInverse),
                f.PhiInverse, null, null, () => phiInverseF),
            MirrorMap = new ChainFunction("mirrorMap", "f′(x)", c.X, FormOf(f.MirrorX, f.Phi.IsClosedForm), f.MirrorX,
                f.Phi.Expression, viaRhoInverse, Or(f.MirrorX, c.X, v => phiF(rhoInverse(v)))),
            InverseMirrorMap = new ChainFunction("inverseMirrorMap", "ψ(z)", c.Z, ExplicitOrNumeric(f.PsiZ), f.PsiZ,
                c.Rho, viaPhiInverse, Or(f.PsiZ, c.Z, v => rhoF(phiInverseF(v)))),
            Metric = new ChainFunction("metric", "f″(x)", c.X, FormOf(f.MetricX, true), f.MetricX, f.MetricOfW,
                viaRhoInverse, Or(f.MetricX, c.X, v => { double d = dF(rhoInverse(v)); return 1 / (d * d); })),
            Potential = new ChainFunction("potential", "f(x)", c.X, FormOf(f.PotentialX, f.PotentialOfW is not null),
                f.PotentialX, f.PotentialOfW, viaRhoInverse,
                Or(f.PotentialX, c.X, v => { double w = rhoInverse(v); return rhoF(w) * phiF(w) - gF(w); })),
            Conjugate = new ChainFunction("conjugate", "f*(z)", c.Z, ExplicitOrNumeric(f.ConjugateZ), f.ConjugateZ,
                f.G.Expression, viaPhiInverse, Or(f.ConjugateZ, c.Z, v => gF(phiInverseF(v)))),
            PotentialOfW = f.PotentialOfW,
        };
    }

    /// <summary>A numeric solve, or the delegate that asks for parameter values when some are unbound.</summary>
    private static Func<double, double> Solved(Context c, Func<double, double> solve) =>
        c.Unbound.Count > 0 ? c.Unavailable : solve;

    private static Form ExplicitOrNumeric(Expr? form) => form is not null ? Form.Explicit : Form.Numeric;

    /// <summary>
    /// Φ and G = ∫ρ/ρ′ with their integration constants chosen so that the explicit potential
    /// f = (ρΦ − G)∘ρ⁻¹ has no affine part a·x + b (which no Bregman divergence sees): Φ − a and G + b. The chain built
    /// from them (f′ = Φ∘ρ⁻¹, ψ, f*) stays consistent.
    /// </summary>
    private static (Antiderivative Phi, Antiderivative G) WithoutAffinePotential(Context c, Antiderivative phi,
        Antiderivative g, Expr? inverse)
    {
        if (inverse is null || !phi.IsClosedForm || !g.IsClosedForm) return (phi, g);
        var potential = (c.Rho * phi.Expression! - g.Expression!).Substitute(c.W.Name, inverse).Simplify();
        var (slope, intercept) = AffinePart.Of(potential, c.X);
        return (phi.WithConstant(-slope), g.WithConstant(intercept));
    }

    /// <summary>
    /// f = ∫f′ dx without its constant: another route to the potential, often shorter than (ρΦ − G)∘ρ⁻¹ when f′ has
    /// a short form (f′ = tan x for the Gudermannian ρ gives f = −log(cos x)).
    /// </summary>
    private static Expr? IntegratedMirror(Context c, Expr? mirror)
    {
        if (mirror is null) return null;
        // a short search: this route only matters when f′ is short, and then its integral is easy
        var integral = mirror.Integrate(c.X, c.CheckValues, effort: 0.1);
        if (!integral.IsClosedForm) return null;
        var (_, intercept) = AffinePart.Of(integral.Expression!, c.X);
        return (integral.Expression! - intercept).Simplify();
    }

    /// <summary>ψ = (f′)⁻¹ solved from f′ directly, checked at sample points (often shorter than ρ∘Φ⁻¹).</summary>
    private static Expr? InvertedMirror(Expr? mirror, Symbol x, Symbol z) =>
        mirror is not null && InverseSolver.Candidate(mirror, x, z) is var (candidate, _)
            && InverseSolver.SamplesAgree(mirror, x, z, candidate) ? candidate.Simplify() : null;

    /// <summary>f*(z) = z·ψ(z) − f(ψ(z)), when its derivative is ψ (so it is the conjugate of this very f).</summary>
    private static Expr? Conjugate(Expr potential, Expr psi, string x, Symbol z)
    {
        var conjugate = (z * psi - potential.Substitute(x, psi)).Simplify();
        return Certifier.CertifyAntiderivative(conjugate, psi, z, z.Domain) is null ? null : conjugate;
    }

    /// <summary>The shorter of two forms (the first on a tie), either of which may be missing.</summary>
    private static Expr? Shorter(Expr? a, Expr? b) =>
        a is null ? b : b is null || a.PrintedSize() <= b.PrintedSize() ? a : b;

    /// <summary>
    /// The image of Φ (Φ is monotone like ρ, since Φ′ = 1/ρ′): the dual coordinates z, the domain of ψ.
    /// </summary>
    private static Interval DualRange(Context c, Antiderivative phi, bool increasing)
    {
        double lo, hi;
        if (phi.IsClosedForm)
        {
            (lo, _) = EndValue(c, phi.Expression!, c.W.Domain.Lo, +1);
            (hi, _) = EndValue(c, phi.Expression!, c.W.Domain.Hi, -1);
        }
        else if (c.Unbound.Count == 0)
        {
            // where the quadrature stops early the end stays open: the whole half-line on that side
            static double End((double Last, bool Diverges, bool LevelsOff, bool Settled) trend, double open) =>
                !trend.Settled ? open
                : trend.Diverges ? (trend.Last > 0 ? double.PositiveInfinity : double.NegativeInfinity)
                : trend.Last;
            lo = End(Approach(phi, c.W.Domain, c.W.Domain.Lo, +1),
                increasing ? double.NegativeInfinity : double.PositiveInfinity);
            hi = End(Approach(phi, c.W.Domain, c.W.Domain.Hi, -1),
                increasing ? double.PositiveInfinity : double.NegativeInfinity);
        }
        else return Interval.Real;
        if (!increasing) (lo, hi) = (hi, lo);
        return lo < hi ? new Interval(lo, hi, true, true) : Interval.Real;
    }

    private static Form FormOf(Expr? explicitForm, bool exactInW) =>
        explicitForm is not null ? Form.Explicit : exactInW ? Form.Parametric : Form.Numeric;

    /// <summary>The explicit potential must differentiate to the mirror map and twice to the metric.</summary>
    private static bool PotentialCertified(Expr potential, Expr? mirror, Expr? metric, Symbol x)
    {
        var first = potential.Differentiate(x.Name);
        if (mirror is not null && Certifier.CompareAtPoints(first, mirror, x.Name, x.Domain) is null) return false;
        return metric is null
            || Certifier.CompareAtPoints(first.Differentiate(x.Name), metric, x.Name, x.Domain) is not null;
    }

    // ---------------- conditions ----------------

    /// <summary>Strict monotonicity with ρ′ ≠ 0; the sign (0 when ρ is not a bijection).</summary>
    private static (Condition Condition, int Sign) Monotonicity(Context c)
    {
        const string name = "strict monotonicity";
        var domain = c.W.Domain;
        string derivative = $"ρ′({c.W.Name}) = {c.Derivative}";
        var report = SignAnalysis.Of(c.Derivative, c.W.Name, domain, c.CheckValues);
        string how = report.Proven ? "" : " at the samples";
        if (report.Sign == 0)
        {
            if (report.Changes.Count == 0)
                return (new Condition(name, ConditionStatus.Fails,
                    $"{derivative} vanishes or is undefined on {domain}"), 0);
            var where = string.Join(", ", report.Changes.Take(3).Select(w => $"{c.W.Name} = {Derivation.Format(w)}"));
            return (new Condition(name, ConditionStatus.Fails,
                $"{derivative} changes sign at {where}{how}: a turning point, so ρ is not a bijection of {domain}; " +
                "restrict the domain"), 0);
        }
        // no sign change: a zero of ρ′ would still make f″ infinite there
        if (report.Vanishing is var (from, to) && from < to)
            return (new Condition(name, ConditionStatus.Fails,
                $"{derivative} vanishes on ({EndText(from)}, {EndText(to)}): ρ is constant there, " +
                $"so it is not a bijection of {domain}"), 0);
        if (report.Vanishing is var (w0, _))
            return (new Condition(name, ConditionStatus.Fails,
                $"ρ is monotone but {derivative} vanishes at {c.W.Name} ≈ {Derivation.Format(w0)}, " +
                $"so f″ is infinite at x = ρ({Derivation.Format(w0)})"), report.Sign);
        if (report.Proven)
            return (new Condition(name, ConditionStatus.Holds,
                $"{derivative} {(report.Sign > 0 ? ">" : "<")} 0 on {domain}"), report.Sign);
        return (new Condition(name, ConditionStatus.Unknown,
            $"no sign change or zero of {derivative} found at 800 sample points; not proven"), report.Sign);
    }

    /// <summary>The image of the domain: one-sided limits of ρ at each end, symbolically where possible.</summary>
    private static (Interval Image, bool Exact) Image(Context c, bool increasing)
    {
        var (lo, loExact) = EndValue(c, c.Rho, c.W.Domain.Lo, +1);
        var (hi, hiExact) = EndValue(c, c.Rho, c.W.Domain.Hi, -1);
        if (!increasing) (lo, hi, loExact, hiExact) = (hi, lo, hiExact, loExact);
        if (!(lo < hi)) return (c.Rho.Range(), false);
        return (new Interval(lo, hi, true, true), loExact && hiExact);
    }

    private static (double Value, bool Exact) EndValue(Context c, Expr f, double end, int side) =>
        EndLimits.At(f, c.W.Name, c.W.Domain, end, side, c.CheckValues);

    /// <summary>
    /// The values of a numeric antiderivative along points tending to a domain end, integrated from point to point
    /// within a budget; Settled is false when the quadrature stopped early (lost accuracy or budget).
    /// </summary>
    private static (double Last, bool Diverges, bool LevelsOff, bool Settled) Approach(Antiderivative integral,
        Interval domain, double end, int side)
    {
        var values = integral.EvaluateAlong(EndLimits.Points(domain, end, side)).ToList();
        bool settled = values.Count == 0 || !double.IsNaN(values[^1]);
        var (last, diverges, levelsOff) = EndLimits.Trend(settled ? values : values.SkipLast(1));
        return (last, diverges, levelsOff, settled);
    }

    /// <summary>
    /// The numeric evidence for a limit the symbolic analysis left open: the values of the integral along points
    /// tending to the end ("→ 0.693147…, apparently finite" when they level off).
    /// </summary>
    private static string NumericEvidence(Context c, Antiderivative integral, string what, double end, int side)
    {
        (double Last, bool Diverges, bool LevelsOff, bool Settled) trend;
        if (integral.IsClosedForm)
        {
            var (last, diverges, levelsOff) = EndLimits.Trend(EndLimits.Points(c.W.Domain, end, side)
                .Select(integral.Expression!.CompileForChecks(c.W.Name)));
            trend = (last, diverges, levelsOff, true);
        }
        else trend = Approach(integral, c.W.Domain, end, side);
        string value = Derivation.Format(trend.Last);
        string growing = trend.Diverges ? " and keeps growing" : "";
        if (!trend.Settled)
            return $"; numerically {what} reaches {value}{growing} before the quadrature loses accuracy";
        if (!trend.LevelsOff) return $"; numerically {what} reaches {value}{growing}";
        bool rounded = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) != trend.Last;
        return $"; numerically {what} → {value}{(rounded ? "…" : "")}, apparently finite";
    }

    /// <summary>
    /// Coercivity at each end of the image: at an infinite end ∫ρ/ρ′ dw must diverge, at a finite end |Φ| → ∞
    /// (docs/ARCHITECTURE.md). Decided from symbolic limits of the closed forms; otherwise "unknown" with the numeric
    /// evidence.
    /// </summary>
    private static IEnumerable<Condition> Coercivity(Context c, bool increasing, Interval image, Antiderivative phi,
        Antiderivative g)
    {
        foreach (var (domainEnd, side) in new[] { (c.W.Domain.Lo, +1), (c.W.Domain.Hi, -1) })
        {
            double imageEnd = (side > 0) == increasing ? image.Lo : image.Hi;
            bool infinite = double.IsInfinity(imageEnd);
            var integral = infinite ? g : phi;
            string what = infinite ? "∫ρ/ρ′ dw" : "Φ";
            string name = $"coercivity at x → {EndText(imageEnd)}";
            string at = $"{c.W.Name} → {EndText(domainEnd)}";
            if (integral.IsClosedForm)
            {
                var limit = new LimitAnalysis(c.W.Name, domainEnd, side, c.CheckValues).Of(integral.Expression!);
                if (limit.IsInfinite)
                {
                    yield return new Condition(name, ConditionStatus.Holds,
                        $"{what} = {integral.Expression} → {limit} as {at}");
                    continue;
                }
                if (limit.IsFinite)
                {
                    yield return new Condition(name, ConditionStatus.Fails,
                        $"{what} = {integral.Expression} → {limit} as {at}, " +
                        $"so D_f(x*, s) stays bounded as s → {EndText(imageEnd)}");
                    continue;
                }
            }
            string evidence = c.Unbound.Count == 0 ? NumericEvidence(c, integral, what, domainEnd, side) : "";
            yield return new Condition(name, ConditionStatus.Unknown,
                $"the limit of {what} as {at} could not be decided symbolically{evidence}");
        }
    }

    /// <summary>
    /// Legendre type: strictly convex (ρ′ ≠ 0) and essentially smooth (|f′| → ∞ at finite ends of the image).
    /// </summary>
    private static Condition Legendre(List<Condition> conditions, Interval image)
    {
        var relevant = new List<Condition> { conditions[0] };
        foreach (var end in new[] { image.Lo, image.Hi })
            if (double.IsFinite(end))
                relevant.AddRange(conditions.Where(k => k.Name == $"coercivity at x → {EndText(end)}"));
        var status = relevant.Any(k => k.Status == ConditionStatus.Fails) ? ConditionStatus.Fails
            : relevant.All(k => k.Status == ConditionStatus.Holds) ? ConditionStatus.Holds
            : ConditionStatus.Unknown;
        var reason = status switch
        {
            ConditionStatus.Holds => double.IsFinite(image.Lo) || double.IsFinite(image.Hi)
                ? "f is strictly convex and |f′| → ∞ at the finite ends of the image"
                : "f is strictly convex and differentiable on the whole line",
            ConditionStatus.Fails => "fails because: " + NamesWith(relevant, ConditionStatus.Fails),
            _ => "undecided because: " + NamesWith(relevant, ConditionStatus.Unknown),
        };
        return new Condition("Legendre type", status, reason);
    }

    private static string NamesWith(IEnumerable<Condition> conditions, ConditionStatus status) =>
        string.Join("; ", conditions.Where(k => k.Status == status).Select(k => k.Name));

    /// <summary>An end of the domain or image in a condition: ∞, a multiple of π (pi/2), or six digits.</summary>
    internal static string EndText(double v) =>
        double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "−∞"
        : Interval.PiMultiple(v)?.ToString() ?? Derivation.Format(v);

    // ======================= x = ρ(u) − ρ(v) =======================

    private static Derivation DifferenceChain(Context c, Stopwatch clock)
    {
        var conditions = new List<Condition>();
        var (monotone, sign) = Monotonicity(c);
        conditions.Add(monotone);
        if (sign == 0)
            return new Derivation(c.Source, c.Derivative, Interval.Real, Interval.Real, conditions, clock.Elapsed);
        var phi = (Expr.One / c.Derivative).Simplify().Integrate(c.W.Name, c.CheckValues);
        var (psi, zDomain) = DifferencePsi(c, phi);
        if (psi is null)
        {
            conditions.Add(new Condition("inverse mirror map", ConditionStatus.Unknown,
                "ψ needs Φ and Φ⁻¹ in closed form for the two-variable form"));
            return new Derivation(c.Source, c.Derivative, Interval.Real, Interval.Real, conditions, clock.Elapsed);
        }
        var zContext = new Context(Reparametrization.Create(psi, c.Z, zDomain, c.Source.Parameters));
        var (image, imageExact) = Image(zContext, sign > 0);
        conditions.Add(new Condition("image", imageExact ? ConditionStatus.Holds : ConditionStatus.Unknown,
            $"x = ρ(u) − ρ(v) ranges over {image}"));
        conditions.Add(new Condition("conserved quantity", ConditionStatus.Holds,
            $"Φ(u) + Φ(v) is constant along the flow, with Φ = {phi.Expression}"));
        conditions.Add(Legendre(conditions, image));
        return DifferenceChainFunctions(c, phi.Expression!, psi, Expr.Var(c.X, image), zDomain, conditions, clock);
    }

    /// <summary>
    /// ψ(z) = ρ(Φ⁻¹(Φ(u₀) + z)) − ρ(Φ⁻¹(Φ(v₀) − z)) and the interval of z; ψ is null unless Φ and Φ⁻¹ have
    /// closed forms.
    /// </summary>
    private static (Expr? Psi, Interval ZDomain) DifferencePsi(Context c, Antiderivative phi)
    {
        if (!phi.IsClosedForm) return (null, Interval.Real);
        var (u0, v0) = c.Source.DifferenceInitialValues!.Value;
        var phiExpr = phi.Expression!;
        var phiRange = phiExpr.Range();
        var phiU0 = phiExpr.Substitute(c.W.Name, u0).Simplify();
        var phiV0 = phiExpr.Substitute(c.W.Name, v0).Simplify();
        var zDomain = ZInterval(phiRange, phiU0, phiV0, c.CheckValues);
        var t = Expr.Var(Shapes.FreshName("s", c.Rho), phiRange);
        if (InverseSolver.Candidate(phiExpr, c.W, t) is not var (phiInverse, _)
            || !InverseSolver.SamplesAgree(phiExpr, c.W, t, phiInverse))
            return (null, zDomain);
        var z = Expr.Var(c.Z, zDomain);
        var first = c.Rho.Substitute(c.W.Name, phiInverse.Substitute(t.Name, phiU0 + z));
        var second = c.Rho.Substitute(c.W.Name, phiInverse.Substitute(t.Name, phiV0 - z));
        return ((first - second).Simplify(), zDomain);
    }

    /// <summary>
    /// The chain of x = ρ(u) − ρ(v) from ψ: f′ = ψ⁻¹ when it solves, f* = ∫ψ dz, f = ∫f′ dx, f″ = 1/ψ′(f′(x));
    /// numerically, one monotone solve of ψ and x·f′(x) − f*(f′(x)) (the same f up to affine terms).
    /// </summary>
    private static Derivation DifferenceChainFunctions(Context c, Expr phi, Expr psi, Symbol x, Interval zDomain,
        List<Condition> conditions, Stopwatch clock)
    {
        var zSymbol = psi.Symbols().FirstOrDefault(s => s.Name == c.Z) ?? Expr.Var(c.Z, zDomain);
        var psiDerivative = psi.Differentiate(c.Z);
        Expr? mirror = InverseSolver.Candidate(psi, zSymbol, x) is var (m, _)
            && InverseSolver.SamplesAgree(psi, zSymbol, x, m) ? m : null;
        var conjugate = psi.Integrate(c.Z, c.CheckValues);
        var potential = mirror?.Integrate(c.X, c.CheckValues) is { IsClosedForm: true } f ? f.Expression : null;
        Expr? metric = mirror is null ? null : Expr.Pow(psiDerivative.Substitute(c.Z, mirror), -1).Simplify();
        var psiF = c.Compile(psi, c.Z);
        var dpsiF = c.Compile(psiDerivative, c.Z);
        var mirrorF = mirror is not null ? c.Compile(mirror, c.X)
            : Solved(c, value => ScalarNumerics.InvertMonotone(psiF, dpsiF, zDomain, true, value));
        var conjugateF = conjugate.IsClosedForm ? c.Compile(conjugate.Expression!, c.Z) : Solved(c, conjugate.Evaluate);
        var potentialOfZ = conjugate.IsClosedForm
            ? (Expr.Var(c.Z, zDomain) * psi - conjugate.Expression!).Simplify() : null;
        var potentialForm = FormOf(potential, potentialOfZ is not null);
        return new Derivation(c.Source, c.Derivative, x.Domain, zDomain, conditions, clock.Elapsed)
        {
            DualCoordinate = new ChainFunction("dualCoordinate", "Φ(w)", c.W.Name, Form.Explicit, phi, null, null,
                () => c.Compile(phi, c.W.Name)),
            MirrorMap = new ChainFunction("mirrorMap", "f′(x)", c.X, ExplicitOrNumeric(mirror), mirror, null, null,
                () => mirrorF),
            InverseMirrorMap = new ChainFunction("inverseMirrorMap", "ψ(z)", c.Z, Form.Explicit, psi, null, null,
                () => psiF),
            Metric = new ChainFunction("metric", "f″(x)", c.X, ExplicitOrNumeric(metric), metric, null, null,
                () => metric is not null ? c.Compile(metric, c.X) : v => 1 / dpsiF(mirrorF(v))),
            Potential = new ChainFunction("potential", "f(x)", c.X, potentialForm, potential, potentialOfZ,
                $"{c.Z} = f′({c.X})", () => potential is not null ? c.Compile(potential, c.X)
                    : v => { double zv = mirrorF(v); return v * zv - conjugateF(zv); }),
            Conjugate = new ChainFunction("conjugate", "f*(z)", c.Z, ExplicitOrNumeric(conjugate.Expression),
                conjugate.Expression, null, null, () => conjugateF),
        };
    }

    /// <summary>z with Φ(u₀) + z and Φ(v₀) − z both in the range of Φ.</summary>
    private static Interval ZInterval(Interval phiRange, Expr phiU0, Expr phiV0,
        IReadOnlyDictionary<string, double> values)
    {
        double a = phiU0.Evaluate(values), b = phiV0.Evaluate(values);
        double lo = Math.Max(phiRange.Lo - a, b - phiRange.Hi);
        double hi = Math.Min(phiRange.Hi - a, b - phiRange.Lo);
        return double.IsNaN(lo) || double.IsNaN(hi) || !(lo < hi) ? Interval.Real : new Interval(lo, hi, true, true);
    }
}
