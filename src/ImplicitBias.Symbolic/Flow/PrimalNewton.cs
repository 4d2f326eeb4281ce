using System.Numerics.Tensors;

namespace ImplicitBias.Symbolic.Flow;

/// <summary>
/// <see cref="BregmanProjection.SolvePrimal"/>: infeasible-start Newton in x (Boyd &amp; Vandenberghe §10.3) on
/// f′(x) − f′(x₀) + Aᵀν = 0, Ax = b with the diagonal Hessian H = f″(x): one M×M system A H⁻¹ Aᵀ per step, factored
/// afresh each time; the line search keeps x inside the image of ρ while the residual norm decreases.
/// </summary>
internal sealed class PrimalNewton : DampedNewton
{
    private readonly Func<double, double> _mirror, _metric;
    private readonly Interval _image;
    private readonly LinearModel _model;
    private readonly double[] _b, _g0, _inverseMetric, _gram, _dx, _dnu, _work;
    private readonly int _m, _n;
    private readonly DenseLu _lu;
    private readonly double _scale, _target;
    private double[] _x, _nu, _z, _stationarity, _primal, _trialX, _trialNu, _trialZ, _trialStationarity, _trialPrimal;
    private double _norm, _trialNorm;
    private double _floor; // the rounding level of A x, once the residual comes near it

    /// <exception cref="SymbolicException">f′ or f″ is not available, or the residual at x₀ is not finite.</exception>
    public PrimalNewton(Problem problem, Derivation derivation, double tolerance)
    {
        if (!derivation.IsDerived || derivation.MirrorMap is null || derivation.Metric is null)
            throw new SymbolicException("the primal Newton method needs the mirror map f′ and the metric f″, which "
                + "this reparametrization does not have (see its conditions)");
        (_mirror, _metric, _image) = (derivation.MirrorMap.Function, derivation.Metric.Function, derivation.Image);
        var model = _model = problem.Model;
        (_m, _n, _b) = (model.Rows, model.Columns, model.Targets);
        _x = (double[])problem.X0.Clone();
        _g0 = _x.Select(_mirror).ToArray();
        (_nu, _primal, _dnu, _trialNu, _trialPrimal) = (new double[_m], new double[_m], new double[_m], new double[_m],
            new double[_m]);
        (_stationarity, _inverseMetric, _dx, _work) = (new double[_n], new double[_n], new double[_n], new double[_n]);
        (_trialX, _trialStationarity, _z, _trialZ) = (new double[_n], new double[_n], new double[_n], new double[_n]);
        _gram = new double[_m * _m];
        _lu = new DenseLu(_m);
        if (!Residuals(_x, _nu, _z, _stationarity, _primal))
            throw new SymbolicException(
                "its residual at the start is not finite (f′ overflows, or x₀ is at the edge of the image of ρ)");
        _scale = 1 + _b.Max(Math.Abs);
        _target = tolerance * _scale;
        _norm = Norm(_stationarity, _primal);
    }

    /// <summary>The projection reached after <see cref="DampedNewton.Run"/>.</summary>
    public ProjectionResult Result(double seconds)
    {
        double residualMax = MaxAbs(_primal);
        if (_floor == 0 && residualMax > _target)
            _floor = BregmanProjection.RoundingLevel(_model, _x, _z, _inverseMetric);
        // after a stalled line search the stationarity is at its rounding level, well below 1e-9
        bool converged = residualMax <= Math.Max(_target, _floor) && MaxAbs(_stationarity) <= 1e-9 * (1 + MaxAbs(_z));
        double kkt = Kkt.Residual(_model.Matrix, _z, _g0);
        return new ProjectionResult(ProjectionMethod.PrimalNewton, _x, _nu.Select(v => -v).ToArray(), Iterations,
            residualMax, kkt, converged, seconds);
    }

    protected override bool Stop(int iteration)
    {
        double primalNorm = MaxAbs(_primal);
        double stationaryNorm = MaxAbs(_stationarity);
        for (int i = 0; i < _n; i++) _inverseMetric[i] = 1 / _metric(_x[i]);
        if (_floor == 0 && primalNorm <= 1e-6 * _scale)
            _floor = BregmanProjection.RoundingLevel(_model, _x, _z, _inverseMetric);
        return primalNorm <= Math.Max(_target, _floor) && stationaryNorm <= 1e-12 * (1 + MaxAbs(_z));
    }

    protected override bool Factor()
    {
        WeightedGram.ComputeParallel(_model.Matrix, _inverseMetric, _gram);
        _gram.CopyTo(_lu.Matrix);
        return _lu.Factor();
    }

    /// <summary>(A H⁻¹ Aᵀ) ν⁺ = (Ax − b) − A H⁻¹ (f′(x) − f′(x₀)), and Δx = −H⁻¹ (f′(x) − f′(x₀) + Aᵀν⁺).</summary>
    protected override void Direction()
    {
        _model.MultiplyTransposed(_nu, _work);
        for (int i = 0; i < _n; i++) _work[i] = (_stationarity[i] - _work[i]) * _inverseMetric[i];
        _model.Multiply(_work, _dnu);
        for (int k = 0; k < _m; k++) _dnu[k] = _primal[k] - _dnu[k];
        _lu.Solve(_dnu);
        _model.MultiplyTransposed(_dnu, _dx);
        for (int i = 0; i < _n; i++) _dx[i] = -(_work[i] + _inverseMetric[i] * _dx[i]);
        for (int k = 0; k < _m; k++) _dnu[k] -= _nu[k];
    }

    protected override bool TryStep(double t)
    {
        for (int i = 0; i < _n; i++) _trialX[i] = _x[i] + t * _dx[i];
        for (int k = 0; k < _m; k++) _trialNu[k] = _nu[k] + t * _dnu[k];
        if (!Residuals(_trialX, _trialNu, _trialZ, _trialStationarity, _trialPrimal)) return false;
        _trialNorm = Norm(_trialStationarity, _trialPrimal);
        return !(_trialNorm > (1 - 0.01 * t) * _norm);
    }

    protected override void Accept()
    {
        (_x, _trialX) = (_trialX, _x);
        (_z, _trialZ) = (_trialZ, _z);
        (_nu, _trialNu) = (_trialNu, _nu);
        (_stationarity, _trialStationarity) = (_trialStationarity, _stationarity);
        (_primal, _trialPrimal) = (_trialPrimal, _primal);
        _norm = _trialNorm;
    }

    /// <summary>r = (f′(x) − f′(x₀) + Aᵀν, Ax − b); false when x left the image or f′ is not finite there.</summary>
    private bool Residuals(double[] x, double[] nu, double[] z, double[] stationarity, double[] primal)
    {
        _model.MultiplyTransposed(nu, stationarity);
        for (int i = 0; i < _n; i++)
        {
            if (!_image.Contains(x[i])) return false;
            z[i] = _mirror(x[i]);
            stationarity[i] += z[i] - _g0[i];
            if (!double.IsFinite(stationarity[i])) return false;
        }
        _model.Multiply(x, primal);
        for (int k = 0; k < _m; k++) primal[k] -= _b[k];
        return true;
    }

    private static double Norm(double[] s, double[] p) =>
        Math.Sqrt(TensorPrimitives.Dot(s, s) + TensorPrimitives.Dot(p, p));

    private static double MaxAbs(double[] values) =>
        values.Length == 0 ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(values));
}
