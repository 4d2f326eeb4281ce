using ImplicitBias.Symbolic.Models;

namespace ImplicitBias.Symbolic;

/// <summary>
/// A sparse matrix in compressed sparse row form, the layout of scipy.sparse.csr_matrix: the entries of row i are
/// <c>Values[RowPointers[i] .. RowPointers[i + 1]]</c> in the columns <c>ColumnIndices[...]</c> (strictly increasing
/// within a row). scipy calls the three arrays indptr, indices and data, and the messages use those names. The
/// column-wise kernels a <see cref="LinearModel"/> runs on it are in CsrMatrix.Columns.cs.
/// </summary>
public sealed partial record CsrMatrix : MatrixData
{
    private readonly int[] _rowPointers, _columnIndices;
    private readonly double[] _values;

    /// <summary>Builds the matrix from copies of the arrays.</summary>
    /// <param name="rows">M ≥ 1.</param>
    /// <param name="columns">N ≥ 1.</param>
    /// <param name="rowPointers">indptr: Rows + 1 entries, from 0 up to the number of values, non-decreasing.</param>
    /// <param name="columnIndices">indices: one column per value, in 0 … Columns − 1, increasing within a row.</param>
    /// <param name="values">data: the stored entries, all finite.</param>
    /// <exception cref="SymbolicException">
    /// The first bad entry, named: "indptr has 3 entries, expected 4 (one per row of A, plus one)",
    /// "indptr[2] = 1 is less than indptr[1] = 3", "indices[4] = 5 is outside the columns 0 … 4 of A (row 1)",
    /// "indices[3] = 2 follows 3 in row 1 (the columns of a row must increase strictly)",
    /// "data[5] (A[2][0]) is not a finite number (NaN)".
    /// </exception>
    public CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values)
        : this(Copy(rowPointers, nameof(rowPointers)), Copy(columnIndices, nameof(columnIndices)),
            Copy(values, nameof(values)), rows, columns)
    {
    }

    // Takes the arrays without copying: the library hands over arrays nobody else holds (see Adopt).
    private CsrMatrix(int[] rowPointers, int[] columnIndices, double[] values, int rows, int columns)
        : base(rows, columns)
    {
        RequirePointers(rowPointers, rows, values.Length);
        if (columnIndices.Length != values.Length)
            throw new SymbolicException(
                $"indices has {columnIndices.Length} entries, expected {values.Length} (one per entry of data)");
        for (int i = 0; i < rows; i++)
            RequireRow(i, rowPointers, columnIndices, values, columns);
        _rowPointers = rowPointers;
        _columnIndices = columnIndices;
        _values = values;
    }

    /// <summary>The matrix over the arrays themselves, validated but not copied.</summary>
    internal static CsrMatrix Adopt(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values) =>
        new(rowPointers, columnIndices, values, rows, columns);

    /// <summary>indptr: row i holds the entries RowPointers[i] … RowPointers[i + 1] − 1; Rows + 1 entries.</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>indices: the column of each stored entry.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columnIndices;

    /// <summary>data: the stored entries.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <inheritdoc/>
    public override int NonZeros => _values.Length;

    /// <inheritdoc/>
    public override double[] ToDense()
    {
        RequireDenseSize();
        var dense = new double[Rows * Columns];
        for (int i = 0; i < Rows; i++)
            for (int k = _rowPointers[i]; k < _rowPointers[i + 1]; k++)
                dense[i * Columns + _columnIndices[k]] = _values[k];
        return dense;
    }

    /// <inheritdoc/>
    public override CsrMatrix ToCsr() => this;

    /// <inheritdoc/>
    public override void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        RequireLength(x.Length, Columns, nameof(x));
        RequireLength(y.Length, Rows, nameof(y));
        for (int i = 0; i < Rows; i++)
        {
            double sum = 0;
            for (int k = _rowPointers[i]; k < _rowPointers[i + 1]; k++) sum += _values[k] * x[_columnIndices[k]];
            y[i] = sum;
        }
    }

    /// <inheritdoc/>
    public override void MultiplyTransposed(ReadOnlySpan<double> x, Span<double> y)
    {
        RequireLength(x.Length, Rows, nameof(x));
        RequireLength(y.Length, Columns, nameof(y));
        y.Clear();
        for (int i = 0; i < Rows; i++)
        {
            double xi = x[i];
            for (int k = _rowPointers[i]; k < _rowPointers[i + 1]; k++) y[_columnIndices[k]] += _values[k] * xi;
        }
    }

    /// <summary>
    /// Aᵀ, Columns × Rows, in CSR form: the compressed sparse column (CSC) layout of A, as MATLAB stores it. A counting
    /// sort by column, so each row of Aᵀ comes out sorted; O(NonZeros + Columns).
    /// </summary>
    public CsrMatrix Transpose()
    {
        var pointers = new int[Columns + 1];
        foreach (int j in _columnIndices) pointers[j + 1]++;
        for (int j = 0; j < Columns; j++) pointers[j + 1] += pointers[j];
        var next = pointers[..Columns];
        var indices = new int[NonZeros];
        var values = new double[NonZeros];
        for (int i = 0; i < Rows; i++)
        {
            for (int k = _rowPointers[i]; k < _rowPointers[i + 1]; k++)
            {
                int position = next[_columnIndices[k]]++;
                indices[position] = i;
                values[position] = _values[k];
            }
        }
        return new CsrMatrix(pointers, indices, values, Columns, Rows);
    }

    /// <summary>Same shape and the same three arrays.</summary>
    public bool Equals(CsrMatrix? other) =>
        other is not null && Rows == other.Rows && Columns == other.Columns
        && RowPointers.SequenceEqual(other.RowPointers) && ColumnIndices.SequenceEqual(other.ColumnIndices)
        && Values.SequenceEqual(other.Values);

    /// <summary>A hash of the shape and the non-zero count.</summary>
    public override int GetHashCode() => HashCode.Combine(Rows, Columns, NonZeros);

    private static T[] Copy<T>(T[] array, string name) =>
        (T[])(array ?? throw new ArgumentNullException(name)).Clone();

    private static void RequirePointers(int[] pointers, int rows, int count)
    {
        if (pointers.Length != (long)rows + 1)
            throw new SymbolicException(
                $"indptr has {pointers.Length} entries, expected {(long)rows + 1} (one per row of A, plus one)");
        if (pointers[0] != 0) throw new SymbolicException($"indptr[0] = {pointers[0]}, expected 0");
        for (int i = 1; i <= rows; i++)
            if (pointers[i] < pointers[i - 1])
                throw new SymbolicException(
                    $"indptr[{i}] = {pointers[i]} is less than indptr[{i - 1}] = {pointers[i - 1]}");
        if (pointers[rows] != count)
            throw new SymbolicException(
                $"indptr[{rows}] = {pointers[rows]}, expected {count} (the number of entries of data)");
    }

    private static void RequireRow(int row, int[] pointers, int[] indices, double[] values, int columns)
    {
        for (int k = pointers[row]; k < pointers[row + 1]; k++)
        {
            int j = indices[k];
            if (j < 0 || j >= columns)
                throw new SymbolicException(
                    $"indices[{k}] = {j} is outside the columns 0 … {columns - 1} of A (row {row})");
            if (k > pointers[row] && j <= indices[k - 1])
                throw new SymbolicException(
                    $"indices[{k}] = {j} follows {indices[k - 1]} in row {row} "
                    + "(the columns of a row must increase strictly)");
            if (!double.IsFinite(values[k]))
                throw new SymbolicException(
                    $"data[{k}] (A[{row}][{j}]) is not a finite number ({ModelNumerics.Text(values[k])})");
        }
    }
}
