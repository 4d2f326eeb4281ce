using Xunit.Abstractions;

namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>
/// The cases of one fuzz property: each run is timed and held to the output contract and, when it answered, to the
/// property's own check. <see cref="AssertClean"/> prints the timings and every failing input, then fails if any.
/// </summary>
internal sealed class FuzzSession(string name, ITestOutputHelper output)
{
    private readonly CaseTimes _times = new(name);
    private readonly List<string> _failures = [];

    /// <summary>Runs one case; <paramref name="check"/> says what is wrong with a run that kept the contract.</summary>
    public void Case(string[] args, Func<CliRun, string?>? check = null)
    {
        var run = TimedRun.Of(args);
        _times.Add(run);
        var violation = CliContract.Violation(run);
        if (violation is null && check is not null && run.Run is { } answered) violation = check(answered);
        if (violation is not null) _failures.Add($"{run.Display}: {violation}");
    }

    /// <summary>Prints the timings and the failures; fails when there are any.</summary>
    public void AssertClean()
    {
        output.WriteLine(_times.ToString());
        foreach (var failure in _failures) output.WriteLine(failure);
        Assert.True(_failures.Count == 0, $"{name}: {_failures.Count} of {_times.Count} cases failed:\n" +
            string.Join("\n", _failures.Take(10)));
    }
}
