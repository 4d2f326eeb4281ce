using System.CommandLine;
using System.Globalization;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Cli.Plots;
using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Experiments.Data;
using Spectre.Console;
using Link = ImplicitBias.Symbolic.Link;

namespace ImplicitBias.Cli.Commands;

/// <summary>
/// <c>ibias verify</c>: runs the reparametrized gradient flow on a problem (a JSON file or a seeded random one) and
/// compares its limit with the predicted Bregman projection. Exit code 0 when they agree, 1 when they were computed
/// but disagree (or the flow did not converge), 2 for bad input.
/// </summary>
internal static class VerifyCommands
{
    /// <summary>Trajectory samples kept for --plot.</summary>
    private const int PlotSamples = 200;

    /// <summary>Coordinates listed in the text report (the largest predicted ones).</summary>
    private const int ListedCoordinates = 10;

    public static Command Verify(CliContext context)
    {
        var options = new VerifyOptions();
        var command = options.Command();
        command.SetAction(parse => Run(context, options, parse));
        return command;
    }

    /// <summary>Checks the options, sets up the problem and the derivation, runs the flow and reports.</summary>
    private static int Run(CliContext context, VerifyOptions o, ParseResult parse)
    {
        var text = parse.GetRequiredValue(o.Rho);
        var plotPath = parse.GetValue(o.Plot);
        if (plotPath is not null)
        {
            FlowPlots.FormatOf(plotPath, "--plot"); // a bad extension or folder is reported before any work
            CliFiles.RequireFolder("--plot", plotPath);
        }
        var trajectoryPath = parse.GetValue(o.Trajectory);
        if (trajectoryPath is not null) CliFiles.RequireFolder("--trajectory", trajectoryPath);
        var (flow, agreement, extraStep) = FlowSettings(o, parse, plotPath is not null || trajectoryPath is not null);
        var (problem, derivation, source) = Setup(o, parse, text);
        var report = WithProgress(context, flow,
            f => Verification.Verify(problem, derivation, f, agreement, extraStep));
        double noise = parse.GetValue(o.ProblemFile) is null ? parse.GetValue(o.Problem.Noise) : 0;
        var comparisons = VerifyComparisons.Of(problem, derivation, report, noise, parse.GetValue(o.Baselines));
        var files = plotPath is null ? [] : WritePlots(report.Flow, plotPath);
        if (trajectoryPath is not null)
        {
            TrajectoryFile.Write(trajectoryPath, report.Flow.Trajectory);
            files.Add(trajectoryPath);
        }
        if (parse.GetValue(o.Json))
            CliOutput.WriteJson(context, VerifyJson.From(text, problem, source, report, files, comparisons),
                CliOutput.Json.VerifyJson);
        else WriteReport(context, text, problem, source, report, files, comparisons);
        return report.Agree ? ExitCodes.Success : ExitCodes.Disagree;
    }

    /// <summary>
    /// The flow's options from --method, the tolerances and limits; the agreement tolerance; and the step of a
    /// gradient-descent run beside another method (null when none, or when gradient descent is the method).
    /// </summary>
    private static (FlowOptions Flow, double Agreement, double? ExtraStep) FlowSettings(VerifyOptions o,
        ParseResult parse, bool plotting)
    {
        var flowMethod = ParseMethod(parse.GetValue(o.Method)!);
        double agreement = Positive("--tolerance", parse.GetValue(o.Tolerance));
        double stopLoss = Positive("--loss-tolerance", parse.GetValue(o.LossTolerance));
        int stepLimit = parse.GetValue(o.MaxSteps);
        if (stepLimit < 1) throw new CliUsageException($"--max-steps must be at least 1, got {stepLimit}");
        double? timeLimit = parse.GetValue(o.MaxTime) is { } t ? Positive("--max-time", t) : null;
        double? eta = parse.GetValue(o.Step) is { } e ? Positive("--step", e) : null;
        if (flowMethod == FlowMethod.GradientDescent && eta is null)
            throw new CliUsageException("--method gd needs --step eta, the step of gradient descent");
        var flow = new FlowOptions
        {
            Method = flowMethod,
            LossTolerance = stopLoss,
            MaxSteps = stepLimit,
            MaxTime = timeLimit ?? double.PositiveInfinity,
            RelativeTolerance = Math.Clamp(agreement / 100, 1e-13, 1e-8),
            StepSize = eta ?? new FlowOptions().StepSize,
            TrajectorySamples = plotting ? PlotSamples : 0,
        };
        return (flow, agreement, flowMethod == FlowMethod.GradientDescent ? null : eta);
    }

