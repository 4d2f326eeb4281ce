using System.Numerics.Tensors;

namespace ImplicitBias.Symbolic;

/// <summary>
/// One trial point of the dual Newton method: z = z₀ + Aᵀλ, x = ψ(z) and r = A x − b in a single sweep over A by
/// column blocks, so each block is read from memory once and used twice from cache (the products are memory-bound);
/// large A is split over the cores by columns.
/// </summary>
internal sealed class DualSweep(
    double[] a, int rows, int columns, double[] z0, Func<double, double> psi, Interval range, double[] b)
{
    private const int Block = 256;
    private readonly int _parts = (long)rows * columns < 1 << 20
        ? 1
        : Math.Max(1, Math.Min(Environment.ProcessorCount, columns / (8 * Block)));
    private readonly double[][] _sums =
        Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new double[rows]).ToArray();

    /// <summary>
    /// Fills z, x and r; returns max |r|, or NaN when some z leaves the range of Φ (or ψ is not finite there).
    /// </summary>
    public double Run(double[] lambda, double[] z, double[] x, double[] r)
    {
        int outside = 0;
        void Part(int part)
        {
            int from = (int)((long)columns * part / _parts), to = (int)((long)columns * (part + 1) / _parts);
            var sums = _sums[part];
            Array.Clear(sums);
            for (int start = from; start < to && Volatile.Read(ref outside) == 0; start += Block)
            {
                int width = Math.Min(Block, to - start);
                var zs = z.AsSpan(start, width);
                var xs = x.AsSpan(start, width);
                z0.AsSpan(start, width).CopyTo(zs);
                for (int k = 0; k < rows; k++)
                    if (lambda[k] != 0)
                        TensorPrimitives.MultiplyAdd(a.AsSpan(k * columns + start, width), lambda[k], zs, zs);
                for (int i = 0; i < width; i++)
                {
                    if (range.Contains(zs[i]) && double.IsFinite(xs[i] = psi(zs[i]))) continue;
                    Volatile.Write(ref outside, 1);
                    return;
                }
                for (int k = 0; k < rows; k++)
                    sums[k] += TensorPrimitives.Dot(a.AsSpan(k * columns + start, width), xs);
            }
        }
        if (_parts == 1) Part(0);
        else Parallel.For(0, _parts, Part);
        if (outside != 0) return double.NaN;
        double worst = 0;
        for (int k = 0; k < rows; k++)
        {
            double sum = 0;
            for (int part = 0; part < _parts; part++) sum += _sums[part][k];
            r[k] = sum - b[k];
            worst = Math.Max(worst, Math.Abs(r[k]));
        }
        return worst;
    }
}
