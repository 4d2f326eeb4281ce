namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// Problem files in every format of <see cref="ProblemFileFormat"/>, chosen from the extension:
/// <list type="bullet">
/// <item>.json — <c>{"A": [[...], ...], "y": [...], "w0": [...], ...}</c>, the fields of
/// <see cref="Problem.FromJson"/>.</item>
/// <item>.npz — .npy arrays A, y, truth, w0, x0, u0, v0 and init (0-d). A sparse A is given by the arrays of
/// scipy.sparse.save_npz (data, indices, indptr, shape, format = b'csr') in the same zip as y and the others.</item>
/// <item>.h5/.hdf5 — datasets /A, /y, /truth, /w0, /x0, /u0, /v0, /init; a sparse A is a group /A with datasets
/// data, indices, indptr and the attribute shape (anndata's CSR layout).</item>
/// <item>.mat — MATLAB v7.3 (HDF5), read only: the same variable names, column-major (MATLAB's M×N matrix is an N×M
/// dataset); a MATLAB sparse A is read too.</item>
/// <item>.npy, .csv, .mtx — A alone (a 2-d array; rows of comma-separated numbers without a header; a MatrixMarket
/// coordinate or array matrix, coordinate giving a CSR A); the vectors are sibling files named after it: for
/// <c>p.csv</c>, <c>p.y.csv</c> or <c>p.y.npy</c> (required), <c>p.truth.csv</c>, <c>p.w0.csv</c>, … and
/// <c>p.init.csv</c>, each a CSV file (one number per line) or a .npy array.</item>
/// </list>
/// Every error is a <see cref="SymbolicException"/> whose message starts with the file's name and names the array
/// and the entry ("p.npz: array \"y\" has 19 entries, expected 20 (one per row of A)", "p.h5: no dataset \"/y\"",
/// "p.csv: row 4 (line 5) has 9 entries, expected 10"). A header that claims more data than its file holds is refused
/// before anything that size is allocated.
/// </summary>
public static class ProblemFiles
{
    private static readonly (string Extension, ProblemFileFormat Format)[] Extensions =
    [
        (".json", ProblemFileFormat.Json),
        (".npz", ProblemFileFormat.Npz),
        (".npy", ProblemFileFormat.Npy),
        (".h5", ProblemFileFormat.Hdf5),
        (".hdf5", ProblemFileFormat.Hdf5),
        (".mat", ProblemFileFormat.Mat),
        (".csv", ProblemFileFormat.Csv),
        (".mtx", ProblemFileFormat.MatrixMarket),
    ];