    /// <summary>ρ, the problem (from --problem or generated) and the derivation it is checked against.</summary>
    private static (Problem Problem, Derivation Derivation, string Source) Setup(VerifyOptions o, ParseResult parse,
        string text)
    {
        var (problem, reparametrization, source) = ProblemSetup.Build(o.Problem, parse, text,
            parse.GetValue(o.ProblemFile));
        return (problem, reparametrization.Derive(), source);
    }

    private static FlowMethod ParseMethod(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => FlowMethod.Auto,
        "rk" or "dopri" or "runge-kutta" => FlowMethod.RungeKutta,
        "rosenbrock" or "ros3" => FlowMethod.Rosenbrock,
        "dual" => FlowMethod.Dual,
        "gd" or "gradient-descent" => FlowMethod.GradientDescent,
        _ => throw new CliUsageException($"--method '{text}': expected auto, rk, rosenbrock, dual or gd"),
    };

    private static double Positive(string option, double value) =>
        value > 0 && double.IsFinite(value)
            ? value
            : throw new CliUsageException($"{option} must be a positive number, got {CliOutput.FormatNumber(value)}");

    /// <summary>Runs the verification, with a progress bar on stderr when it is a terminal (Ctrl+C stops the flow,
    /// reported as "cancelled").</summary>
    private static VerificationReport WithProgress(CliContext context, FlowOptions options,
        Func<FlowOptions, VerificationReport> run)
    {
        if (!context.Terminal) return run(options);
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler stop = (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        Console.CancelKeyPress += stop;
        try
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            VerificationReport? report = null;
            console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new ElapsedTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("gradient flow", maxValue: 1);
                    double? first = null;
                    var callback = new ProgressCallback(p =>
                    {
                        first ??= p.Loss;
                        task.Value = LossFraction(first.Value, p.Loss, options.LossTolerance);
                        task.Description = Markup.Escape($"flow t = {p.Time:G3}, loss = {p.Loss:E1}, {p.Steps} steps");
                    });
                    report = run(options with { Progress = callback, Cancellation = cancellation.Token });
                    task.Value = 1;
                });
            return report!;
        }
        finally { Console.CancelKeyPress -= stop; }
    }

    /// <summary>How far the loss has come from its first value to the tolerance, on a log scale.</summary>
    private static double LossFraction(double first, double loss, double tolerance)
    {
        if (!(loss > 0) || !(first > loss)) return loss <= tolerance ? 1 : 0;
        double target = Math.Max(tolerance, 1e-300);
        return Math.Clamp(Math.Log(first / loss) / Math.Log(first / target), 0, 1);
    }

    private sealed class ProgressCallback(Action<FlowProgress> report) : IProgress<FlowProgress>
    {
        public void Report(FlowProgress value) => report(value);
    }

    /// <summary>The trajectories to <paramref name="path"/> and the loss to "name-loss.ext" beside it.</summary>
    private static List<string> WritePlots(FlowResult flow, string path)
    {
        var samples = flow.Trajectory;
        if (samples.Count == 0)
            throw new CliUsageException("the flow kept no trajectory samples to plot (it stopped at once)");
        var times = samples.Select(s => s.Time).ToArray();
        int n = samples[0].X.Length;
        var coordinates = new double[n][];
        for (int i = 0; i < n; i++)
        {
            coordinates[i] = new double[samples.Count];
            for (int k = 0; k < samples.Count; k++) coordinates[i][k] = samples[k].X[i];
        }
        var labels = Enumerable.Range(0, n).Select(i => $"x{i}").ToList();
        string timeName = flow.Integrator == FlowIntegrator.GradientDescent ? "iterations" : "flow time t";
        FlowPlots.Trajectories(times, coordinates, labels, path,
            $"coordinate trajectories xₙ against {timeName} ({flow.Method})");
        var lossPath = Path.Combine(Path.GetDirectoryName(path) ?? "",
            Path.GetFileNameWithoutExtension(path) + "-loss" + Path.GetExtension(path));
        FlowPlots.Loss(times, samples.Select(s => s.Loss).ToArray(), lossPath, $"loss against {timeName}");
        return [path, lossPath];
    }

    private static void WriteReport(CliContext context, string rho, Problem problem, string source,
        VerificationReport report, IReadOnlyList<string> plots, VerifyComparisons comparisons)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 120;
        var flow = report.Flow;
        var summary = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{problem.Reparametrization} — {Shape(problem.Model)}, " +
                $"{source}, loss {problem.Model.Loss.Name}, link {problem.Model.Link.Name}"))
            .AddColumn("quantity").AddColumn("value");
        void Row(string label, string value) => summary.AddRow(Markup.Escape(label), Markup.Escape(value));
        Row("method", flow.Method);
        string at = flow.Integrator == FlowIntegrator.GradientDescent ? "iteration" : "t =";
        Row("stopped by", $"{flow.StopReason.Text()} at {at} {Number(flow.Time)}");
        Row("steps (rejected) / evaluations", $"{flow.Steps} ({flow.Rejected}) / {flow.Evaluations}");
        Row("flow seconds", Number(flow.Seconds));
        Row("final loss / gradient norm", $"{Number(flow.Loss)} / {Number(flow.GradientNorm)}");
        var prediction = report.Prediction;
        Row("prediction", $"{prediction.Method.Text()}: {prediction.Iterations} iterations, " +
            $"residual {Number(prediction.Residual)}, {Number(prediction.Seconds)} s");
        if (report.PrimalCheck is { } primal)
            Row("primal Newton cross-check", primal.Converged
                ? $"max |Δ| = {Number(report.PrimalCheckDifference!.Value)} ({primal.Iterations} iterations)"
                : $"did not converge in {primal.Iterations} iterations (residual {Number(primal.Residual)}; " +
                    $"max |Δ| = {Number(report.PrimalCheckDifference!.Value)})");
        else if (report.PrimalCheckNote is { } note) Row("primal Newton cross-check", note);
        if (report.SystemNote is { } system) Row("linear system", system);
        Row("max |x_flow − x_prediction|", Number(report.MaxAbsDifference));
        Row("max relative difference", Number(report.MaxRelativeDifference));
        Row("KKT residual of the flow limit", Number(report.KktResidual));
        if (flow.ConservedDrift is { } drift) Row("relative drift of Φ(u) + Φ(v)", Number(drift));
        if (report.GradientDescent is { } gd)
            Row("gradient descent", $"{gd.Method}: {gd.Steps} iterations, {gd.StopReason.Text()}; " +
                $"distance to the flow's limit {Number(report.GradientDescentDistance ?? double.NaN)}");
        foreach (var (label, value) in comparisons.Rows(Number)) Row(label, value);
        Row("theorem conditions", report.FailedConditions.Count == 0
            ? "none fails"
            : "fails: " + string.Join("; ", report.FailedConditions.Select(c => $"{c.Name} ({c.Reason})")));
        Row("verdict", report.Agree ? Agreement(report) : Verdict(report));
        console.Write(summary);

        var coordinates = new Table().Border(TableBorder.Rounded).Title("largest predicted coordinates")
            .AddColumn("n").AddColumn("x₀").AddColumn("flow limit").AddColumn("prediction").AddColumn("|difference|");
        var largest = Enumerable.Range(0, report.Prediction.X.Length)
            .OrderByDescending(i => Math.Abs(report.Prediction.X[i])).ThenBy(i => i).Take(ListedCoordinates);
        foreach (int i in largest)
            coordinates.AddRow(i.ToString(CultureInfo.InvariantCulture), Number(problem.X0[i]), Number(flow.X[i]),
                Number(report.Prediction.X[i]), Number(Math.Abs(flow.X[i] - report.Prediction.X[i])));
        console.Write(coordinates);
        foreach (var path in plots) console.WriteLine($"wrote {path}");
    }

    /// <summary>
    /// The verdict of an agreeing run. A failing condition did not keep the flow from its predicted limit: the
    /// theorem's conditions are sufficient, not necessary.
    /// </summary>
    private static string Agreement(VerificationReport report)
    {
        var agree = $"agree (tolerance {Number(report.Tolerance)})" + (report.LeastSquares
            ? ": M ≥ N, so the flow converges to the least-squares point, the prediction (ρ plays no role)" : "");
        if (report.FailedConditions.Count == 0) return agree;
        var failing = string.Join(", ", report.FailedConditions.Select(c => c.Name));
        return $"{agree}, although {failing} fails: the theorem's conditions are sufficient, not necessary";
    }

    /// <summary>Why the report does not agree, in words.</summary>
    internal static string Verdict(VerificationReport report)
    {
        var why = Reason(report);
        return report.FailedConditions.Count == 0
            ? why
            : $"{why}; the theorem does not apply here " +
                $"({string.Join(", ", report.FailedConditions.Select(c => c.Name))} fails)";
    }

    private static string Reason(VerificationReport report)
    {
        if (!report.Interpolating && !report.LeastSquares) return $"not verified: {report.SystemNote}";
        if (!report.Prediction.Converged)
            return $"not verified: the prediction did not converge (residual {Number(report.Prediction.Residual)}): " +
                "the solution set of A x = g⁻¹(y) may miss the interior of the image of ρ";
        if (!report.Flow.Converged)
            return $"not verified: the flow ended with \"{report.Flow.StopReason.Text()}\" "
                + "before reaching its loss tolerance"
                + (report.Flow is { StopReason: StopReason.Stalled, Integrator: FlowIntegrator.RungeKutta }
                    ? " (explicit Runge–Kutta stalls once the flow turns stiff: use --method auto or rosenbrock)" : "");
        if ((report.Flow.ConservedDrift ?? 0) > report.Tolerance)
            return $"not verified: Φ(u) + Φ(v) drifted by {Number(report.Flow.ConservedDrift!.Value)}";
        return $"disagree: max |difference| {Number(report.MaxAbsDifference)} exceeds the tolerance " +
            $"{Number(report.Tolerance)}";
    }

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>"20×100", or "20×100 sparse (nnz 300)" for a CSR matrix.</summary>
    private static string Shape(LinearModel model) => model.IsSparse
        ? string.Create(CultureInfo.InvariantCulture,
            $"{model.Rows}×{model.Columns} sparse (nnz {model.Matrix.NonZeros})")
        : string.Create(CultureInfo.InvariantCulture, $"{model.Rows}×{model.Columns}");
}

