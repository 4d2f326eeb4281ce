using System.Diagnostics;
using ImplicitBias.Symbolic.Flow;

namespace ImplicitBias.Symbolic;

/// <summary>The predicted limit: the Bregman projection of x₀ onto {x : Ax = g⁻¹(y)}.</summary>
public sealed class ProjectionResult
{
    internal ProjectionResult(double[] x, double[] lambda, int iterations, double residual, double kktResidual, bool converged, double seconds)
    {
        X = x; Lambda = lambda; Iterations = iterations; Residual = residual; KktResidual = kktResidual; Converged = converged; Seconds = seconds;
    }

    /// <summary>x = ψ(z₀ + Aᵀλ).</summary>
    public double[] X { get; }
    /// <summary>The dual variable λ ∈ ℝ^M.</summary>
    public double[] Lambda { get; }
    /// <summary>Newton iterations.</summary>
    public int Iterations { get; }
    /// <summary>max |A x − g⁻¹(y)|.</summary>
    public double Residual { get; }
    /// <summary>Relative distance of f′(x) − f′(x₀) from range(Aᵀ) (0 by construction, up to rounding).</summary>
    public double KktResidual { get; }
    /// <summary>True when the constraints hold to the solver's tolerance.</summary>
    public bool Converged { get; }
    /// <summary>Wall time.</summary>
    public double Seconds { get; }
}

/// <summary>
/// Damped Newton on the concave dual: λ with A ψ(z₀ + Aᵀλ) = g⁻¹(y), Jacobian A diag(ψ′) Aᵀ. The line search keeps every
/// z inside the range of Φ (the domain of ψ) and, when the conjugate f* can be evaluated, increases the dual objective
/// λᵀb − Σ f*(z) (a plain Newton step can jump across a branch of ψ and "converge" to a wrong point).
/// </summary>
public static class BregmanProjection
{
    /// <summary>Projects the problem's x₀ (the prediction of the implicit-bias theorem).</summary>
    public static ProjectionResult Solve(Problem problem, Derivation derivation, double tolerance = 1e-13, int maxIterations = 100)
    {
        var clock = Stopwatch.StartNew();
        var model = problem.Model;
        int m = model.Rows, n = model.Columns;
        var pieces = DualPieces.Of(problem, derivation);
        var range = derivation.DualRange;
        var b = model.Targets;
        var a = model.A.ToArray();
        var lambda = new double[m];
        double[] z = new double[n], x = new double[n], slope = new double[n], residual = new double[m], step = new double[m];
        double[] trialLambda = new double[m], trialZ = new double[n], gram = new double[m * m];
        var lu = new DenseLu(m);
        Func<double, double>? conjugate = pieces.Conjugate;

        bool Point(double[] l, double[] zOut, double[] xOut)
        {
            LinearAlgebra.MultiplyTransposed(a, m, n, l, zOut);
            for (int i = 0; i < n; i++)
            {
                zOut[i] += pieces.Z0[i];
                if (!range.Contains(zOut[i])) return false;
                xOut[i] = pieces.Psi(zOut[i]);
                if (!double.IsFinite(xOut[i])) return false;
            }
            return true;
        }
        double Dual(double[] l, double[] zs)
        {
            double value = 0;
            for (int k = 0; k < m; k++) value += l[k] * b[k];
            for (int i = 0; i < n; i++) value -= conjugate!(zs[i]);
            return value;
        }
        double Residual(double[] xs, double[] into)
        {
            LinearAlgebra.Multiply(a, m, n, xs, into);
            double worst = 0;
            for (int k = 0; k < m; k++) { into[k] -= b[k]; worst = Math.Max(worst, Math.Abs(into[k])); }
            return worst;
        }

        if (!Point(lambda, z, x)) throw new SymbolicException("the initial point is outside the range of Φ");
        double scale = 1 + b.Max(Math.Abs);
        double norm = Residual(x, residual);
        int iteration = 0;
        var trialX = new double[n];
        var trialResidual = new double[m];
        bool useDual = conjugate is not null && double.IsFinite(Dual(lambda, z));
        // Newton's Jacobian A·diag(ψ′)·Aᵀ costs M²N; while steps shrink the residual a thousandfold the factors are reused
        bool refresh = true;
        while (norm > tolerance * scale && iteration < maxIterations)
        {
            iteration++;
            if (refresh)
            {
                for (int i = 0; i < n; i++) slope[i] = pieces.PsiPrime(z[i]);
                WeightedGram.ComputeParallel(a, m, n, slope, gram);
                gram.CopyTo(lu.Matrix);
                if (!lu.Factor()) break;
            }
            double before = norm;
            for (int k = 0; k < m; k++) step[k] = -residual[k];
            lu.Solve(step);
            // backtracking: stay in the range of Φ, and increase the dual (or decrease the residual)
            double current = useDual ? Dual(lambda, z) : norm;
            double slopeAlong = 0;
            for (int k = 0; k < m; k++) slopeAlong -= residual[k] * step[k]; // ∇D·Δ = (b − Ax)·Δ
            double t = 1;
            bool accepted = false;
            for (int tries = 0; tries < 60; tries++, t /= 2)
            {
                for (int k = 0; k < m; k++) trialLambda[k] = lambda[k] + t * step[k];
                if (!Point(trialLambda, trialZ, trialX)) continue;
                double trialNorm = Residual(trialX, trialResidual);
                bool better = useDual
                    ? Dual(trialLambda, trialZ) >= current + 1e-4 * t * slopeAlong || trialNorm <= 1e-3 * norm
                    : trialNorm <= (1 - 1e-4 * t) * norm;
                if (!better) continue;
                (lambda, trialLambda) = (trialLambda, lambda);
                (z, trialZ) = (trialZ, z);
                (x, trialX) = (trialX, x);
                (residual, trialResidual) = (trialResidual, residual);
                norm = trialNorm;
                accepted = true;
                break;
            }
            if (!accepted)
            {
                if (refresh) break;
                refresh = true; // a stale Jacobian failed: refresh it before giving up
                continue;
            }
            refresh = norm > 1e-3 * before;
        }
        // z − z₀ = Aᵀλ by construction; its distance from range(Aᵀ) measures only rounding, and costs O(MN) to check
        var atl = new double[n];
        LinearAlgebra.MultiplyTransposed(a, m, n, lambda, atl);
        double offRange = 0, size = 0;
        for (int i = 0; i < n; i++)
        {
            double v = z[i] - pieces.Z0[i];
            offRange += (v - atl[i]) * (v - atl[i]);
            size += v * v;
        }
        double kkt = size == 0 ? 0 : Math.Sqrt(offRange / size);
        return new ProjectionResult(x, lambda, iteration, norm, kkt, norm <= tolerance * scale * 10, clock.Elapsed.TotalSeconds);
    }
}

