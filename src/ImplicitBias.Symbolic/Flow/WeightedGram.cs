using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ImplicitBias.Symbolic.Flow;

/// <summary>
/// G = A·diag(c)·Aᵀ for a row-major M×N matrix: the M×M matrices of the Woodbury solves and of Newton's method.
/// Columns are processed in blocks whose weighted copy stays in cache; inside a block, 3×3 tiles of G are accumulated
/// in registers, so every load feeds three multiply-adds (M²N/2 multiply-adds in all). The entry points that take a
/// <see cref="LinearModel"/> hand a sparse A to <see cref="CsrMatrix.WeightedGram"/> (Σ nnz_j² column outer products).
/// </summary>
internal static class WeightedGram
{
    private const int Block = 256;
    private const int Tile = 3;

    /// <summary>The scratch length the dense <c>Compute</c> needs.</summary>
    public static int ScratchLength(int rows, int columns) => rows * Math.Min(columns, Block);

    /// <summary>The scratch length <c>Compute</c> needs for a matrix (none for a sparse one).</summary>
    public static int ScratchLength(MatrixData a) => a is CsrMatrix ? 0 : ScratchLength(a.Rows, a.Columns);

    /// <summary>
    /// A diag(c) Aᵀ: the blocked kernel on one core for a dense A, the column outer products of
    /// <see cref="CsrMatrix.WeightedGram"/> for a sparse one.
    /// </summary>
    /// <param name="a">A.</param>
    /// <param name="weights">c, length N.</param>
    /// <param name="result">M×M, row-major, overwritten (both triangles filled).</param>
    /// <param name="scratch">At least <c>ScratchLength(a)</c> doubles.</param>
    public static void Compute(MatrixData a, double[] weights, double[] result, double[] scratch)
    {
        switch (a)
        {
            case CsrMatrix sparse: sparse.WeightedGram(weights, result); break;
            case DenseMatrix dense: Compute(dense.Storage, a.Rows, a.Columns, weights, result, scratch); break;
        }
    }

    /// <summary>The same, with a large dense product split over the cores as by the other
    /// <c>ComputeParallel</c>.</summary>
    public static void ComputeParallel(MatrixData a, double[] weights, double[] result)
    {
        switch (a)
        {
            case CsrMatrix sparse: sparse.WeightedGram(weights, result); break;
            case DenseMatrix dense: ComputeParallel(dense.Storage, a.Rows, a.Columns, weights, result); break;
        }
    }

    /// <param name="a">A, row-major.</param>
    /// <param name="rows">M.</param>
    /// <param name="columns">N.</param>
    /// <param name="weights">c, length N.</param>
    /// <param name="result">M×M, row-major, overwritten (both triangles filled).</param>
    /// <param name="scratch">At least <c>ScratchLength(rows, columns)</c> doubles.</param>
    public static void Compute(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> weights,
        Span<double> result, Span<double> scratch)
    {
        result[..(rows * rows)].Clear();
        Accumulate(a, rows, columns, 0, columns, weights, result, scratch);
        LinearAlgebra.MirrorUpper(result, rows);
    }

    /// <summary>
    /// Large products (M²N above ~10⁸) split the columns over the cores: each computes the blocked product of its
    /// columns into its own M×M buffer, and the buffers are summed.
    /// </summary>
    public static void ComputeParallel(double[] a, int rows, int columns, double[] weights, double[] result)
    {
        int parts = Math.Min(Environment.ProcessorCount, Math.Max(1, columns / (8 * Block)));
        if ((double)rows * rows * columns < 1e8 || parts < 2)
        {
            Compute(a, rows, columns, weights, result, new double[ScratchLength(rows, columns)]);
            return;
        }
        var partial = new double[parts][];
        Parallel.For(0, parts, part =>
        {
            int from = (int)((long)columns * part / parts), to = (int)((long)columns * (part + 1) / parts);
            var buffer = new double[rows * rows];
            Accumulate(a, rows, columns, from, to, weights, buffer, new double[ScratchLength(rows, columns)]);
            partial[part] = buffer;
        });
        var total = result.AsSpan(0, rows * rows);
        total.Clear();
        foreach (var buffer in partial) TensorPrimitives.Add(total, buffer, total);
        LinearAlgebra.MirrorUpper(total, rows);
    }