/// <summary>The problem part of <see cref="VerifyJson"/>.</summary>
/// <param name="Rows">M.</param>
/// <param name="Columns">N.</param>
/// <param name="Source">"file …" or "generated (seed …)".</param>
/// <param name="Loss">The loss name.</param>
/// <param name="Link">The link name.</param>
/// <param name="Sparse">Whether A is a CSR matrix (the run then never made it dense).</param>
/// <param name="NonZeros">The stored entries of a sparse A; null for a dense one.</param>
internal sealed record ProblemJson(int Rows, int Columns, string Source, string Loss, string Link, bool Sparse,
    int? NonZeros);

/// <summary>Gradient descent, when it ran.</summary>
/// <param name="Step">η.</param>
/// <param name="Iterations">Iterations.</param>
/// <param name="StopReason">Why it stopped.</param>
/// <param name="FinalLoss">Its final loss.</param>
/// <param name="Distance">max |x_GD − x_flow|, its distance to the flow's limit.</param>
internal sealed record GradientDescentJson(double Step, int Iterations, string StopReason, double FinalLoss,
    double? Distance);

/// <summary>JSON of <c>ibias verify</c>.</summary>
internal sealed record VerifyJson(
    string Rho, string Reparametrization, ProblemJson Problem, string Method, string StopReason, bool Converged,
    int Steps, int RejectedSteps, int Evaluations, double FlowTime, double FlowSeconds, double FinalLoss,
    double GradientNorm, double[] FlowLimit, double[] Prediction,
    string PredictionMethod, int PredictionIterations, double PredictionResidual, double PredictionSeconds,
    bool? PrimalCheckConverged, double? PrimalCheckDifference,
    double MaxAbsDifference, double MaxRelDifference, double? KktResidual, double? ConservedDrift, double Tolerance,
    bool Agree, string Verdict,
    IReadOnlyList<ConditionJson> Conditions,
 GradientDescentJson? GradientDescent, IReadOnlyList<string> Plots,
    string? PrimalCheckNote, string? SystemNote, double? TruthError, BaselineJson? L1Baseline,
    BaselineJson? L2Baseline, string? NoiseNote)
{
    public static VerifyJson From(string rho, Problem problem, string source, VerificationReport report,
        IReadOnlyList<string> plots, VerifyComparisons comparisons)
    {
        var flow = report.Flow;
        var gd = report.GradientDescent;
        return new VerifyJson(rho, problem.Reparametrization.ToString(),
            new ProblemJson(problem.Model.Rows, problem.Model.Columns, source, problem.Model.Loss.Name,
                problem.Model.Link.Name, problem.Model.IsSparse,
                problem.Model.IsSparse ? problem.Model.Matrix.NonZeros : null),
            flow.Method, flow.StopReason.Text(), flow.Converged, flow.Steps, flow.Rejected, flow.Evaluations, flow.Time,
            flow.Seconds, flow.Loss, flow.GradientNorm,
            flow.X, report.Prediction.X, report.Prediction.Method.Text(), report.Prediction.Iterations,
            report.Prediction.Residual, report.Prediction.Seconds,
            report.PrimalCheck?.Converged, report.PrimalCheckDifference, report.MaxAbsDifference,
            report.MaxRelativeDifference, double.IsFinite(report.KktResidual) ? report.KktResidual : null,
            flow.ConservedDrift, report.Tolerance, report.Agree,
            report.Agree ? "agree" : VerifyCommands.Verdict(report),
            report.Conditions.Select(c => new ConditionJson(c.Name, BiasCommands.StatusName(c.Status), c.Reason))
                .ToList(),
            gd is null ? null : new GradientDescentJson(report.GradientDescentStep!.Value, gd.Steps,
                gd.StopReason.Text(), gd.Loss, report.GradientDescentDistance),
            plots, report.PrimalCheckNote, report.SystemNote, comparisons.TruthError, comparisons.L1, comparisons.L2,
            comparisons.NoiseNote);
    }
}
