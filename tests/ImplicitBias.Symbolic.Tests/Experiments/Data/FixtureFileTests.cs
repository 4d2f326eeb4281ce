using ImplicitBias.Symbolic.Experiments.Data;

namespace ImplicitBias.Symbolic.Tests.Experiments.Data;

/// <summary>
/// Files written by NumPy, SciPy and h5py (tests/data/problems/make_fixtures.py) read to the known 3×5 problem, so
/// the readers are held to the reference writers and not only to this project's own.
/// </summary>
public class FixtureFileTests
{
    private static ProblemArrays Read(string name) => ProblemFiles.Read(Fixtures.Path(name));

    [Theory]
    [InlineData("problem.json")]
    [InlineData("dense.npz")]
    [InlineData("problem.h5")]
    [InlineData("problem.mat")]
    [InlineData("matrix.npy")]
    [InlineData("problem.csv")]
    public void A_dense_problem_reads_to_its_values(string name)
    {
        var arrays = Read(name);
        Assert.Equal(Fixtures.Dense, arrays.A);
        Assert.Equal(Fixtures.Y, arrays.Y);
        Assert.Null(arrays.X0);
        Assert.Null(arrays.U0);
        Assert.Null(arrays.V0);
    }

    [Theory]
    [InlineData("sparse.npz")]
    [InlineData("sparse.h5")]
    [InlineData("sparse.mat")]
    [InlineData("coordinate.mtx")]
    public void A_sparse_problem_reads_to_the_csr_matrix_scipy_makes(string name)
    {
        var arrays = Read(name);
        Assert.Equal(Fixtures.Csr, arrays.A);
        Assert.Equal(Fixtures.A, arrays.A.ToDense());
        Assert.Equal(Fixtures.Y, arrays.Y);
    }

    [Theory]
    [InlineData("problem.json", "truth w0")]
    [InlineData("dense.npz", "truth w0")]
    [InlineData("sparse.npz", "truth w0")]
    [InlineData("problem.h5", "truth w0 init")]
    [InlineData("problem.mat", "truth init")]
    [InlineData("matrix.npy", "truth")]
    [InlineData("problem.csv", "w0")]
    [InlineData("sparse.h5", "")]
    [InlineData("coordinate.mtx", "")]
    public void The_optional_arrays_are_read_when_present(string name, string present)
    {
        var arrays = Read(name);
        var names = present.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(names.Contains("truth") ? Fixtures.Truth : null, arrays.Truth);
        Assert.Equal(names.Contains("w0") ? Fixtures.W0 : null, arrays.W0);
        Assert.Equal(names.Contains("init") ? (double?)Fixtures.Init : null, arrays.Init);
    }

    [Fact]
    public void Other_dtypes_and_fortran_order_and_deflate_read_to_doubles()
    {
        var arrays = Read("dtypes.npz");
        Assert.Equal(new DenseMatrix(3, 5, [.. Fixtures.A.Select(v => 4 * v)]), arrays.A);
        Assert.Equal(Fixtures.Y, arrays.Y);
        Assert.Equal(Fixtures.Truth, arrays.Truth);
        Assert.Equal(Fixtures.Init, arrays.Init);
    }

    [Fact]
    public void A_symmetric_matrix_market_file_is_expanded_and_takes_y_from_a_npy_sibling()
    {
        var arrays = Read("symmetric.mtx");
        Assert.Equal(new DenseMatrix(3, 3, [2, -1, 0, -1, 2, -1, 0, -1, 2]).ToCsr(), arrays.A);
        Assert.Equal([1.0, 0, 1], arrays.Y);
    }

    [Fact]
    public void A_csv_pair_reads_through_read_csv()
    {
        var arrays = ProblemFiles.ReadCsv(Fixtures.Path("problem.csv"), Fixtures.Path("problem.y.csv"));
        Assert.Equal(new ProblemArrays(Fixtures.Dense, Fixtures.Y), arrays);
        var npy = ProblemFiles.ReadCsv(Fixtures.Path("problem.csv"), Fixtures.Path("matrix.y.npy"));
        Assert.Equal(arrays, npy);
    }

    [Fact]
    public void A_complex_array_is_refused_with_its_dtype()
    {
        var e = Assert.Throws<SymbolicException>(() => Read("complex.npz"));
        Assert.Equal("complex.npz: array \"A\" has dtype '<c16'; expected a real float or integer type "
            + "('<f8', '<f4', '<i8' or '<i4')", e.Message);
    }
}
