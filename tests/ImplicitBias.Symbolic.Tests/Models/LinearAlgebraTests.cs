using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Models;

public class LinearAlgebraTests
{
    /// <summary>
    /// A random rows×columns matrix with vectors for both products (sizes cover vector widths and remainders).
    /// </summary>
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
