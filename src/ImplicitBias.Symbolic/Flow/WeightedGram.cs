using System.Numerics.Tensors;

namespace ImplicitBias.Symbolic.Flow;

/// <summary>
/// G = A·diag(c)·Aᵀ for a row-major M×N matrix: the M×M matrices of the Woodbury solves and of Newton's method.
/// Columns are processed in blocks that stay in cache, so A streams from memory once per product (M²N/2 multiply-adds).
/// </summary>
internal static class WeightedGram
{
    private const int Block = 512;

    /// <param name="a">A, row-major.</param>
    /// <param name="rows">M.</param>
    /// <param name="columns">N.</param>
    /// <param name="weights">c, length N.</param>
    /// <param name="result">M×M, row-major, overwritten (both triangles filled).</param>
    /// <param name="scratch">At least min(N, 512) doubles.</param>
    public static void Compute(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> weights, Span<double> result, Span<double> scratch)
    {
        result[..(rows * rows)].Clear();
        for (int start = 0; start < columns; start += Block)
        {
            int width = Math.Min(Block, columns - start);
            var weighted = scratch[..width];
            var c = weights.Slice(start, width);
            for (int i = 0; i < rows; i++)
            {
                TensorPrimitives.Multiply(a.Slice(i * columns + start, width), c, weighted);
                for (int j = i; j < rows; j++)
                    result[i * rows + j] += TensorPrimitives.Dot(weighted, a.Slice(j * columns + start, width));
            }
        }
        Symmetrize(result, rows);
    }

    /// <summary>
    /// Large products (M²N above ~10⁸) split the columns over the cores: each computes the blocked product of its
    /// columns into its own M×M buffer, and the buffers are summed.
    /// </summary>
    public static void ComputeParallel(double[] a, int rows, int columns, double[] weights, double[] result)
    {
        int parts = Math.Min(Environment.ProcessorCount, Math.Max(1, columns / (8 * Block)));
        if ((double)rows * rows * columns < 1e8 || parts < 2) { Compute(a, rows, columns, weights, result, new double[Math.Min(columns, Block)]); return; }
        var partial = new double[parts][];
        Parallel.For(0, parts, part =>
        {
            int from = (int)((long)columns * part / parts), to = (int)((long)columns * (part + 1) / parts);
            var buffer = new double[rows * rows];
            var scratch = new double[Block];
            for (int start = from; start < to; start += Block)
            {
                int width = Math.Min(Block, to - start);
                var weighted = scratch.AsSpan(0, width);
                for (int i = 0; i < rows; i++)
                {
                    TensorPrimitives.Multiply(a.AsSpan(i * columns + start, width), weights.AsSpan(start, width), weighted);
                    for (int j = i; j < rows; j++)
                        buffer[i * rows + j] += TensorPrimitives.Dot(weighted, a.AsSpan(j * columns + start, width));
                }
            }
            partial[part] = buffer;
        });
        Array.Clear(result, 0, rows * rows);
        foreach (var buffer in partial) TensorPrimitives.Add(result.AsSpan(0, rows * rows), buffer, result.AsSpan(0, rows * rows));
        Symmetrize(result, rows);
    }

    private static void Symmetrize(Span<double> result, int rows)
    {
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < i; j++) result[i * rows + j] = result[j * rows + i];
    }
}
