namespace ImplicitBias.Symbolic;

/// <summary>
/// The matrix A of a linear model or a problem file: either <see cref="DenseMatrix"/> (row-major values) or
/// <see cref="CsrMatrix"/> (the compressed sparse row layout of scipy.sparse.csr_matrix). The hierarchy is closed:
/// these two are its only cases. Both validate their arrays when built, so a value of either type is well formed
/// (sizes agree, indices are sorted and in range, every value is finite), and two matrices are equal when they are
/// the same case with the same shape and arrays. A <see cref="LinearModel"/> built on a CSR matrix keeps it sparse
/// in every numerical path.
/// </summary>
public abstract record MatrixData
{
    // Private protected: no case outside this assembly, so a switch over the two cases is complete.
    private protected MatrixData(int rows, int columns)
    {
        if (rows < 1 || columns < 1)
            throw new SymbolicException($"A must have at least one row and one column, got {rows}×{columns}");
        Rows = rows;
        Columns = columns;
    }

    /// <summary>M, the number of rows (observations).</summary>
    public int Rows { get; }

    /// <summary>N, the number of columns (unknowns).</summary>
    public int Columns { get; }

    /// <summary>The number of entries different from 0 (for CSR: the stored entries, explicit zeros
    /// included).</summary>
    public abstract int NonZeros { get; }

    /// <summary>A as a new row-major array of Rows × Columns entries.</summary>
    /// <exception cref="SymbolicException">Rows × Columns exceeds <see cref="Array.MaxLength"/>.</exception>
    public abstract double[] ToDense();

    /// <summary>A in CSR form (a dense matrix drops its zero entries; a CSR matrix is returned as it is).</summary>
    public abstract CsrMatrix ToCsr();

    /// <summary>y = A x.</summary>
    /// <param name="x">Columns entries.</param>
    /// <param name="y">Receives Rows entries; must not overlap x.</param>
    /// <exception cref="ArgumentException">A length that does not match the shape.</exception>
    public abstract void Multiply(ReadOnlySpan<double> x, Span<double> y);

    /// <summary>y = Aᵀ x.</summary>
    /// <param name="x">Rows entries.</param>
    /// <param name="y">Receives Columns entries; must not overlap x.</param>
    /// <exception cref="ArgumentException">A length that does not match the shape.</exception>
    public abstract void MultiplyTransposed(ReadOnlySpan<double> x, Span<double> y);

    /// <summary>"3×5 dense matrix" or "3×5 CSR matrix, 8 non-zeros".</summary>
    public sealed override string ToString() => this switch
    {
        DenseMatrix => $"{Rows}×{Columns} dense matrix",
        _ => $"{Rows}×{Columns} CSR matrix, {NonZeros} non-zeros",
    };

    /// <summary>Throws unless Rows × Columns entries fit in one array.</summary>
    private protected void RequireDenseSize()
    {
        long entries = (long)Rows * Columns;
        if (entries > Array.MaxLength)
            throw new SymbolicException(
                $"A is {Rows}×{Columns} = {entries} entries, too large for a dense array (at most {Array.MaxLength})");
    }

    /// <summary>Throws unless a vector of the products has exactly the length the shape asks for.</summary>
    private protected static void RequireLength(int length, int expected, string name)
    {
        if (length != expected) throw new ArgumentException($"{name} has {length} entries, expected {expected}", name);
    }
}
