namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>
/// The time per case of one subcommand's fuzz run: count, mean, and the worst case with its input; and how many
/// runs ended with each exit code (-1: no exit code, the run hung or threw).
/// </summary>
internal sealed class CaseTimes(string subcommand)
{
    private readonly SortedDictionary<int, int> _exitCodes = [];
    private TimeSpan _total;

    /// <summary>Cases recorded.</summary>
    public int Count { get; private set; }

    /// <summary>The slowest case so far.</summary>
    public TimedRun? Worst { get; private set; }

    /// <summary>Mean time per case.</summary>
    public TimeSpan Mean => Count == 0 ? TimeSpan.Zero : _total / Count;

    /// <summary>Records one run.</summary>
    public void Add(TimedRun run)
    {
        Count++;
        _total += run.Elapsed;
        int code = run.Run?.ExitCode ?? -1;
        _exitCodes[code] = _exitCodes.GetValueOrDefault(code) + 1;
        if (Worst is null || run.Elapsed > Worst.Elapsed) Worst = run;
    }

    /// <summary>One line for the test output.</summary>
    public override string ToString() =>
        $"{subcommand}: {Count} cases (exit {string.Join(", ", _exitCodes.Select(c => $"{c.Key}: {c.Value}"))}), " +
        $"total {_total.TotalSeconds:F2} s, mean {Mean.TotalMilliseconds:F1} ms, " +
        $"worst {Worst?.Elapsed.TotalMilliseconds:F1} ms: {CliContract.Head(Worst?.Display ?? "")}";
}
