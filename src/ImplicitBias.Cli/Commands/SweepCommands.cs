using System.CommandLine;
using System.Diagnostics;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Cli.Plots;
using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Experiments.Sweeps;

namespace ImplicitBias.Cli.Commands;

/// <summary>
/// <c>ibias sweep</c>: a grid of reparametrizations × problem options × seeds from a TOML spec, run in parallel and
/// resumable, written as Parquet, CSV and JSON Lines with summary figures; <c>ibias sweep merge</c> joins shards.
/// </summary>
internal static class SweepCommands
{
    public static Command Sweep(CliContext context)
    {
        var spec = new Argument<string>("spec") { Description = "The sweep spec, a TOML file (README, \"Sweeps\")." };
        var output = OutOption("The folder for rows.parquet, rows.csv, rows.jsonl and figures/; a rerun into it " +
            "resumes, keeping the rows it finished.");
        var shard = new Option<string>("--shard")
        {
            Description = "Run the rows K, K+N, K+2N, … (K/N with K = 0 … N−1), or auto: SLURM_ARRAY_TASK_ID and " +
                "SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX and IBIAS_SHARD_COUNT. Shards draw no figures: " +
                "'ibias sweep merge' does.",
            HelpName = "K/N|auto",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Rows computed at the same time.", HelpName = "n",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var noFigures = NoFiguresOption();
        var json = CliInputs.JsonOption();
        var command = new Command("sweep", "Run a grid of reparametrizations × problem options × seeds from a TOML " +
            "spec: one row per problem, written as Parquet, CSV and JSON Lines, with summary figures.")
            { spec, output, shard, threads, noFigures, json };
        command.Subcommands.Add(Merge(context));
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var path = parse.GetRequiredValue(spec);
            var text = CliFiles.ReadText("spec", path);
            var sweep = SweepSpecReader.Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
            var part = parse.GetValue(shard) is { } s ? SweepShard.Parse(s) : SweepShard.All;
            int n = parse.GetValue(threads);
            if (n < 1) throw new CliUsageException($"--threads must be at least 1, got {n}");
            var folder = parse.GetRequiredValue(output);
            var directory = SweepDirectory.ForRun(folder, sweep, text, part);
            var result = SweepProgressDisplay.Run(context, (progress, cancel) =>
                SweepRunner.Run(sweep, directory, part, n, progress, cancel));
            bool figures = part == SweepShard.All && !parse.GetValue(noFigures) && !result.Cancelled;
            return Report(context, parse.GetValue(json), sweep, directory, result, part, figures, clock.Elapsed);
        });
        return command;
    }

    private static Command Merge(CliContext context)
    {
        var shards = new Argument<string[]>("dirs")
        {
            Description = "The output folders of the shards.", Arity = ArgumentArity.OneOrMore,
        };
        var output = OutOption("The folder for the merged rows and figures.");
        var noFigures = NoFiguresOption();
        var json = CliInputs.JsonOption();
        var command = new Command("merge", "Join the folders of the shards of one sweep into the files and figures " +
            "one unsharded run writes.") { shards, output, noFigures, json };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var folder = parse.GetRequiredValue(output);
            var (result, spec) = SweepMerge.Merge(parse.GetRequiredValue(shards), folder);
            return Report(context, parse.GetValue(json), spec, SweepDirectory.Existing(folder), result,
                SweepShard.All, !parse.GetValue(noFigures), clock.Elapsed);
        });
        return command;
    }

    private static int Report(CliContext context, bool json, SweepSpec spec, SweepDirectory directory,
        SweepResult result, SweepShard shard, bool figures, TimeSpan elapsed)
    {
        var files = new List<string> { directory.Parquet, directory.Csv, directory.JsonLines };
        if (figures) files.AddRange(SweepPlots.Write(spec, result.Rows, directory.Path));
        int exit = result.Cancelled ? ExitCodes.Interrupted : ExitCodes.Success;
        if (json)
        {
            CliOutput.WriteJson(context, new SweepJson(directory.Path, result.Rows.Count, result.Expected,
                result.Computed, result.Kept, result.Failed, result.Cancelled, shard.ToString(), elapsed.TotalSeconds,
                files), CliOutput.Json.SweepJson);
            return exit;
        }
        double rate = result.Computed / Math.Max(elapsed.TotalSeconds, 1e-9);
        context.Out.WriteLine($"sweep: {result.Rows.Count} of {result.Expected} rows" +
            (shard == SweepShard.All ? "" : $" of shard {shard}") +
            $" ({result.Computed} computed, {result.Kept} kept), {result.Failed} failed, " +
            $"{elapsed.TotalSeconds:F1} s ({rate:F1} rows/s)");
        if (result.Cancelled)
            context.Out.WriteLine("interrupted: the finished rows are kept; run the same command again to resume");
        foreach (var file in files) context.Out.WriteLine($"wrote {file}");
        return exit;
    }

    private static Option<string> OutOption(string description) =>
        new("--out") { Description = description, HelpName = "dir", Required = true };

    private static Option<bool> NoFiguresOption() =>
        new("--no-figures") { Description = "Write the rows only." };
}

/// <summary>JSON of <c>ibias sweep</c> and <c>ibias sweep merge</c>.</summary>
/// <param name="Output">The output folder.</param>
/// <param name="Rows">Rows in the files.</param>
/// <param name="Expected">Rows the run (its shard) or the merge should have.</param>
/// <param name="Computed">Rows computed by this run.</param>
/// <param name="Kept">Rows kept from an earlier run, or read from the shards.</param>
/// <param name="Failed">Rows whose error column is set.</param>
/// <param name="Cancelled">Interrupted before every row was computed.</param>
/// <param name="Shard">"K/N" ("0/1" for the whole sweep).</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="Files">The files written.</param>
internal sealed record SweepJson(string Output, int Rows, int Expected, int Computed, int Kept, int Failed,
    bool Cancelled, string Shard, double Seconds, IReadOnlyList<string> Files);
