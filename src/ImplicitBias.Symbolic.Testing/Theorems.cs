using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;

namespace ImplicitBias.Symbolic.Testing;

/// <summary>
/// The implicit-bias theorems as FsCheck properties of a reparametrization ρ: the mirror identity, the flow limit
/// equal to the Bregman projection, link invariance of the limit, the design round trip, and symbolic derivatives
/// against finite differences; <see cref="All"/> checks them together. Each returns a <see cref="Property"/> to run
/// with <c>Check.QuickThrowOnFailure</c> or to return from an FsCheck.Xunit <c>[Property]</c> method. A failing
/// case is labelled with the point or problem and the expected and actual values. The derivation, its compiled
/// functions and the point samplers are built once per reparametrization instance (use the shared instances of
/// <see cref="ReparametrizationGen"/> to reuse them across properties).
/// </summary>
public static class Theorems
{
    private static readonly ConditionalWeakTable<Reparametrization, DesignOutcome> Designs = new();

    // ================================================================ mirror identity

    /// <summary>
    /// f″(ρ(w))·ρ′(w)² = 1 at interior points w, with f″ the derivation's metric evaluator (for the two-variable form
    /// f″(x)·(ρ′(u)² + ρ′(v)²) = 1 with x = ρ(u) − ρ(v) and v the companion of u), to the relative tolerance
    /// <see cref="TheoremOptions.MirrorTolerance"/>. Fails with a label when no metric was derived (ρ is not a
    /// bijection of its domain).
    /// </summary>
    /// <param name="reparametrization">ρ, every parameter bound.</param>
    /// <param name="options">Tolerances.</param>
    public static Property MirrorIdentity(Reparametrization reparametrization, TheoremOptions? options = null) =>
        Guarded(reparametrization, "mirror identity", () =>
        {
            var d = Cache.Derive(reparametrization);
            if (d.Metric is null) return NotDerived(d, "f″");
            return MirrorIdentityCore(reparametrization, d.Metric.Function, "the derived f″",
                options ?? TheoremOptions.Default);
        });

    /// <summary>The mirror identity for a claimed metric f″ (a function of x): checks a hand-derived
    /// potential against ρ.</summary>
    /// <param name="reparametrization">ρ, every parameter bound.</param>
    /// <param name="claimedMetric">The claimed f″(x).</param>
    /// <param name="options">Tolerances.</param>
    public static Property MirrorIdentity(Reparametrization reparametrization, Func<double, double> claimedMetric,
        TheoremOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(claimedMetric);
        return Guarded(reparametrization, "mirror identity",
            () => MirrorIdentityCore(reparametrization, claimedMetric, "the claimed f″",
                options ?? TheoremOptions.Default));
    }

    /// <summary>The mirror identity for a claimed metric given as an expression in its one free symbol (x).</summary>
    /// <param name="reparametrization">ρ, every parameter bound.</param>
    /// <param name="claimedMetric">The claimed f″, e.g. <c>Expr.Parse("1/(4*x)")</c>.</param>
    /// <param name="options">Tolerances.</param>
    public static Property MirrorIdentity(Reparametrization reparametrization, Expr claimedMetric,
        TheoremOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(claimedMetric);
        return Guarded(reparametrization, "mirror identity", () =>
        {
            var names = claimedMetric.FreeSymbols().ToList();
            if (names.Count > 1)
                throw new ArgumentException($"the claimed metric {claimedMetric} has more than one free symbol " +
                    $"({string.Join(", ", names)})");
            var compiled = claimedMetric.Compile(names.Count == 1 ? names[0] : "x");
            return MirrorIdentityCore(reparametrization, compiled, $"the claimed f″ = {claimedMetric}",
                options ?? TheoremOptions.Default);
        });
    }

    private static Property MirrorIdentityCore(Reparametrization r, Func<double, double> metric, string which,
        TheoremOptions options)
    {
        var rho = Cache.Rho(r);
        double tolerance = options.MirrorTolerance;
        return Prop.ForAll(PointGen.Interior(r).ToArbitrary(), w =>
        {
            double x, speed;
            string at;
            if (r.IsDifference)
            {
                double v = PointGen.Companion(r, w), du = rho.Derivative(w), dv = rho.Derivative(v);
                x = rho.Value(w) - rho.Value(v);
                speed = du * du + dv * dv;
                at = $"u = {Sampling.Exact(w)}, v = {Sampling.Exact(v)}: x = ρ(u) − ρ(v) = {Sampling.Exact(x)}, " +
                    $"ρ′(u)² + ρ′(v)² = {Sampling.Exact(speed)}";
            }
            else
            {
                double d = rho.Derivative(w);
                x = rho.Value(w);
                speed = d * d;
                at = $"w = {Sampling.Exact(w)}: x = ρ(w) = {Sampling.Exact(x)}, ρ′(w) = {Sampling.Exact(d)}";
            }
            double m = metric(x), product = m * speed;
            bool ok = Math.Abs(product - 1) <= tolerance;
            return Prop.Label(ok, $"{at}, {which}(x) = {Sampling.Exact(m)}; expected f″(x)·ρ′² = 1, " +
                $"got {Sampling.Exact(product)} (relative tolerance {tolerance:G3})");
        });
    }

