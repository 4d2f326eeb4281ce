using System.Text.Json;

namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// The output folder of a sweep: spec.toml (the spec it ran), sweep.json (its fingerprint and shard), the journal
/// rows.jsonl, and rows.parquet and rows.csv once the run ends. A rerun into the same folder resumes: the journal's
/// rows are kept and skipped, provided the spec and the shard are the same.
/// </summary>
public sealed class SweepDirectory
{
    private SweepDirectory(string path) => Path = path;

    /// <summary>The folder.</summary>
    public string Path { get; }
    /// <summary>The journal and the final JSON Lines rows.</summary>
    public string JsonLines => System.IO.Path.Combine(Path, "rows.jsonl");
    /// <summary>The Parquet rows.</summary>
    public string Parquet => System.IO.Path.Combine(Path, "rows.parquet");
    /// <summary>The CSV rows.</summary>
    public string Csv => System.IO.Path.Combine(Path, "rows.csv");
    /// <summary>The copy of the spec.</summary>
    public string Spec => System.IO.Path.Combine(Path, "spec.toml");
    private string Manifest => System.IO.Path.Combine(Path, "sweep.json");

    /// <summary>
    /// Opens (creating it if needed) the folder for a run of <paramref name="spec"/> on <paramref name="shard"/>;
    /// <paramref name="specText"/> is saved as spec.toml so that a merge can draw the same figures.
    /// </summary>
    /// <exception cref="SymbolicException">The folder holds rows of another spec or shard, or is not a sweep folder.
    /// </exception>
    public static SweepDirectory ForRun(string path, SweepSpec spec, string specText, SweepShard shard)
    {
        var directory = new SweepDirectory(path);
        if (File.Exists(directory.Manifest))
        {
            var (fingerprint, saved) = directory.ReadManifest();
            if (fingerprint != spec.Fingerprint)
                throw new SymbolicException($"{path} holds rows of another sweep spec (fingerprint {fingerprint}, " +
                    $"this spec has {spec.Fingerprint}); choose another --out or delete the folder");
            if (saved != shard)
                throw new SymbolicException($"{path} holds the rows of shard {saved}, not {shard}");
            return directory;
        }
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
            throw new SymbolicException($"{path} is not empty and is not a sweep folder (no sweep.json)");
        Directory.CreateDirectory(path);
        AtomicFile.Write(directory.Spec, temporary => File.WriteAllText(temporary, specText));
        directory.WriteManifest(spec, shard);
        return directory;
    }

    /// <summary>Opens an existing sweep folder (for a merge).</summary>
    /// <exception cref="SymbolicException">It has no sweep.json or spec.toml.</exception>
    public static SweepDirectory Existing(string path)
    {
        var directory = new SweepDirectory(path);
        if (!File.Exists(directory.Manifest) || !File.Exists(directory.Spec))
            throw new SymbolicException($"{path} is not a sweep folder (no sweep.json and spec.toml)");
        return directory;
    }

    /// <summary>The fingerprint and shard recorded in sweep.json.</summary>
    /// <exception cref="SymbolicException">sweep.json is damaged.</exception>
    public (string Fingerprint, SweepShard Shard) ReadManifest()
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Manifest));
            var o = document.RootElement;
            var shard = o.GetProperty("shard");
            return (o.GetProperty("fingerprint").GetString()!,
                new SweepShard(shard.GetProperty("index").GetInt32(), shard.GetProperty("count").GetInt32()));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new SymbolicException($"{Manifest} is damaged: {e.Message}", e);
        }
    }

    /// <summary>Records the spec's fingerprint and the shard.</summary>
    public void WriteManifest(SweepSpec spec, SweepShard shard) =>
        AtomicFile.Write(Manifest, temporary => File.WriteAllText(temporary, JsonSerializer.Serialize(new
        {
            fingerprint = spec.Fingerprint,
            shard = new { index = shard.Index, count = shard.Count },
            rows = SweepGrid.Rows(spec).Count(r => shard.Contains(r.Row)),
        }, new JsonSerializerOptions { WriteIndented = true })));

    /// <summary>The rows the journal holds (none when there is no journal yet).</summary>
    public List<SweepRow> JournalRows(SweepSpec spec) =>
        File.Exists(JsonLines) ? JsonLinesRows.Read(JsonLines, spec.ParameterNames) : [];
}
