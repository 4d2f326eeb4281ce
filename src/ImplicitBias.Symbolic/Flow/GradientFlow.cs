using System.Diagnostics;
using ImplicitBias.Symbolic.Flow;

namespace ImplicitBias.Symbolic;

/// <summary>
/// Runs the reparametrized gradient flow of a problem (the honest simulation in w), the reduced dual flow, or
/// gradient descent with a fixed step.
/// </summary>
public static class GradientFlow
{
    /// <summary>Integrates the flow with the method of <paramref name="options"/> (gradient descent and the dual flow
    /// included).</summary>
    /// <exception cref="SymbolicException">The reparametrization has unbound parameters, or the dual flow is asked for
    /// without ψ.</exception>
    public static FlowResult Run(Problem problem, Derivation derivation, FlowOptions? options = null)
    {
        options ??= new FlowOptions();
        return options.Method switch
        {
            FlowMethod.GradientDescent => Descend(problem, options),
            FlowMethod.Dual => Dual(problem, derivation, options),
            _ => Integrate(problem, options),
        };
    }

    /// <summary>The w-flow (or (u, v)-flow) by Dormand–Prince, Rosenbrock, or Dormand–Prince switching when
    /// stiff.</summary>
    public static FlowResult Integrate(Problem problem, FlowOptions options)
    {
        var clock = Stopwatch.StartNew();
        var (system, y0) = WSystem(problem);
        var settings = Settings(y0, options, stiff: options.Method == FlowMethod.Rosenbrock,
            switchWhenStiff: options.Method == FlowMethod.Auto);
        var run = OdeIntegrator.Run(system, y0, system, settings);
        var x = new double[problem.Model.Columns];
        system.ToX(run.Y, x);
        double? drift = problem.Reparametrization.IsDifference ? ConservedDrift(problem, run) : null;
        return new FlowResult(x, run.Y, run.Time, run.Loss, run.GradientNorm, run.Steps, run.Rejected, run.Evaluations,
            run.Reason, run.Integrator, null, clock.Elapsed.TotalSeconds, drift,
            Trajectory(run, y => { var xs = new double[x.Length]; system.ToX(y, xs); return xs; }));
    }

    /// <summary>
    /// The reduced dual flow s′ = r(ψ(Φ(w₀) − Aᵀs)), integrated by the Rosenbrock method in ℝ^M. It is the fast path
    /// to the limit, but it assumes Φ(w) − Φ(w₀) ∈ range(Aᵀ), the invariant the theorem is about: it is no test of it.
    /// </summary>
    public static FlowResult Dual(Problem problem, Derivation derivation, FlowOptions options)
    {
        var clock = Stopwatch.StartNew();
        var dual = DualPieces.Of(problem, derivation);
        var system = new DualSystem(problem.Model, dual.Z0, dual.Psi, dual.PsiPrime, derivation.DualRange);
        var s0 = new double[problem.Model.Rows];
        var settings = Settings(s0, options, stiff: true, switchWhenStiff: false);
        // s starts at 0 and grows like the integrated residual: an absolute scale of 1
        Array.Fill(settings.AbsoluteTolerance, options.RelativeTolerance);
        var run = OdeIntegrator.Run(system, s0, system, settings);
        var x = new double[problem.Model.Columns];
        var z = new double[problem.Model.Columns];
        system.ToX(run.Y, x, z);
        return new FlowResult(x, run.Y, run.Time, run.Loss, run.GradientNorm, run.Steps, run.Rejected, run.Evaluations,
            run.Reason, FlowIntegrator.Dual, null, clock.Elapsed.TotalSeconds, null,
            Trajectory(run, s =>
            {
                var xs = new double[x.Length];
                var zs = new double[x.Length];
                system.ToX(s, xs, zs);
                return xs;
            }));
    }

    /// <summary>Gradient descent w ← w − η ρ′(w) ⊙ Aᵀr(ρ(w)) with the fixed step
    /// <see cref="FlowOptions.StepSize"/>.</summary>
    public static FlowResult Descend(Problem problem, FlowOptions options)
    {
        var clock = Stopwatch.StartNew();
        var (system, y0) = WSystem(problem);
        var y = (double[])y0.Clone();
        var step = new double[y.Length];
        var probe = new double[problem.Model.Columns];
        double eta = options.StepSize;
        if (!(eta > 0) || !double.IsFinite(eta))
            throw new SymbolicException($"the gradient-descent step must be a positive number, got {eta}");
        var measure = system.Measure(y);
        int iterations = 0;
        var reason = StopReason.StepLimit;
        var samples = new List<(double Time, double[] Y, double Loss)>();
        double nextSample = 1;
        long lastReport = 0;
        while (true)
        {
            if (Stop(measure, iterations, options) is { } stop) { reason = stop; break; }
            if (!system.Evaluate(y, step)) { reason = StopReason.LeftDomain; break; }
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(step, eta, y, y);
            iterations++;
            // a step past the end of ρ's domain is not a divergence: w left where ρ is defined
            if (!system.ToX(y, probe)) { reason = StopReason.LeftDomain; break; }
            measure = system.Measure(y);
            if (!double.IsFinite(measure.Loss)) { reason = StopReason.Diverged; break; }
            if (options.TrajectorySamples > 0 && iterations >= nextSample)
            {
                samples.Add((iterations, (double[])y.Clone(), measure.Loss));
                nextSample *= Math.Pow(10, 9.0 / options.TrajectorySamples);
            }
            if (options.Progress is not null && clock.ElapsedMilliseconds - lastReport >= 100)
            {
                lastReport = clock.ElapsedMilliseconds;
                options.Progress.Report(new FlowProgress(iterations, measure.Loss, iterations));
            }
        }
        options.Progress?.Report(new FlowProgress(iterations, measure.Loss, iterations));
        var x = new double[problem.Model.Columns];
        system.ToX(y, x);
        var trajectory = samples
            .Select(s => { var xs = new double[x.Length]; system.ToX(s.Y, xs); return (s.Time, xs, s.Loss); }).ToList();
        return new FlowResult(x, y, iterations, measure.Loss, measure.GradientNorm, iterations, 0, iterations, reason,
            FlowIntegrator.GradientDescent, eta, clock.Elapsed.TotalSeconds,
            problem.Reparametrization.IsDifference ? ConservedDrift(problem, y) : null, trajectory);
    }

