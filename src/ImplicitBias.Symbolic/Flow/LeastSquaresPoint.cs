using MathNet.Numerics.LinearAlgebra;

namespace ImplicitBias.Symbolic.Flow;

/// <summary>
/// The minimizer of the loss L(x) = Σᵢ ℓ(g(aᵢ·x) − yᵢ) when A has full column rank (M ≥ N) and A x = g⁻¹(y) has
/// no solution: then L has one minimizer (for square loss, the least-squares point), the flow converges to it
/// whatever ρ is, and it is the prediction. Damped Newton in x with the exact Hessian
/// Aᵀ diag(ℓ″g′² + ℓ′g″) A, from x₀.
/// </summary>
internal static class LeastSquaresPoint
{
    private const int MaxIterations = 100;

    /// <summary>
    /// The minimizer as a projection result: <see cref="ProjectionResult.Residual"/> is the stationarity residual
    /// max |∇L(x̂)|, and there are no multipliers.
    /// </summary>
    public static ProjectionResult Solve(Problem problem)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var m = problem.Model;
        // N ≤ M here, and the Hessian is N×N anyway: a dense copy of A costs no more than the Newton steps
        var a = Matrix<double>.Build.Dense(m.Columns, m.Rows, m.Matrix.ToDense()).Transpose();
        var x = Vector<double>.Build.DenseOfArray(problem.X0);
        double loss = Loss(m, a, x);
        int iteration = 0;
        bool converged = false;
        for (; iteration < MaxIterations && !converged; iteration++)
        {
            var (gradient, hessian) = Derivatives(m, a, x);
            if (gradient.AbsoluteMaximum() <= 1e-13 * (1 + loss)) { converged = true; break; }
            Vector<double> step;
            try { step = hessian.Cholesky().Solve(gradient); }
            catch (ArgumentException) { break; } // the loss is not strictly convex here
            double t = 1;
            while (t > 1e-18 && Loss(m, a, x - t * step) > loss) t /= 2;
            if (t <= 1e-18) { converged = gradient.AbsoluteMaximum() <= 1e-9 * (1 + loss); break; }
            x -= t * step;
            loss = Loss(m, a, x);
        }
        var (finalGradient, _) = Derivatives(m, a, x);
        return new ProjectionResult(ProjectionMethod.LeastSquares, x.ToArray(), [], iteration,
            finalGradient.AbsoluteMaximum(), double.NaN, converged, clock.Elapsed.TotalSeconds);
    }

    private static double Loss(LinearModel m, Matrix<double> a, Vector<double> x)
    {
        var z = a * x;
        double sum = 0;
        for (int i = 0; i < m.Rows; i++) sum += m.Loss.Value(m.Link.Value(z[i]) - m.Y[i]);
        return sum;
    }

    /// <summary>∇L = Aᵀu and ∇²L = Aᵀ diag(w) A with u = ℓ′(r)g′(z), w = ℓ″(r)g′(z)² + ℓ′(r)g″(z).</summary>
    private static (Vector<double> Gradient, Matrix<double> Hessian) Derivatives(LinearModel m, Matrix<double> a,
        Vector<double> x)
    {
        var z = a * x;
        var u = Vector<double>.Build.Dense(m.Rows);
        var w = Vector<double>.Build.Dense(m.Rows);
        for (int i = 0; i < m.Rows; i++)
        {
            double r = m.Link.Value(z[i]) - m.Y[i], slope = m.Link.Derivative(z[i]);
            u[i] = m.Loss.Derivative(r) * slope;
            w[i] = m.Loss.SecondDerivative(r) * slope * slope + m.Loss.Derivative(r) * m.Link.SecondDerivative(z[i]);
        }
        var weighted = Matrix<double>.Build.DiagonalOfDiagonalVector(w) * a;
        return (a.TransposeThisAndMultiply(u), a.TransposeThisAndMultiply(weighted));
    }
}
