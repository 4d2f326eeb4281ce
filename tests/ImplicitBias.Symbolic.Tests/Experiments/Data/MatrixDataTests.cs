using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Experiments.Data;

namespace ImplicitBias.Symbolic.Tests.Experiments.Data;

/// <summary>The two cases of MatrixData: validation with named entries, conversions, CSR products.</summary>
public class MatrixDataTests
{
    [Fact]
    public void A_dense_matrix_keeps_its_values_row_major_and_counts_its_non_zeros()
    {
        var a = Fixtures.Dense;
        Assert.Equal((3, 5, 8), (a.Rows, a.Columns, a.NonZeros));
        Assert.Equal(0.25, a[1, 3]);
        Assert.Equal(Fixtures.A, a.ToDense());
        Assert.Equal(Fixtures.Csr, a.ToCsr());
        Assert.Equal("3×5 dense matrix", a.ToString());
        Assert.Equal("3×5 CSR matrix, 8 non-zeros", Fixtures.Csr.ToString());
    }

    [Fact]
    public void The_constructors_copy_their_arrays()
    {
        var values = (double[])Fixtures.A.Clone();
        var dense = new DenseMatrix(3, 5, values);
        int[] pointers = [0, 1], indices = [2];
        double[] data = [7];
        var csr = new CsrMatrix(1, 3, pointers, indices, data);
        values[0] = 99;
        pointers[1] = 0;
        indices[0] = 0;
        data[0] = -1;
        Assert.Equal(1.0, dense[0, 0]);
        Assert.Equal([0, 0, 7], csr.ToDense());
    }

    [Fact]
    public void Equality_is_by_case_shape_and_contents()
    {
        Assert.Equal(Fixtures.Dense, new DenseMatrix(3, 5, Fixtures.A));
        Assert.Equal(Fixtures.Dense.GetHashCode(), new DenseMatrix(3, 5, Fixtures.A).GetHashCode());
        Assert.NotEqual(Fixtures.Dense, new DenseMatrix(5, 3, Fixtures.A));
        Assert.NotEqual<MatrixData>(Fixtures.Dense, Fixtures.Csr);
        Assert.Equal(Fixtures.Csr, Fixtures.Csr.ToCsr());
        Assert.Equal(Fixtures.Dense, new DenseMatrix(3, 5, Fixtures.Csr.ToDense()));
    }

    public static TheoryData<Func<MatrixData>, string> BadMatrices => new()
    {
        { () => new DenseMatrix(3, 5, new double[14]), "A has 14 entries, expected 3×5 = 15" },
        { () => new DenseMatrix(0, 5, []), "A must have at least one row and one column, got 0×5" },
        { () => new DenseMatrix(2, 2, [1, 2, double.NaN, 4]), "A[1][0] is not a finite number (NaN)" },
        { () => new DenseMatrix(1, 2, [1, double.PositiveInfinity]), "A[0][1] is not a finite number (inf)" },
        { () => new CsrMatrix(3, 5, [0, 1, 2], [0, 1], [1, 1]),
            "indptr has 3 entries, expected 4 (one per row of A, plus one)" },
        { () => new CsrMatrix(2, 5, [1, 1, 2], [0, 1], [1, 1]), "indptr[0] = 1, expected 0" },
        { () => new CsrMatrix(2, 5, [0, 2, 1], [0, 1], [1, 1]), "indptr[2] = 1 is less than indptr[1] = 2" },
        { () => new CsrMatrix(2, 5, [0, 1, 1], [0, 1], [1, 1]),
            "indptr[2] = 1, expected 2 (the number of entries of data)" },
        { () => new CsrMatrix(1, 5, [0, 2], [0], [1, 1]), "indices has 1 entries, expected 2 (one per entry of data)" },
        { () => new CsrMatrix(2, 5, [0, 1, 2], [0, 5], [1, 1]),
            "indices[1] = 5 is outside the columns 0 … 4 of A (row 1)" },
        { () => new CsrMatrix(1, 5, [0, 2], [0, -1], [1, 1]),
            "indices[1] = -1 is outside the columns 0 … 4 of A (row 0)" },
        { () => new CsrMatrix(1, 5, [0, 3], [0, 3, 2], [1, 1, 1]),
            "indices[2] = 2 follows 3 in row 0 (the columns of a row must increase strictly)" },
        { () => new CsrMatrix(1, 5, [0, 2], [1, 1], [1, 1]),
            "indices[1] = 1 follows 1 in row 0 (the columns of a row must increase strictly)" },
        { () => new CsrMatrix(2, 5, [0, 1, 2], [0, 4], [1, double.NaN]),
            "data[1] (A[1][4]) is not a finite number (NaN)" },
    };

