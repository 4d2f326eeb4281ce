using System.Diagnostics;
using System.Numerics.Tensors;
using ImplicitBias.Symbolic.Flow;

namespace ImplicitBias.Symbolic;

/// <summary>
/// The Bregman projection x̂ = argmin {D_f(x, x₀) : Ax = b}, b = g⁻¹(y): the prediction of the implicit-bias theorem.
/// <see cref="Solve"/> is damped Newton on the M-dimensional concave dual; <see cref="SolvePrimal"/> is an
/// infeasible-start Newton method in x, an independent cross-check. Both run the one driver in
/// <see cref="DampedNewton"/>.
/// </summary>
public static class BregmanProjection
{
    /// <summary>
    /// Damped Newton on the dual: λ with A ψ(z₀ + Aᵀλ) = b, Jacobian A diag(ψ′) Aᵀ (O(M²N) to form, O(Σ_j nnz_j²)
    /// for a sparse A, so it is reused while steps shrink the residual a thousandfold). The line search keeps every z
    /// inside the range of Φ (the domain of ψ) and, when the conjugate f* can be evaluated, increases the dual
    /// objective λᵀb − Σ f*(z): a plain Newton step can jump across a branch of ψ and "converge" to a wrong point.
    /// </summary>
    /// <param name="problem">The problem; its x₀ is projected.</param>
    /// <param name="derivation">The derivation of the problem's reparametrization (ψ, ψ′ = ρ′(Φ⁻¹)², f*).</param>
    /// <param name="tolerance">
    /// Stop at max |A x − b| ≤ tolerance·(1 + max |b|), or at the rounding level of A x if that is larger. When Newton
    /// stalls (no descent from a fresh Jacobian, as happens when coordinates sit at the edge of the image), a residual
    /// up to <see cref="StalledTolerance"/>·(1 + max |b|) still counts as converged;
    /// <see cref="ProjectionResult.Residual"/> always reports the residual reached.
    /// </param>
    /// <param name="maxIterations">Newton iterations at most.</param>
    /// <exception cref="SymbolicException">ψ is not available, or x₀ is outside the image of ρ.</exception>
    public static ProjectionResult Solve(Problem problem, Derivation derivation, double tolerance = 1e-13,
        int maxIterations = 100)
    {
        var clock = Stopwatch.StartNew();
        var newton = new DualNewton(problem, derivation, tolerance);
        newton.Run(maxIterations);
        return newton.Result(clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Infeasible-start Newton in x (Boyd &amp; Vandenberghe §10.3) on the KKT system f′(x) − f′(x₀) + Aᵀν = 0, Ax = b,
    /// with the diagonal Hessian f″(x): each step solves one M×M system (A diag(1/f″) Aᵀ), and the line search keeps x
    /// inside the image of ρ while the residual norm decreases. It needs f′ and f″ but not ψ, so it checks
    /// <see cref="Solve"/> by another route.
    /// </summary>
    /// <param name="problem">The problem; its x₀ is projected.</param>
    /// <param name="derivation">The derivation of the problem's reparametrization (f′, f″ and the image).</param>
    /// <param name="tolerance">
    /// Stop at max |A x − b| ≤ tolerance·(1 + max |b|) (or the rounding level of A x) with
    /// max |f′(x) − f′(x₀) + Aᵀν| ≤ 1e-12·(1 + max |f′(x)|).
    /// </param>
    /// <param name="maxIterations">Newton iterations at most.</param>
    /// <exception cref="SymbolicException">f′ or f″ is not available.</exception>
    public static ProjectionResult SolvePrimal(Problem problem, Derivation derivation, double tolerance = 1e-13,
        int maxIterations = 100)
    {
        var clock = Stopwatch.StartNew();
        var newton = new PrimalNewton(problem, derivation, tolerance);
        newton.Run(maxIterations);
        return newton.Result(clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The residual (relative to 1 + max |b|) accepted when Newton stalls on an ill-conditioned Jacobian.
    /// </summary>
    public const double StalledTolerance = 1e-8;

    private const double Epsilon = 2.220446049250313e-16; // the spacing of doubles at 1

    /// <summary>
    /// The residual max |A x − b| cannot fall below the rounding of its own evaluation: √N·ε·max_k Σ_n |A_kn|·e_n, with
    /// e_n = |x_n| + |z_n|·|dx_n/dz_n| the size of x_n plus the error an ε-perturbation of its argument z_n causes.
    /// </summary>
    internal static double RoundingLevel(LinearModel model, double[] x, double[] z, double[] slope)
    {
        int m = model.Rows, n = model.Columns;
        var size = new double[n];
        for (int i = 0; i < n; i++) size[i] = Math.Abs(x[i]) + Math.Abs(z[i] * slope[i]);
        if (model.Sparse is { } sparse) return Math.Sqrt(n) * Epsilon * sparse.MaxRowAbsDot(size);
        var a = model.DenseValues!;
        var row = new double[n];
        double worst = 0;
        for (int k = 0; k < m; k++)
        {
            TensorPrimitives.Abs(a.AsSpan(k * n, n), row);
            worst = Math.Max(worst, TensorPrimitives.Dot(row, size));
        }
        return Math.Sqrt(n) * Epsilon * worst;
    }
}
