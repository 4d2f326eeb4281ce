using System.Numerics.Tensors;

namespace ImplicitBias.Symbolic;

/// <summary>
/// One trial point of the dual Newton method: z = z₀ + Aᵀλ, x = ψ(z) and r = A x − b in a single sweep over A, so
/// each part of A is read from memory once and used twice from cache (the products are memory-bound). A dense A is
/// swept by column blocks; a sparse one column by column (z_j from the column's entries, then x_j added back along
/// them). Large A is split over the cores by columns (a sparse one balanced by its entries).
/// </summary>
internal sealed class DualSweep
{
    private const int Block = 256;
    private readonly double[]? _dense;
    private readonly CsrMatrix? _columns; // the CSC form of a sparse A
    private readonly int _rows, _parts;
    private readonly int[] _splits;
    private readonly double[] _z0, _b;
    private readonly Func<double, double> _psi;
    private readonly Interval _range;
    private readonly double[][] _sums;

    /// <summary>The sweep over a dense row-major rows×columns A.</summary>
    public DualSweep(double[] a, int rows, int columns, double[] z0, Func<double, double> psi, Interval range,
        double[] b)
        : this(a, null, rows, DenseSplits(rows, columns), z0, psi, range, b)
    {
    }

    /// <summary>The sweep over a sparse A, by its columns.</summary>
    public DualSweep(CsrMatrix a, double[] z0, Func<double, double> psi, Interval range, double[] b)
        : this(null, a.ByColumns, a.Rows,
            a.ColumnSplits((long)a.NonZeros + a.Columns < 1 << 18 ? 1 : Environment.ProcessorCount, squared: false),
            z0, psi, range, b)
    {
    }

    private DualSweep(double[]? dense, CsrMatrix? columns, int rows, int[] splits, double[] z0,
        Func<double, double> psi, Interval range, double[] b)
    {
        (_dense, _columns, _rows, _splits, _z0, _psi, _range, _b) = (dense, columns, rows, splits, z0, psi, range, b);
        _parts = splits.Length - 1;
        _sums = Enumerable.Range(0, _parts).Select(_ => new double[rows]).ToArray();
    }

    /// <summary>Column blocks of a dense A: one part below 2²⁰ entries, else one per core (at least 8 blocks
    /// each).</summary>
    private static int[] DenseSplits(int rows, int columns)
    {
        int parts = (long)rows * columns < 1 << 20
            ? 1
            : Math.Max(1, Math.Min(Environment.ProcessorCount, columns / (8 * Block)));
        return [.. Enumerable.Range(0, parts + 1).Select(p => (int)((long)columns * p / parts))];
    }

    /// <summary>
    /// Fills z, x and r; returns max |r|, or NaN when some z leaves the range of Φ (or ψ is not finite there).
    /// </summary>
    public double Run(double[] lambda, double[] z, double[] x, double[] r)
    {
        int outside = 0;
        void Part(int part)
        {
            var sums = _sums[part];
            Array.Clear(sums);
            bool inside = _dense is not null
                ? DensePart(_dense, _splits[part], _splits[part + 1], lambda, z, x, sums, ref outside)
                : SparsePart(_splits[part], _splits[part + 1], lambda, z, x, sums, ref outside);
            if (!inside) Volatile.Write(ref outside, 1);
        }
        if (_parts == 1) Part(0);
        else Parallel.For(0, _parts, Part);
        if (outside != 0) return double.NaN;
        double worst = 0;
        for (int k = 0; k < _rows; k++)
        {
            double sum = 0;
            for (int part = 0; part < _parts; part++) sum += _sums[part][k];
            r[k] = sum - _b[k];
            worst = Math.Max(worst, Math.Abs(r[k]));
        }
        return worst;
    }

    /// <summary>Columns from..to of a dense A, block by block; false when a z leaves the range.</summary>
    private bool DensePart(double[] a, int from, int to, double[] lambda, double[] z, double[] x, double[] sums,
        ref int outside)
    {
        int columns = a.Length / _rows;
        for (int start = from; start < to && Volatile.Read(ref outside) == 0; start += Block)
        {
            int width = Math.Min(Block, to - start);
            var zs = z.AsSpan(start, width);
            var xs = x.AsSpan(start, width);
            _z0.AsSpan(start, width).CopyTo(zs);
            for (int k = 0; k < _rows; k++)
                if (lambda[k] != 0)
                    TensorPrimitives.MultiplyAdd(a.AsSpan(k * columns + start, width), lambda[k], zs, zs);
            for (int i = 0; i < width; i++)
                if (!_range.Contains(zs[i]) || !double.IsFinite(xs[i] = _psi(zs[i]))) return false;
            for (int k = 0; k < _rows; k++)
                sums[k] += TensorPrimitives.Dot(a.AsSpan(k * columns + start, width), xs);
        }
        return true;
    }

    /// <summary>Columns from..to of a sparse A, each read once for z_j and once for x_j; false when a z leaves the
    /// range.</summary>
    private bool SparsePart(int from, int to, double[] lambda, double[] z, double[] x, double[] sums,
        ref int outside)
    {
        ReadOnlySpan<int> pointers = _columns!.RowPointers, rows = _columns.ColumnIndices;
        ReadOnlySpan<double> values = _columns.Values;
        for (int j = from; j < to; j++)
        {
            if ((j & 1023) == 0 && Volatile.Read(ref outside) != 0) return true;
            int start = pointers[j], end = pointers[j + 1];
            double zj = _z0[j];
            for (int k = start; k < end; k++) zj += values[k] * lambda[rows[k]];
            z[j] = zj;
            double xj;
            if (!_range.Contains(zj) || !double.IsFinite(xj = _psi(zj))) return false;
            x[j] = xj;
            for (int k = start; k < end; k++) sums[rows[k]] += values[k] * xj;
        }
        return true;
    }
}
