namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>Writes the rows of a sweep folder in the three formats, sorted by row index.</summary>
public static class SweepOutput
{
    /// <summary>rows.parquet, rows.csv and rows.jsonl (the journal, rewritten in row order), each atomically.</summary>
    /// <exception cref="SymbolicException">A file cannot be written.</exception>
    public static void Write(SweepDirectory directory, IReadOnlyList<SweepRow> rows, IReadOnlyList<SweepColumn> columns)
    {
        ParquetRows.Write(directory.Parquet, rows, columns);
        CsvRows.Write(directory.Csv, rows, columns);
        AtomicFile.Write(directory.JsonLines, temporary =>
            File.WriteAllLines(temporary, rows.Select(r => JsonLinesRows.Line(r, columns))));
    }
}
