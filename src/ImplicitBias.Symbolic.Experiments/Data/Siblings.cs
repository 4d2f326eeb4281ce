namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// The vectors of the formats that hold only A (.csv, .npy, .mtx), kept in sibling files named after it: for
/// <c>p.csv</c>, <c>p.y.csv</c> or <c>p.y.npy</c> (required), and likewise p.truth, p.w0, p.x0, p.u0, p.v0 and
/// p.init (one number), each a CSV file or a .npy array. A name given both ways is an error, since the two could
/// disagree.
/// </summary>
internal static class Siblings
{
    private static readonly string[] Extensions = [".csv", ".npy"];

    /// <summary>The arrays that sibling files hold, in reading order.</summary>
    public static readonly string[] Names = ["y", .. ProblemArrays.VectorNames, "init"];

    /// <summary>The sibling of <paramref name="main"/> for the array <paramref name="name"/>: dir/p.y.csv.</summary>
    public static string PathOf(string main, string name, string extension) =>
        Path.Combine(Path.GetDirectoryName(main) ?? "", $"{Path.GetFileNameWithoutExtension(main)}.{name}{extension}");

    /// <summary>Reads the siblings of <paramref name="main"/> for an M×N matrix; each error names its own
    /// file.</summary>
    public static (double[] Y, Dictionary<string, double[]> Vectors, double? Init) Read(string main, int rows,
        int columns)
    {
        double[]? y = null;
        double? init = null;
        var vectors = new Dictionary<string, double[]>();
        foreach (var name in Names)
        {
            var found = Extensions.Select(e => PathOf(main, name, e)).Where(File.Exists).ToList();
            if (found.Count > 1)
                throw new SymbolicException($"{DataFile.Name(main)}: both {DataFile.Name(found[0])} and "
                    + $"{DataFile.Name(found[1])} give {name}; keep one");
            if (found.Count == 0) continue;
            var array = DataFile.Read(found[0], stream => ReadArray(stream, found[0], name));
            if (name == "init") init = DataFile.Run(found[0], array.ToScalar);
            else if (name == "y") y = DataFile.Run(found[0], () => array.ToVector(rows, "one per row of A"));
            else vectors[name] = DataFile.Run(found[0], () => array.ToVector(columns, "one per column of A"));
        }
        if (y is null)
            throw new SymbolicException($"{DataFile.Name(main)}: no y; it goes in "
                + $"{DataFile.Name(PathOf(main, "y", ".csv"))} or {DataFile.Name(PathOf(main, "y", ".npy"))} "
                + "next to it");
        return (y, vectors, init);
    }

    /// <summary>
    /// Writes the vectors next to <paramref name="main"/> in the format of <paramref name="extension"/>, and removes
    /// the siblings the arrays do not have (and the other format's twins), so that reading gives back these arrays.
    /// </summary>
    public static void Write(string main, ProblemArrays arrays, string extension)
    {
        foreach (var name in Names)
        {
            IReadOnlyList<double>? values = name switch
            {
                "y" => arrays.Y,
                "init" => arrays.Init is { } init ? [init] : null,
                _ => arrays.Vector(name),
            };
            foreach (var other in Extensions.Where(e => e != extension || values is null))
                DataFile.Delete(PathOf(main, name, other));
            if (values is null) continue;
            string path = PathOf(main, name, extension);
            DataFile.Write(path, stream =>
            {
                if (extension == ".npy") NpyFormat.Write(stream, [.. values], name == "init" ? [] : [values.Count]);
                else CsvFormat.WriteVector(stream, values);
            });
        }
    }

    private static NamedArray ReadArray(Stream stream, string path, string name) =>
        Path.GetExtension(path) == ".npy"
            ? NpyFormat.Read(stream, stream.Length, name, $"array \"{name}\"")
            : CsvFormat.ReadVector(stream, name);
}
