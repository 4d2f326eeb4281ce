using System.Diagnostics;

namespace ImplicitBias.Symbolic.Flow;

/// <summary>An autonomous ODE y′ = F(y) whose Jacobian systems (σI − J)x = b can be solved (for Rosenbrock
/// steps).</summary>
internal interface IOdeSystem
{
    int Dimension { get; }
    /// <summary>F(y); false when y left the admissible set (a domain end) or F is not finite.</summary>
    bool Evaluate(ReadOnlySpan<double> y, Span<double> dydt);
    /// <summary>Prepares the Jacobian at y for the solves that follow.</summary>
    void PrepareJacobian(ReadOnlySpan<double> y, ReadOnlySpan<double> dydt);
    /// <summary>Solves (σI − J)x = b in place; false when the system is singular.</summary>
    bool Solve(double sigma, Span<double> rhs);
}

/// <summary>The driver's view of the problem: the quantities its stopping rules watch.</summary>
internal interface IFlowMonitor
{
    /// <summary>Loss, gradient norm and relative gradient at y.</summary>
    FlowMeasure Measure(ReadOnlySpan<double> y);
}

internal sealed class OdeRun
{
    public required double[] Y { get; init; }
    public double Time { get; set; }
    public int Steps { get; set; }
    public int Rejected { get; set; }
    public int Evaluations { get; set; }
    public int JacobianSolves { get; set; }
    public StopReason Reason { get; set; }
    public FlowIntegrator Integrator { get; set; }
    public FlowMeasure Measure { get; set; }
    public double Loss => Measure.Loss;
    public double GradientNorm => Measure.GradientNorm;
    public List<(double Time, double[] Y, double Loss)> Samples { get; } = new();
}

internal sealed record OdeSettings(
    double RelativeTolerance, double[] AbsoluteTolerance, double LossTolerance, double GradientTolerance,
    double VanishingGradient, double MaxTime, int MaxSteps, bool Stiff, bool SwitchWhenStiff, int Samples,
    IProgress<FlowProgress>? Progress, CancellationToken Cancellation);

/// <summary>
/// Adaptive integration of y′ = F(y): Dormand–Prince 5(4) with FSAL and Hairer's stiffness test, switching to the
/// L-stable-in-practice Rosenbrock method ROS3 (order 3, embedded order 2, L-stable) when the problem turns out stiff
/// (or from the start). The error norm is the max over components of |error|/(atol_i + rtol·|y_i|), so coordinates
/// that stay near a tiny initial value keep their own scale. No allocation per step.
/// </summary>
internal static class OdeIntegrator
{
    // Dormand–Prince 5(4)
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
        A65 = -5103.0 / 18656;
    private const double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
        E6 = 22.0 / 525, E7 = -1.0 / 40;

    // ROS3 (Sandu et al. 1997; L-stable, order 3, embedded order 2) in the form G·K_i = F(Y_i) + Σ C_ij/h K_j,
    // G = 1/(hγ) − J, Y_i = Y0 + Σ A_ij K_j, y1 = Y0 + Σ M_j K_j, error Σ E_j K_j. Stage 3 reuses stage 2's point.
    private const double Gamma = 0.43586652150845899941601945119356;
    private const double Ra21 = 1.0;
    private const double Rc21 = -1.0156171083877702091975600115545, Rc31 = 4.0759956452537699824805835358067,
        Rc32 = 9.2076794298330791242156818474003;
    private const double M1 = 1.0, M2 = 6.1697947043828245592553615689730, M3 = -0.42772256543218573326238373806514;
    private const double Er1 = 0.5, Er2 = -2.9079558716805469821718236208017, Er3 = 0.22354069897811569627360909276199;

