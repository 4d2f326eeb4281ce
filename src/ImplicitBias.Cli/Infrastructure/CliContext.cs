namespace ImplicitBias.Cli.Infrastructure;

/// <summary>Where a run writes, shared by every command of one
/// <see cref="CliApp.Run(string[], TextWriter, TextWriter)"/> call.</summary>
/// <param name="Out">Results (plain text or one JSON object).</param>
/// <param name="Error">Error reports.</param>
/// <param name="Debug">True to add stack traces to error reports (IBIAS_DEBUG=1).</param>
/// <param name="Terminal">True when <paramref name="Error"/> is the process's stderr and a terminal: long runs
/// show a progress bar there.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool Debug, bool Terminal = false);
