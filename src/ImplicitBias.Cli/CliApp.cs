using System.CommandLine;
using System.CommandLine.Invocation;
using ImplicitBias.Cli.Commands;
using ImplicitBias.Cli.Infrastructure;

namespace ImplicitBias.Cli;

/// <summary>
/// The <c>ibias</c> command-line tool as a library: <see cref="Run(string[], TextWriter, TextWriter)"/> parses the
/// arguments, runs the command and returns the process exit code. Program.cs only forwards to it, so tests run the
/// tool in-process.
/// </summary>
/// <remarks>
/// Exit codes: <see cref="ExitCodes.Success"/> (0), <see cref="ExitCodes.Disagree"/> (1: <c>verify</c> ran, but the
/// flow and the prediction differ or the flow did not converge), <see cref="ExitCodes.BadInput"/> (2: syntax errors,
/// unknown functions, bad or missing options, unbound symbols — one "error: …" line on stderr) and
/// <see cref="ExitCodes.Internal"/> (3: a bug — "error: internal: …"; set IBIAS_DEBUG=1 for the stack trace).
/// </remarks>
public static class CliApp
{
    /// <summary>The environment variable that, set to 1, adds stack traces to error reports.</summary>
    public const string DebugVariable = "IBIAS_DEBUG";

    /// <summary>Runs the tool with the given arguments, writing results to <paramref name="stdout"/> and errors to
    /// <paramref name="stderr"/>.</summary>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, Environment.GetEnvironmentVariable(DebugVariable) == "1", configure: null,
            terminal: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>Runs the tool; <paramref name="configure"/> may add commands (tests use it to
    /// exercise the error paths).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool debug,
        Action<RootCommand, CliContext>? configure, bool terminal = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr, debug, terminal);
        try
        {
            var root = BuildRoot(context);
            configure?.Invoke(root, context);
            // No response files: "@name" would read a file, and an expression never starts with '@'.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            // Parse errors (unknown or missing options, bad option values, a missing command) become one
            // "error:" line and exit code 2 instead of System.CommandLine's help dump. --help and --version
            // clear parse errors and run their own actions.
            if (parse.Action is ParseErrorAction)
                return CliErrors.ReportParseErrors(context, parse);
            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false, // our handler below maps exceptions to exit codes
                ProcessTerminationTimeout = null,      // synchronous commands; leave Ctrl+C to the runtime
            });
        }
        catch (Exception e)
        {
            return CliErrors.Report(context, e);
        }
    }

    /// <summary>The full command tree. Each command group lives in its own file under Commands/.</summary>
    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("ibias: implicit bias of reparametrized gradient flow, from a formula.");
        root.Subcommands.Add(ExprCommands.Create(context));
        root.Subcommands.Add(BiasCommands.Analyze(context));
        root.Subcommands.Add(BiasCommands.Design(context));
        root.Subcommands.Add(PlotCommands.Plot(context));
        root.Subcommands.Add(VerifyCommands.Verify(context));
        root.Subcommands.Add(SweepCommands.Sweep(context));
        root.Subcommands.Add(ProblemCommands.Problem(context));
        return root;
    }
}
