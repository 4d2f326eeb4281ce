using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Models;

public class LinearAlgebraTests
{
    /// <summary>A random rows×columns matrix with vectors for both products (sizes cover vector widths and remainders).</summary>
    public sealed record Case(int Rows, int Columns, double[] A, double[] X, double[] R)
    {
        public override string ToString() => $"{Rows}×{Columns}";
    }

    private static Gen<Case> Cases =>
        from rows in Gen.Choose(1, 23)
        from columns in Gen.Choose(1, 70)
        from seed in Gen.Choose(0, int.MaxValue)
        select Make(rows, columns, seed);

    private static Case Make(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        double Next() => random.NextDouble() * 4 - 2;
        var a = new double[rows * columns];
        for (int i = 0; i < a.Length; i++) a[i] = Next();
        var x = new double[columns];
        for (int i = 0; i < x.Length; i++) x[i] = Next();
        var r = new double[rows];
        for (int i = 0; i < r.Length; i++) r[i] = i % 5 == 3 ? 0 : Next();
        return new Case(rows, columns, a, x, r);
    }

    [Property(MaxTest = 200)]
    public Property Multiply_agrees_with_the_naive_loop() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var fast = new double[c.Rows];
        var naive = new double[c.Rows];
        LinearAlgebra.Multiply(c.A, c.Rows, c.Columns, c.X, fast);
        LinearAlgebra.NaiveMultiply(c.A, c.Rows, c.Columns, c.X, naive);
        return fast.Zip(naive).All(p => Math.Abs(p.First - p.Second) <= 1e-12 * Math.Max(1, Math.Abs(p.Second)));
    });

    [Property(MaxTest = 200)]
    public Property MultiplyTransposed_agrees_with_the_naive_loop() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var fast = Enumerable.Repeat(double.NaN, c.Columns + 3).ToArray(); // stale contents and a longer span are fine
        LinearAlgebra.MultiplyTransposed(c.A, c.Rows, c.Columns, c.R, fast);
        for (int n = 0; n < c.Columns; n++)
        {
            double sum = 0;
            for (int m = 0; m < c.Rows; m++) sum += c.A[m * c.Columns + n] * c.R[m];
            if (Math.Abs(fast[n] - sum) > 1e-12 * Math.Max(1, Math.Abs(sum))) return false;
        }
        return double.IsNaN(fast[c.Columns]);
    });

    [Property(MaxTest = 100)]
    public Property Cholesky_solves_random_positive_definite_systems() => Prop.ForAll(
        Gen.Choose(1, 30).SelectMany(n => Gen.Choose(0, int.MaxValue).Select(seed => (n, seed))).ToArbitrary(), t =>
    {
        var (n, seed) = t;
        var b = Make(n, n + 2, seed);
        // S = B Bᵀ + I is symmetric positive definite
        var s = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = i == j ? 1 : 0;
                for (int k = 0; k < n + 2; k++) sum += b.A[i * (n + 2) + k] * b.A[j * (n + 2) + k];
                s[i * n + j] = sum;
            }
        var factor = (double[])s.Clone();
        LinearAlgebra.Cholesky(factor, n);
        var x = b.R[..n];
        var rhs = new double[n];
        LinearAlgebra.Multiply(s, n, n, x, rhs);
        LinearAlgebra.CholeskySolve(factor, n, rhs);
        return x.Zip(rhs).All(p => Math.Abs(p.First - p.Second) <= 1e-9 * Math.Max(1, Math.Abs(p.First)));
    });

    [Fact]
    public void Cholesky_of_a_known_matrix()
    {
        // L = [[2,0,0],[1,3,0],[-1,2,1]], S = L Lᵀ
        double[] s = [4, 2, -2, 2, 10, 5, -2, 5, 6];
        LinearAlgebra.Cholesky(s, 3);
        Assert.Equal([2, 0, 0, 1, 3, 0, -1, 2, 1], s);
        // S x = b with x = (1, −2, 3): b = S x
        double[] b = [4 * 1 + 2 * -2 + -2 * 3, 2 * 1 + 10 * -2 + 5 * 3, -2 * 1 + 5 * -2 + 6 * 3];
        LinearAlgebra.CholeskySolve(s, 3, b);
        Assert.Equal(1, b[0], 13);
        Assert.Equal(-2, b[1], 13);
        Assert.Equal(3, b[2], 13);
    }

    [Fact]
    public void Cholesky_rejects_matrices_that_are_not_positive_definite()
    {
        double[] indefinite = [1, 2, 2, 1];
        var e = Assert.Throws<SymbolicException>(() => LinearAlgebra.Cholesky(indefinite, 2));
        Assert.Contains("not positive definite: pivot 1", e.Message);
        double[] zero = [0];
        Assert.Throws<SymbolicException>(() => LinearAlgebra.Cholesky(zero, 1));
        double[] nan = [double.NaN];
        Assert.Throws<SymbolicException>(() => LinearAlgebra.Cholesky(nan, 1));
    }

    [Fact]
    public void Short_spans_are_rejected()
    {
        var a = new double[6];
        Assert.Throws<ArgumentException>(() => LinearAlgebra.Multiply(a, 2, 3, new double[2], new double[2]));
        Assert.Throws<ArgumentException>(() => LinearAlgebra.Multiply(a, 2, 3, new double[3], new double[1]));
        Assert.Throws<ArgumentException>(() => LinearAlgebra.MultiplyTransposed(a, 2, 3, new double[1], new double[3]));
        Assert.Throws<ArgumentException>(() => LinearAlgebra.MultiplyTransposed(a, 3, 3, new double[3], new double[3]));
    }
}
