namespace ImplicitBias.Symbolic.Flow;

/// <summary>
/// <see cref="BregmanProjection.Solve"/>: damped Newton on the dual, λ with A ψ(z₀ + Aᵀλ) = b and the Jacobian
/// A diag(ψ′) Aᵀ, kept while steps shrink the residual a thousandfold. Far from the solution the line search asks for
/// an increase of the dual objective λᵀb − Σ f*(z) (when f* is known), nearer for a smaller residual.
/// </summary>
internal sealed class DualNewton : DampedNewton
{
    private readonly LinearModel _model;
    private readonly double[] _b, _slope, _step, _gram;
    private readonly int _m, _n;
    private readonly DualPieces _pieces;
    private readonly DualSweep _sweep;
    private readonly DenseLu _lu;
    private readonly double _scale, _target;
    private readonly bool _useDual;
    private double[] _lambda, _z, _x, _residual, _trialLambda, _trialZ, _trialX, _trialResidual;
    private double _norm, _trialNorm, _before, _current, _slopeAlong;
    private double _floor; // the rounding level of A x, once the residual comes near it
    private bool _guided; // whether this line search follows the dual objective

    /// <exception cref="SymbolicException">ψ is not available, or x₀ is outside the image of ρ.</exception>
    public DualNewton(Problem problem, Derivation derivation, double tolerance)
    {
        var model = _model = problem.Model;
        (_m, _n, _b) = (model.Rows, model.Columns, model.Targets);
        _pieces = DualPieces.Of(problem, derivation);
        _lambda = new double[_m];
        (_z, _x, _slope) = (new double[_n], new double[_n], new double[_n]);
        (_residual, _step) = (new double[_m], new double[_m]);
        (_trialLambda, _trialResidual) = (new double[_m], new double[_m]);
        (_trialZ, _trialX, _gram) = (new double[_n], new double[_n], new double[_m * _m]);
        _lu = new DenseLu(_m);
        _sweep = model.Sparse is { } sparse
            ? new DualSweep(sparse, _pieces.Z0, _pieces.Psi, derivation.DualRange, _b)
            : new DualSweep(model.DenseValues!, _m, _n, _pieces.Z0, _pieces.Psi, derivation.DualRange, _b);
        _norm = _sweep.Run(_lambda, _z, _x, _residual);
        if (double.IsNaN(_norm)) throw new SymbolicException("the initial point is outside the range of Φ");
        _scale = 1 + _b.Max(Math.Abs);
        _target = tolerance * _scale;
        _useDual = _pieces.Conjugate is not null && double.IsFinite(Dual(_lambda, _z));
    }

    /// <summary>The projection reached after <see cref="DampedNewton.Run"/>.</summary>
    public ProjectionResult Result(double seconds)
    {
        if (_floor == 0 && _norm > _target)
        {
            for (int i = 0; i < _n; i++) _slope[i] = _pieces.PsiPrime(_z[i]);
            _floor = BregmanProjection.RoundingLevel(_model, _x, _z, _slope);
        }
        // Coordinates at the edge of the image make A diag(ψ′) Aᵀ ill-conditioned: Newton then stalls above the
        // rounding level of A x, at a residual that still pins x down far below any verification tolerance
        bool converged = _norm <= Math.Max(_target, _floor)
            || (Stalled && _norm <= BregmanProjection.StalledTolerance * _scale);
        return new ProjectionResult(ProjectionMethod.DualNewton, _x, _lambda, Iterations, _norm, OffRange(),
            converged, seconds);
    }

    protected override bool Stop(int iteration)
    {
        if (_norm <= _target) return true;
        // slope holds ψ′ of the last refreshed Jacobian: close enough to size the rounding level
        if (_floor == 0 && _norm <= 1e-6 * _scale && iteration > 0)
            _floor = BregmanProjection.RoundingLevel(_model, _x, _z, _slope);
        return _norm <= _floor;
    }

    protected override bool Factor()
    {
        for (int i = 0; i < _n; i++) _slope[i] = _pieces.PsiPrime(_z[i]);
        WeightedGram.ComputeParallel(_model.Matrix, _slope, _gram);
        _gram.CopyTo(_lu.Matrix);
        return _lu.Factor();
    }

    protected override void Direction()
    {
        _before = _norm;
        for (int k = 0; k < _m; k++) _step[k] = -_residual[k];
        _lu.Solve(_step);
        // far out the dual objective guides the search; near the solution its changes drown in rounding,
        // and the residual (which Newton shrinks quadratically there) decides
        _guided = _useDual && _norm > 1e-6 * _scale;
        _current = _guided ? Dual(_lambda, _z) : _norm;
        _slopeAlong = 0;
        for (int k = 0; k < _m; k++) _slopeAlong -= _residual[k] * _step[k]; // ∇D·Δ = (b − Ax)·Δ
    }

    protected override bool TryStep(double t)
    {
        for (int k = 0; k < _m; k++) _trialLambda[k] = _lambda[k] + t * _step[k];
        _trialNorm = _sweep.Run(_trialLambda, _trialZ, _trialX, _trialResidual);
        if (double.IsNaN(_trialNorm)) return false; // outside the range of Φ
        return _guided
            ? Dual(_trialLambda, _trialZ) >= _current + 1e-4 * t * _slopeAlong || _trialNorm <= 1e-3 * _norm
            : _trialNorm <= (1 - 1e-4 * t) * _norm;
    }

    protected override void Accept()
    {
        (_lambda, _trialLambda) = (_trialLambda, _lambda);
        (_z, _trialZ) = (_trialZ, _z);
        (_x, _trialX) = (_trialX, _x);
        (_residual, _trialResidual) = (_trialResidual, _residual);
        _norm = _trialNorm;
    }

    protected override bool NeedsFreshJacobian => _norm > 1e-3 * _before;

    /// <summary>The dual objective λᵀb − Σ f*(z).</summary>
    private double Dual(double[] lambda, double[] z)
    {
        var conjugate = _pieces.Conjugate!;
        double value = 0;
        for (int k = 0; k < _m; k++) value += lambda[k] * _b[k];
        for (int i = 0; i < _n; i++) value -= conjugate(z[i]);
        return value;
    }

    /// <summary>
    /// The KKT residual: z − z₀ = Aᵀλ by construction, so its distance from range(Aᵀ) measures only rounding, and
    /// costs O(MN) to check.
    /// </summary>
    private double OffRange()
    {
        var atl = new double[_n];
        _model.MultiplyTransposed(_lambda, atl);
        double offRange = 0, size = 0;
        for (int i = 0; i < _n; i++)
        {
            double v = _z[i] - _pieces.Z0[i];
            offRange += (v - atl[i]) * (v - atl[i]);
            size += v * v;
        }
        return size == 0 ? 0 : Math.Sqrt(offRange / size);
    }
}
