namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>
/// How a baseline solve ended: one member per OR-Tools <c>Solver.ResultStatus</c> (the minimum-norm solution is
/// always <see cref="Optimal"/>).
/// </summary>
public enum BaselineStatus
{
    /// <summary>Solved to the requested tolerances (OR-Tools OPTIMAL).</summary>
    Optimal,
    /// <summary>A feasible point, but optimality was not proved, e.g. at a time limit (FEASIBLE).</summary>
    Feasible,
    /// <summary>A x = t has no solution (with x ≥ 0 for the nonnegative variant) (INFEASIBLE).</summary>
    Infeasible,
    /// <summary>The objective is unbounded below (UNBOUNDED); basis pursuit never is, since ‖x‖₁ ≥ 0.</summary>
    Unbounded,
    /// <summary>The solver failed, for instance on numerical trouble (ABNORMAL).</summary>
    Failed,
    /// <summary>OR-Tools rejected the model, for instance for a non-finite coefficient (MODEL_INVALID).</summary>
    InvalidModel,
    /// <summary>The solver stopped without an answer, for instance at a time limit (NOT_SOLVED).</summary>
    NotSolved,
}