    public static OdeRun Run(IOdeSystem system, ReadOnlySpan<double> y0, IFlowMonitor monitor, OdeSettings settings)
    {
        int n = system.Dimension;
        var run = new OdeRun { Y = y0.ToArray() };
        var y = run.Y;
        var work = new double[n * 10];
        Span<double> Slot(int k) => work.AsSpan(k * n, n);
        bool stiff = settings.Stiff;
        run.Integrator = stiff ? FlowIntegrator.Rosenbrock : FlowIntegrator.RungeKutta;
        var f0 = new double[n];
        if (!system.Evaluate(y, f0)) { run.Reason = StopReason.LeftDomain; return run; }
        run.Evaluations++;
        run.Measure = monitor.Measure(y);
        double h = InitialStep(system, y, f0, settings, stiff ? 3 : 5);
        var watch = new StiffnessWatch(run.Loss);
        double nextSample = 0;
        Record(run, y, settings, ref nextSample);
        var clock = Stopwatch.StartNew();
        long lastReport = 0;
        while (true)
        {
            if (Stop(run, settings) is { } reason) { run.Reason = reason; break; }
            if (h < 1e-14 * Math.Max(1, run.Time) && run.Rejected > 0) { run.Reason = StopReason.StepTooSmall; break; }
            // the error vanished and the step overflowed: a fixed point in floating point
            if (!double.IsFinite(run.Time + h)) { run.Reason = StopReason.AtRest; break; }
            if (run.Time + h > settings.MaxTime) h = settings.MaxTime - run.Time;
            double error;
            double stiffness = 0;
            if (stiff) error = RosenbrockStep(system, y, f0, h, Slot, settings, run);
            else error = DormandPrinceStep(system, y, f0, h, Slot, settings, run, out stiffness);
            if (error <= 1)
            {
                // accept: the new state is in slot 8, its derivative in slot 9
                Slot(8).CopyTo(y);
                Slot(9).CopyTo(f0);
                run.Time += h;
                run.Steps++;
                run.Measure = monitor.Measure(y);
                Record(run, y, settings, ref nextSample);
                if (!stiff && watch.TurnedStiff(stiffness))
                {
                    stiff = settings.SwitchWhenStiff;
                    if (stiff) run.Integrator = FlowIntegrator.RungeKuttaThenRosenbrock;
                }
                if (watch.Stalled(run, stiff)) { run.Reason = StopReason.Stalled; break; }
                Report(settings, run, clock, ref lastReport);
            }
            else run.Rejected++;
            h *= StepFactor(error, stiff ? 3 : 5);
        }
        settings.Progress?.Report(new FlowProgress(run.Time, run.Loss, run.Steps));
        if (run.Samples.Count == 0 || run.Samples[^1].Time != run.Time)
            run.Samples.Add((run.Time, (double[])y.Clone(), run.Loss));
        return run;
    }

    /// <summary>Accepted steps over which a stiff explicit run must halve its loss.</summary>
    private const int StallWindow = 5000;

