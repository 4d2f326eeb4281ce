using System.Numerics.Tensors;

namespace ImplicitBias.Symbolic;

// The kernels a sparse LinearModel runs (M ≪ N): they go over the columns of A, kept once as the CSR form of Aᵀ, so
// x and Aᵀr are read and written in order while the M-vectors they gather from or add into stay in cache. None of
// them forms an M×N array.
public sealed partial record CsrMatrix
{
    /// <summary>Products worth splitting over the cores (multiply-adds).</summary>
    private const long ParallelWork = 1 << 20;

    private CsrMatrix? _byColumns;
    private long _gramWork = -1;

    /// <summary>
    /// Aᵀ in CSR form, the CSC layout of A (row j holds column j: its rows ascending and their values), built on
    /// first use and kept with the matrix: a sparse model holds A twice, 12 bytes per entry each.
    /// </summary>
    internal CsrMatrix ByColumns => LazyInitializer.EnsureInitialized(ref _byColumns, Transpose);

    /// <summary>Σ_j nnz_j(nnz_j + 1)/2 over the columns: the multiply-adds of <see cref="WeightedGram"/>.</summary>
    internal long GramWork
    {
        get
        {
            if (_gramWork >= 0) return _gramWork;
            var pointers = ByColumns._rowPointers;
            long work = 0;
            for (int j = 0; j < Columns; j++)
            {
                long count = pointers[j + 1] - pointers[j];
                work += count * (count + 1) / 2;
            }
            return _gramWork = work;
        }
    }

    /// <summary>z = A x column by column (z += x_j a_j, columns with x_j = 0 skipped).</summary>
    /// <param name="x">At least Columns entries.</param>
    /// <param name="z">At least Rows entries (the leading Rows are overwritten); must not overlap x.</param>
    internal void ColumnMultiply(ReadOnlySpan<double> x, Span<double> z)
    {
        var t = ByColumns;
        ReadOnlySpan<int> pointers = t._rowPointers, rows = t._columnIndices;
        ReadOnlySpan<double> values = t._values;
        z = z[..Rows];
        z.Clear();
        for (int j = 0; j < Columns; j++)
        {
            double xj = x[j];
            if (xj == 0) continue;
            for (int k = pointers[j]; k < pointers[j + 1]; k++) z[rows[k]] += values[k] * xj;
        }
    }

    /// <summary>g = Aᵀ r column by column (g_j = ⟨a_j, r⟩).</summary>
    /// <param name="r">At least Rows entries.</param>
    /// <param name="g">At least Columns entries (the leading Columns are overwritten); must not overlap r.</param>
    internal void ColumnMultiplyTransposed(ReadOnlySpan<double> r, Span<double> g)
    {
        var t = ByColumns;
        ReadOnlySpan<int> pointers = t._rowPointers, rows = t._columnIndices;
        ReadOnlySpan<double> values = t._values;
        for (int j = 0; j < Columns; j++)
        {
            double sum = 0;
            for (int k = pointers[j]; k < pointers[j + 1]; k++) sum += values[k] * r[rows[k]];
            g[j] = sum;
        }
    }

    /// <summary>
    /// G = A diag(c) Aᵀ as Σ_j c_j a_j a_jᵀ: column j adds the outer product of its nnz_j entries, so the cost is
    /// <see cref="GramWork"/> multiply-adds instead of the M²N/2 of the dense product. When that is large next to M²,
    /// the columns are split over the cores (balanced by their work), each part adds into its own M×M buffer, and
    /// the buffers are summed.
    /// </summary>
    /// <param name="weights">c, Columns entries.</param>
    /// <param name="result">M×M row-major, overwritten (both triangles filled).</param>
    internal void WeightedGram(double[] weights, double[] result)
    {
        int m = Rows, parts = Environment.ProcessorCount;
        var gram = result.AsSpan(0, m * m);
        if (parts < 2 || GramWork < Math.Max(ParallelWork, 4L * m * m))
        {
            gram.Clear();
            AddOuterProducts(0, Columns, weights, result);
        }
        else
        {
            var splits = ColumnSplits(parts, squared: true);
            var partial = new double[parts][];
            Parallel.For(0, parts, part =>
            {
                var buffer = new double[m * m];
                AddOuterProducts(splits[part], splits[part + 1], weights, buffer);
                partial[part] = buffer;
            });
            gram.Clear();
            foreach (var buffer in partial) TensorPrimitives.Add(gram, buffer, gram);
        }
        LinearAlgebra.MirrorUpper(gram, m);
    }

