using System.CommandLine;
using System.Text.Json;
using ImplicitBias.Cli;
using ImplicitBias.Cli.Infrastructure;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary>What one in-process run of ibias produced.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>stdout without the trailing newline.</summary>
    public string OutLine => Out.TrimEnd('\r', '\n');

    /// <summary>stdout parsed as the single JSON object it must be.</summary>
    public JsonElement Json()
    {
        Assert.Single(Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var doc = JsonDocument.Parse(Out);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        return doc.RootElement.Clone();
    }
}

internal static class CliRunner
{
    /// <summary>Runs ibias in-process (debug off, whatever the environment says).</summary>
    public static CliRun Run(params string[] args) => Run(debug: false, configure: null, args);

    public static CliRun Run(bool debug, Action<RootCommand, CliContext>? configure, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, debug, configure);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// The contract for bad input: exit 2, nothing on stdout, one "error:" line on stderr, no stack trace.
    /// </summary>
    public static string AssertBadInput(CliRun run)
    {
        Assert.True(run.ExitCode == ExitCodes.BadInput,
            $"exit code {run.ExitCode}, stdout '{run.Out}', stderr '{run.Error}'");
        Assert.Equal("", run.Out);
        Assert.StartsWith("error:", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return run.Error.TrimEnd('\r', '\n');
    }

    /// <summary>A successful run with nothing on stderr.</summary>
    public static CliRun AssertSuccess(CliRun run)
    {
        Assert.True(run.ExitCode == ExitCodes.Success, $"exit code {run.ExitCode}, stderr '{run.Error}'");
        Assert.Equal("", run.Error);
        return run;
    }
}
