using System.Globalization;
using CsvHelper;

namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>Rows as CSV with a header (invariant culture; an empty field is null).</summary>
public static class CsvRows
{
    /// <summary>Writes the rows atomically.</summary>
    /// <exception cref="SymbolicException">The file cannot be written.</exception>
    public static void Write(string path, IReadOnlyList<SweepRow> rows, IReadOnlyList<SweepColumn> columns) =>
        AtomicFile.Write(path, temporary =>
        {
            using var writer = new StreamWriter(temporary);
            using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, false);
            csv.WriteRecord(columns.Select(c => c.Name).ToArray());
            foreach (var row in rows) csv.WriteRecord(columns.Select(c => Text(c.Value(row))).ToArray());
        });

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