    /// <summary>The stopping rules of gradient descent before an iteration, in the order of the flow's.</summary>
    private static StopReason? Stop(FlowMeasure measure, int iterations, FlowOptions options)
    {
        if (options.Cancellation.IsCancellationRequested) return StopReason.Cancelled;
        if (measure.Loss <= options.LossTolerance) return StopReason.LossTolerance;
        if (measure.GradientNorm <= options.GradientTolerance) return StopReason.GradientTolerance;
        if (measure.RelativeGradient <= options.VanishingGradient) return StopReason.GradientVanished;
        if (iterations >= options.MaxSteps) return StopReason.StepLimit;
        return null;
    }

    internal static (ReparametrizedSystem System, double[] Y0) WSystem(Problem problem)
    {
        var r = problem.Reparametrization;
        var unbound = r.Rho.FreeSymbols().Where(s => s != r.Variable).ToList();
        if (unbound.Count > 0)
            throw new SymbolicException($"give values for {string.Join(", ", unbound)} to run the flow");
        var rho = r.Rho.Compile(r.Variable);
        var d1 = r.Rho.Differentiate(r.Variable);
        var system = new ReparametrizedSystem(problem.Model, rho, d1.Compile(r.Variable),
            d1.Differentiate(r.Variable).Compile(r.Variable), r.Domain, r.IsDifference);
        var y0 = r.IsDifference ? [.. problem.W0, .. problem.V0!] : (double[])problem.W0.Clone();
        return (system, y0);
    }

    private static OdeSettings Settings(double[] y0, FlowOptions options, bool stiff, bool switchWhenStiff)
    {
        // coordinates that start at (or near) 0 get the scale of the largest one, or of 1e-3 when all start at 0
        double largest = y0.Length == 0 ? 0 : y0.Max(Math.Abs);
        double floor = options.AbsoluteToleranceFactor * Math.Max(largest, 1e-3);
        var atol = y0
            .Select(v => options.RelativeTolerance * options.AbsoluteToleranceFactor * Math.Max(Math.Abs(v), floor))
            .ToArray();
        return new OdeSettings(options.RelativeTolerance, atol, options.LossTolerance, options.GradientTolerance,
            options.VanishingGradient, options.MaxTime, options.MaxSteps, stiff, switchWhenStiff,
            options.TrajectorySamples, options.Progress, options.Cancellation);
    }

    private static IReadOnlyList<(double Time, double[] X, double Loss)> Trajectory(OdeRun run,
        Func<double[], double[]> toX) =>
        run.Samples.Select(s => (s.Time, toX(s.Y), s.Loss)).ToList();

    /// <summary>
    /// max over samples and coordinates of |Φ(u) + Φ(v) − (Φ(u₀) + Φ(v₀))| / max(1, |Φ(u₀)| + |Φ(v₀)|): the flow
    /// conserves Φ(u) + Φ(v) in exact arithmetic, and relative to its size the drift measures the integration error
    /// (Φ(α) = −1/(3α) for ρ = w³ is in the hundreds at small α, where an absolute drift would blame rounding).
    /// </summary>
    private static double ConservedDrift(Problem problem, OdeRun run)
    {
        var phi = PhiOf(problem.Reparametrization);
        return run.Samples.Select(s => ConservedDrift(phi, problem, s.Y))
            .Append(ConservedDrift(phi, problem, run.Y)).Max();
    }

    private static double ConservedDrift(Problem problem, double[] y) =>
        ConservedDrift(PhiOf(problem.Reparametrization), problem, y);

    private static double ConservedDrift(Func<double, double> phi, Problem problem, double[] y)
    {
        int n = problem.Model.Columns;
        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            double now = phi(y[i]) + phi(y[n + i]);
            double phiU0 = phi(problem.W0[i]), phiV0 = phi(problem.V0![i]);
            worst = Math.Max(worst, Math.Abs(now - (phiU0 + phiV0)) / Math.Max(1, Math.Abs(phiU0) + Math.Abs(phiV0)));
        }
        return worst;
    }

    private static Func<double, double> PhiOf(Reparametrization r)
    {
        var phi = (Expr.One / r.Rho.Differentiate(r.Variable)).Integrate(r.Variable);
        return phi.IsClosedForm ? phi.Expression!.Compile(r.Variable) : phi.Evaluate;
    }
}
