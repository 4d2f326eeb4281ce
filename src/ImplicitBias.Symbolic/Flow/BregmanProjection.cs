using System.Diagnostics;
using System.Numerics.Tensors;
using ImplicitBias.Symbolic.Flow;

namespace ImplicitBias.Symbolic;

/// <summary>The predicted limit: the Bregman projection of x₀ onto {x : Ax = g⁻¹(y)}.</summary>
public sealed class ProjectionResult
{
    internal ProjectionResult(ProjectionMethod method, double[] x, double[] lambda, int iterations, double residual,
        double kktResidual, bool converged, double seconds)
    {
        Method = method; X = x; Lambda = lambda; Iterations = iterations; Residual = residual; KktResidual = kktResidual; Converged = converged;
        Seconds = seconds;
    }

    /// <summary>Dual or primal Newton; <see cref="FlowText"/> gives the text reports show.</summary>
    public ProjectionMethod Method { get; }
    /// <summary>The projection x̂.</summary>
    public double[] X { get; }
    /// <summary>The multipliers λ ∈ ℝ^M with f′(x̂) − f′(x₀) = Aᵀλ (the primal method reports −ν).</summary>
    public double[] Lambda { get; }
    /// <summary>Newton iterations.</summary>
    public int Iterations { get; }
    /// <summary>max |A x̂ − g⁻¹(y)|.</summary>
    public double Residual { get; }
    /// <summary>Relative distance of f′(x̂) − f′(x₀) from range(Aᵀ).</summary>
    public double KktResidual { get; }
    /// <summary>True when the constraints hold to the solver's tolerance, or to the rounding level of A x̂ when that is larger.</summary>
    public bool Converged { get; }
    /// <summary>Wall time.</summary>
    public double Seconds { get; }
}

