using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>
/// One in-process run of ibias on a thread of its own with the stack of a process's main thread, timed, and given
/// up on (reported as hung) after <see cref="HangLimit"/>.
/// </summary>
/// <param name="Args">The command line.</param>
/// <param name="Run">What it produced; null when it hung or threw out of <c>CliApp.Run</c>.</param>
/// <param name="Elapsed">
/// The processor time of the run's thread where the clock exists (the work, not the wait for a core shared with
/// parallel tests), else wall-clock time; the hang limit when it hung.
/// </param>
/// <param name="Escaped">An exception that escaped <c>CliApp.Run</c> (it must catch everything).</param>
internal sealed record TimedRun(string[] Args, CliRun? Run, TimeSpan Elapsed, Exception? Escaped)
{
    /// <summary>How much work a run may take before the contract fails it.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>How long a run is waited for before it counts as hung (and its thread is abandoned).</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    /// <summary>Linux's default stack for a main thread (ulimit -s), which is what the ibias process runs on.</summary>
    private const int MainThreadStack = 8 << 20;

    /// <summary>The command line as a shell would take it, each argument single-quoted.</summary>
    public string CommandLine => "ibias " + string.Join(" ", Args.Select(a => $"'{a.Replace("'", "'\\''")}'"));

    /// <summary>
    /// <see cref="CommandLine"/> with each chain of one function shortened: "sin(^600 w )^600" is sin applied 600
    /// times.
    /// </summary>
    public string Display => Chains.Replace(Closers.Replace(CommandLine, m => $")^{m.Length}"),
        m => $"{m.Groups[1].Value}^{m.Groups[2].Captures.Count + 1} ");

    private static readonly Regex Chains = new(@"([a-z0-9]+\()(\1){4,}", RegexOptions.CultureInvariant);

    private static readonly Regex Closers = new(@"\){5,}", RegexOptions.CultureInvariant);

    /// <summary>Runs ibias with <paramref name="args"/>.</summary>
    public static TimedRun Of(string[] args)
    {
        CliRun? run = null;
        Exception? escaped = null;
        var clock = new Stopwatch();
        TimeSpan? work = null;
        var thread = new Thread(() =>
        {
            var start = ThreadCpuClock.Now();
            clock.Start();
            try { run = CliRunner.Run(args); }
            catch (Exception e) { escaped = e; }
            clock.Stop();
            work = ThreadCpuClock.Now() - start;
        }, MainThreadStack) { IsBackground = true };
        thread.Start();
        return thread.Join(HangLimit) ? new TimedRun(args, run, work ?? clock.Elapsed, escaped)
            : new TimedRun(args, null, HangLimit, null);
    }
}