/// <summary>The KKT condition of the theorem: f′(x) − f′(x₀) ∈ range(Aᵀ).</summary>
internal static class Kkt
{
    /// <summary>‖v − Aᵀμ‖/‖v‖ for v = z − z₀ and μ the least-squares coefficients ((AAᵀ)μ = Av).</summary>
    public static double Residual(double[] a, int m, int n, IReadOnlyList<double> z, IReadOnlyList<double> z0)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = z[i] - z0[i];
        double size = System.Numerics.Tensors.TensorPrimitives.Norm(v);
        if (size == 0) return 0;
        var gram = new DenseLu(m);
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        WeightedGram.Compute(a, m, n, ones, gram.Matrix, new double[Math.Min(n, 512)]);
        var mu = new double[m];
        LinearAlgebra.Multiply(a, m, n, v, mu);
        if (!gram.Factor()) return double.NaN;
        gram.Solve(mu);
        var back = new double[n];
        LinearAlgebra.MultiplyTransposed(a, m, n, mu, back);
        for (int i = 0; i < n; i++) back[i] = v[i] - back[i];
        return System.Numerics.Tensors.TensorPrimitives.Norm(back) / size;
    }
}

/// <summary>The dual coordinates of a problem: z₀, ψ, ψ′ and f*, for the one- and two-variable forms.</summary>
internal sealed record DualPieces(double[] Z0, Func<double, double> Psi, Func<double, double> PsiPrime, Func<double, double>? Conjugate)
{
    public static DualPieces Of(Problem problem, Derivation derivation)
    {
        if (!derivation.IsDerived || derivation.InverseMirrorMap is null)
            throw new SymbolicException("the prediction needs the inverse mirror map ψ, which this reparametrization does not have (see its conditions)");
        var r = problem.Reparametrization;
        var psi = derivation.InverseMirrorMap.Function;
        var conjugate = derivation.Conjugate?.Form == Form.Explicit ? derivation.Conjugate.Function : null;
        int n = problem.Model.Columns;
        if (r.IsDifference)
        {
            // ψ(z) = ρ(Φ⁻¹(Φ(u₀) + z)) − ρ(Φ⁻¹(Φ(v₀) − z)) was derived for scalar u₀, v₀: the problem must use them everywhere
            var (u0, v0) = r.DifferenceInitialValues!.Value;
            double uv = u0.Evaluate(), vv = v0.Evaluate();
            for (int i = 0; i < n; i++)
                if (problem.W0[i] != uv || problem.V0![i] != vv)
                    throw new SymbolicException($"the prediction for x = ρ(u) − ρ(v) needs u₀ = {uv} and v₀ = {vv} in every coordinate (coordinate {i} differs)");
            var psiExpr = derivation.InverseMirrorMap.Expression!;
            var z = derivation.InverseMirrorMap.Argument;
            var psiPrime = psiExpr.Differentiate(z).Compile(z);
            return new DualPieces(new double[n], psi, psiPrime, conjugate);
        }
        var phi = derivation.DualCoordinate!.Function;
        var z0 = problem.W0.Select(phi).ToArray();
        // ψ′(z) = ρ′(Φ⁻¹(z))², since Φ′ = 1/ρ′
        var rhoPrime = derivation.Derivative.Compile(r.Variable);
        var phiInverse = derivation.DualInverse!.Function;
        Func<double, double> prime = zv => { double d = rhoPrime(phiInverse(zv)); return d * d; };
        return new DualPieces(z0, psi, prime, conjugate);
    }
}
