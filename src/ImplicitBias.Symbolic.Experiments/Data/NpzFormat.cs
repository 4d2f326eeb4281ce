using System.IO.Compression;

namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// NumPy .npz problems: a zip of .npy arrays (as np.savez and np.savez_compressed write them) named A, y and
/// optionally truth, w0, x0, u0, v0 and init (0-d or one entry). A sparse A is given instead of "A" by the five
/// arrays of scipy.sparse.save_npz for a CSR matrix — data, indices, indptr, shape and format (b'csr') — in the
/// same zip as y and the other vectors. Any other array name is an error (most likely a typo).
/// </summary>
internal static class NpzFormat
{
    private static readonly string[] SparseKeys = ["data", "indices", "indptr", "shape", "format"];

    private static readonly string[] Known =
        ["A", .. SparseKeys, "y", .. ProblemArrays.VectorNames, "init"];

    /// <summary>Reads the problem's arrays from an open .npz stream.</summary>
    public static ProblemArrays Read(Stream stream)
    {
        using var zip = Open(stream);
        var entries = Entries(zip);
        var a = ReadMatrix(entries);
        if (!entries.TryGetValue("y", out var yEntry))
            throw new SymbolicException("no array \"y\" (the data, one entry per row of A)");
        var y = ReadArray(yEntry, "y").ToVector(a.Rows, "one per row of A");
        var vectors = new Dictionary<string, double[]>();
        foreach (var name in ProblemArrays.VectorNames)
            if (entries.TryGetValue(name, out var entry))
                vectors[name] = ReadArray(entry, name).ToVector(a.Columns, "one per column of A");
        double? init = entries.TryGetValue("init", out var initEntry) ? ReadArray(initEntry, "init").ToScalar() : null;
        return ProblemArrays.Create(a, y, vectors, init);
    }

    /// <summary>Writes the arrays as np.savez does (stored, not deflated); a CSR A in scipy's layout.</summary>
    public static void Write(Stream stream, ProblemArrays arrays)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        void Add(string name, Action<Stream> write)
        {
            using var entry = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression).Open();
            write(entry);
        }
        if (arrays.A is CsrMatrix csr)
        {
            Add("data", s => NpyFormat.Write(s, csr.Values, csr.NonZeros));
            Add("indices", s => NpyFormat.Write(s, csr.ColumnIndices, csr.NonZeros));
            Add("indptr", s => NpyFormat.Write(s, csr.RowPointers, csr.Rows + 1L));
            Add("shape", s => NpyFormat.Write(s, (ReadOnlySpan<long>)[csr.Rows, csr.Columns], 2));
            Add("format", s => NpyFormat.WriteText(s, "csr"));
        }
        else
        {
            var dense = (DenseMatrix)arrays.A;
            Add("A", s => NpyFormat.Write(s, dense.Values, dense.Rows, dense.Columns));
        }
        Add("y", s => NpyFormat.Write(s, [.. arrays.Y], arrays.Y.Count));
        foreach (var name in ProblemArrays.VectorNames)
            if (arrays.Vector(name) is { } vector)
                Add(name, s => NpyFormat.Write(s, [.. vector], vector.Count));
        if (arrays.Init is { } init) Add("init", s => NpyFormat.Write(s, [init]));
    }

    private static ZipArchive Open(Stream stream)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new SymbolicException($"not a NumPy .npz file: it is not a zip archive ({e.Message})", e);
        }
    }

    private static Dictionary<string, ZipArchiveEntry> Entries(ZipArchive zip)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            string name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal)
                ? entry.FullName[..^4] : entry.FullName;
            if (Array.IndexOf(Known, name) < 0)
                throw new SymbolicException($"unknown array \"{entry.FullName}\" "
                    + $"(expected {string.Join(", ", Known.Select(k => $"\"{k}\""))})");
            if (!entries.TryAdd(name, entry)) throw new SymbolicException($"the array \"{name}\" appears twice");
        }
        return entries;
    }

    private static MatrixData ReadMatrix(Dictionary<string, ZipArchiveEntry> entries)
    {
        var sparse = SparseKeys.Where(entries.ContainsKey).ToList();
        if (entries.TryGetValue("A", out var aEntry))
        {
            if (sparse.Count > 0)
                throw new SymbolicException(
                    $"both \"A\" and scipy.sparse arrays ({string.Join(", ", sparse)}) are given; keep one form of A");
            return ReadArray(aEntry, "A").ToMatrix();
        }
        if (sparse.Count == 0)
            throw new SymbolicException("no array \"A\" (the M×N matrix) and no scipy.sparse CSR arrays "
                + "(data, indices, indptr, shape, format as scipy.sparse.save_npz writes them)");
        var missing = SparseKeys.Except(sparse).ToList();
        if (missing.Count > 0)
            throw new SymbolicException($"a scipy.sparse A needs the arrays {string.Join(", ", SparseKeys)}; "
                + $"missing {string.Join(", ", missing)}");
        string format = Use(entries["format"], "format", (s, length) => NpyFormat.ReadText(s, length, Label("format")));
        if (format != "csr")
            throw new SymbolicException(
                $"array \"format\" is '{format}'; only CSR is read (save A.tocsr() with scipy.sparse.save_npz)");
        var (rows, columns) = ReadArray(entries["shape"], "shape").ToShape();
        return new CsrMatrix(rows, columns, ReadArray(entries["indptr"], "indptr").ToIndices(),
            ReadArray(entries["indices"], "indices").ToIndices(), ReadArray(entries["data"], "data").ToEntries());
    }

    private static NamedArray ReadArray(ZipArchiveEntry entry, string name) =>
        Use(entry, name, (s, length) => NpyFormat.Read(s, length, name, Label(name)));

    private static T Use<T>(ZipArchiveEntry entry, string name, Func<Stream, long, T> read)
    {
        try
        {
            using var stream = entry.Open();
            // Length is what the zip claims; the reader still stops at what the entry really holds.
            return read(stream, entry.Length);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw new SymbolicException($"{Label(name)} cannot be unpacked ({e.Message})", e);
        }
    }

    private static string Label(string name) => $"array \"{name}\"";
}
