using System.Numerics.Tensors;
using ImplicitBias.Symbolic.Models;

namespace ImplicitBias.Symbolic;

/// <summary>
/// The linear model of docs/ARCHITECTURE.md: A ∈ ℝ^{M×N}, data y ∈ ℝ^M, a loss ℓ and a strictly increasing link g,
/// with L(x) = Σ_m ℓ(g(⟨a_m, x⟩) − y_m) and ∇L(x) = Aᵀ r(x), r_m = ℓ′(g(z_m) − y_m)·g′(z_m), z = A x. A is a
/// <see cref="MatrixData"/>: dense (row-major) or CSR. A sparse A stays sparse: the products, the M×M matrices
/// A diag(c) Aᵀ of the flows and of the projection, and the rank check all run on its entries, never on an M×N
/// array. The evaluation methods take caller-provided scratch spans and never allocate. The square loss with the
/// identity link takes a vectorized path (r = z − y).
/// </summary>
public sealed class LinearModel
{
    private readonly double[]? _dense; // the values of a dense A, row-major; null for a sparse one
    private readonly CsrMatrix? _sparse;
    private readonly double[] _y, _targets;
    private readonly bool _plainLeastSquares;

    /// <summary>Builds the model on a dense A; the arrays are copied.</summary>
    /// <param name="a">A, row-major rows×columns.</param>
    /// <param name="rows">M ≥ 1.</param>
    /// <param name="columns">N ≥ 1.</param>
    /// <param name="y">The data, one entry per row, inside the link's range.</param>
    /// <param name="loss">The loss ℓ.</param>
    /// <param name="link">The link g.</param>
    /// <exception cref="SymbolicException">
    /// A shape mismatch, a non-finite entry ("A[3][7] is not a finite number (NaN)"), or a y outside the link's range
    /// ("y[2] = 1.5 is outside the range (0, 1) of the sigmoid link"). Indices are 0-based.
    /// </exception>
    public LinearModel(double[] a, int rows, int columns, double[] y, Loss loss, Link link)
        : this(Dense(a, rows, columns, y, loss, link), y, loss, link)
    {
    }

