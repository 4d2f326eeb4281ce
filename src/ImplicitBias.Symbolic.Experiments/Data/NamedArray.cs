using System.Globalization;

namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// A numeric array read from a file (a .npy array, an HDF5 dataset), in C order, turned into what a problem needs:
/// a matrix, a vector, a scalar, or CSR indices. Messages name it by <see cref="Label"/> (<c>array "y"</c>,
/// <c>dataset "/y"</c>) and its entries by <see cref="Name"/> (<c>y[3]</c>).
/// </summary>
/// <param name="Name">The array's name in the problem (A, y, truth, indices, …).</param>
/// <param name="Label">How messages call it.</param>
/// <param name="Shape">The dimensions (empty for a 0-d array).</param>
/// <param name="Values">Every entry, C order (the last index varies fastest).</param>
/// <param name="IsInteger">Whether the file stored an integer type.</param>
internal sealed record NamedArray(string Name, string Label, long[] Shape, double[] Values, bool IsInteger)
{
    /// <summary>The shape as NumPy prints it: "(3, 5)", "(5,)", "()".</summary>
    public string ShapeText => ShapeString(Shape);

    /// <summary>A 2-d array as the matrix A.</summary>
    public DenseMatrix ToMatrix()
    {
        var (rows, columns) = MatrixShape();
        return new DenseMatrix(rows, columns, Values);
    }

    /// <summary>
    /// A 2-d array stored column-major, as MATLAB does: an M×N matrix is an N×M array, so the result is its
    /// transpose.
    /// </summary>
    public DenseMatrix ToTransposedMatrix()
    {
        var (columns, rows) = MatrixShape();
        var values = new double[Values.Length];
        for (int j = 0; j < columns; j++)
            for (int i = 0; i < rows; i++)
                values[i * columns + j] = Values[j * rows + i];
        return new DenseMatrix(rows, columns, values);
    }

    /// <summary>A vector of <paramref name="expected"/> entries: 1-d, or 2-d with one dimension 1 (a MATLAB or
    /// NumPy column or row).</summary>
    public double[] ToVector(int expected, string hint)
    {
        bool vectorShape = Shape.Length == 1 || Shape.Length == 2 && (Shape[0] == 1 || Shape[1] == 1);
        if (!vectorShape) throw new SymbolicException($"{Label} has shape {ShapeText}; expected a vector");
        if (Values.Length != expected)
            throw new SymbolicException($"{Label} has {Values.Length} entries, expected {expected} ({hint})");
        for (int i = 0; i < Values.Length; i++)
            if (!double.IsFinite(Values[i]))
                throw new SymbolicException($"{Name}[{i}] is not a finite number ({NumberText.Of(Values[i])})");
        return Values;
    }

    /// <summary>A single number: a 0-d array, or one entry in any shape.</summary>
    public double ToScalar()
    {
        if (Values.Length != 1)
            throw new SymbolicException($"{Label} has shape {ShapeText}; expected a single number");
        if (!double.IsFinite(Values[0]))
            throw new SymbolicException($"{Name} is not a finite number ({NumberText.Of(Values[0])})");
        return Values[0];
    }

    /// <summary>The values of a 1-d array (the data of a sparse matrix, which checks that they are
    /// finite).</summary>
    public double[] ToEntries() => Shape.Length == 1
        ? Values : throw new SymbolicException($"{Label} has shape {ShapeText}; expected a 1-d array");

    /// <summary>A 1-d integer array (indices, indptr) of values in the range of int.</summary>
    public int[] ToIndices()
    {
        if (!IsInteger) throw new SymbolicException($"{Label} does not hold integers; expected an integer type");
        if (Shape.Length != 1) throw new SymbolicException($"{Label} has shape {ShapeText}; expected a 1-d array");
        var result = new int[Values.Length];
        for (int i = 0; i < Values.Length; i++)
        {
            double v = Values[i];
            if (v < int.MinValue || v > int.MaxValue)
                throw new SymbolicException($"{Name}[{i}] = {NumberText.Of(v)} is too large for an index");
            result[i] = (int)v;
        }
        return result;
    }

    /// <summary>A shape given as two integers (scipy's "shape", anndata's shape attribute).</summary>
    public (int Rows, int Columns) ToShape()
    {
        var entries = ToIndices();
        if (entries.Length != 2 || entries[0] < 1 || entries[1] < 1)
            throw new SymbolicException(
                $"{Label} is [{string.Join(", ", entries)}]; expected two positive numbers (rows, columns)");
        return (entries[0], entries[1]);
    }

    /// <summary>A shape as NumPy prints it.</summary>
    public static string ShapeString(IReadOnlyList<long> shape) => shape.Count switch
    {
        0 => "()",
        1 => $"({shape[0].ToString(CultureInfo.InvariantCulture)},)",
        _ => $"({string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))})",
    };

    private (int First, int Second) MatrixShape()
    {
        if (Shape.Length != 2) throw new SymbolicException($"{Label} has shape {ShapeText}; expected a 2-d matrix");
        if (Shape[0] < 1 || Shape[1] < 1)
            throw new SymbolicException($"{Label} has shape {ShapeText}; A needs at least one row and one column");
        // Values.Length = Shape[0]·Shape[1] ≤ Array.MaxLength, so both dimensions fit an int.
        return ((int)Shape[0], (int)Shape[1]);
    }
}
