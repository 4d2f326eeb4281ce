using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Experiments.Data;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Experiments.Data;

/// <summary>Every writable format gives back what it was given, and writes exactly the files it documents.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The formats that keep a CSR A in CSR form; the others store it dense.</summary>
    private static bool KeepsSparse(string extension) => extension is ".npz" or ".h5" or ".mtx";

    [Theory]
    [InlineData(".json", false)]
    [InlineData(".json", true)]
    [InlineData(".npz", false)]
    [InlineData(".npz", true)]
    [InlineData(".h5", false)]
    [InlineData(".h5", true)]
    [InlineData(".npy", false)]
    [InlineData(".npy", true)]
    [InlineData(".csv", false)]
    [InlineData(".csv", true)]
    [InlineData(".mtx", false)]
    [InlineData(".mtx", true)]
    public void Writing_then_reading_gives_the_arrays_back(string extension, bool sparse)
    {
        var arrays = Fixtures.Full(sparse ? Fixtures.Csr : Fixtures.Dense);
        string path = _folder.File("p" + extension);
        ProblemFiles.Write(path, arrays);
        var expected = sparse && !KeepsSparse(extension) ? Fixtures.Full(Fixtures.Dense) : arrays;
        Assert.Equal(expected, ProblemFiles.Read(path));
    }

    [Theory]
    [InlineData(".json", "p.json")]
    [InlineData(".npz", "p.npz")]
    [InlineData(".h5", "p.h5")]
    [InlineData(".csv", "p.csv p.init.csv p.truth.csv p.u0.csv p.v0.csv p.w0.csv p.x0.csv p.y.csv")]
    [InlineData(".npy", "p.init.npy p.npy p.truth.npy p.u0.npy p.v0.npy p.w0.npy p.x0.npy p.y.npy")]
    [InlineData(".mtx", "p.init.csv p.mtx p.truth.csv p.u0.csv p.v0.csv p.w0.csv p.x0.csv p.y.csv")]
    public void A_write_leaves_only_the_documented_files(string extension, string files)
    {
        ProblemFiles.Write(_folder.File("p" + extension), Fixtures.Full(Fixtures.Dense));
        ProblemFiles.Write(_folder.File("p" + extension), Fixtures.Full(Fixtures.Csr));
        Assert.Equal(files.Split(' '), _folder.Files());
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".npy")]
    [InlineData(".mtx")]
    public void A_new_write_removes_siblings_the_arrays_no_longer_have(string extension)
    {
        string path = _folder.File("p" + extension);
        ProblemFiles.Write(path, Fixtures.Full(Fixtures.Dense));
        File.WriteAllText(_folder.File("p.truth" + (extension == ".npy" ? ".csv" : ".npy")), "stale twin");
        var small = new ProblemArrays(Fixtures.Dense, Fixtures.Y, w0: Fixtures.W0);
        ProblemFiles.Write(path, small);
        Assert.Equal(small, ProblemFiles.Read(path));
        Assert.Equal(3, _folder.Files().Length);
    }

    [Fact]
    public void Mat_files_are_not_written()
    {
        var e = Assert.Throws<SymbolicException>(() =>
            ProblemFiles.Write(_folder.File("p.mat"), Fixtures.Full(Fixtures.Dense)));
        Assert.Equal("p.mat: MATLAB .mat files are read, not written; write .h5 (MATLAB reads it with h5read) or .npz",
            e.Message);
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public void A_failed_write_leaves_the_old_file_and_no_temporary_one()
    {
        string path = _folder.File("p.json");
        ProblemFiles.Write(path, Fixtures.Full(Fixtures.Dense));
        var before = File.ReadAllBytes(path);
        var huge = new ProblemArrays(new CsrMatrix(100_000, 100_000, new int[100_001], [], []), new double[100_000]);
        var e = Assert.Throws<SymbolicException>(() => ProblemFiles.Write(path, huge));
        Assert.StartsWith("p.json: A is 100000×100000 = 10000000000 entries, too large for a dense array", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["p.json"], _folder.Files());
    }

    [Property(MaxTest = 40)]
    public Property Random_arrays_survive_every_format() => Prop.ForAll(RandomArrays().ToArbitrary(), arrays =>
    {
        using var folder = new TemporaryFolder();
        return new[] { ".json", ".npz", ".h5", ".npy", ".csv", ".mtx" }.All(extension =>
        {
            string path = folder.File("r" + extension);
            ProblemFiles.Write(path, arrays);
            var back = ProblemFiles.Read(path);
            return KeepsSparse(extension) || arrays.A is DenseMatrix
                ? back.Equals(arrays)
                : back.A.Equals(new DenseMatrix(arrays.A.Rows, arrays.A.Columns, arrays.A.ToDense()))
                    && back.Y.SequenceEqual(arrays.Y) && back.Init == arrays.Init;
        });
    });

    /// <summary>Arrays of 1 to 6 rows and columns, dense or CSR, with numbers that print awkwardly (tiny, huge,
    /// negative zero, thirds) and a random subset of the optional vectors.</summary>
    private static Gen<ProblemArrays> RandomArrays() =>
        from rows in Gen.Choose(1, 6)
        from columns in Gen.Choose(1, 6)
        from seed in Gen.Choose(0, int.MaxValue)
        from sparse in Gen.Elements(true, false)
        select Build(rows, columns, new Random(seed), sparse);

    private static ProblemArrays Build(int rows, int columns, Random random, bool sparse)
    {
        double Number() => random.Next(6) switch
        {
            0 => 0,
            1 => -0.0,
            2 => random.Next(-9, 10),
            3 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)),
            4 => 1.0 / random.Next(1, 9),
            _ => random.NextDouble() * 2 - 1,
        };
        double[] Vector(int n) => [.. Enumerable.Range(0, n).Select(_ => Number())];
        double[]? Maybe(int n) => random.Next(2) == 0 ? null : Vector(n);
        MatrixData a = new DenseMatrix(rows, columns, Vector(rows * columns));
        if (sparse) a = a.ToCsr();
        return new ProblemArrays(a, Vector(rows), Maybe(columns), Maybe(columns), Maybe(columns), Maybe(columns),
            Maybe(columns), random.Next(2) == 0 ? null : Number());
    }
}
