using Parquet;
using Parquet.Schema;

namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// Rows as one Parquet row group with typed, nullable columns (pandas, polars, R and DuckDB read it).
/// </summary>
public static class ParquetRows
{
    /// <summary>Writes the rows atomically.</summary>
    /// <exception cref="SymbolicException">The file cannot be written.</exception>
    public static void Write(string path, IReadOnlyList<SweepRow> rows, IReadOnlyList<SweepColumn> columns) =>
        AtomicFile.Write(path, temporary => WriteAsync(temporary, rows, columns).GetAwaiter().GetResult());

    private static async Task WriteAsync(string path, IReadOnlyList<SweepRow> rows,
        IReadOnlyList<SweepColumn> columns)
    {
        var fields = columns.Select(Field).ToArray();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        for (int c = 0; c < columns.Count; c++)
        {
            var values = rows.Select(columns[c].Value).ToArray();
            switch (columns[c].Type)
            {
                case ColumnType.Integer:
                    await group.WriteAsync<int>(fields[c], values.Select(v => (int)v!).ToArray()); break;
                case ColumnType.Real:
                    await group.WriteAsync<double>(fields[c], values.Select(v => (double?)v).ToArray()); break;
                case ColumnType.Boolean:
                    await group.WriteAsync<bool>(fields[c], values.Select(v => (bool?)v).ToArray()); break;
                case ColumnType.Text:
                    await group.WriteAsync(fields[c], values.Select(v => (string?)v!).ToArray()); break;
            }
        }
    }

    private static DataField Field(SweepColumn column) => column.Type switch
    {
        ColumnType.Integer => new DataField<int>(column.Name, false),
        ColumnType.Real => new DataField<double?>(column.Name, true),
        ColumnType.Boolean => new DataField<bool?>(column.Name, true),
        ColumnType.Text => new DataField<string>(column.Name, true),
    };
}
