using System.Globalization;
using System.Text;

namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// MatrixMarket .mtx files (the NIST exchange format, as scipy.io.mmwrite writes it): the banner
/// <c>%%MatrixMarket matrix coordinate|array real|integer|pattern general|symmetric|skew-symmetric</c>, comment lines
/// starting with %, the size line, then the entries. A coordinate matrix ("i j value", 1-based) becomes a
/// <see cref="CsrMatrix"/> (duplicates add up, as scipy's coo → csr does), an array matrix (values column by column)
/// a <see cref="DenseMatrix"/>; symmetric and skew-symmetric files store the lower triangle and are expanded.
/// Complex and Hermitian matrices are not read.
/// </summary>
internal static class MatrixMarketFormat
{
    /// <summary>
    /// Reads the matrix, checked entry by entry. The rows it declares are not allocated yet: <c>Build</c> makes the
    /// matrix, so a caller can first hold the size line against y, whose file bounds a believable row count.
    /// </summary>
    public static (int Rows, int Columns, Func<MatrixData> Build) Read(Stream stream)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        var lines = new Lines(text);
        var header = Banner(lines.Banner());
        var size = lines.Next() ?? throw new SymbolicException("no size line after the banner");
        var numbers = Integers(size, header.Coordinate ? 3 : 2);
        int rows = numbers[0], columns = numbers[1];
        if (rows < 1 || columns < 1)
            throw new SymbolicException(
                $"line {lines.Number}: the matrix is {rows}×{columns}; A needs a row and a column");
        if (header.Symmetry != "general" && rows != columns)
            throw new SymbolicException(
                $"line {lines.Number}: a {header.Symmetry} matrix must be square, not {rows}×{columns}");
        if (header.Coordinate)
        {
            var entries = Coordinates(lines, header, rows, columns, numbers[2]);
            return (rows, columns, () => ToCsr(rows, columns, entries));
        }
        var dense = ArrayValues(lines, header, rows, columns);
        return (rows, columns, () => new DenseMatrix(rows, columns, dense));
    }

    /// <summary>Writes a CSR matrix as coordinate real general, a dense one as array real general.</summary>
    public static void Write(Stream stream, MatrixData a)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var invariant = CultureInfo.InvariantCulture;
        if (a is CsrMatrix csr)
        {
            text.WriteLine("%%MatrixMarket matrix coordinate real general");
            text.WriteLine(string.Create(invariant, $"{csr.Rows} {csr.Columns} {csr.NonZeros}"));
            for (int i = 0; i < csr.Rows; i++)
                for (int k = csr.RowPointers[i]; k < csr.RowPointers[i + 1]; k++)
                {
                    string entry = string.Create(invariant, $"{i + 1} {csr.ColumnIndices[k] + 1} ");
                    text.WriteLine(entry + NumberText.Of(csr.Values[k]));
                }
            return;
        }
        var dense = (DenseMatrix)a;
        text.WriteLine("%%MatrixMarket matrix array real general");
        text.WriteLine(string.Create(invariant, $"{dense.Rows} {dense.Columns}"));
        for (int j = 0; j < dense.Columns; j++)
            for (int i = 0; i < dense.Rows; i++)
                text.WriteLine(NumberText.Of(dense[i, j]));
    }

    private sealed record Header(bool Coordinate, bool Pattern, string Symmetry);

    private sealed record Entries(List<int> Rows, List<int> Columns, List<double> Values);

    private static Header Banner(string banner)
    {
        var tokens = banner.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.ToLowerInvariant()).ToArray();
        if (tokens.Length != 5 || tokens[0] != "%%matrixmarket" || tokens[1] != "matrix")
            throw new SymbolicException(
                $"line 1 is not a MatrixMarket banner (%%MatrixMarket matrix coordinate real general): \"{banner}\"");
        var (format, field, symmetry) = (tokens[2], tokens[3], tokens[4]);
        if (format is not ("coordinate" or "array"))
            throw new SymbolicException($"line 1: unknown format \"{format}\" (expected coordinate or array)");
        if (field is not ("real" or "double" or "integer" or "pattern"))
            throw new SymbolicException(
                $"line 1: the field is \"{field}\"; only real, integer and pattern matrices are read");
        if (symmetry is not ("general" or "symmetric" or "skew-symmetric"))
            throw new SymbolicException(
                $"line 1: the symmetry is \"{symmetry}\"; only general, symmetric and skew-symmetric are read");
        if (field == "pattern" && format == "array")
            throw new SymbolicException("line 1: a pattern matrix must be in coordinate format");
        return new Header(format == "coordinate", field == "pattern", symmetry);
    }

    private static Entries Coordinates(Lines lines, Header header, int rows, int columns, int declared)
    {
        if (declared < 0)
            throw new SymbolicException($"line {lines.Number}: a negative number of entries ({declared})");
        var entries = new Entries([], [], []);
        int found = 0;
        for (string? line = lines.Next(); line is not null; line = lines.Next())
        {
            if (++found > declared)
                throw new SymbolicException($"line {lines.Number}: more entries than the {declared} of the size line");
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            int width = header.Pattern ? 2 : 3;
            if (tokens.Length != width)
                throw new SymbolicException(
                    $"line {lines.Number}: expected {width} numbers "
                    + $"({(header.Pattern ? "row column" : "row column value")}), found \"{line}\"");
            int i = Index(tokens[0], rows, "row", lines.Number), j = Index(tokens[1], columns, "column", lines.Number);
            double v = header.Pattern ? 1 : Number(tokens[2], lines.Number);
            AddEntry(entries, header.Symmetry, i, j, v, lines.Number);
        }
        if (found < declared)
            throw new SymbolicException($"the size line declares {declared} entries, the file has {found}");
        return entries;
    }

    private static void AddEntry(Entries entries, string symmetry, int i, int j, double v, int line)
    {
        if (symmetry != "general" && i < j)
            throw new SymbolicException(
                $"line {line}: entry ({i + 1}, {j + 1}) is above the diagonal; a {symmetry} file stores the lower "
                + "triangle");
        if (symmetry == "skew-symmetric" && i == j)
            throw new SymbolicException(
                $"line {line}: a skew-symmetric matrix has no diagonal entries ({i + 1}, {j + 1})");
        entries.Rows.Add(i);
        entries.Columns.Add(j);
        entries.Values.Add(v);
        if (symmetry == "general" || i == j) return;
        entries.Rows.Add(j);
        entries.Columns.Add(i);
        entries.Values.Add(symmetry == "symmetric" ? v : -v);
    }

    private static double[] ArrayValues(Lines lines, Header header, int rows, int columns)
    {
        long n = rows;
        long expected = header.Symmetry switch
        {
            "general" => n * columns,
            "symmetric" => n * (n + 1) / 2,
            _ => n * (n - 1) / 2,
        };
        if (n * columns > Array.MaxLength)
            throw new SymbolicException($"the matrix is {rows}×{columns}, more than {Array.MaxLength} entries");
        var stored = new List<double>();
        for (string? line = lines.Next(); line is not null; line = lines.Next())
        {
            if (stored.Count == expected)
                throw new SymbolicException($"line {lines.Number}: more values than the {expected} of the size line");
            stored.Add(Number(line.Trim(), lines.Number));
        }
        if (stored.Count < expected)
            throw new SymbolicException($"the size line asks for {expected} values, the file has {stored.Count}");
        var values = new double[n * columns];
        int k = 0;
        for (int j = 0; j < columns; j++)
        {
            int first = header.Symmetry switch { "general" => 0, "symmetric" => j, _ => j + 1 };
            for (int i = first; i < rows; i++)
            {
                values[(long)i * columns + j] = stored[k++];
                if (i != j && header.Symmetry != "general")
                    values[(long)j * columns + i] = header.Symmetry == "symmetric" ? stored[k - 1] : -stored[k - 1];
            }
        }
        return values;
    }

    /// <summary>Coordinates to CSR: a counting sort by row, each row sorted by column, duplicates summed.</summary>
    private static CsrMatrix ToCsr(int rows, int columns, Entries entries)
    {
        int count = entries.Values.Count;
        var pointers = new int[rows + 1];
        foreach (int i in entries.Rows) pointers[i + 1]++;
        for (int i = 0; i < rows; i++) pointers[i + 1] += pointers[i];
        var next = pointers[..rows];
        var indices = new int[count];
        var values = new double[count];
        for (int k = 0; k < count; k++)
        {
            int position = next[entries.Rows[k]]++;
            indices[position] = entries.Columns[k];
            values[position] = entries.Values[k];
        }
        int kept = 0;
        for (int i = 0; i < rows; i++)
        {
            int start = pointers[i], end = pointers[i + 1], rowStart = kept;
            Array.Sort(indices, values, start, end - start);
            pointers[i] = kept;
            for (int k = start; k < end; k++)
            {
                if (kept > rowStart && indices[kept - 1] == indices[k])
                {
                    values[kept - 1] += values[k];
                    continue;
                }
                indices[kept] = indices[k];
                values[kept++] = values[k];
            }
        }
        pointers[rows] = kept;
        return new CsrMatrix(rows, columns, pointers, indices[..kept], values[..kept]);
    }

    private static int[] Integers(string line, int count)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var numbers = new int[count];
        if (tokens.Length != count)
            throw new SymbolicException($"the size line \"{line}\" must hold {count} integers");
        for (int k = 0; k < count; k++)
            if (!int.TryParse(tokens[k], NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[k]))
                throw new SymbolicException($"the size line \"{line}\" must hold {count} integers");
        return numbers;
    }

    private static int Index(string token, int size, string what, int line)
    {
        if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int index) || index < 1
            || index > size)
            throw new SymbolicException($"line {line}: the {what} \"{token}\" is not in 1 … {size}");
        return index - 1;
    }

    private static double Number(string token, int line) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v : throw new SymbolicException($"line {line}: \"{token}\" is not a number");

    /// <summary>The lines of the file after the banner, without comments and blank lines, with their numbers.</summary>
    private sealed class Lines(TextReader reader)
    {
        public int Number { get; private set; }

        public string Banner()
        {
            Number = 1;
            return reader.ReadLine() ?? throw new SymbolicException("the file is empty");
        }

        public string? Next()
        {
            for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                Number++;
                if (line.Length > 0 && line[0] != '%' && !string.IsNullOrWhiteSpace(line)) return line;
            }
            return null;
        }
    }
}