    /// <summary>Adds the upper triangle of Σ_{from ≤ j &lt; to} c_j a_j a_jᵀ to <paramref name="gram"/>.</summary>
    private void AddOuterProducts(int from, int to, double[] weights, double[] gram)
    {
        var t = ByColumns;
        int m = Rows;
        ReadOnlySpan<int> pointers = t._rowPointers, rows = t._columnIndices;
        ReadOnlySpan<double> values = t._values;
        for (int j = from; j < to; j++)
        {
            double c = weights[j];
            if (c == 0) continue;
            int end = pointers[j + 1];
            // the rows of a column increase, so (rows[p], rows[q]) with q ≥ p lies in the upper triangle
            for (int p = pointers[j]; p < end; p++)
            {
                double v = c * values[p];
                var row = gram.AsSpan(rows[p] * m, m);
                for (int q = p; q < end; q++) row[rows[q]] += v * values[q];
            }
        }
    }

    /// <summary>
    /// Column boundaries 0 = s₀ ≤ s₁ ≤ … ≤ s_parts = Columns that share the work evenly: nnz_j + 1 per column for a
    /// sweep (its products and one evaluation), nnz_j(nnz_j + 1)/2 for the Gram matrix.
    /// </summary>
    internal int[] ColumnSplits(int parts, bool squared)
    {
        var pointers = ByColumns._rowPointers;
        double total = squared ? GramWork : (double)NonZeros + Columns, done = 0;
        var splits = new int[parts + 1];
        splits[parts] = Columns;
        int next = 1;
        for (int j = 0; j < Columns && next < parts; j++)
        {
            long count = pointers[j + 1] - pointers[j];
            done += squared ? count * (count + 1) / 2 : count + 1;
            while (next < parts && done >= total * next / parts) splits[next++] = j + 1;
        }
        while (next < parts) splits[next++] = Columns;
        return splits;
    }

    /// <summary>max_i Σ_j |A_ij|·size_j, row by row.</summary>
    /// <param name="size">Columns entries.</param>
    internal double MaxRowAbsDot(ReadOnlySpan<double> size)
    {
        double worst = 0;
        for (int i = 0; i < Rows; i++)
        {
            double sum = 0;
            for (int k = _rowPointers[i]; k < _rowPointers[i + 1]; k++)
                sum += Math.Abs(_values[k]) * size[_columnIndices[k]];
            worst = Math.Max(worst, sum);
        }
        return worst;
    }

    /// <summary>The matrix of the given rows of A, in that order.</summary>
    /// <exception cref="SymbolicException">No rows.</exception>
    internal CsrMatrix SelectRows(IReadOnlyList<int> rows)
    {
        var pointers = new int[rows.Count + 1];
        for (int k = 0; k < rows.Count; k++)
            pointers[k + 1] = pointers[k] + _rowPointers[rows[k] + 1] - _rowPointers[rows[k]];
        var indices = new int[pointers[^1]];
        var values = new double[pointers[^1]];
        for (int k = 0; k < rows.Count; k++)
        {
            int from = _rowPointers[rows[k]], count = pointers[k + 1] - pointers[k];
            Array.Copy(_columnIndices, from, indices, pointers[k], count);
            Array.Copy(_values, from, values, pointers[k], count);
        }
        return new CsrMatrix(pointers, indices, values, rows.Count, Columns);
    }

    /// <summary>Row i divided by divisors[i] (the index arrays are shared: both matrices are immutable).</summary>
    internal CsrMatrix DivideRows(ReadOnlySpan<double> divisors)
    {
        var values = new double[NonZeros];
        for (int i = 0; i < Rows; i++)
        {
            int from = _rowPointers[i], count = _rowPointers[i + 1] - from;
            TensorPrimitives.Divide(_values.AsSpan(from, count), divisors[i], values.AsSpan(from, count));
        }
        return new CsrMatrix(_rowPointers, _columnIndices, values, Rows, Columns);
    }
}