    /// <summary>
    /// Builds the model on a dense or a sparse A (a <see cref="MatrixData"/> is immutable and validated, so it is
    /// kept as it is); y is copied. A <see cref="CsrMatrix"/> keeps the model sparse.
    /// </summary>
    /// <param name="a">A, M×N.</param>
    /// <param name="y">The data, one entry per row, inside the link's range.</param>
    /// <param name="loss">The loss ℓ.</param>
    /// <param name="link">The link g.</param>
    /// <exception cref="SymbolicException">
    /// y has the wrong length, or an entry outside the link's range ("y[2] = 1.5 is outside the range (0, 1) of the
    /// sigmoid link"; 0-based).
    /// </exception>
    public LinearModel(MatrixData a, double[] y, Loss loss, Link link)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(link);
        RequireDataLength(y, a.Rows);
        Matrix = a;
        _dense = (a as DenseMatrix)?.Storage;
        _sparse = a as CsrMatrix;
        // the column form is built now, so that the evaluation methods never allocate
        _ = _sparse?.ByColumns;
        _targets = InvertedData(y, link);
        _y = (double[])y.Clone();
        Rows = a.Rows;
        Columns = a.Columns;
        Loss = loss;
        Link = link;
        _plainLeastSquares = ReferenceEquals(loss, Loss.Square) && ReferenceEquals(link, Link.Identity);
    }

    /// <summary>The dense matrix of the first constructor, checked in its order: shape, y's length, then A.</summary>
    private static DenseMatrix Dense(double[] a, int rows, int columns, double[] y, Loss loss, Link link)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(link);
        if (rows < 1 || columns < 1)
            throw new SymbolicException($"A must have at least one row and one column, got {rows}×{columns}");
        if (a.Length != (long)rows * columns)
            throw new SymbolicException(
                $"A has {a.Length} entries, expected {rows}×{columns} = {(long)rows * columns}");
        RequireDataLength(y, rows);
        return DenseMatrix.Adopt(rows, columns, (double[])a.Clone());
    }

    private static void RequireDataLength(double[] y, int rows)
    {
        if (y.Length != rows)
            throw new SymbolicException($"y has {y.Length} entries, expected {rows} (one per row of A)");
    }

    /// <summary>g⁻¹(y), each y checked to be finite and inside the link's range.</summary>
    private static double[] InvertedData(double[] y, Link link)
    {
        var targets = new double[y.Length];
        for (int m = 0; m < y.Length; m++)
        {
            if (!double.IsFinite(y[m]))
                throw new SymbolicException($"y[{m}] is not a finite number ({ModelNumerics.Text(y[m])})");
            if (!link.Range.Contains(y[m]))
                throw new SymbolicException(
                    $"y[{m}] = {ModelNumerics.Text(y[m])} is outside the range {link.Range} of {link.Description}");
            targets[m] = link.Inverse(y[m]);
            if (!double.IsFinite(targets[m]))
                throw new SymbolicException($"y[{m}] = {ModelNumerics.Text(y[m])} is too close to the end of " +
                    $"the range {link.Range} of {link.Description}: g⁻¹(y) = {ModelNumerics.Text(targets[m])}");
        }
        return targets;
    }

    /// <summary>M, the number of observations.</summary>
    public int Rows { get; }
    /// <summary>N, the number of unknowns.</summary>
    public int Columns { get; }
    /// <summary>A as given: a <see cref="DenseMatrix"/> or a <see cref="CsrMatrix"/>.</summary>
    public MatrixData Matrix { get; }
    /// <summary>True when A is a <see cref="CsrMatrix"/>: the model then never forms A as a dense array.</summary>
    public bool IsSparse => _sparse is not null;
    /// <summary>A, row-major, length M·N, for a dense model.</summary>
    /// <exception cref="SymbolicException">A is sparse: read it through <see cref="Matrix"/>.</exception>
    public ReadOnlySpan<double> A => _dense ?? throw new SymbolicException(
        $"A is sparse ({Matrix}): read it through Matrix (a CsrMatrix) instead of as a dense span");
    /// <summary>The values of a dense A as the model's own array, for kernels that split it over threads (spans
    /// cannot cross them); null when A is sparse.</summary>
    internal double[]? DenseValues => _dense;
    /// <summary>A sparse A; null when A is dense.</summary>
    internal CsrMatrix? Sparse => _sparse;
    /// <summary>The data y, length M.</summary>
    public ReadOnlySpan<double> Y => _y;
    /// <summary>The loss ℓ.</summary>
    public Loss Loss { get; }
    /// <summary>The link g.</summary>
    public Link Link { get; }

    /// <summary>
    /// g⁻¹(y): the interpolation constraints are A x = Targets. This is the model's own array (computed once, no
    /// copy per call): treat it as read-only.
    /// </summary>
    public double[] Targets => _targets;

    /// <summary>L(x) = Σ_m ℓ(g(⟨a_m, x⟩) − y_m).</summary>
    /// <param name="x">x, length N.</param>
    /// <param name="scratch">Work space, length ≥ M (receives z = A x).</param>
    public double LossValue(ReadOnlySpan<double> x, Span<double> scratch)
    {
        var z = scratch[..Rows];
        Multiply(x, z);
        if (_plainLeastSquares)
        {
            TensorPrimitives.Subtract(z, _y, z);
            return 0.5 * TensorPrimitives.Dot(z, z);
        }
        double total = 0;
        var loss = Loss;
        var link = Link;
        for (int m = 0; m < z.Length; m++) total += loss.Value(link.Value(z[m]) - _y[m]);
        return total;
    }

    /// <summary>r_m = ℓ′(g(z_m) − y_m)·g′(z_m) with z = A x, so ∇L(x) = Aᵀ r.</summary>
    /// <param name="x">x, length N.</param>
    /// <param name="r">Receives r, length ≥ M.</param>
    public void Residual(ReadOnlySpan<double> x, Span<double> r)
    {
        var z = r[..Rows];
        Multiply(x, z);
        if (_plainLeastSquares)
        {
            TensorPrimitives.Subtract(z, _y, z);
            return;
        }
        var loss = Loss;
        var link = Link;
        for (int m = 0; m < z.Length; m++)
        {
            double zm = z[m];
            z[m] = loss.Derivative(link.Value(zm) - _y[m]) * link.Derivative(zm);
        }
    }

    /// <summary>∇L(x) = Aᵀ r(x).</summary>
    /// <param name="x">x, length N.</param>
    /// <param name="gradient">Receives the gradient, length ≥ N; must not overlap x or scratch.</param>
    /// <param name="scratch">Work space, length ≥ M (receives r).</param>
    public void Gradient(ReadOnlySpan<double> x, Span<double> gradient, Span<double> scratch)
    {
        var r = scratch[..Rows];
        Residual(x, r);
        MultiplyTransposed(r, gradient);
    }

    /// <summary>z = A x: the dense kernel, or the column-wise one of a sparse A.</summary>
    /// <param name="x">x, length ≥ N.</param>
    /// <param name="z">Receives A x, length ≥ M; must not overlap x.</param>
    internal void Multiply(ReadOnlySpan<double> x, Span<double> z)
    {
        if (_dense is not null) LinearAlgebra.Multiply(_dense, Rows, Columns, x, z);
        else _sparse!.ColumnMultiply(x, z);
    }

    /// <summary>g = Aᵀ r: the dense kernel, or the column-wise one of a sparse A.</summary>
    /// <param name="r">r, length ≥ M.</param>
    /// <param name="g">Receives Aᵀ r, length ≥ N; must not overlap r.</param>
    internal void MultiplyTransposed(ReadOnlySpan<double> r, Span<double> g)
    {
        if (_dense is not null) LinearAlgebra.MultiplyTransposed(_dense, Rows, Columns, r, g);
        else _sparse!.ColumnMultiplyTransposed(r, g);
    }

    /// <summary>‖A‖_F.</summary>
    internal double FrobeniusNorm() => TensorPrimitives.Norm(_dense ?? _sparse!.Values);

    /// <summary>
    /// ∂r_m/∂z_m = ℓ″(g(z_m) − y_m)·g′(z_m)² + ℓ′(g(z_m) − y_m)·g″(z_m), given z = A x (the Hessian of L is
    /// Aᵀ diag(slope) A, used by implicit integrators and Newton steps).
    /// </summary>
    /// <param name="z">The predictions z = A x, length M.</param>
    /// <param name="slope">Receives the slopes, length ≥ M; may be the same span as z.</param>
    public void ResidualSlope(ReadOnlySpan<double> z, Span<double> slope)
    {
        if (z.Length < Rows) throw new ArgumentException($"z has {z.Length} entries, expected {Rows}", nameof(z));
        if (slope.Length < Rows)
            throw new ArgumentException($"slope has {slope.Length} entries, expected {Rows}", nameof(slope));
        if (_plainLeastSquares)
        {
            slope[..Rows].Fill(1);
            return;
        }
        var loss = Loss;
        var link = Link;
        for (int m = 0; m < Rows; m++)
        {
            double zm = z[m];
            double residual = link.Value(zm) - _y[m], d = link.Derivative(zm);
            slope[m] = loss.SecondDerivative(residual) * d * d + loss.Derivative(residual) * link.SecondDerivative(zm);
        }
    }

    /// <summary>"M×N linear model, loss …, link …" ("M×N sparse linear model (nnz …), …" for a CSR matrix).</summary>
    public override string ToString() => (IsSparse
        ? $"{Rows}×{Columns} sparse linear model (nnz {Matrix.NonZeros})"
        : $"{Rows}×{Columns} linear model") + $", loss {Loss.Name}, link {Link.Name}";
}