    /// <summary>Adds the upper triangle of A[:, from..to]·diag(c)·A[:, from..to]ᵀ to
    /// <paramref name="result"/>.</summary>
    private static void Accumulate(ReadOnlySpan<double> a, int rows, int columns, int from, int to,
        ReadOnlySpan<double> weights, Span<double> result, Span<double> scratch)
    {
        for (int start = from; start < to; start += Block)
        {
            int width = Math.Min(Block, to - start);
            // the weighted rows of this block, contiguous: row i at i·width
            for (int i = 0; i < rows; i++)
                TensorPrimitives.Multiply(a.Slice(i * columns + start, width), weights.Slice(start, width),
                    scratch.Slice(i * width, width));
            for (int i = 0; i < rows; i += Tile)
                for (int j = i; j < rows; j += Tile)
                {
                    if (i + Tile <= rows && j + Tile <= rows)
                        FullTile(scratch, width, a, columns, start, i, j, result, rows);
                    else
                        EdgeTile(scratch, width, a, columns, start, i, j, result, rows);
                }
        }
    }

    /// <summary>G[i..i+3, j..j+3] += Σ_k B[i.., k]·A[j.., start + k] with nine vector accumulators.</summary>
    private static void FullTile(ReadOnlySpan<double> weighted, int width, ReadOnlySpan<double> a, int columns,
        int start, int i, int j, Span<double> result, int rows)
    {
        ref double b0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(weighted), i * width);
        ref double b1 = ref Unsafe.Add(ref b0, width);
        ref double b2 = ref Unsafe.Add(ref b1, width);
        ref double a0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(a), j * columns + start);
        ref double a1 = ref Unsafe.Add(ref a0, columns);
        ref double a2 = ref Unsafe.Add(ref a1, columns);
        Vector256<double> s00 = default, s01 = default, s02 = default, s10 = default, s11 = default, s12 = default,
            s20 = default, s21 = default, s22 = default;
        int k = 0;
        for (; k <= width - Vector256<double>.Count; k += Vector256<double>.Count)
        {
            var x0 = Vector256.LoadUnsafe(ref b0, (nuint)k);
            var x1 = Vector256.LoadUnsafe(ref b1, (nuint)k);
            var x2 = Vector256.LoadUnsafe(ref b2, (nuint)k);
            var y = Vector256.LoadUnsafe(ref a0, (nuint)k);
            s00 = Vector256.FusedMultiplyAdd(x0, y, s00);
            s10 = Vector256.FusedMultiplyAdd(x1, y, s10);
            s20 = Vector256.FusedMultiplyAdd(x2, y, s20);
            y = Vector256.LoadUnsafe(ref a1, (nuint)k);
            s01 = Vector256.FusedMultiplyAdd(x0, y, s01);
            s11 = Vector256.FusedMultiplyAdd(x1, y, s11);
            s21 = Vector256.FusedMultiplyAdd(x2, y, s21);
            y = Vector256.LoadUnsafe(ref a2, (nuint)k);
            s02 = Vector256.FusedMultiplyAdd(x0, y, s02);
            s12 = Vector256.FusedMultiplyAdd(x1, y, s12);
            s22 = Vector256.FusedMultiplyAdd(x2, y, s22);
        }
        double t00 = Vector256.Sum(s00), t01 = Vector256.Sum(s01), t02 = Vector256.Sum(s02),
            t10 = Vector256.Sum(s10), t11 = Vector256.Sum(s11), t12 = Vector256.Sum(s12),
            t20 = Vector256.Sum(s20), t21 = Vector256.Sum(s21), t22 = Vector256.Sum(s22);
        for (; k < width; k++)
        {
            double x0 = Unsafe.Add(ref b0, k), x1 = Unsafe.Add(ref b1, k), x2 = Unsafe.Add(ref b2, k);
            double y0 = Unsafe.Add(ref a0, k), y1 = Unsafe.Add(ref a1, k), y2 = Unsafe.Add(ref a2, k);
            t00 += x0 * y0; t01 += x0 * y1; t02 += x0 * y2;
            t10 += x1 * y0; t11 += x1 * y1; t12 += x1 * y2;
            t20 += x2 * y0; t21 += x2 * y1; t22 += x2 * y2;
        }
        int r0 = i * rows + j, r1 = r0 + rows, r2 = r1 + rows;
        result[r0] += t00; result[r0 + 1] += t01; result[r0 + 2] += t02;
        result[r1] += t10; result[r1 + 1] += t11; result[r1 + 2] += t12;
        result[r2] += t20; result[r2 + 1] += t21; result[r2 + 2] += t22;
    }

    /// <summary>A tile cut by the last row: one dot product per entry.</summary>
    private static void EdgeTile(ReadOnlySpan<double> weighted, int width, ReadOnlySpan<double> a, int columns,
        int start, int i, int j, Span<double> result, int rows)
    {
        for (int p = i; p < Math.Min(i + Tile, rows); p++)
            for (int q = j; q < Math.Min(j + Tile, rows); q++)
                result[p * rows + q] +=
                    TensorPrimitives.Dot(weighted.Slice(p * width, width), a.Slice(q * columns + start, width));
    }
}