/// <summary>
/// The Bregman projection x̂ = argmin {D_f(x, x₀) : Ax = b}, b = g⁻¹(y): the prediction of the implicit-bias theorem.
/// <see cref="Solve"/> is damped Newton on the M-dimensional concave dual; <see cref="SolvePrimal"/> is an
/// infeasible-start Newton method in x, an independent cross-check.
/// </summary>
public static class BregmanProjection
{
    /// <summary>
    /// Damped Newton on the dual: λ with A ψ(z₀ + Aᵀλ) = b, Jacobian A diag(ψ′) Aᵀ (O(M²N) to form, so it is reused
    /// while steps shrink the residual a thousandfold). The line search keeps every z inside the range of Φ (the domain
    /// of ψ) and, when the conjugate f* can be evaluated, increases the dual objective λᵀb − Σ f*(z): a plain Newton
    /// step can jump across a branch of ψ and "converge" to a wrong point.
    /// </summary>
    /// <param name="problem">The problem; its x₀ is projected.</param>
    /// <param name="derivation">The derivation of the problem's reparametrization (ψ, ψ′ = ρ′(Φ⁻¹)², f*).</param>
    /// <param name="tolerance">
    /// Stop at max |A x − b| ≤ tolerance·(1 + max |b|), or at the rounding level of A x if that is larger. When Newton
    /// stalls (no descent from a fresh Jacobian, as happens when coordinates sit at the edge of the image), a residual
    /// up to <see cref="StalledTolerance"/>·(1 + max |b|) still counts as converged; <see cref="ProjectionResult.Residual"/>
    /// always reports the residual reached.
    /// </param>
    /// <param name="maxIterations">Newton iterations at most.</param>
    /// <exception cref="SymbolicException">ψ is not available, or x₀ is outside the image of ρ.</exception>
    public static ProjectionResult Solve(Problem problem, Derivation derivation, double tolerance = 1e-13, int maxIterations = 100)
    {
        var clock = Stopwatch.StartNew();
        var model = problem.Model;
        int m = model.Rows, n = model.Columns;
        var pieces = DualPieces.Of(problem, derivation);
        var range = derivation.DualRange;
        var b = model.Targets;
        var a = model.Matrix;
        var lambda = new double[m];
        double[] z = new double[n], x = new double[n], slope = new double[n], residual = new double[m], step = new double[m];
        double[] trialLambda = new double[m], trialZ = new double[n], trialX = new double[n], trialResidual = new double[m], gram = new double[m * m];
        var lu = new DenseLu(m);
        Func<double, double>? conjugate = pieces.Conjugate;
        var sweep = new DualSweep(a, m, n, pieces.Z0, pieces.Psi, range, b);
        double Dual(double[] l, double[] zs)
        {
            double value = 0;
            for (int k = 0; k < m; k++) value += l[k] * b[k];
            for (int i = 0; i < n; i++) value -= conjugate!(zs[i]);
            return value;
        }

        double norm = sweep.Run(lambda, z, x, residual);
        if (double.IsNaN(norm)) throw new SymbolicException("the initial point is outside the range of Φ");
        double scale = 1 + b.Max(Math.Abs), target = tolerance * scale;
        double floor = 0; // the rounding level of A x, once the residual comes near it
        int iteration = 0;
        bool useDual = conjugate is not null && double.IsFinite(Dual(lambda, z));
        bool refresh = true, stalled = false;
        while (iteration < maxIterations)
        {
            if (norm <= target) break;
            // slope holds ψ′ of the last refreshed Jacobian: close enough to size the rounding level
            if (floor == 0 && norm <= 1e-6 * scale && iteration > 0) floor = RoundingLevel(a, m, n, x, z, slope);
            if (norm <= floor) break;
            iteration++;
            if (refresh)
            {
                for (int i = 0; i < n; i++) slope[i] = pieces.PsiPrime(z[i]);
                WeightedGram.ComputeParallel(a, m, n, slope, gram);
                gram.CopyTo(lu.Matrix);
                if (!lu.Factor()) { stalled = true; break; }
            }
            double before = norm;
            for (int k = 0; k < m; k++) step[k] = -residual[k];
            lu.Solve(step);
            // backtracking: stay in the range of Φ, and increase the dual (or decrease the residual)
            double current = useDual && norm > 1e-6 * scale ? Dual(lambda, z) : norm;
            double slopeAlong = 0;
            for (int k = 0; k < m; k++) slopeAlong -= residual[k] * step[k]; // ∇D·Δ = (b − Ax)·Δ
            double t = 1;
            bool accepted = false;
            for (int tries = 0; tries < 60; tries++, t /= 2)
            {
                for (int k = 0; k < m; k++) trialLambda[k] = lambda[k] + t * step[k];
                double trialNorm = sweep.Run(trialLambda, trialZ, trialX, trialResidual);
                if (double.IsNaN(trialNorm)) continue; // outside the range of Φ
                // far out the dual objective guides the search; near the solution its changes drown in rounding,
                // and the residual (which Newton shrinks quadratically there) decides
                bool better = useDual && norm > 1e-6 * scale
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
                if (refresh) { stalled = true; break; }
                refresh = true; // a stale Jacobian failed: refresh it before giving up
                continue;
            }
            refresh = norm > 1e-3 * before;
        }
        if (floor == 0 && norm > target)
        {
            for (int i = 0; i < n; i++) slope[i] = pieces.PsiPrime(z[i]);
            floor = RoundingLevel(a, m, n, x, z, slope);
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
        // Coordinates at the edge of the image make A diag(ψ′) Aᵀ ill-conditioned: Newton then stalls above the rounding
        // level of A x, at a residual that still pins x down far below any verification tolerance
        bool converged = norm <= Math.Max(target, floor) || (stalled && norm <= StalledTolerance * scale);
        return new ProjectionResult(ProjectionMethod.DualNewton, x, lambda, iteration, norm, kkt, converged,
            clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Infeasible-start Newton in x (Boyd &amp; Vandenberghe §10.3) on the KKT system f′(x) − f′(x₀) + Aᵀν = 0, Ax = b,
    /// with the diagonal Hessian f″(x): each step solves one M×M system (A diag(1/f″) Aᵀ), and the line search keeps x
    /// inside the image of ρ while the residual norm decreases. It needs f′ and f″ but not ψ, so it checks
    /// <see cref="Solve"/> by another route.
    /// </summary>
    /// <param name="problem">The problem; its x₀ is projected.</param>
    /// <param name="derivation">The derivation of the problem's reparametrization (f′, f″ and the image).</param>
    /// <param name="tolerance">Stop at max |A x − b| ≤ tolerance·(1 + max |b|) (or the rounding level of A x) with max |f′(x) − f′(x₀) + Aᵀν| ≤ 1e-12·(1 + max |f′(x)|).</param>
    /// <param name="maxIterations">Newton iterations at most.</param>
    /// <exception cref="SymbolicException">f′ or f″ is not available.</exception>
    public static ProjectionResult SolvePrimal(Problem problem, Derivation derivation, double tolerance = 1e-13, int maxIterations = 100)
    {
        var clock = Stopwatch.StartNew();
        if (!derivation.IsDerived || derivation.MirrorMap is null || derivation.Metric is null)
            throw new SymbolicException("the primal Newton method needs the mirror map f′ and the metric f″, which this reparametrization does not have (see its conditions)");
        var mirror = derivation.MirrorMap.Function;
        var metric = derivation.Metric.Function;
        var image = derivation.Image;
        var model = problem.Model;
        int m = model.Rows, n = model.Columns;
        var a = model.Matrix;
        var b = model.Targets;
        var x = (double[])problem.X0.Clone();
        var g0 = x.Select(mirror).ToArray();
        double[] nu = new double[m], stationarity = new double[n], primal = new double[m], inverseMetric = new double[n], gram = new double[m * m];
        double[] dx = new double[n], dnu = new double[m], work = new double[n], trialX = new double[n], trialNu = new double[m];
        double[] trialStationarity = new double[n], trialPrimal = new double[m], z = new double[n], trialZ = new double[n];
        var lu = new DenseLu(m);

        // r = (f′(x) − f′(x₀) + Aᵀν, Ax − b); false when x left the image or f′ is not finite there
        bool Residuals(double[] xs, double[] ns, double[] zOut, double[] sOut, double[] pOut)
        {
            LinearAlgebra.MultiplyTransposed(a, m, n, ns, sOut);
            for (int i = 0; i < n; i++)
            {
                if (!image.Contains(xs[i])) return false;
                zOut[i] = mirror(xs[i]);
                sOut[i] += zOut[i] - g0[i];
                if (!double.IsFinite(sOut[i])) return false;
            }
            ConstraintResidual(a, m, n, xs, b, pOut);
            return true;
        }
        static double Norm(double[] s, double[] p) => Math.Sqrt(TensorPrimitives.Dot(s, s) + TensorPrimitives.Dot(p, p));

        if (!Residuals(x, nu, z, stationarity, primal))
            throw new SymbolicException(
                "its residual at the start is not finite (f′ overflows, or x₀ is at the edge of the image of ρ)");
        double scale = 1 + b.Max(Math.Abs), target = tolerance * scale;
        double floor = 0;
        double norm = Norm(stationarity, primal);
        int iteration = 0;
        while (iteration < maxIterations)
        {
            double primalNorm = MaxAbs(primal);
            double stationaryNorm = MaxAbs(stationarity);
            for (int i = 0; i < n; i++) inverseMetric[i] = 1 / metric(x[i]);
            if (floor == 0 && primalNorm <= 1e-6 * scale) floor = RoundingLevel(a, m, n, x, z, inverseMetric);
            if (primalNorm <= Math.Max(target, floor) && stationaryNorm <= 1e-12 * (1 + MaxAbs(z))) break;
            iteration++;
            // (A H⁻¹ Aᵀ) ν⁺ = (Ax − b) − A H⁻¹ (f′(x) − f′(x₀)), and Δx = −H⁻¹ (f′(x) − f′(x₀) + Aᵀν⁺)
            WeightedGram.ComputeParallel(a, m, n, inverseMetric, gram);
            gram.CopyTo(lu.Matrix);
            if (!lu.Factor()) break;
            LinearAlgebra.MultiplyTransposed(a, m, n, nu, work);
            for (int i = 0; i < n; i++) work[i] = (stationarity[i] - work[i]) * inverseMetric[i];
            LinearAlgebra.Multiply(a, m, n, work, dnu);
            for (int k = 0; k < m; k++) dnu[k] = primal[k] - dnu[k];
            lu.Solve(dnu);
            LinearAlgebra.MultiplyTransposed(a, m, n, dnu, dx);
            for (int i = 0; i < n; i++) dx[i] = -(work[i] + inverseMetric[i] * dx[i]);
            for (int k = 0; k < m; k++) dnu[k] -= nu[k];
            double t = 1;
            bool accepted = false;
            for (int tries = 0; tries < 60; tries++, t /= 2)
            {
                for (int i = 0; i < n; i++) trialX[i] = x[i] + t * dx[i];
                for (int k = 0; k < m; k++) trialNu[k] = nu[k] + t * dnu[k];
                if (!Residuals(trialX, trialNu, trialZ, trialStationarity, trialPrimal)) continue;
                double trialNorm = Norm(trialStationarity, trialPrimal);
                if (trialNorm > (1 - 0.01 * t) * norm) continue;
                (x, trialX) = (trialX, x);
                (z, trialZ) = (trialZ, z);
                (nu, trialNu) = (trialNu, nu);
                (stationarity, trialStationarity) = (trialStationarity, stationarity);
                (primal, trialPrimal) = (trialPrimal, primal);
                norm = trialNorm;
                accepted = true;
                break;
            }
            if (!accepted) break;
        }
        double residualMax = MaxAbs(primal);
        if (floor == 0 && residualMax > target) floor = RoundingLevel(a, m, n, x, z, inverseMetric);
        // after a stalled line search the stationarity is at its rounding level, well below 1e-9
        bool converged = residualMax <= Math.Max(target, floor) && MaxAbs(stationarity) <= 1e-9 * (1 + MaxAbs(z));
        double kkt = Kkt.Residual(a, m, n, z, g0);
        return new ProjectionResult(ProjectionMethod.PrimalNewton, x, nu.Select(v => -v).ToArray(), iteration,
            residualMax, kkt, converged, clock.Elapsed.TotalSeconds);
    }

    private static double MaxAbs(double[] values) => values.Length == 0 ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(values));

    /// <summary>The residual (relative to 1 + max |b|) accepted when Newton stalls on an ill-conditioned Jacobian.</summary>
    public const double StalledTolerance = 1e-8;

    private const double Epsilon = 2.220446049250313e-16; // the spacing of doubles at 1

    /// <summary>r = A x − b into <paramref name="into"/>; returns max |r|.</summary>
    private static double ConstraintResidual(double[] a, int m, int n, double[] x, double[] b, double[] into)
    {
        LinearAlgebra.Multiply(a, m, n, x, into);
        double worst = 0;
        for (int k = 0; k < m; k++) { into[k] -= b[k]; worst = Math.Max(worst, Math.Abs(into[k])); }
        return worst;
    }

    /// <summary>
    /// The residual max |A x − b| cannot fall below the rounding of its own evaluation: √N·ε·max_k Σ_n |A_kn|·e_n, with
    /// e_n = |x_n| + |z_n|·|dx_n/dz_n| the size of x_n plus the error an ε-perturbation of its argument z_n causes.
    /// </summary>
    private static double RoundingLevel(double[] a, int m, int n, double[] x, double[] z, double[] slope)
    {
        var size = new double[n];
        for (int i = 0; i < n; i++) size[i] = Math.Abs(x[i]) + Math.Abs(z[i] * slope[i]);
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

/// <summary>
/// One trial point of the dual Newton method: z = z₀ + Aᵀλ, x = ψ(z) and r = A x − b in a single sweep over A by
/// column blocks, so each block is read from memory once and used twice from cache (the products are memory-bound);
/// large A is split over the cores by columns.
/// </summary>
internal sealed class DualSweep(double[] a, int rows, int columns, double[] z0, Func<double, double> psi, Interval range, double[] b)
{
    private const int Block = 256;
    private readonly int _parts = (long)rows * columns < 1 << 20 ? 1 : Math.Max(1, Math.Min(Environment.ProcessorCount, columns / (8 * Block)));
    private readonly double[][] _sums = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new double[rows]).ToArray();

    /// <summary>Fills z, x and r; returns max |r|, or NaN when some z leaves the range of Φ (or ψ is not finite there).</summary>
    public double Run(double[] lambda, double[] z, double[] x, double[] r)
    {
        int outside = 0;
        void Part(int part)
        {
            int from = (int)((long)columns * part / _parts), to = (int)((long)columns * (part + 1) / _parts);
            var sums = _sums[part];
            Array.Clear(sums);
            for (int start = from; start < to && Volatile.Read(ref outside) == 0; start += Block)
            {
                int width = Math.Min(Block, to - start);
                var zs = z.AsSpan(start, width);
                var xs = x.AsSpan(start, width);
                z0.AsSpan(start, width).CopyTo(zs);
                for (int k = 0; k < rows; k++)
                    if (lambda[k] != 0) TensorPrimitives.MultiplyAdd(a.AsSpan(k * columns + start, width), lambda[k], zs, zs);
                for (int i = 0; i < width; i++)
                {
                    if (!range.Contains(zs[i]) || !double.IsFinite(xs[i] = psi(zs[i]))) { Volatile.Write(ref outside, 1); return; }
                }
                for (int k = 0; k < rows; k++) sums[k] += TensorPrimitives.Dot(a.AsSpan(k * columns + start, width), xs);
            }
        }
        if (_parts == 1) Part(0);
        else Parallel.For(0, _parts, Part);
        if (outside != 0) return double.NaN;
        double worst = 0;
        for (int k = 0; k < rows; k++)
        {
            double sum = 0;
            for (int part = 0; part < _parts; part++) sum += _sums[part][k];
            r[k] = sum - b[k];
            worst = Math.Max(worst, Math.Abs(r[k]));
        }
        return worst;
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
        WeightedGram.Compute(a, m, n, ones, gram.Matrix, new double[WeightedGram.ScratchLength(m, n)]);
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
        RequireSameReparametrization(problem, derivation);
        if (!derivation.IsDerived || derivation.InverseMirrorMap is null)
        {
            var failed = derivation.Conditions.Where(c => c.Status == ConditionStatus.Fails).Select(c => $"{c.Name}: {c.Reason}").ToList();
            throw new SymbolicException($"the prediction needs the inverse mirror map ψ, which {derivation.Reparametrization} does not have"
                + (failed.Count > 0 ? $" ({string.Join("; ", failed)})" : " (see its conditions)"));
        }
        var r = derivation.Reparametrization;
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

    /// <summary>A derivation answers for one reparametrization: the problem must run in the same one.</summary>
    public static void RequireSameReparametrization(Problem problem, Derivation derivation)
    {
        var (p, d) = (problem.Reparametrization, derivation.Reparametrization);
        if (ReferenceEquals(p, d)) return;
        if (p.Rho != d.Rho || p.Variable != d.Variable || p.Domain != d.Domain || !p.DifferenceInitialValues.Equals(d.DifferenceInitialValues))
            throw new SymbolicException($"the derivation is of {d}, but the problem runs in {p}");
    }
}
