using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Flow;
using ImplicitBias.Symbolic.Models;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Models;

/// <summary>
/// A linear model on a CSR matrix: the same loss, residual, gradient, slopes, products, A diag(c) Aᵀ and rank as on
/// its dense form, no dense span of A, and the same checks of y.
/// </summary>
public class SparseModelTests
{
    /// <summary>A random matrix, mostly zeros (empty rows and columns included), in both forms.</summary>
    private static (CsrMatrix Sparse, double[] Dense) RandomMatrix(int rows, int columns, Random random)
    {
        var dense = new double[rows * columns];
        for (int i = 0; i < dense.Length; i++)
            if (random.Next(3) == 0) dense[i] = random.NextDouble() * 4 - 2;
        return (new DenseMatrix(rows, columns, dense).ToCsr(), dense);
    }

    private static Gen<(CsrMatrix, double[], Random)> Matrices() =>
        from rows in Gen.Choose(1, 8)
        from columns in Gen.Choose(1, 40)
        from seed in Gen.Choose(0, int.MaxValue)
        let random = new Random(seed)
        let matrix = RandomMatrix(rows, columns, random)
        select (matrix.Sparse, matrix.Dense, random);

    private static double[] Vector(Random random, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5)];

    private static bool Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        for (int i = 0; i < expected.Length; i++)
            if (!(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])))) return false;
        return true;
    }

    [Property(MaxTest = 100)]
    public Property A_sparse_model_evaluates_like_its_dense_form() => Prop.ForAll(Matrices().ToArbitrary(), t =>
    {
        var (csr, values, random) = t;
        int m = csr.Rows, n = csr.Columns;
        var link = random.Next(2) == 0 ? Link.Identity : Link.Parse("tanh");
        var loss = random.Next(2) == 0 ? Loss.Square : Loss.Parse("logcosh");
        double[] y = [.. Enumerable.Range(0, m).Select(_ => link.Value(random.NextDouble() - 0.5))];
        var sparse = new LinearModel(csr, y, loss, link);
        var dense = new LinearModel(values, m, n, y, loss, link);
        var x = Vector(random, n);
        var (rs, rd, gs, gd) = (new double[m], new double[m], new double[n], new double[n]);
        sparse.Residual(x, rs);
        dense.Residual(x, rd);
        sparse.Gradient(x, gs, new double[m]);
        dense.Gradient(x, gd, new double[m]);
        var (zs, zd, ss, sd) = (new double[m], new double[m], new double[m], new double[m]);
        sparse.Multiply(x, zs);
        dense.Multiply(x, zd);
        sparse.ResidualSlope(zs, ss);
        dense.ResidualSlope(zd, sd);
        var weights = Vector(random, n);
        var (gramSparse, gramDense) = (new double[m * m], new double[m * m]);
        WeightedGram.Compute(sparse.Matrix, weights, gramSparse, []);
        WeightedGram.Compute(dense.Matrix, weights, gramDense, new double[WeightedGram.ScratchLength(m, n)]);
        return Close([dense.LossValue(x, new double[m])], [sparse.LossValue(x, new double[m])])
            && Close(rd, rs) && Close(gd, gs) && Close(zd, zs) && Close(sd, ss) && Close(gramDense, gramSparse)
            && Close([dense.FrobeniusNorm()], [sparse.FrobeniusNorm()]) && sparse.IsSparse && !dense.IsSparse;
    });

    [Fact]
    public void A_large_gram_matrix_split_over_the_cores_is_the_dense_one()
    {
        // Σ nnz_j(nnz_j + 1)/2 = 30 000·36 > 2²⁰: the parallel path
        var a = SparseProblems.Matrix(40, 30_000, 8, seed: 3);
        Assert.True(a.GramWork > 1 << 20);
        var weights = Vector(new Random(4), a.Columns).Select(Math.Abs).ToArray();
        var (sparse, dense) = (new double[40 * 40], new double[40 * 40]);
        a.WeightedGram(weights, sparse);
        WeightedGram.ComputeParallel(a.ToDense(), 40, 30_000, weights, dense);
        Assert.True(Close(dense, sparse));
    }

    [Fact]
    public void A_sparse_model_keeps_its_matrix_and_gives_no_dense_span()
    {
        var a = new CsrMatrix(2, 3, [0, 1, 3], [2, 0, 1], [7, -1, 0.5]);
        var model = new LinearModel(a, [1, 2], Loss.Square, Link.Identity);
        Assert.Same(a, model.Matrix);
        Assert.True(model.IsSparse);
        var e = Assert.Throws<SymbolicException>(() => model.A.Length);
        Assert.Equal("A is sparse (2×3 CSR matrix, 3 non-zeros): read it through Matrix (a CsrMatrix) instead of as "
            + "a dense span", e.Message);
        Assert.Equal("2×3 sparse linear model (nnz 3), loss square, link identity", model.ToString());
        var dense = new LinearModel([0, 0, 7, -1, 0.5, 0], 2, 3, [1, 2], Loss.Square, Link.Identity);
        Assert.False(dense.IsSparse);
        Assert.Equal(new DenseMatrix(2, 3, [0, 0, 7, -1, 0.5, 0]), dense.Matrix);
        Assert.Equal(a, dense.Matrix.ToCsr());
        Assert.Equal("2×3 linear model, loss square, link identity", dense.ToString());
    }

    [Theory]
    [InlineData(new[] { 1.0 }, "y has 1 entries, expected 2 (one per row of A)")]
    [InlineData(new[] { 0.5, double.NaN }, "y[1] is not a finite number (NaN)")]
    [InlineData(new[] { 0.5, 1.5 }, "y[1] = 1.5 is outside the range (0, 1) of the sigmoid link")]
    public void The_matrix_constructor_checks_y_as_the_dense_one_does(double[] y, string message)
    {
        var a = new CsrMatrix(2, 3, [0, 1, 3], [2, 0, 1], [7, -1, 0.5]);
        var link = Link.Parse("sigmoid");
        Assert.Equal(message, Assert.Throws<SymbolicException>(() => new LinearModel(a, y, Loss.Square, link)).Message);
        Assert.Equal(message, Assert.Throws<SymbolicException>(
            () => new LinearModel(a.ToDense(), 2, 3, y, Loss.Square, link)).Message);
    }

    [Fact]
    public void Dense_products_check_their_lengths_as_the_sparse_ones_do()
    {
        var dense = new DenseMatrix(2, 3, [1, 2, 3, 4, 5, 6]);
        var y = new double[2];
        dense.Multiply([1, 1, 1], y);
        Assert.Equal([6, 15], y);
        var w = new double[3];
        dense.MultiplyTransposed([1, -1], w);
        Assert.Equal([-3, -3, -3], w);
        Assert.Throws<ArgumentException>(() => dense.Multiply(new double[4], new double[2]));
        Assert.Throws<ArgumentException>(() => dense.MultiplyTransposed(new double[2], new double[4]));
    }

    /// <summary>Rows 0 … M − 1 of a random sparse A, and then row 0 again with y shifted by <paramref name="shift"/>
    /// (0: consistent and rank deficient).</summary>
    internal static (CsrMatrix A, double[] Y) WithRepeatedRow(int rows, int columns, double shift, int seed)
    {
        var a = SparseProblems.Matrix(rows, columns, 2, seed).SelectRows([.. Enumerable.Range(0, rows), 0]);
        var x = Vector(new Random(seed), columns);
        var y = new double[rows + 1];
        a.Multiply(x, y);
        y[rows] += shift;
        return (a, y);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void The_rank_of_a_sparse_matrix_is_that_of_its_dense_form(double shift)
    {
        var (a, y) = WithRepeatedRow(6, 30, shift, seed: 2);
        var sparse = RowRank.Of(new LinearModel(a, y, Loss.Square, Link.Identity));
        var dense = RowRank.Of(new LinearModel(a.ToDense(), a.Rows, a.Columns, y, Loss.Square, Link.Identity));
        Assert.Equal(6, sparse.Rank);
        Assert.Equal(dense.Independent, sparse.Independent);
        Assert.Equal(dense.Inconsistency, sparse.Inconsistency, 12);
        Assert.Equal(shift > 0, sparse.Inconsistency > Verification.InconsistencyTolerance);
    }

    /// <summary>Rows whose largest entry is negative are scaled too: huge rows keep a finite Gram matrix.</summary>
    [Fact]
    public void Huge_rows_with_a_negative_largest_entry_keep_their_rank()
    {
        double[] a = [-3e300, 1e300, 0, 2e299, -1e300, 0];
        var dense = RowRank.Of(new LinearModel(a, 2, 3, [1, 2], Loss.Square, Link.Identity));
        var csr = new CsrMatrix(2, 3, [0, 2, 4], [0, 1, 0, 1], [-3e300, 1e300, 2e299, -1e300]);
        var sparse = RowRank.Of(new LinearModel(csr, [1, 2], Loss.Square, Link.Identity));
        Assert.Equal((2, 2), (dense.Rank, sparse.Rank));
        Assert.Equal(0, dense.Inconsistency);
    }

    [Fact]
    public void Rows_of_a_sparse_problem_stay_sparse()
    {
        var rho = Reparametrization.Parse("w^2", domain: "(0,inf)");
        var sparse = SparseProblems.Create(SparseProblems.Matrix(5, 30, 2, seed: 1), rho, 0.1, 3, seed: 1);
        int[] rows = [4, 1, 2];
        var kept = sparse.WithRows(rows);
        Assert.True(kept.Model.IsSparse);
        Assert.Equal(SparseProblems.Densified(sparse).WithRows(rows).Model.A.ToArray(), kept.Model.Matrix.ToDense());
        Assert.Equal(rows.Select(r => sparse.Model.Y[r]), kept.Model.Y.ToArray());
        Assert.StartsWith("3×30 sparse problem (nnz ", kept.ToString());
    }

    [Fact]
    public void Column_splits_cover_the_columns_in_order_and_share_the_work()
    {
        var a = SparseProblems.Matrix(20, 1000, 3, seed: 5);
        foreach (bool squared in new[] { false, true })
        {
            var splits = a.ColumnSplits(4, squared);
            Assert.Equal(0, splits[0]);
            Assert.Equal(1000, splits[^1]);
            Assert.True(splits.Zip(splits.Skip(1), (p, q) => q - p).All(width => width is > 200 and < 300));
        }
        Assert.Equal([0, 1, 1], new CsrMatrix(1, 1, [0, 0], [], []).ColumnSplits(2, squared: true));
    }
}