    // ================================================================ flow limit

    /// <summary>
    /// On generated problems (<see cref="ProblemGen.Specs"/>: M ≤ <see cref="TheoremOptions.MaxRows"/>,
    /// 3M + 6 ≤ N ≤ <see cref="TheoremOptions.MaxColumns"/>), the gradient flow in w converges and its limit agrees
    /// with the Bregman projection argmin {D_f(x, x₀) : Ax = g⁻¹(y)} (<see cref="Verification.Verify"/>) within
    /// <see cref="TheoremOptions.FlowTolerance"/>. Failing problems shrink to fewer rows and columns.
    /// </summary>
    /// <param name="reparametrization">ρ, every parameter bound.</param>
    /// <param name="options">Sizes, losses, links, tolerances and flow options.</param>
    public static Property FlowLimit(Reparametrization reparametrization, TheoremOptions? options = null) =>
        Guarded(reparametrization, "flow limit = Bregman projection", () =>
        {
            options ??= TheoremOptions.Default;
            if (Uncovered(reparametrization, options) is { } refusal) return refusal;
            return Prop.ForAll(ProblemGen.Arbitrary(reparametrization, options), spec => FlowLimit(spec, options));
        });

    /// <summary>The flow-limit theorem on one problem (see
    /// <see cref="FlowLimit(Reparametrization, TheoremOptions)"/>).</summary>
    /// <param name="spec">The problem.</param>
    /// <param name="options">Tolerances and flow options.</param>
    public static Property FlowLimit(ProblemSpec spec, TheoremOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= TheoremOptions.Default;
        try
        {
            if (Uncovered(spec.Reparametrization, options) is { } refusal) return refusal;
            var derivation = Cache.Derive(spec.Reparametrization);
            var report = Verification.Verify(ProblemGen.CreateOrFallback(spec), derivation, options.Flow,
                options.FlowTolerance);
            if (PredictionInaccurate(report, options))
                return Discard($"the prediction is not accurate enough to decide: {spec}: {Describe(report)}");
            if (CreepsToEdge(report, derivation) is { } edge) return Discard($"{spec}: {edge}; {Describe(report)}");
            return Prop.Label(Agrees(report), $"{spec}: {Describe(report)}");
        }
        catch (Exception e) when (e is SymbolicException or ArgumentException or ArithmeticException)
        {
            return Fail($"{spec}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// True when the Bregman projection itself was not computed to the flow tolerance (dual Newton did not converge, or
    /// its constraint residual exceeds the tolerance): then the case cannot decide the theorem, and it is discarded
    /// rather than failed. Besides flat potentials, this happens when the projection has coordinates next to the edge
    /// of the image (ρ = exp with x̂ᵢ ≈ 0): Newton stalls there and the flow creeps toward it. This happens for
    /// potentials that are extremely flat at the projection (log cosh at x ≈ 15 has f″ ≈ 10⁻¹³: ψ is evaluated within
    /// rounding of the end of its domain).
    /// </summary>
    private static bool PredictionInaccurate(VerificationReport report, TheoremOptions options) =>
        !report.Prediction.Converged || !(report.Prediction.Residual <= options.FlowTolerance);

    /// <summary>
    /// The verification's verdict, also accepting a flow that stopped at its rounding floor: "step too small" with a
    /// loss below 10⁻¹⁶·max(1, ‖x̂‖²) (w pinned within rounding of an end of the domain, as for asinh(tan w) with x̂ ≈
    /// −11.7, where the spacing of doubles near −π/2 bounds the loss near 10⁻²²) — its limit is
    /// still compared with the prediction.
    /// </summary>
    private static bool Agrees(VerificationReport report)
    {
        if (report.Agree) return true;
        double data = Math.Max(1, report.Prediction.X.Sum(v => v * v));
        return report.Flow.StopReason == StopReason.StepTooSmall && report.Prediction.Converged
            && report.Flow.Loss <= 1e-16 * data
            && report.LimitMatchesPrediction;
    }

    /// <summary>
    /// Why an unconverged flow cannot decide the case: the projection has a coordinate within 10⁻⁶ (relative) of a
    /// finite end of the image of ρ, where ρ′ → 0 and the flow creeps toward it like 1/t (x̂ᵢ = 5·10⁻¹¹ for ρ = w³ on
    /// (0, ∞)) — the step budget runs out long before the loss tolerance; null when the flow
    /// converged or no coordinate is there.
    /// </summary>
    private static string? CreepsToEdge(VerificationReport report, Derivation derivation)
    {
        if (report.Flow.Converged || !report.Prediction.Converged) return null;
        var image = derivation.Image;
        for (int i = 0; i < report.Prediction.X.Length; i++)
        {
            double x = report.Prediction.X[i];
            foreach (var end in new[] { image.Lo, image.Hi })
                if (double.IsFinite(end) && Math.Abs(x - end) <= 1e-6 * Math.Max(1, Math.Abs(end)))
                    return $"x̂[{i}] = {Sampling.Exact(x)} lies next to the end {Sampling.Exact(end)} of the image, " +
                        "which the flow approaches like 1/t";
        }
        return null;
    }

    /// <summary>A discarded case (FsCheck counts it as rejected and draws another), with the
    /// reason as its label.</summary>
    private static Property Discard(string reason) =>
        Prop.When(Prop.Label(true, $"discarded: {reason}"), false);

    private static string Describe(VerificationReport report)
    {
        var flow = report.Flow;
        var prediction = report.Prediction;
        int worst = 0;
        for (int i = 1; i < flow.X.Length; i++)
            if (Math.Abs(flow.X[i] - prediction.X[i]) > Math.Abs(flow.X[worst] - prediction.X[worst])) worst = i;
        var text = $"flow stopped by {flow.StopReason.Text()} at t = {Sampling.Num(flow.Time)} " +
            $"after {flow.Steps} steps (loss {flow.Loss:G3}); " +
            $"prediction {(prediction.Converged ? "converged" : "did not converge")} " +
            $"(residual {prediction.Residual:G3}); " +
            $"max |x_flow − x̂| = {report.MaxAbsDifference:G3} (tolerance {report.Tolerance:G3}), " +
            $"KKT residual {report.KktResidual:G3}";
        if (flow.X.Length > 0)
            text += $"; worst coordinate {worst}: expected x̂ = {Sampling.Exact(prediction.X[worst])}, " +
                $"flow limit {Sampling.Exact(flow.X[worst])}";
        if (flow.ConservedDrift is { } drift) text += $"; drift of Φ(u) + Φ(v) {drift:G3}";
        if (report.FailedConditions.Count > 0)
            text += $"; failing conditions: {string.Join("; ", report.FailedConditions)}";
        return text;
    }

    // ================================================================ link invariance

    /// <summary>
    /// Link invariance of the limit. For each link g of <see cref="TheoremOptions.InvarianceLinks"/>, the same problem
    /// (same A, planted x*, w₀ and loss) is given the data y_g = g(A x*), so the constraint set {Ax = g⁻¹(y_g)} =
    /// {Ax = Ax*} is the same for every link: the theorem predicts the same limit, the Bregman projection of x₀ onto
    /// it, however the link changes the speed of the flow. Checks that every flow converges to that prediction and that
    /// the flow limits agree with the first link's within twice <see cref="TheoremOptions.FlowTolerance"/> (relative to
    /// max(1, max |x|); each is within the tolerance of the prediction). A link that saturates on the case's data
    /// (g′(z) &lt; 10⁻³ at some target z = (A x*)_m, where the loss tolerance no longer controls x, or y at the end of
    /// the link's range in floating point), or on which the integrator gives up (step too small or the step limit;
    /// square loss through a saturating link has plateaus), is left out of that case, and the label says so. The first
    /// link is never left out.
    /// </summary>
    /// <param name="reparametrization">ρ, every parameter bound.</param>
    /// <param name="options">Sizes, losses, links, tolerances and flow options.</param>
    public static Property LinkInvariance(Reparametrization reparametrization, TheoremOptions? options = null) =>
        Guarded(reparametrization, "link invariance", () =>
        {
            options ??= TheoremOptions.Default;
            if (Uncovered(reparametrization, options) is { } refusal) return refusal;
            return Prop.ForAll(ProblemGen.Arbitrary(reparametrization, options), spec => LinkInvariance(spec, options));
        });

    /// <summary>Link invariance on one problem (its link is replaced by each of
    /// <see cref="TheoremOptions.InvarianceLinks"/>).</summary>
    /// <param name="spec">The problem.</param>
    /// <param name="options">Links, tolerances and flow options.</param>
    public static Property LinkInvariance(ProblemSpec spec, TheoremOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= TheoremOptions.Default;
        if (options.InvarianceLinks.Count < 2) throw new ArgumentException("link invariance needs at least two links");
        try
        {
            if (Uncovered(spec.Reparametrization, options) is { } refusal) return refusal;
            var derivation = Cache.Derive(spec.Reparametrization);
            double[]? reference = null;
            string referenceLink = "";
            var notes = new List<string>();
            bool ok = true;
            foreach (var link in options.InvarianceLinks)
            {
                Problem problem;
                try { problem = (spec with { Link = link }).Create(); }
                catch (SymbolicException) { notes.Add($"link {link.Name}: y saturates the link, left out"); continue; }
                double slope = problem.Model.Targets.Select(link.Derivative).DefaultIfEmpty(1).Min();
                if (!(slope >= 1e-3))
                {
                    notes.Add($"link {link.Name}: saturated (g′ = {slope:G3} at a target), left out");
                    continue;
                }
                var report = Verification.Verify(problem, derivation, options.Flow, options.FlowTolerance);
                if (PredictionInaccurate(report, options))
                    return Discard($"the prediction is not accurate enough to decide: {spec with { Link = link }}: " +
                        $"{Describe(report)}");
                if (CreepsToEdge(report, derivation) is { } edge)
                    return Discard($"{spec with { Link = link }}: {edge}; {Describe(report)}");
                if (!report.Flow.Converged && reference is not null
                    && report.Flow.StopReason is StopReason.StepTooSmall or StopReason.StepLimit)
                {
                    // square loss through a saturating link has plateaus; convergence is
                    // the flow-limit property's concern
                    notes.Add($"link {link.Name}: the integrator did not reach the limit " +
                        $"({report.Flow.StopReason.Text()}), left out");
                    continue;
                }
                if (!Agrees(report)) { ok = false; notes.Add($"link {link.Name}: {Describe(report)}"); continue; }
                if (reference is null) { reference = report.Flow.X; referenceLink = link.Name; continue; }
                double scale = Math.Max(1, reference.Max(Math.Abs));
                var (worst, at) = LargestDifference(reference, report.Flow.X);
                bool same = worst <= 2 * options.FlowTolerance * scale;
                ok &= same;
                notes.Add($"link {link.Name}: max |x_{link.Name} − x_{referenceLink}| = {worst:G3}" +
                    (same ? "" : $" at coordinate {at}: expected {Sampling.Exact(reference[at])} " +
                        $"(limit with link {referenceLink}), got {Sampling.Exact(report.Flow.X[at])}"));
            }
            return Prop.Label(ok, $"{spec with { Link = options.InvarianceLinks[0] }}: {string.Join("; ", notes)}");
        }
        catch (Exception e) when (e is SymbolicException or ArgumentException or ArithmeticException)
        {
            return Fail($"{spec}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The largest |x[i] − reference[i]| over the coordinates, and the coordinate where it occurs.</summary>
    private static (double Worst, int At) LargestDifference(double[] reference, double[] x)
    {
        double worst = 0;
        int at = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double delta = Math.Abs(x[i] - reference[i]);
            if (delta > worst) (worst, at) = (delta, i);
        }
        return (worst, at);
    }

    // ================================================================ design round trip

    /// <summary>
    /// Derive f from ρ, design ρ̃ from f (<see cref="PotentialDesign.Design(Expr, string, string)"/>), derive ρ̃ again:
    /// its metric must equal f″ of ρ at x = ρ(w) for interior points w (relative tolerance
    /// <see cref="TheoremOptions.DesignTolerance"/>). When ρ̃ has no closed form (ρ̃⁻¹ = ∫√f″ is numeric or not
    /// invertible in closed form), ρ̃⁻¹ must be ρ⁻¹ up to a constant: ∫ from ρ(w₁) to ρ(w₂) of √f″ = w₂ − w₁ (allowing
    /// the quadrature's error estimate). When the potential of ρ is only parametric or numeric (no formula to design
    /// from), the derived f″ itself must satisfy the design equation: ∫ from ρ(w₁) to ρ(w₂) of √f″ = w₂ − w₁. Fails
    /// when the design throws or is not verified; passes trivially (classified "skipped") for the two-variable form
    /// without a closed-form ρ̃ or an explicit potential.
    /// </summary>
    /// <param name="reparametrization">ρ, every parameter bound.</param>
    /// <param name="options">Tolerances.</param>
    public static Property DesignRoundTrip(Reparametrization reparametrization, TheoremOptions? options = null) =>
        Guarded(reparametrization, "design round trip", () =>
        {
            options ??= TheoremOptions.Default;
            var d = Cache.Derive(reparametrization);
            if (d.Metric is null) return NotDerived(d, "f″");
            if (d.Potential?.Expression is null)
            {
                if (reparametrization.IsDifference)
                    return Prop.Classify(true, true, $"skipped: the potential of {reparametrization} is " +
                        $"{d.Form.ToString().ToLowerInvariant()}, and x = ρ(u) − ρ(v) has no single inverse");
                return MetricIntegratesToInverse(reparametrization, d, options);
            }
            var outcome = Designs.GetValue(reparametrization, r => DesignOutcome.Of(Cache.Derive(r)));
            if (outcome.Error is { } error)
                return Fail($"designing ρ̃ from f = {d.Potential.Expression} failed: {error}");
            var design = outcome.Design!;
            double tolerance = options.DesignTolerance;
            var points = PointGen.Interior(reparametrization).ToArbitrary();
            if (outcome.Metric is { } designedMetric)
            {
                var metric = d.Metric.Function;
                return Prop.ForAll(points, w =>
                {
                    double x = XAt(reparametrization, w);
                    double want = metric(x), got = designedMetric(x);
                    bool ok = Math.Abs(got - want) <= tolerance * Math.Abs(want);
                    return Prop.Label(ok, $"w = {Sampling.Exact(w)}, x = {Sampling.Exact(x)}: " +
                        $"f″(x) of ρ = {Sampling.Exact(want)}, f″(x) of the designed ρ̃ = {design.Reparametrization} " +
                        $"is {Sampling.Exact(got)} (f = {d.Potential.Expression})");
                });
            }
            if (reparametrization.IsDifference)
                return Prop.Classify(true, true, $"skipped: ρ̃ of f = {d.Potential.Expression} has no closed form, " +
                    "and x = ρ(u) − ρ(v) has no single inverse to compare ρ̃⁻¹ with");
            // ρ̃⁻¹ = ∫√f″ is only known numerically (or without a closed inverse): it must be ρ⁻¹ up to a constant,
            // ∫_{ρ(w₁)}^{ρ(w₂)} √f″(s) ds = w₂ − w₁
            var rho = Cache.Rho(reparametrization);
            var inverse = design.InverseReparametrizationResult;
            return Prop.ForAll(points, points, (w1, w2) =>
            {
                double x1 = rho.Value(w1), x2 = rho.Value(w2);
                var (got, quadratureError) = inverse.Definite(x1, x2);
                double want = w2 - w1;
                double allowed = tolerance * Math.Max(1, Math.Abs(want)) + Math.Abs(quadratureError);
                bool ok = Math.Abs(got - want) <= allowed;
                return Prop.Label(ok, $"w₁ = {Sampling.Exact(w1)}, w₂ = {Sampling.Exact(w2)}: " +
                    $"ρ̃⁻¹(ρ(w₂)) − ρ̃⁻¹(ρ(w₁)) = ∫√f″ from {Sampling.Exact(x1)} to {Sampling.Exact(x2)} " +
                    $"should be w₂ − w₁ = {Sampling.Exact(want)}, got {Sampling.Exact(got)} " +
                    $"(allowed |Δ| ≤ {allowed:G3}; ρ̃⁻¹ = {inverse})");
            });
        });

    /// <summary>
    /// The design equation ρ⁻¹ = ∫√f″ applied to a potential known only parametrically or numerically: the derived
    /// metric must integrate back to ρ⁻¹ up to a constant, ∫ from ρ(w₁) to ρ(w₂) of √f″(s) ds = w₂ − w₁
    /// (adaptive Gauss–Kronrod, allowing its error estimate).
    /// </summary>
    private static Property MetricIntegratesToInverse(Reparametrization r, Derivation d, TheoremOptions options)
    {
        var rho = Cache.Rho(r);
        var metric = d.Metric!.Function;
        var points = PointGen.Interior(r).ToArbitrary();
        double tolerance = options.DesignTolerance;
        return Prop.ForAll(points, points, (w1, w2) =>
        {
            double x1 = rho.Value(w1), x2 = rho.Value(w2), want = w2 - w1;
            double got = MathNet.Numerics.Integration.GaussKronrodRule.Integrate(s => Math.Sqrt(metric(s)), x1, x2,
                out double quadratureError, out _, 1e-10, 15, 15);
            if (x1 == x2) (got, quadratureError) = (0, 0);
            double allowed = tolerance * Math.Max(1, Math.Abs(want)) + Math.Abs(quadratureError);
            bool ok = Math.Abs(got - want) <= allowed;
            return Prop.Label(ok, $"w₁ = {Sampling.Exact(w1)}, w₂ = {Sampling.Exact(w2)}: " +
                $"the {d.Form.ToString().ToLowerInvariant()} f″ gives " +
                $"∫√f″ from {Sampling.Exact(x1)} to {Sampling.Exact(x2)} = {Sampling.Exact(got)}, " +
                $"expected ρ⁻¹(x₂) − ρ⁻¹(x₁) = w₂ − w₁ = {Sampling.Exact(want)} (allowed |Δ| ≤ {allowed:G3})")
                .Classify(true, $"{d.Form.ToString().ToLowerInvariant()} potential: ∫√f″ checked against ρ⁻¹");
        });
    }

    private sealed class DesignOutcome
    {
        public DesignResult? Design { get; private init; }
        public Func<double, double>? Metric { get; private init; }
        public string? Error { get; private init; }

        public static DesignOutcome Of(Derivation d)
        {
            try
            {
                var design = PotentialDesign.Design(d.Potential!.Expression!, d.Potential.Argument);
                if (!design.Verified) return new DesignOutcome { Error = $"not verified ({design.Verification})" };
                return new DesignOutcome { Design = design, Metric = design.Check?.Metric?.Function };
            }
            catch (Exception e) when (e is SymbolicException or ArgumentException or ArithmeticException)
            {
                return new DesignOutcome { Error = e.Message };
            }
        }
    }

    // ================================================================ derivatives vs finite differences

    /// <summary>
    /// The derivation's symbolic derivatives against central differences at interior points: ρ′(w) against ρ, and
    /// (where the chain has them) f′(x) against f and f″(x) against f′ at x = ρ(w). A difference quotient is
    /// extrapolated by Ridders' method from central differences at shrinking steps (all inside the interval), and the
    /// comparison allows <see cref="TheoremOptions.DerivativeTolerance"/> (relative) plus the difference's own error
    /// estimate and rounding noise, so it is robust near domain ends and for numerically evaluated chain functions.
    /// </summary>
    /// <param name="reparametrization">ρ, every parameter bound.</param>
    /// <param name="options">Tolerances.</param>
    public static Property Derivatives(Reparametrization reparametrization, TheoremOptions? options = null) =>
        Guarded(reparametrization, "derivatives vs finite differences", () =>
        {
            options ??= TheoremOptions.Default;
            var r = reparametrization;
            var d = Cache.Derive(r);
            var rho = Cache.Rho(r);
            double tolerance = options.DerivativeTolerance;
            var image = d.Image;
            return Prop.ForAll(PointGen.Interior(r).ToArbitrary(), w =>
            {
                var result = Compare("ρ′", r.Variable, w, r.Domain, rho.Value, rho.Derivative(w), true, tolerance,
                    options.DerivativeAbsoluteTolerance);
                if (d.IsDerived)
                {
                    double x = XAt(r, w);
                    if (d.Potential is { } f && d.MirrorMap is { } f1)
                        result = result.And(Compare("f′", "x", x, image, f.Function, f1.Evaluate(x),
                            f.Form == Form.Explicit, tolerance, options.DerivativeAbsoluteTolerance));
                    if (d.MirrorMap is { } g && d.Metric is { } f2)
                        result = result.And(Compare("f″", "x", x, image, g.Function, f2.Evaluate(x),
                            g.Form == Form.Explicit, tolerance, options.DerivativeAbsoluteTolerance));
                }
                return result;
            });
        });

    /// <summary>
    /// The symbolic derivative of <paramref name="expression"/> in <paramref name="variable"/> against a central
    /// difference at generated points (default: <see cref="PointGen.In"/> the variable's domain). Points where the
    /// expression is not finite nearby are classified "skipped".
    /// </summary>
    /// <param name="expression">An expression in one variable.</param>
    /// <param name="variable">The variable.</param>
    /// <param name="points">Where to compare (default: inside the variable's domain).</param>
    /// <param name="options">Tolerances.</param>
    public static Property DerivativeMatchesFiniteDifference(Expr expression, string variable,
        Gen<double>? points = null, TheoremOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variable);
        options ??= TheoremOptions.Default;
        try
        {
            var domain = expression.Symbols().FirstOrDefault(s => s.Name == variable)?.Domain ?? Interval.Real;
            var value = expression.Compile(variable);
            var derivative = expression.Differentiate(variable);
            var compiled = derivative.Compile(variable);
            var rounding = derivative.CompileRoundingBound(variable);
            double tolerance = options.DerivativeTolerance;
            return Prop.ForAll((points ?? PointGen.In(domain)).ToArbitrary(), p =>
                Compare($"d/d{variable} {expression} = {derivative}", variable, p, domain, value, compiled(p), true,
                    tolerance, options.DerivativeAbsoluteTolerance, rounding(p)));
        }
        catch (Exception e) when (e is SymbolicException or ArgumentException or ArithmeticException)
        {
            return Fail($"d/d{variable} {expression}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Symbolic derivatives of random smooth expressions in x (<see cref="ExprGen.SmoothSized"/>) against central
    /// differences at points of [−2, 2]; failing expressions shrink to subexpressions.
    /// </summary>
    /// <param name="options">Tolerances.</param>
    public static Property DerivativesOfSmoothExpressions(TheoremOptions? options = null)
    {
        options ??= TheoremOptions.Default;
        var x = Expr.Var("x");
        double tolerance = options.DerivativeTolerance;
        return Prop.ForAll(Arb.From(ExprGen.SmoothSized(x), ExprGen.ShrinkExpr),
            PointGen.In(Interval.Open(-2, 2)).ToArbitrary(), (e, p) =>
        {
            try
            {
                var derivative = e.Differentiate("x");
                return Compare($"d/dx {e} = {derivative}", "x", p, Interval.Real, e.Compile("x"),
                    derivative.Compile("x")(p), true, tolerance,
                    options.DerivativeAbsoluteTolerance, derivative.CompileRoundingBound("x")(p));
            }
            catch (Exception ex) when (ex is SymbolicException or ArithmeticException)
            {
                return Fail($"d/dx {e}: {ex.GetType().Name}: {ex.Message}");
            }
        });
    }

    /// <summary>
    /// One comparison of a symbolic derivative with Ridders' extrapolation of central differences of
    /// <paramref name="function"/> at <paramref name="at"/> (steps shrinking by 1.4 from h, h/10 and h/100, Neville
    /// tableaux, the entry with the smallest error estimate); every step stays inside <paramref name="domain"/>.
    /// </summary>
    private static Property Compare(string what, string name, double at, Interval domain, Func<double, double> function,
        double symbolic, bool exactValues, double tolerance, double absolute, double symbolicRounding = 0)
    {
        double room = Math.Min(at - domain.Lo, domain.Hi - at);
        // a tenth of the distance to the nearest end: near a singular end (f′ ~ log(1 − x)) the Taylor terms of a
        // difference quotient shrink like (h/room)^k, and a quarter left Ridders' error estimate too optimistic
        double h = Math.Min(1e-3 * Math.Max(1, Math.Abs(at)), 0.1 * room);
        double f0 = function(at);
        // the function should change by a few percent at most over the first step (sin(sinh(10x)) oscillates on a
        // scale far below 10⁻³, and a difference quotient over it would alias)
        if (double.IsFinite(symbolic) && double.IsFinite(f0) && symbolic != 0)
            h = Math.Min(h, 0.05 * Math.Max(Math.Abs(f0), 1) / Math.Abs(symbolic));
        if (!(h > 0) || !double.IsFinite(h)) return Prop.Classify(true, true, "skipped: no room for a difference");
        double[] values = [function(at + h), function(at - h), f0];
        if (!values.All(double.IsFinite) || !double.IsFinite(symbolic))
        {
            bool symbolicFinite = double.IsFinite(symbolic) || !values.All(double.IsFinite);
            return symbolicFinite
                ? Prop.Classify(true, true, "skipped: not finite nearby")
                : Fail($"{what} at {name} = {Sampling.Exact(at)}: the function is finite nearby " +
                    $"but the symbolic derivative is {symbolic}");
        }
        // a first step far above the scale of oscillation can make the tableau look converged by accident: start from
        // three scales and keep the estimate that is surest of itself
        var (extrapolated, estimate, smallest) = new[] { h, h / 10, h / 100 }
            .Select(start => Ridders(function, at, start))
            .Where(r => double.IsFinite(r.Derivative))
            .DefaultIfEmpty((Derivative: double.NaN, Error: double.PositiveInfinity, SmallestStep: h))
            .MinBy(r => r.Error);
        if (!double.IsFinite(extrapolated)) return Prop.Classify(true, true, "skipped: not finite nearby");
        // the values' rounding: their size, and |x·f′| for arguments rounded on the way in (cos of cosh(21.7) ≈ 1.3·10⁹
        // moves by ε·|x f′| ≈ 10⁻⁶ when x moves by an ulp, which is noise over a step of 10⁻¹²)
        double magnitude = Math.Max(values.Max(Math.Abs), Math.Abs(at * symbolic));
        double noise = (Math.Max((exactValues ? 64 * 2.220446049250313e-16 : 1e-10) * Math.Max(magnitude, 1e-300),
            EvaluationNoise(function, at, f0, smallest))) / smallest;
        if (estimate > 0.1 * Math.Abs(extrapolated) + 10 * noise)
            return Prop.Classify(true, true, "skipped: the difference quotient is not resolved at these steps");
        // the symbolic derivative's own rounding: an expanded polynomial with coefficients ~10⁶ cancels near a root
        // Neville's tableau weighs the quotients with coefficients up to a few: it amplifies their noise
        // (f = x·atanh(x) + log(1 − x²)/2 near x = −1 loses 10⁻¹¹ in 1 − x², and its quotients at 10⁻⁹ carry 10⁻³)
        double allowed = tolerance * Math.Max(Math.Abs(symbolic), Math.Abs(extrapolated)) + 3 * estimate + 4 * noise
            + absolute + (double.IsFinite(symbolicRounding) ? symbolicRounding : 0);
        bool ok = Math.Abs(symbolic - extrapolated) <= allowed;
        return Prop.Label(ok, $"{what} at {name} = {Sampling.Exact(at)}: symbolic {Sampling.Exact(symbolic)}, " +
            $"extrapolated central differences {Sampling.Exact(extrapolated)} " +
            $"(steps {h:G3} down to {smallest:G3}, error estimate {estimate:G3}, allowed |Δ| ≤ {allowed:G3})");
    }

    /// <summary>
    /// The evaluation noise of f at x at the scale of a step d, measured by symmetric second differences
    /// |f(x + dⱼ) + f(x − dⱼ) − 2f(x)|/2 for dⱼ = d/8 … d: a wrong slope cancels out of them, so they see only rounding
    /// (and a little curvature). x·atanh x + log(1 − x²)/2 near x = −1 loses digits to the cancellation in 1 − x², far
    /// more than a few ulps of its value, and its difference quotients at steps near 10⁻⁹ are that noise over d.
    /// </summary>
    private static double EvaluationNoise(Func<double, double> f, double x, double fx, double d)
    {
        double worst = 0;
        for (int j = 1; j <= 8; j++)
        {
            double deviation = Math.Abs(f(x + j * d / 8) + f(x - j * d / 8) - 2 * fx) / 2;
            if (double.IsFinite(deviation)) worst = Math.Max(worst, deviation);
        }
        return worst;
    }

    /// <summary>
    /// Ridders' method: central differences at steps h, h/1.4, h/1.4², … extrapolated to step 0 in a Neville tableau;
    /// returns the entry with the smallest error estimate, that estimate, and the smallest step used. Stops when
    /// higher orders get worse (rounding takes over).
    /// </summary>
    private static (double Derivative, double Error, double SmallestStep) Ridders(Func<double, double> f, double x,
        double h)
    {
        const int Size = 10;
        const double Shrink = 1.4, Shrink2 = Shrink * Shrink, Safe = 2;
        var table = new double[Size, Size];
        table[0, 0] = (f(x + h) - f(x - h)) / (2 * h);
        double best = table[0, 0], error = double.PositiveInfinity;
        for (int i = 1; i < Size; i++)
        {
            h /= Shrink;
            table[0, i] = (f(x + h) - f(x - h)) / (2 * h);
            double factor = Shrink2;
            for (int j = 1; j <= i; j++)
            {
                table[j, i] = (table[j - 1, i] * factor - table[j - 1, i - 1]) / (factor - 1);
                factor *= Shrink2;
                double e = Math.Max(Math.Abs(table[j, i] - table[j - 1, i]),
                    Math.Abs(table[j, i] - table[j - 1, i - 1]));
                if (e <= error) (error, best) = (e, table[j, i]);
            }
            if (Math.Abs(table[i, i] - table[i - 1, i - 1]) >= Safe * error) break;
        }
        return (best, error, h);
    }

    // ================================================================ all theorems

    /// <summary>
    /// Every theorem for one ρ, each labelled with its name: the mirror identity, derivatives vs finite differences,
    /// the design round trip, and — unless a condition of the theorem fails for ρ — the flow limit and link invariance
    /// (for a ρ with a failing condition the flow properties fail with that condition as the label when
    /// <see cref="TheoremOptions.RequireConditions"/> is set, and are left out otherwise).
    /// Each test case draws one point and one problem per theorem.
    /// </summary>
    /// <param name="reparametrization">ρ, every parameter bound.</param>
    /// <param name="options">Tolerances, sizes, losses and links.</param>
    public static Property All(Reparametrization reparametrization, TheoremOptions? options = null)
    {
        options ??= TheoremOptions.Default;
        var all = Prop.Label(MirrorIdentity(reparametrization, options), "mirror identity")
            .And(Prop.Label(Derivatives(reparametrization, options), "derivatives vs finite differences"))
            .And(Prop.Label(DesignRoundTrip(reparametrization, options), "design round trip"));
        bool covered;
        try { covered = ReparametrizationGen.IsCovered(reparametrization); }
        catch (Exception e) when (e is SymbolicException or ArgumentException or ArithmeticException)
        {
            covered = false;
        }
        if (covered || options.RequireConditions)
            all = all.And(Prop.Label(FlowLimit(reparametrization, options), "flow limit = Bregman projection"))
                .And(Prop.Label(LinkInvariance(reparametrization, options), "link invariance"));
        return all;
    }

    // ================================================================ helpers

    /// <summary>x at an interior point: ρ(w), or ρ(u) − ρ(v) with v the companion of u.</summary>
    private static double XAt(Reparametrization r, double w)
    {
        var rho = Cache.Rho(r);
        return r.IsDifference ? rho.Value(w) - rho.Value(PointGen.Companion(r, w)) : rho.Value(w);
    }

    /// <summary>The refusal when a condition of the theorem fails and the options require them.</summary>
    private static Property? Uncovered(Reparametrization r, TheoremOptions options)
    {
        var d = Cache.Derive(r);
        if (!d.IsDerived && d.Metric is null && d.InverseMirrorMap is null) return NotDerived(d, "the chain");
        if (!options.RequireConditions) return null;
        var failed = d.Conditions.Where(c => c.Status == ConditionStatus.Fails).ToList();
        return failed.Count == 0 ? null
            : Fail($"the theorem does not cover {r}: {string.Join("; ", failed)}");
    }

    private static Property NotDerived(Derivation d, string what)
    {
        var failed = d.Conditions.Where(c => c.Status != ConditionStatus.Holds).ToList();
        return Fail($"{what} of {d.Reparametrization} was not derived"
            + (failed.Count > 0 ? $": {string.Join("; ", failed)}" : ""));
    }

    private static Property Fail(string label) => Prop.Label(false, label);

    /// <summary>Builds a property, turning an exception while setting it up (derivation, sampling)
    /// into a labelled failure.</summary>
    private static Property Guarded(Reparametrization r, string theorem, Func<Property> build)
    {
        ArgumentNullException.ThrowIfNull(r);
        try { return build(); }
        catch (Exception e) when (e is SymbolicException or ArgumentException or ArithmeticException
            or InvalidOperationException)
        {
            return Fail($"{theorem} for {r}: {e.GetType().Name}: {e.Message}");
        }
    }
}
