using ImplicitBias.Symbolic.Models;

namespace ImplicitBias.Symbolic;

/// <summary>A dense matrix: Rows × Columns finite values, row-major (entry [i][j] at index i·Columns + j).</summary>
public sealed record DenseMatrix : MatrixData
{
    private readonly double[] _values;
    private readonly int _nonZeros;

    /// <summary>Builds the matrix from a copy of <paramref name="values"/>.</summary>
    /// <param name="rows">M ≥ 1.</param>
    /// <param name="columns">N ≥ 1.</param>
    /// <param name="values">Row-major, length rows × columns, all finite.</param>
    /// <exception cref="SymbolicException">
    /// A bad size ("A has 14 entries, expected 3×5 = 15") or a value that is not finite ("A[1][2] is not a finite
    /// number (NaN)", 0-based).
    /// </exception>
    public DenseMatrix(int rows, int columns, double[] values)
        : this((double[])(values ?? throw new ArgumentNullException(nameof(values))).Clone(), rows, columns)
    {
    }

    // Takes the array without copying: the library hands over arrays nobody else holds (see Adopt).
    private DenseMatrix(double[] values, int rows, int columns) : base(rows, columns)
    {
        long expected = (long)rows * columns;
        if (values.Length != expected)
            throw new SymbolicException($"A has {values.Length} entries, expected {rows}×{columns} = {expected}");
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new SymbolicException(
                    $"A[{i / columns}][{i % columns}] is not a finite number ({ModelNumerics.Text(values[i])})");
            if (values[i] != 0) _nonZeros++;
        }
        _values = values;
    }

    /// <summary>The matrix over <paramref name="values"/> itself, validated but not copied.</summary>
    internal static DenseMatrix Adopt(int rows, int columns, double[] values) => new(values, rows, columns);

    /// <summary>The values, row-major.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The values as the matrix's own array, for kernels that split it over threads (spans cannot cross
    /// them); read-only.</summary>
    internal double[] Storage => _values;

    /// <inheritdoc/>
    public override int NonZeros => _nonZeros;

    /// <summary>Entry [row][column] (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index outside the matrix.</exception>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
            return _values[row * Columns + column];
        }
    }

    /// <inheritdoc/>
    public override double[] ToDense() => (double[])_values.Clone();

    /// <inheritdoc/>
    public override CsrMatrix ToCsr()
    {
        var pointers = new int[Rows + 1];
        var indices = new int[_nonZeros];
        var values = new double[_nonZeros];
        int k = 0;
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                double v = _values[i * Columns + j];
                if (v == 0) continue;
                indices[k] = j;
                values[k++] = v;
            }
            pointers[i + 1] = k;
        }
        return CsrMatrix.Adopt(Rows, Columns, pointers, indices, values);
    }

    /// <inheritdoc/>
    public override void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        RequireLength(x.Length, Columns, nameof(x));
        RequireLength(y.Length, Rows, nameof(y));
        LinearAlgebra.Multiply(_values, Rows, Columns, x, y);
    }

    /// <inheritdoc/>
    public override void MultiplyTransposed(ReadOnlySpan<double> x, Span<double> y)
    {
        RequireLength(x.Length, Rows, nameof(x));
        RequireLength(y.Length, Columns, nameof(y));
        LinearAlgebra.MultiplyTransposed(_values, Rows, Columns, x, y);
    }

    /// <summary>Same shape and the same values.</summary>
    public bool Equals(DenseMatrix? other) =>
        other is not null && Rows == other.Rows && Columns == other.Columns && Values.SequenceEqual(other.Values);

    /// <summary>A hash of the shape and the non-zero count.</summary>
    public override int GetHashCode() => HashCode.Combine(Rows, Columns, _nonZeros);
}