    [Theory]
    [MemberData(nameof(BadMatrices))]
    public void A_malformed_matrix_is_refused_naming_the_entry(Func<MatrixData> build, string message) =>
        Assert.Equal(message, Assert.Throws<SymbolicException>(build).Message);

    [Fact]
    public void A_sparse_matrix_too_large_to_be_dense_says_so()
    {
        var huge = new CsrMatrix(100_000, 100_000, new int[100_001], [], []);
        Assert.Equal(0, huge.NonZeros);
        var e = Assert.Throws<SymbolicException>(huge.ToDense);
        Assert.Equal(
            $"A is 100000×100000 = 10000000000 entries, too large for a dense array (at most {Array.MaxLength})",
            e.Message);
    }

    [Property(MaxTest = 200)]
    public Property Csr_products_match_the_dense_ones() => Prop.ForAll(RandomSparse().ToArbitrary(), t =>
    {
        var (csr, x, z) = t;
        var dense = csr.ToDense();
        var y = new double[csr.Rows];
        csr.Multiply(x, y);
        var w = new double[csr.Columns];
        csr.MultiplyTransposed(z, w);
        bool products = Enumerable.Range(0, csr.Rows).All(i =>
            Close(y[i], Enumerable.Range(0, csr.Columns).Sum(j => dense[i * csr.Columns + j] * x[j])));
        bool transposed = Enumerable.Range(0, csr.Columns).All(j =>
            Close(w[j], Enumerable.Range(0, csr.Rows).Sum(i => dense[i * csr.Columns + j] * z[i])));
        return products && transposed && new DenseMatrix(csr.Rows, csr.Columns, dense).ToCsr().Equals(csr);
    });

    [Fact]
    public void Products_check_the_lengths()
    {
        var csr = Fixtures.Csr;
        Assert.Throws<ArgumentException>(() => csr.Multiply(new double[4], new double[3]));
        Assert.Throws<ArgumentException>(() => csr.Multiply(new double[5], new double[2]));
        Assert.Throws<ArgumentException>(() => csr.MultiplyTransposed(new double[5], new double[5]));
        var y = new double[3];
        csr.Multiply(Fixtures.Truth, y);
        Assert.Equal(Fixtures.Y, y);
    }

    /// <summary>A random CSR matrix (about a third of the entries non-zero, none of them 0) and two vectors.</summary>
    private static Gen<(CsrMatrix, double[], double[])> RandomSparse() =>
        from rows in Gen.Choose(1, 8)
        from columns in Gen.Choose(1, 8)
        from seed in Gen.Choose(0, int.MaxValue)
        select Build(rows, columns, new Random(seed));

    private static (CsrMatrix, double[], double[]) Build(int rows, int columns, Random random)
    {
        var pointers = new List<int> { 0 };
        var indices = new List<int>();
        var values = new List<double>();
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                if (random.Next(3) != 0) continue;
                indices.Add(j);
                values.Add(random.NextDouble() * 4 - 2 + (random.Next(2) == 0 ? 3 : -3));
            }
            pointers.Add(indices.Count);
        }
        double[] Vector(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1)];
        return (new CsrMatrix(rows, columns, [.. pointers], [.. indices], [.. values]), Vector(columns), Vector(rows));
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(b));
}
