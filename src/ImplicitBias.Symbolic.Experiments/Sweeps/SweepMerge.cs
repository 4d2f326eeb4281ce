namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// Joins the folders of the shards of one sweep into one folder with the files an unsharded run writes. The shards
/// must come from the same spec; a row found twice must have the same results (timings aside).
/// </summary>
public static class SweepMerge
{
    /// <summary>Merges <paramref name="shards"/> into <paramref name="output"/>.</summary>
    /// <returns>The merged rows, the spec, and its text (for the figures).</returns>
    /// <exception cref="SymbolicException">No folders, a folder that is not a sweep folder, different specs, or a
    /// row with different results in two shards.</exception>
    public static (SweepResult Result, SweepSpec Spec) Merge(IReadOnlyList<string> shards, string output)
    {
        if (shards.Count == 0) throw new SymbolicException("sweep merge needs at least one shard folder");
        var folders = shards.Select(SweepDirectory.Existing).ToList();
        var specText = File.ReadAllText(folders[0].Spec);
        var spec = SweepSpecReader.Parse(specText, folders[0].Spec);
        var rows = new Dictionary<int, SweepRow>();
        foreach (var folder in folders)
        {
            var (fingerprint, _) = folder.ReadManifest();
            if (fingerprint != spec.Fingerprint)
                throw new SymbolicException($"{folder.Path} holds rows of another sweep (fingerprint {fingerprint}, " +
                    $"{folders[0].Path} has {spec.Fingerprint})");
            foreach (var row in folder.JournalRows(spec))
            {
                if (rows.TryGetValue(row.Row, out var seen) && !seen.SameResults(row))
                    throw new SymbolicException($"row {row.Row} differs between shards ({folder.Path})");
                rows[row.Row] = row;
            }
        }
        var target = SweepDirectory.ForRun(output, spec, specText, SweepShard.All);
        var columns = SweepColumn.For(spec.ParameterNames);
        var sorted = rows.Values.OrderBy(r => r.Row).ToList();
        SweepOutput.Write(target, sorted, columns);
        int expected = SweepGrid.Rows(spec).Count;
        return (new SweepResult(sorted, columns, 0, sorted.Count, expected, sorted.Count < expected), spec);
    }
}
