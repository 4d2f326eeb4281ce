namespace ImplicitBias.Symbolic.Flow;

/// <summary>
/// The reparametrized gradient flow as an ODE in the state y: y = w (x = ρ(w)), or y = (u, v) with x = ρ(u) − ρ(v).
/// Component i acts on column n(i) of A with sign σ_i, so F_i = −σ_i ρ′(y_i)·(Aᵀr)_{n(i)}, and the Jacobian is a
/// diagonal plus a rank-M term: J = −diag(σ ρ″ Aᵀr) − P Ãᵀ S Ã P with P = diag(σ ρ′), S = ∂r/∂z. Rosenbrock solves
/// (σI − J)x = b use the Woodbury identity: one M×M system, O(M²N + M³) per step, never an N×N one.
/// </summary>
internal sealed class ReparametrizedSystem : IOdeSystem, IFlowMonitor
{
    private readonly LinearModel _model;
    private readonly Func<double, double> _rho, _rhoPrime, _rhoSecond;
    private readonly Interval _domain;
    private readonly int _n, _m, _k;
    private readonly bool _difference;
    private readonly double[] _x, _z, _r, _g, _slope, _scratchM, _p, _q, _delta, _weights, _aggregate,
        _gram, _gramScratch, _vector;
    private readonly DenseLu _lu;
    private readonly double _matrixNorm; // ‖A‖_F, the scale of the relative gradient
    private double _factoredSigma = double.NaN; // the three stage solves of a step share σ: factor once

    public ReparametrizedSystem(LinearModel model, Func<double, double> rho, Func<double, double> rhoPrime,
        Func<double, double> rhoSecond, Interval domain, bool difference)
    {
        _model = model;
        _rho = rho;
        _rhoPrime = rhoPrime;
        _rhoSecond = rhoSecond;
        _domain = domain;
        _difference = difference;
        _m = model.Rows;
        _n = model.Columns;
        _k = difference ? 2 * _n : _n;
        _x = new double[_n]; _z = new double[_m]; _r = new double[_m]; _g = new double[_n]; _slope = new double[_m];
        _scratchM = new double[_m]; _p = new double[_k]; _q = new double[_k]; _delta = new double[_k];
        _weights = new double[_n]; _aggregate = new double[_n]; _gram = new double[_m * _m];
        _gramScratch = new double[WeightedGram.ScratchLength(model.Matrix)]; _vector = new double[_m];
        _lu = new DenseLu(_m);
        _matrixNorm = model.FrobeniusNorm();
    }

    public int Dimension => _k;

    private int Column(int i) => i < _n ? i : i - _n;
    private int SignOf(int i) => i < _n ? 1 : -1;

    /// <summary>x from the state; false when a component left the domain.</summary>
    public bool ToX(ReadOnlySpan<double> y, Span<double> x)
    {
        for (int i = 0; i < _n; i++)
        {
            if (!_domain.Contains(y[i])) return false;
            x[i] = _rho(y[i]);
        }
        if (_difference)
            for (int i = 0; i < _n; i++)
            {
                if (!_domain.Contains(y[_n + i])) return false;
                x[i] -= _rho(y[_n + i]);
            }
        return true;
    }

    public bool Evaluate(ReadOnlySpan<double> y, Span<double> dydt)
    {
        if (!ToX(y, _x)) return false;
        _model.Gradient(_x, _g, _scratchM);
        for (int i = 0; i < _k; i++)
        {
            double v = -SignOf(i) * _rhoPrime(y[i]) * _g[Column(i)];
            if (!double.IsFinite(v)) return false;
            dydt[i] = v;
        }
        return true;
    }

    public FlowMeasure Measure(ReadOnlySpan<double> y) =>
        ToX(y, _x) ? FlowMeasure.Of(_model, _x, _g, _scratchM, _matrixNorm) : FlowMeasure.Undefined;

    public void PrepareJacobian(ReadOnlySpan<double> y, ReadOnlySpan<double> dydt)
    {
        _factoredSigma = double.NaN;
        ToX(y, _x);
        _model.Gradient(_x, _g, _scratchM);
        _model.Multiply(_x, _z);
        _model.ResidualSlope(_z, _slope);
        for (int i = 0; i < _k; i++)
        {
            int s = SignOf(i);
            _p[i] = s * _rhoPrime(y[i]);
            _q[i] = s * _rhoSecond(y[i]) * _g[Column(i)];
        }
    }

    public bool Solve(double sigma, Span<double> rhs)
    {
        if (sigma != _factoredSigma && !Factor(sigma)) return false;
        // u = Δ⁻¹ b (in place), and its image t = Ã P u ∈ ℝ^M
        _aggregate.AsSpan().Clear();
        for (int i = 0; i < _k; i++)
        {
            rhs[i] /= _delta[i];
            _aggregate[Column(i)] += _p[i] * rhs[i];
        }
        _model.Multiply(_aggregate, _vector);
        for (int a = 0; a < _m; a++) _vector[a] *= _slope[a];
        _lu.Solve(_vector); // (I + S W) v = S t
        // x = u − Δ⁻¹ P Ãᵀ v
        _model.MultiplyTransposed(_vector, _aggregate);
        for (int i = 0; i < _k; i++) rhs[i] -= _p[i] * _aggregate[Column(i)] / _delta[i];
        for (int i = 0; i < _k; i++) if (!double.IsFinite(rhs[i])) return false;
        return true;
    }

