using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Flow;

namespace ImplicitBias.Symbolic.Tests.Flow;

/// <summary>The dense LU of the Newton and Woodbury solves: solutions, row-major layout, singularity test.</summary>
public class DenseLuTests
{
    private static double[] Entries(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => random.NextDouble() * 4 - 2).ToArray();
    }

    /// <summary>Factors a copy of the row-major <paramref name="matrix"/> and solves for b = matrix·x.</summary>
    private static double[] SolveFor(double[] matrix, int n, double[] x)
    {
        var lu = new DenseLu(n);
        matrix.CopyTo(lu.Matrix);
        Assert.True(lu.Factor());
        var b = new double[n];
        LinearAlgebra.Multiply(matrix, n, n, x, b);
        lu.Solve(b);
        return b;
    }

    private static bool Factors(int n, params double[] matrix)
    {
        var lu = new DenseLu(n);
        matrix.CopyTo(lu.Matrix);
        return lu.Factor();
    }

    [Property(MaxTest = 100)]
    public Property Solves_random_systems() => Prop.ForAll(
        Gen.Choose(1, 40).SelectMany(n => Gen.Choose(0, int.MaxValue).Select(seed => (n, seed))).ToArbitrary(), t =>
    {
        var (n, seed) = t;
        // nonsymmetric, so a transposed factorization would solve the wrong system
        var a = Entries(n * n, seed);
        for (int i = 0; i < n; i++) a[i * n + i] += n;
        var x = Entries(n, seed + 1);
        return x.Zip(SolveFor(a, n, x)).All(p => Math.Abs(p.First - p.Second) <= 1e-9 * Math.Max(1, Math.Abs(p.First)));
    });

    [Fact]
    public void Solves_a_known_system_that_needs_pivoting()
    {
        // a zero leading entry and no symmetry: row exchanges and the row-major layout both matter
        double[] a = [0, 2, 1, 1, 1, 0, 3, 0, 1];
        var x = SolveFor(a, 3, [1, -2, 3]);
        Assert.Equal(1, x[0], 13);
        Assert.Equal(-2, x[1], 13);
        Assert.Equal(3, x[2], 13);
    }

    [Fact]
    public void The_factors_serve_several_right_hand_sides_and_a_refill_refactors()
    {
        var lu = new DenseLu(2);
        double[] first = [2, 1, 1, 3];
        first.CopyTo(lu.Matrix);
        Assert.True(lu.Factor());
        double[] b = [3, 4], c = [2, 1];
        lu.Solve(b);
        lu.Solve(c);
        Assert.Equal([1, 1], b.Select(v => Math.Round(v, 12)));
        Assert.Equal([1, 0], c.Select(v => Math.Round(v, 12)));
        double[] singular = [1, 2, 2, 4];
        singular.CopyTo(lu.Matrix);
        Assert.False(lu.Factor());
        first.CopyTo(lu.Matrix);
        Assert.True(lu.Factor());
    }

    [Fact]
    public void Singular_and_near_singular_matrices_are_detected()
    {
        Assert.False(Factors(2, 1, 2, 2, 4));
        Assert.False(Factors(1, 0));
        Assert.False(Factors(1, double.NaN));
        Assert.False(Factors(2, 1, double.NaN, 0, 1));
        // 1 + 4e-16 rounds to 1 + 2ε: the second pivot, 4.4e-16, is below 1e-15 of the largest entry
        Assert.False(Factors(2, 1, 1, 1, 1 + 4e-16));
        Assert.False(Factors(3, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        // the test is relative: tiny but well-conditioned matrices factor
        Assert.True(Factors(2, 1e-200, 0, 0, 2e-200));
        Assert.True(Factors(2, 1, 1, 1, 1 + 1e-12));
    }

    [Fact]
    public void The_gram_matrix_of_dependent_rows_is_singular()
    {
        int m = 4, n = 30;
        var a = Entries(m * n, 5);
        a.AsSpan(0, n).CopyTo(a.AsSpan(3 * n, n)); // row 3 repeats row 0
        var lu = new DenseLu(m);
        var gram = new double[m * m];
        WeightedGram.ComputeParallel(a, m, n, Enumerable.Repeat(1.0, n).ToArray(), gram);
        gram.CopyTo(lu.Matrix);
        Assert.False(lu.Factor());
        Assert.True(double.IsNaN(Kkt.Residual(new DenseMatrix(m, n, a), Entries(n, 6), new double[n])));
    }
}