    /// <summary>Step size control for a method of the given order: bounded growth and shrink, ¼ on failure.</summary>
    private static double StepFactor(double error, double order) =>
        double.IsNaN(error) ? 0.25 : error == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(error, -1 / order), 0.2, 5);

    /// <summary>Progress about ten times a second.</summary>
    private static void Report(OdeSettings settings, OdeRun run, Stopwatch clock, ref long lastReport)
    {
        if (settings.Progress is null || clock.ElapsedMilliseconds - lastReport < 100) return;
        lastReport = clock.ElapsedMilliseconds;
        settings.Progress.Report(new FlowProgress(run.Time, run.Loss, run.Steps));
    }

    /// <summary>Hairer's stiffness test over accepted explicit steps, and the stall rule it arms.</summary>
    private sealed class StiffnessWatch(double initialLoss)
    {
        private int _stiffCount, _nonStiffCount, _checkpointStep;
        private bool _stiffSeen; // Hairer's test fired at least once
        private double _checkpointLoss = initialLoss;

        /// <summary>
        /// True once h·ρ(J), estimated from the last two stages, stayed beyond the stability boundary for 15 steps
        /// (six steps inside it reset the count).
        /// </summary>
        public bool TurnedStiff(double stiffness)
        {
            if (stiffness > 3.25)
            {
                _nonStiffCount = 0;
                if (++_stiffCount >= 15) { _stiffSeen = true; return true; }
            }
            else if (++_nonStiffCount >= 6) _stiffCount = 0;
            return false;
        }

        /// <summary>
        /// An explicit method pinned at its stability boundary stops making progress: true, instead of spending the
        /// step limit, when the loss did not halve over the last StallWindow steps once stiffness was seen.
        /// </summary>
        public bool Stalled(OdeRun run, bool stiff)
        {
            if (run.Steps - _checkpointStep < StallWindow) return false;
            if (!stiff && _stiffSeen && !(run.Loss <= 0.5 * _checkpointLoss)) return true;
            (_checkpointLoss, _checkpointStep) = (run.Loss, run.Steps);
            return false;
        }
    }

    private static StopReason? Stop(OdeRun run, OdeSettings settings)
    {
        if (settings.Cancellation.IsCancellationRequested) return StopReason.Cancelled;
        // a loss or gradient that overflows (huge data, a state far out) ends the run: nothing after it is computed
        if (!double.IsFinite(run.Loss) || !double.IsFinite(run.GradientNorm)) return StopReason.Overflow;
        if (run.Loss <= settings.LossTolerance) return StopReason.LossTolerance;
        if (run.GradientNorm <= settings.GradientTolerance) return StopReason.GradientTolerance;
        // a stationary point that does not interpolate (an inconsistent system): the loss will not fall any more
        if (run.Measure.RelativeGradient <= settings.VanishingGradient) return StopReason.GradientVanished;
        if (run.Time >= settings.MaxTime) return StopReason.TimeLimit;
        if (run.Steps >= settings.MaxSteps) return StopReason.StepLimit;
        return null;
    }

    /// <summary>Samples for plots, geometrically spaced in time (the interesting scales span decades).</summary>
    private static void Record(OdeRun run, double[] y, OdeSettings settings, ref double nextSample)
    {
        if (settings.Samples <= 0 || run.Time < nextSample) return;
        run.Samples.Add((run.Time, (double[])y.Clone(), run.Loss));
        nextSample = run.Time == 0 ? 1e-12 : run.Time * Math.Pow(10, 12.0 / settings.Samples);
    }

    /// <summary>Hairer–Nørsett–Wanner's starting step: from the sizes of y and F and a trial Euler step.</summary>
    private static double InitialStep(IOdeSystem system, double[] y, double[] f, OdeSettings settings, int order)
    {
        int n = y.Length;
        double d0 = 0, d1 = 0;
        for (int i = 0; i < n; i++)
        {
            double tol = settings.AbsoluteTolerance[i] + settings.RelativeTolerance * Math.Abs(y[i]);
            d0 = Math.Max(d0, Math.Abs(y[i]) / tol);
            d1 = Math.Max(d1, Math.Abs(f[i]) / tol);
        }
        if (d1 == 0) return 1e-6;
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        var trial = new double[n];
        var f1 = new double[n];
        for (int i = 0; i < n; i++) trial[i] = y[i] + h0 * f[i];
        double d2 = 0;
        if (system.Evaluate(trial, f1))
            for (int i = 0; i < n; i++)
            {
                double tol = settings.AbsoluteTolerance[i] + settings.RelativeTolerance * Math.Abs(y[i]);
                d2 = Math.Max(d2, Math.Abs(f1[i] - f[i]) / tol / h0);
            }
        else d2 = 1 / h0; // the trial left the domain: be careful
        double h1 = Math.Max(d1, d2) <= 1e-15
            ? Math.Max(1e-6, h0 * 1e-3)
            : Math.Pow(0.01 / Math.Max(d1, d2), 1.0 / (order + 1));
        return Math.Min(100 * h0, h1);
    }

    private static double ErrorNorm(ReadOnlySpan<double> error, ReadOnlySpan<double> y, ReadOnlySpan<double> yNew,
        OdeSettings settings)
    {
        double worst = 0;
        for (int i = 0; i < error.Length; i++)
        {
            double tol = settings.AbsoluteTolerance[i]
                + settings.RelativeTolerance * Math.Max(Math.Abs(y[i]), Math.Abs(yNew[i]));
            double e = Math.Abs(error[i]) / tol;
            if (!(e <= worst)) worst = e; // NaN propagates as a rejection
        }
        return worst;
    }

    private delegate Span<double> SlotOf(int k);

    private static double DormandPrinceStep(IOdeSystem s, double[] y, double[] f1, double h, SlotOf slot,
        OdeSettings settings, OdeRun run, out double stiffness)
    {
        stiffness = 0;
        var k2 = slot(0); var k3 = slot(1); var k4 = slot(2); var k5 = slot(3); var k6 = slot(4); var k7 = slot(9);
        var stage = slot(5); var err = slot(6); var y6 = slot(7); var yNew = slot(8);
        int n = y.Length;
        for (int i = 0; i < n; i++) stage[i] = y[i] + h * A21 * f1[i];
        if (!s.Evaluate(stage, k2)) return double.NaN;
        for (int i = 0; i < n; i++) stage[i] = y[i] + h * (A31 * f1[i] + A32 * k2[i]);
        if (!s.Evaluate(stage, k3)) return double.NaN;
        for (int i = 0; i < n; i++) stage[i] = y[i] + h * (A41 * f1[i] + A42 * k2[i] + A43 * k3[i]);
        if (!s.Evaluate(stage, k4)) return double.NaN;
        for (int i = 0; i < n; i++) stage[i] = y[i] + h * (A51 * f1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        if (!s.Evaluate(stage, k5)) return double.NaN;
        for (int i = 0; i < n; i++)
            y6[i] = y[i] + h * (A61 * f1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        if (!s.Evaluate(y6, k6)) return double.NaN;
        for (int i = 0; i < n; i++)
            yNew[i] = y[i] + h * (B1 * f1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
        if (!s.Evaluate(yNew, k7)) return double.NaN;
        run.Evaluations += 6;
        for (int i = 0; i < n; i++)
            err[i] = h * (E1 * f1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
        double num = 0, den = 0;
        for (int i = 0; i < n; i++)
        {
            double a = k7[i] - k6[i], b = yNew[i] - y6[i];
            num += a * a;
            den += b * b;
        }
        stiffness = den > 0 ? h * Math.Sqrt(num / den) : 0;
        return ErrorNorm(err, y, yNew, settings);
    }

    private static double RosenbrockStep(IOdeSystem s, double[] y, double[] f1, double h, SlotOf slot,
        OdeSettings settings, OdeRun run)
    {
        var k1 = slot(0); var k2 = slot(1); var k3 = slot(2); var stage = slot(3); var stageF = slot(4);
        var err = slot(6); var yNew = slot(8); var fNew = slot(9);
        int n = y.Length;
        double sigma = 1 / (h * Gamma);
        s.PrepareJacobian(y, f1);
        f1.CopyTo(k1);
        if (!s.Solve(sigma, k1)) return double.NaN;
        for (int i = 0; i < n; i++) stage[i] = y[i] + Ra21 * k1[i];
        if (!s.Evaluate(stage, stageF)) return double.NaN;
        for (int i = 0; i < n; i++) k2[i] = stageF[i] + Rc21 / h * k1[i];
        if (!s.Solve(sigma, k2)) return double.NaN;
        // Y3 = Y0 + A31 K1 + A32 K2 = Y2 (A31 = A21, A32 = 0): F(Y3) is F(Y2), kept from the second stage
        for (int i = 0; i < n; i++) k3[i] = stageF[i] + (Rc31 * k1[i] + Rc32 * k2[i]) / h;
        if (!s.Solve(sigma, k3)) return double.NaN;
        run.Evaluations += 1;
        run.JacobianSolves += 3;
        for (int i = 0; i < n; i++)
        {
            yNew[i] = y[i] + M1 * k1[i] + M2 * k2[i] + M3 * k3[i];
            err[i] = Er1 * k1[i] + Er2 * k2[i] + Er3 * k3[i];
        }
        if (!s.Evaluate(yNew, fNew)) return double.NaN;
        run.Evaluations++;
        return ErrorNorm(err, y, yNew, settings);
    }
}
