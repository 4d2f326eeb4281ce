using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>
/// The minimum-norm solution x_ℓ2 = argmin ‖x‖₂ subject to A x = t with t = g⁻¹(y), in general the least-squares
/// minimum-norm x = A⁺t, from a thin QR factorization (MathNet.Numerics, Householder).
/// </summary>
public static class MinimumNorm
{
    /// <summary>2⁻⁵², the spacing of doubles at 1 (not <see cref="double.Epsilon"/>, the smallest subnormal).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Computes x = A⁺t. For M ≤ N and A of full row rank: Aᵀ = QR, x = Q R⁻ᵀ t = Aᵀ(AAᵀ)⁻¹t, λ = (AAᵀ)⁻¹t
    /// (<see cref="BaselineSolver.Qr"/>). Otherwise (rank deficient, or M &gt; N): x = Q (Rᵀ)⁺ t, respectively
    /// R⁺ Qᵀ t for A = QR, the pseudo-inverse of the small triangular factor by an SVD that drops singular values
    /// below max(M, N)·ε·σ_max (<see cref="BaselineSolver.Svd"/>, no λ). A row of R counts as dependent at the same
    /// threshold on |Rᵢᵢ|. <see cref="BaselineResult.Interpolating"/> says whether A x = t holds. The factorization
    /// is dense: a sparse A is made dense for it (M·N doubles).
    /// </summary>
    /// <param name="model">A and the targets t = g⁻¹(y); the loss plays no part.</param>
    /// <returns>X, λ (full row rank only), ‖X‖₂, max |A X − t|, the factorization used and the wall time.</returns>
    public static BaselineResult Solve(LinearModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var clock = Stopwatch.StartNew();
        int rows = model.Rows, columns = model.Columns;
        double cutoff = Math.Max(rows, columns) * MachineEpsilon;
        var t = Vector<double>.Build.DenseOfArray(model.Targets);
        var dense = model.Matrix.ToDense(); // QR works on dense storage: a sparse A is made dense here
        double[] x;
        double[]? lambda = null;
        BaselineSolver solver;
        if (rows <= columns)
        {
            // Aᵀ in column-major storage is A row-major
            var qr = Matrix<double>.Build.Dense(columns, rows, dense).QR(QRMethod.Thin);
            if (FullRank(qr.R, cutoff))
            {
                var w = ForwardTransposed(qr.R, t);
                lambda = Backward(qr.R, w).ToArray();
                x = (qr.Q * w).ToArray();
                solver = BaselineSolver.Qr;
            }
            else
            {
                x = (qr.Q * PseudoInverseTimes(qr.R.Transpose(), t, cutoff)).ToArray();
                solver = BaselineSolver.Svd;
            }
        }
        else
        {
            var qr = Matrix<double>.Build.DenseOfRowMajor(rows, columns, dense).QR(QRMethod.Thin);
            x = PseudoInverseTimes(qr.R, qr.Q.TransposeThisAndMultiply(t), cutoff).ToArray();
            solver = BaselineSolver.Svd;
        }
        double residual = BaselineResult.ResidualOf(model, x);
        return new BaselineResult(BaselineKind.L2, BaselineStatus.Optimal, solver, x, lambda,
            Distances.Euclidean(x, new double[columns]), residual, BaselineResult.Holds(residual, model.Targets),
            null, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Every |Rᵢᵢ| above the cutoff relative to the largest (the rows of A are independent).</summary>
    private static bool FullRank(Matrix<double> r, double cutoff)
    {
        var diagonal = r.Diagonal().PointwiseAbs();
        return diagonal.Minimum() > cutoff * diagonal.Maximum();
    }

    /// <summary>w with Rᵀ w = b, R upper triangular (forward substitution).</summary>
    private static Vector<double> ForwardTransposed(Matrix<double> r, Vector<double> b)
    {
        var w = b.Clone();
        for (int i = 0; i < w.Count; i++)
        {
            double sum = w[i];
            for (int k = 0; k < i; k++) sum -= r[k, i] * w[k];
            w[i] = sum / r[i, i];
        }
        return w;
    }

    /// <summary>v with R v = b, R upper triangular (back substitution).</summary>
    private static Vector<double> Backward(Matrix<double> r, Vector<double> b)
    {
        var v = b.Clone();
        for (int i = v.Count - 1; i >= 0; i--)
        {
            double sum = v[i];
            for (int k = i + 1; k < v.Count; k++) sum -= r[i, k] * v[k];
            v[i] = sum / r[i, i];
        }
        return v;
    }

    /// <summary>S⁺ b for a square S, from its SVD with singular values below cutoff·σ_max dropped.</summary>
    private static Vector<double> PseudoInverseTimes(Matrix<double> s, Vector<double> b, double cutoff)
    {
        Svd<double> svd = s.Svd(computeVectors: true);
        var y = svd.U.TransposeThisAndMultiply(b);
        double largest = svd.S.Count == 0 ? 0 : svd.S[0];
        for (int i = 0; i < y.Count; i++)
            y[i] = svd.S[i] > cutoff * largest ? y[i] / svd.S[i] : 0;
        return svd.VT.TransposeThisAndMultiply(y);
    }
}
