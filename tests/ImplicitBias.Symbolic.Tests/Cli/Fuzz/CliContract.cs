using System.Text.Json;
using ImplicitBias.Cli;

namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>
/// The output contract of ibias, whatever the input: exit 0 (verify: also 1) with a result on stdout and nothing on
/// stderr, and with --json exactly one JSON line; or exit 2 with nothing on stdout and exactly one stderr line
/// starting "error:". Never another exit code, a stack trace, an escaped exception, or a run over 10 s.
/// </summary>
internal static class CliContract
{
    /// <summary>What breaks the contract in this run, or null when nothing does.</summary>
    public static string? Violation(TimedRun timed)
    {
        if (timed.Escaped is { } e) return $"threw {e.GetType().Name} out of CliApp.Run: {e.Message}";
        if (timed.Run is not { } run) return $"hung (no answer within {TimedRun.HangLimit.TotalSeconds} s)";
        if (timed.Elapsed >= TimedRun.Limit)
            return $"took {timed.Elapsed.TotalSeconds:F1} s (limit {TimedRun.Limit.TotalSeconds} s)";
        if ((run.Out + run.Error).Contains("   at ", StringComparison.Ordinal))
            return $"printed a stack trace: {Head(run.Error + run.Out)}";
        bool verify = timed.Args.Length > 0 && timed.Args[0] == "verify";
        return run.ExitCode switch
        {
            ExitCodes.Success => Answered(timed.Args, run),
            ExitCodes.Disagree when verify => Answered(timed.Args, run),
            ExitCodes.BadInput => Refused(run),
            _ => $"exit code {run.ExitCode}: {Head(run.Error)}",
        };
    }

    private static string? Answered(string[] args, CliRun run)
    {
        if (run.Error != "") return $"exit {run.ExitCode} with stderr '{Head(run.Error)}'";
        if (run.OutLine.Trim().Length == 0) return $"exit {run.ExitCode} with nothing on stdout";
        if (!args.Contains("--json")) return null;
        if (run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length != 1)
            return $"--json printed more than one line: {Head(run.Out)}";
        try
        {
            using var json = JsonDocument.Parse(run.Out);
            var kind = json.RootElement.ValueKind;
            return kind is JsonValueKind.Object or JsonValueKind.Array ? null : $"--json printed a {kind}";
        }
        catch (JsonException j) { return $"--json output does not parse ({j.Message}): {Head(run.Out)}"; }
    }

    private static string? Refused(CliRun run)
    {
        if (run.Out != "") return $"exit 2 with stdout '{Head(run.Out)}'";
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != 1) return $"exit 2 with {lines.Length} stderr lines: {Head(run.Error)}";
        return lines[0].StartsWith("error:", StringComparison.Ordinal) ? null
            : $"exit 2 with stderr '{Head(run.Error)}'";
    }

    /// <summary>The start of a long text.</summary>
    public static string Head(string text) => text.Length <= 300 ? text.TrimEnd() : text[..300] + "…";
}
