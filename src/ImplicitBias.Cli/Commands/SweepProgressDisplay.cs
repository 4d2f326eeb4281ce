using System.Diagnostics;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Symbolic.Experiments.Sweeps;
using Spectre.Console;

namespace ImplicitBias.Cli.Commands;

/// <summary>
/// Progress of a sweep on stderr: a bar with the time left on a terminal, a line every few seconds when piped (a
/// batch log). Ctrl+C stops starting rows; the finished ones are kept.
/// </summary>
internal static class SweepProgressDisplay
{
    /// <summary>Seconds between progress lines when stderr is not a terminal.</summary>
    public const double LineInterval = 5;

    public static SweepResult Run(CliContext context,
        Func<IProgress<SweepProgress>, CancellationToken, SweepResult> run)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler stop = (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        Console.CancelKeyPress += stop;
        try
        {
            if (!context.Terminal) return run(new Lines(context.Error), cancellation.Token);
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            SweepResult? result = null;
            console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new RemainingTimeColumn())
                .Start(display =>
                {
                    var task = display.AddTask("sweep", maxValue: 1);
                    result = run(new Bar(task), cancellation.Token);
                    task.Value = 1;
                });
            return result!;
        }
        finally { Console.CancelKeyPress -= stop; }
    }

    /// <summary>
    /// One line per <see cref="LineInterval"/> seconds, and one at the end of a run that printed any: a run shorter
    /// than the interval leaves stderr empty.
    /// </summary>
    private sealed class Lines(TextWriter error) : IProgress<SweepProgress>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private bool _printed;

        public void Report(SweepProgress p)
        {
            bool last = p.Done == p.Total && _printed;
            if (_since.Elapsed.TotalSeconds < LineInterval && !last) return;
            _since.Restart();
            _printed = true;
            var left = p.Remaining is { } r ? $", about {Duration(r)} left" : "";
            error.WriteLine($"sweep: {p.Done}/{p.Total} rows ({100.0 * p.Done / Math.Max(1, p.Total):F0}%), " +
                $"{p.Computed / Math.Max(p.Elapsed.TotalSeconds, 1e-9):F1} rows/s{left}");
        }
    }

    private sealed class Bar(ProgressTask task) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress p)
        {
            task.Value = (double)p.Done / Math.Max(1, p.Total);
            task.Description = Markup.Escape($"sweep {p.Done}/{p.Total} rows");
        }
    }

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m"
        : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:D2}s"
        : $"{t.Seconds}s";
}
