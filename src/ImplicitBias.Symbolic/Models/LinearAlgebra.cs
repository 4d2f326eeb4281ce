using System.Numerics.Tensors;

namespace ImplicitBias.Symbolic;

/// <summary>
/// Dense kernels on flat row-major arrays for the hot loops of the flows, vectorized with
/// <see cref="TensorPrimitives"/>. None of them allocates. Lengths are checked (an <see cref="ArgumentException"/>
/// names the short span); spans may be longer than needed, only the leading part is used.
/// </summary>
public static class LinearAlgebra
{
    /// <summary>result = A x for a row-major rows×columns matrix A: one TensorPrimitives.Dot per row.</summary>
    /// <param name="a">A, row-major, length ≥ rows·columns.</param>
    /// <param name="rows">M.</param>
    /// <param name="columns">N.</param>
    /// <param name="x">x, length ≥ N.</param>
    /// <param name="result">A x, length ≥ M; must not overlap x.</param>
    public static void Multiply(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> x,
        Span<double> result)
    {
        Check(a, rows, columns, x.Length, columns, nameof(x), result.Length, rows);
        x = x[..columns];
        for (int m = 0; m < rows; m++)
            result[m] = TensorPrimitives.Dot(a.Slice(m * columns, columns), x);
    }

    /// <summary>
    /// result = Aᵀ r for a row-major rows×columns matrix A, accumulated row by row with
    /// TensorPrimitives.MultiplyAdd (result += r_m · a_m; rows with r_m = 0 are skipped).
    /// </summary>
    /// <param name="a">A, row-major, length ≥ rows·columns.</param>
    /// <param name="rows">M.</param>
    /// <param name="columns">N.</param>
    /// <param name="r">r, length ≥ M.</param>
    /// <param name="result">Aᵀ r, length ≥ N; must not overlap r.</param>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> r,
        Span<double> result)
    {
        Check(a, rows, columns, r.Length, rows, nameof(r), result.Length, columns);
        var target = result[..columns];
        target.Clear();
        for (int m = 0; m < rows; m++)
        {
            double weight = r[m];
            if (weight == 0) continue;
            TensorPrimitives.MultiplyAdd(a.Slice(m * columns, columns), weight, target, target);
        }
    }

    /// <summary>result = A x with plain loops (the benchmark baseline for <see cref="Multiply"/>).</summary>
    /// <param name="a">A, row-major, length ≥ rows·columns.</param>
    /// <param name="rows">M.</param>
    /// <param name="columns">N.</param>
    /// <param name="x">x, length ≥ N.</param>
    /// <param name="result">A x, length ≥ M.</param>
    public static void NaiveMultiply(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> x,
        Span<double> result)
    {
        Check(a, rows, columns, x.Length, columns, nameof(x), result.Length, rows);
        for (int m = 0; m < rows; m++)
        {
            double sum = 0;
            int offset = m * columns;
            for (int n = 0; n < columns; n++) sum += a[offset + n] * x[n];
            result[m] = sum;
        }
    }

    /// <summary>Copies the upper triangle of a row-major n×n matrix onto its lower triangle.</summary>
    internal static void MirrorUpper(Span<double> matrix, int n)
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) matrix[i * n + j] = matrix[j * n + i];
    }

    private static void Check(ReadOnlySpan<double> a, int rows, int columns, int inputLength, int inputWanted,
        string inputName, int outputLength, int outputWanted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (a.Length < (long)rows * columns)
            throw new ArgumentException($"A has {a.Length} entries, expected {rows}×{columns}", nameof(a));
        if (inputLength < inputWanted)
            throw new ArgumentException($"{inputName} has {inputLength} entries, expected {inputWanted}", inputName);
        if (outputLength < outputWanted)
            throw new ArgumentException($"result has {outputLength} entries, expected {outputWanted}", "result");
    }
}
