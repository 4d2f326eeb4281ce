using System.Diagnostics;

namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// Runs the rows of a sweep (or of one shard) on several threads. Each finished row goes to the journal at once, so
/// an interrupted run keeps what it finished; at the end the rows are written, sorted by index, as Parquet, CSV and
/// JSON Lines. Rows depend only on their options and seed, so the result does not depend on threads or shards.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the rows of <paramref name="shard"/> that the folder's journal does not hold yet.</summary>
    /// <param name="spec">The sweep.</param>
    /// <param name="directory">Its output folder (<see cref="SweepDirectory.ForRun"/>).</param>
    /// <param name="shard">The rows to run.</param>
    /// <param name="threads">Rows computed at the same time (at least 1).</param>
    /// <param name="progress">Told after each row.</param>
    /// <param name="cancel">Stops starting new rows; rows in progress finish and are kept.</param>
    public static SweepResult Run(SweepSpec spec, SweepDirectory directory, SweepShard shard, int threads,
        IProgress<SweepProgress>? progress = null, CancellationToken cancel = default)
    {
        var columns = SweepColumn.For(spec.ParameterNames);
        var keys = SweepGrid.Rows(spec).Where(k => shard.Contains(k.Row)).ToList();
        var wanted = keys.Select(k => k.Row).ToHashSet();
        var rows = directory.JournalRows(spec).Where(r => wanted.Contains(r.Row))
            .GroupBy(r => r.Row).Select(g => g.First()).ToDictionary(r => r.Row);
        int kept = rows.Count;
        var pending = keys.Where(k => !rows.ContainsKey(k.Row)).ToList();
        var computer = new SweepRowComputer(spec);
        var clock = Stopwatch.StartNew();
        int computed = 0;
        var gate = new Lock();
        bool cancelled = false;
        using (var journal = OpenJournal(directory.JsonLines))
        {
            try
            {
                Parallel.ForEach(pending, new ParallelOptions
                {
                    MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancel,
                }, key =>
                {
                    var row = computer.Compute(key);
                    lock (gate)
                    {
                        journal.WriteLine(JsonLinesRows.Line(row, columns));
                        journal.Flush();
                        rows[row.Row] = row;
                        computed++;
                        progress?.Report(new SweepProgress(rows.Count, keys.Count, computed, clock.Elapsed));
                    }
                });
            }
            catch (OperationCanceledException) { cancelled = true; }
        }
        var sorted = rows.Values.OrderBy(r => r.Row).ToList();
        SweepOutput.Write(directory, sorted, columns);
        return new SweepResult(sorted, columns, computed, kept, keys.Count, cancelled || sorted.Count < keys.Count);
    }

    /// <summary>The journal for appending; a last line cut short by a killed run is ended first, so that the next
    /// row starts a line of its own (and the cut line stays the one a reader drops).</summary>
    private static StreamWriter OpenJournal(string path)
    {
        bool cut = false;
        if (File.Exists(path) && new FileInfo(path).Length > 0)
            using (var stream = File.OpenRead(path))
            {
                stream.Seek(-1, SeekOrigin.End);
                cut = stream.ReadByte() != '\n';
            }
        var journal = new StreamWriter(path, append: true);
        if (cut) journal.WriteLine();
        return journal;
    }
}
