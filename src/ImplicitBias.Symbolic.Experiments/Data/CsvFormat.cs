using CsvHelper;

namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// CSV files of numbers through CsvHelper: comma-separated, no header, invariant culture (a point for decimals).
/// A matrix is one row of numbers per line, all rows of one length; a vector is one number per line or a single line
/// of numbers. Rows count from 0 in messages, with the 1-based line beside them.
/// </summary>
internal static class CsvFormat
{
    // A record over 64 MiB is not a row of numbers; the bound stops a file without line breaks growing the buffer.
    private static readonly CsvReaderOptions ReadOptions = CsvReaderOptions.Default with
    {
        HasHeader = false,
        Separator = ',',
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MaxRecordSize = 1 << 26,
    };

    private static readonly CsvWriterOptions WriteOptions = CsvWriterOptions.Default with
    {
        HasHeader = false,
        NewLine = "\n",
    };

    /// <summary>Reads A.</summary>
    public static DenseMatrix ReadMatrix(Stream stream)
    {
        var (rows, values) = ReadRows(stream, "A", requireEqualRows: true);
        if (rows.Count == 0) throw new SymbolicException("no rows (A is one line of comma-separated numbers per row)");
        return new DenseMatrix(rows.Count, rows[0], values.ToArray());
    }

    /// <summary>Reads a vector (or the scalar init, a vector of one entry).</summary>
    public static NamedArray ReadVector(Stream stream, string name)
    {
        var (rows, values) = ReadRows(stream, name, requireEqualRows: false);
        if (rows.Count > 1 && rows.Any(count => count != 1))
        {
            int row = rows.FindIndex(count => count != 1);
            throw new SymbolicException(
                $"{name} must be one number per line or a single line of numbers; row {row} has {rows[row]} entries");
        }
        return new NamedArray(name, name, [values.Count], values.ToArray(), IsInteger: false);
    }

    /// <summary>Writes a matrix, one line per row.</summary>
    public static void WriteMatrix(Stream stream, double[] rowMajor, int columns)
    {
        using var writer = CsvWriter.Create(stream, WriteOptions, leaveOpen: true);
        for (int start = 0; start < rowMajor.Length; start += columns)
        {
            for (int j = 0; j < columns; j++) writer.WriteField(rowMajor[start + j]);
            writer.EndRecord();
        }
    }

    /// <summary>Writes a vector, one number per line.</summary>
    public static void WriteVector(Stream stream, IEnumerable<double> values)
    {
        using var writer = CsvWriter.Create(stream, WriteOptions, leaveOpen: true);
        foreach (double v in values)
        {
            writer.WriteField(v);
            writer.EndRecord();
        }
    }

    /// <summary>The number of fields of each row, and all the numbers in order.</summary>
    private static (List<int> Rows, List<double> Values) ReadRows(Stream stream, string name, bool requireEqualRows)
    {
        var rows = new List<int>();
        var values = new List<double>();
        try
        {
            using var reader = CsvReader.Create(stream, ReadOptions, leaveOpen: true);
            while (reader.Read())
            {
                int count = reader.FieldCount, row = rows.Count;
                if (requireEqualRows && row > 0 && count != rows[0])
                    throw new SymbolicException(
                        $"row {row} (line {reader.LineNumber}) has {count} entries, expected {rows[0]}");
                if ((long)values.Count + count > Array.MaxLength)
                    throw new SymbolicException($"{name} has more than {Array.MaxLength} entries");
                for (int j = 0; j < count; j++)
                {
                    if (!reader.TryParse(j, out double v))
                        throw new SymbolicException($"row {row} (line {reader.LineNumber}), column {j}: "
                            + $"\"{reader.GetString(j)}\" is not a number");
                    values.Add(v);
                }
                rows.Add(count);
            }
        }
        catch (CsvFormatException e)
        {
            throw new SymbolicException($"not a CSV file of numbers ({e.Message})", e);
        }
        return (rows, values);
    }
}
