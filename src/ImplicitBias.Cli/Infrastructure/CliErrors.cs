using System.CommandLine;
using System.CommandLine.Parsing;
using ImplicitBias.Symbolic;

namespace ImplicitBias.Cli.Infrastructure;

/// <summary>A bad command-line value that the parser could not catch (malformed --at, invalid
/// --var, …). Exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>Turns failures into one "error: …" line on stderr and an exit code.</summary>
internal static class CliErrors
{
    /// <summary>Reports an exception: bad input (<see cref="SymbolicException"/>, <see cref="CliUsageException"/>)
    /// gives exit code 2, anything else is an internal error (exit code 3). Stack traces only in debug mode.</summary>
    public static int Report(CliContext context, Exception exception)
    {
        bool badInput = exception is SymbolicException or CliUsageException;
        var line = badInput ? exception.Message : "internal: " + exception.Message;
        WriteError(context, line);
        if (context.Debug) context.Error.WriteLine(exception.ToString());
        return badInput ? ExitCodes.BadInput : ExitCodes.Internal;
    }

    /// <summary>Reports System.CommandLine parse errors as one line, with a pointer to the command's help.</summary>
    public static int ReportParseErrors(CliContext context, ParseResult parse)
    {
        var messages = parse.Errors.Select(e => e.Message.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        if (messages.Count == 0) messages.Add("invalid command line.");
        WriteError(context, $"{string.Join(" ", messages)} See '{CommandPath(parse.CommandResult)} --help'.");
        return ExitCodes.BadInput;
    }

    /// <summary>Writes "error: " and the message, folded onto a single line.</summary>
    public static void WriteError(CliContext context, string message) =>
        context.Error.WriteLine("error: " + string.Join(' ',
            message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? r = command; r is not null; r = r.Parent)
            if (r is CommandResult c) names.Add(c.Command is RootCommand ? "ibias" : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