    /// <summary>Δ = σ + q and the LU factors of I + S W with W = A diag(Σ p²/Δ) Aᵀ, the Woodbury capacitance
    /// matrix.</summary>
    private bool Factor(double sigma)
    {
        _weights.AsSpan().Clear();
        for (int i = 0; i < _k; i++)
        {
            _delta[i] = sigma + _q[i];
            if (!(Math.Abs(_delta[i]) > 1e-300)) return false;
            _weights[Column(i)] += _p[i] * _p[i] / _delta[i];
        }
        WeightedGram.Compute(_model.Matrix, _weights, _gram, _gramScratch);
        var k = _lu.Matrix;
        for (int a = 0; a < _m; a++)
        {
            for (int b = 0; b < _m; b++) k[a * _m + b] = _slope[a] * _gram[a * _m + b];
            k[a * _m + a] += 1;
        }
        if (!_lu.Factor()) return false;
        _factoredSigma = sigma;
        return true;
    }
}

/// <summary>
/// The reduced dual flow: s ∈ ℝ^M with z = z₀ − Aᵀs, x = ψ(z) and s′ = r(x). Its Jacobian −S·A·diag(ψ′(z))·Aᵀ is
/// dense M×M. Fast at small initialization, but it holds Φ(w) − Φ(w₀) ∈ range(Aᵀ) by construction.
/// </summary>
internal sealed class DualSystem : IOdeSystem, IFlowMonitor
{
    private readonly LinearModel _model;
    private readonly double[] _z0;
    private readonly Func<double, double> _psi, _psiPrime;
    private readonly Interval _zRange;
    private readonly int _n, _m;
    private readonly double[] _z, _x, _g, _scratchM, _slope, _psiSlope, _gram, _gramScratch;
    private readonly DenseLu _lu;
    private readonly double _matrixNorm;
    private double _factoredSigma = double.NaN;

    public DualSystem(LinearModel model, double[] z0, Func<double, double> psi, Func<double, double> psiPrime,
        Interval zRange)
    {
        _model = model;
        _z0 = z0;
        _psi = psi;
        _psiPrime = psiPrime;
        _zRange = zRange;
        _m = model.Rows;
        _n = model.Columns;
        _z = new double[_n]; _x = new double[_n]; _g = new double[_n]; _scratchM = new double[_m];
        _slope = new double[_m]; _psiSlope = new double[_n]; _gram = new double[_m * _m];
        _gramScratch = new double[WeightedGram.ScratchLength(model.Matrix)];
        _lu = new DenseLu(_m);
        _matrixNorm = model.FrobeniusNorm();
    }

    public int Dimension => _m;

    /// <summary>z = z₀ − Aᵀs and x = ψ(z); false when z leaves the range of Φ.</summary>
    public bool ToX(ReadOnlySpan<double> s, Span<double> x, Span<double> z)
    {
        _model.MultiplyTransposed(s, z);
        for (int i = 0; i < _n; i++)
        {
            z[i] = _z0[i] - z[i];
            if (!_zRange.Contains(z[i])) return false;
            x[i] = _psi(z[i]);
            if (!double.IsFinite(x[i])) return false;
        }
        return true;
    }

    public bool Evaluate(ReadOnlySpan<double> s, Span<double> dsdt)
    {
        if (!ToX(s, _x, _z)) return false;
        _model.Residual(_x, dsdt);
        return true;
    }

    public FlowMeasure Measure(ReadOnlySpan<double> s) =>
        ToX(s, _x, _z) ? FlowMeasure.Of(_model, _x, _g, _scratchM, _matrixNorm) : FlowMeasure.Undefined;

    public void PrepareJacobian(ReadOnlySpan<double> s, ReadOnlySpan<double> dsdt)
    {
        ToX(s, _x, _z);
        _model.Multiply(_x, _scratchM);
        _model.ResidualSlope(_scratchM, _slope);
        for (int i = 0; i < _n; i++) _psiSlope[i] = _psiPrime(_z[i]);
        WeightedGram.Compute(_model.Matrix, _psiSlope, _gram, _gramScratch);
        _factoredSigma = double.NaN;
    }

    public bool Solve(double sigma, Span<double> rhs)
    {
        // σI − J = σI + S W, factored once per step
        if (sigma != _factoredSigma)
        {
            var k = _lu.Matrix;
            for (int a = 0; a < _m; a++)
            {
                for (int b = 0; b < _m; b++) k[a * _m + b] = _slope[a] * _gram[a * _m + b];
                k[a * _m + a] += sigma;
            }
            if (!_lu.Factor()) return false;
            _factoredSigma = sigma;
        }
        _lu.Solve(rhs);
        foreach (var v in rhs) if (!double.IsFinite(v)) return false;
        return true;
    }
}
