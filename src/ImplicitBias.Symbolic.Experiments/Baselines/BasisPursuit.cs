using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>
/// Basis pursuit, x_ℓ1 = argmin ‖x‖₁ subject to A x = t with t = g⁻¹(y) (<see cref="LinearModel.Targets"/>; y for
/// the identity link), as a linear program for Google OR-Tools' GLOP or PDLP (<see cref="BaselineOptions"/>):
/// x = p − q with p, q ≥ 0, minimize Σ(p + q) subject to A(p − q) = t. The nonnegative variant, for ρ onto (0, ∞),
/// is minimize Σ x subject to A x = t, x ≥ 0.
/// </summary>
public static class BasisPursuit
{
    /// <summary>
    /// Solves basis pursuit. An inconsistent A x = t (M ≥ N, noisy data; or no x ≥ 0 for the nonnegative variant)
    /// is a result with <see cref="BaselineStatus.Infeasible"/> and no X, not an exception.
    /// </summary>
    /// <param name="model">A and the targets t = g⁻¹(y); the loss plays no part.</param>
    /// <param name="nonnegative">Minimize Σ x over x ≥ 0 instead of ‖x‖₁ over all x.</param>
    /// <param name="options">The engine, tolerance and limits; <see cref="BaselineOptions.Default"/> when null.</param>
    /// <returns>
    /// X, the multipliers λ of A x = t with OR-Tools' sign (Aᵀλ ∈ ∂‖x‖₁, see <see cref="BaselineResult.Lambda"/>),
    /// the objective ‖X‖₁ (Σ X), the status, the engine, its iterations and the wall time.
    /// </returns>
    /// <exception cref="SymbolicException">OR-Tools' native library cannot load.</exception>
    public static BaselineResult Solve(LinearModel model, bool nonnegative = false, BaselineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= BaselineOptions.Default;
        var clock = Stopwatch.StartNew();
        var kind = nonnegative ? BaselineKind.L1Nonnegative : BaselineKind.L1;
        var engine = options.EngineFor(model.Rows, model.Columns);
        using var solver = OrToolsEngine.Create(engine, options);
        var positive = Variables(solver, model.Columns);
        var negative = nonnegative ? null : Variables(solver, model.Columns);
        var constraints = Constraints(solver, model, positive, negative);
        var status = OrToolsEngine.Status(solver.Solve());
        long iterations = solver.Iterations();
        if (status is not (BaselineStatus.Optimal or BaselineStatus.Feasible))
            return new BaselineResult(kind, status, engine, null, null, double.NaN, double.NaN, false, iterations,
                clock.Elapsed.TotalSeconds);
        var x = new double[model.Columns];
        for (int j = 0; j < x.Length; j++)
            x[j] = positive[j].SolutionValue() - (negative is null ? 0 : negative[j].SolutionValue());
        var lambda = constraints.Select(c => c.DualValue()).ToArray();
        // ‖x‖₁ of x itself: Σ(p + q) is larger when an inexact (PDLP) solution has pⱼ, qⱼ > 0 together
        double objective = x.Sum(Math.Abs);
        double residual = BaselineResult.ResidualOf(model, x);
        return new BaselineResult(kind, status, engine, x, lambda, objective, residual,
            BaselineResult.Holds(residual, model.Targets), iterations, clock.Elapsed.TotalSeconds);
    }

    /// <summary>N variables in [0, ∞), each with objective coefficient 1 (the objective is minimized).</summary>
    private static Variable[] Variables(Solver solver, int count)
    {
        var variables = solver.MakeNumVarArray(count, 0, double.PositiveInfinity);
        var objective = solver.Objective();
        foreach (var v in variables) objective.SetCoefficient(v, 1);
        objective.SetMinimization();
        return variables;
    }

    /// <summary>The rows A(p − q) = t (A p = t without q), zero entries of A left out (read from its CSR form, so a
    /// sparse A is never made dense).</summary>
    private static Constraint[] Constraints(Solver solver, LinearModel model, Variable[] positive,
        Variable[]? negative)
    {
        var a = model.Matrix.ToCsr();
        var constraints = new Constraint[model.Rows];
        for (int m = 0; m < constraints.Length; m++)
        {
            double t = model.Targets[m];
            var row = solver.MakeConstraint(t, t);
            for (int k = a.RowPointers[m]; k < a.RowPointers[m + 1]; k++)
            {
                double entry = a.Values[k];
                if (entry == 0) continue;
                int j = a.ColumnIndices[k];
                row.SetCoefficient(positive[j], entry);
                if (negative is not null) row.SetCoefficient(negative[j], -entry);
            }
            constraints[m] = row;
        }
        return constraints;
    }
}