    /// <summary>The format of a file from its extension (ignoring case).</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="SymbolicException">An extension not in the list; the message lists the accepted
    /// ones.</exception>
    public static ProblemFileFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path);
        foreach (var (known, format) in Extensions)
            if (string.Equals(extension, known, StringComparison.OrdinalIgnoreCase)) return format;
        throw new SymbolicException($"{DataFile.Name(path)}: unknown problem file type "
            + $"\"{extension}\"; expected one of {string.Join(", ", Extensions.Select(e => e.Extension))}");
    }

    /// <summary>Reads a problem file (and, for .csv, .npy and .mtx, its sibling vector files).</summary>
    /// <param name="path">The file; its extension chooses the format.</param>
    /// <exception cref="SymbolicException">A missing or unreadable file, a malformed one, or arrays that do not fit
    /// together; the message names the file, the array and the entry.</exception>
    public static ProblemArrays Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FormatOf(path) switch
        {
            ProblemFileFormat.Json => DataFile.Read(path, JsonProblemFormat.Read),
            ProblemFileFormat.Npz => DataFile.Read(path, NpzFormat.Read),
            ProblemFileFormat.Hdf5 => DataFile.Run(path, () => Hdf5Format.Read(path, matlab: false)),
            ProblemFileFormat.Mat => DataFile.Run(path, () => Hdf5Format.Read(path, matlab: true)),
            ProblemFileFormat.Npy => WithSiblings(path, DataFile.Read(path, ReadNpyMatrix)),
            ProblemFileFormat.Csv => WithSiblings(path, DataFile.Read(path, CsvFormat.ReadMatrix)),
            ProblemFileFormat.MatrixMarket => ReadMatrixMarket(path),
        };
    }

    /// <summary>A from one CSV file and y from another (CSV or, by its extension, .npy); no other vectors.</summary>
    /// <param name="aPath">A, one line of comma-separated numbers per row, no header.</param>
    /// <param name="yPath">y, one number per line (or a single line).</param>
    /// <exception cref="SymbolicException">As for <see cref="Read"/>.</exception>
    public static ProblemArrays ReadCsv(string aPath, string yPath)
    {
        ArgumentNullException.ThrowIfNull(aPath);
        ArgumentNullException.ThrowIfNull(yPath);
        var a = DataFile.Read(aPath, CsvFormat.ReadMatrix);
        var y = DataFile.Read(yPath, stream => string.Equals(Path.GetExtension(yPath), ".npy",
                StringComparison.OrdinalIgnoreCase)
            ? NpyFormat.Read(stream, stream.Length, "y", "array \"y\"")
            : CsvFormat.ReadVector(stream, "y"));
        return new ProblemArrays(a, DataFile.Run(yPath, () => y.ToVector(a.Rows, "one per row of A")));
    }

    /// <summary>
    /// Writes a problem file, atomically (each file goes to a temporary file in its folder and is then renamed over
    /// the target). For .csv, .npy and .mtx the vectors go to sibling files (.csv siblings for .csv and .mtx, .npy
    /// for .npy), and siblings left from an earlier write that these arrays do not have are removed. A CSR A is
    /// written in CSR form to .npz, .h5 and .mtx, and made dense for .json, .csv and .npy.
    /// </summary>
    /// <param name="path">The file; its extension chooses the format.</param>
    /// <param name="arrays">The arrays.</param>
    /// <exception cref="SymbolicException">A .mat target (MATLAB files are read only), a file that cannot be
    /// written, or an A too large to make dense.</exception>
    public static void Write(string path, ProblemArrays arrays)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(arrays);
        switch (FormatOf(path))
        {
            case ProblemFileFormat.Json: DataFile.Write(path, s => JsonProblemFormat.Write(s, arrays)); break;
            case ProblemFileFormat.Npz: DataFile.Write(path, s => NpzFormat.Write(s, arrays)); break;
            case ProblemFileFormat.Hdf5: DataFile.Write(path, s => Hdf5Format.Write(s, arrays)); break;
            case ProblemFileFormat.Mat:
                throw new SymbolicException($"{DataFile.Name(path)}: MATLAB .mat files are read, not written; write "
                    + ".h5 (MATLAB reads it with h5read) or .npz");
            case ProblemFileFormat.Npy:
                WriteDense(path, arrays, (s, a) => NpyFormat.Write(s, a, arrays.A.Rows, arrays.A.Columns), ".npy");
                break;
            case ProblemFileFormat.Csv:
                WriteDense(path, arrays, (s, a) => CsvFormat.WriteMatrix(s, a, arrays.A.Columns), ".csv");
                break;
            case ProblemFileFormat.MatrixMarket:
                Siblings.Write(path, arrays, ".csv");
                DataFile.Write(path, s => MatrixMarketFormat.Write(s, arrays.A));
                break;
        }
    }

    private static DenseMatrix ReadNpyMatrix(FileStream stream) =>
        NpyFormat.Read(stream, stream.Length, "A", "array \"A\"").ToMatrix();

    private static ProblemArrays WithSiblings(string path, MatrixData a)
    {
        var (y, vectors, init) = Siblings.Read(path, a.Rows, a.Columns);
        return ProblemArrays.Create(a, y, vectors, init);
    }

    private static ProblemArrays ReadMatrixMarket(string path)
    {
        var (rows, columns, build) = DataFile.Read(path, MatrixMarketFormat.Read);
        // the siblings first: y's file bounds the rows the size line may claim before they are allocated
        var (y, vectors, init) = Siblings.Read(path, rows, columns);
        return ProblemArrays.Create(DataFile.Run(path, build), y, vectors, init);
    }

    private static void WriteDense(string path, ProblemArrays arrays, Action<Stream, double[]> write, string extension)
    {
        var dense = DataFile.Run(path, arrays.A.ToDense);
        Siblings.Write(path, arrays, extension);
        DataFile.Write(path, s => write(s, dense));
    }
}
