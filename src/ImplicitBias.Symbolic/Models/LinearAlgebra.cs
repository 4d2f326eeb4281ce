using System.Numerics.Tensors;
using ImplicitBias.Symbolic.Models;

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
    public static void Multiply(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> x, Span<double> result)
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
    public static void MultiplyTransposed(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> r, Span<double> result)
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
    public static void NaiveMultiply(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> x, Span<double> result)
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

    /// <summary>
    /// Cholesky factorization in place: on return the lower triangle of the row-major n×n <paramref name="matrix"/>
    /// holds L with L Lᵀ = the input, and the strict upper triangle is set to 0. Only the lower triangle of the input
    /// is read (it is taken as symmetric). Inner products run over contiguous row prefixes with TensorPrimitives.Dot.
    /// </summary>
    /// <exception cref="SymbolicException">A pivot is not positive (or not finite): the matrix is not positive definite.</exception>
    public static void Cholesky(Span<double> matrix, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (matrix.Length < (long)n * n) throw new ArgumentException($"the matrix has {matrix.Length} entries, expected {n}×{n}", nameof(matrix));
        for (int j = 0; j < n; j++)
        {
            var rowJ = matrix.Slice(j * n, n);
            double pivot = rowJ[j] - TensorPrimitives.Dot(rowJ[..j], rowJ[..j]);
            if (!(pivot > 0) || !double.IsFinite(pivot))
                throw new SymbolicException($"the matrix is not positive definite: pivot {j} of the Cholesky factorization is {ModelNumerics.Approx(pivot)}");
            double diagonal = Math.Sqrt(pivot);
            rowJ[j] = diagonal;
            rowJ[(j + 1)..].Clear();
            for (int i = j + 1; i < n; i++)
            {
                var rowI = matrix.Slice(i * n, n);
                rowI[j] = (rowI[j] - TensorPrimitives.Dot(rowI[..j], rowJ[..j])) / diagonal;
            }
        }
    }

    /// <summary>
    /// Solves L Lᵀ x = b in place (<paramref name="rhs"/> holds b on entry and x on return), with L from
    /// <see cref="Cholesky"/>: a forward substitution by row dot products, then a backward one by row updates.
    /// </summary>
    public static void CholeskySolve(ReadOnlySpan<double> factor, int n, Span<double> rhs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (factor.Length < (long)n * n) throw new ArgumentException($"the factor has {factor.Length} entries, expected {n}×{n}", nameof(factor));
        if (rhs.Length < n) throw new ArgumentException($"the right-hand side has {rhs.Length} entries, expected {n}", nameof(rhs));
        // L y = b
        for (int i = 0; i < n; i++)
        {
            var row = factor.Slice(i * n, n);
            rhs[i] = (rhs[i] - TensorPrimitives.Dot(row[..i], rhs[..i])) / row[i];
        }
        // Lᵀ x = y: x_i = y_i / L_ii, then y_k −= L_ik x_i for k < i (row i of L is contiguous)
        for (int i = n - 1; i >= 0; i--)
        {
            var row = factor.Slice(i * n, n);
            double xi = rhs[i] / row[i];
            rhs[i] = xi;
            if (i > 0) TensorPrimitives.MultiplyAdd(row[..i], -xi, rhs[..i], rhs[..i]);
        }
    }

    private static void Check(ReadOnlySpan<double> a, int rows, int columns, int inputLength, int inputWanted, string inputName, int outputLength, int outputWanted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (a.Length < (long)rows * columns) throw new ArgumentException($"A has {a.Length} entries, expected {rows}×{columns}", nameof(a));
        if (inputLength < inputWanted) throw new ArgumentException($"{inputName} has {inputLength} entries, expected {inputWanted}", inputName);
        if (outputLength < outputWanted) throw new ArgumentException($"result has {outputLength} entries, expected {outputWanted}", "result");
    }
}
