namespace ImplicitBias.Symbolic.Flow;

/// <summary>
/// LU with partial pivoting of a small dense n×n matrix (row-major), reused across solves without allocation: the one
/// dense factorization of the library (Newton's M×M systems, the Woodbury solves of the flows, the KKT check).
/// Right-looking with vectorized row updates; MathNet's managed LU on flat arrays was measured 2.6× slower at M = 60
/// and 3.4× at M = 100, which costs the Rosenbrock and dual flows (one factorization per step) about a tenth.
/// </summary>
internal sealed class DenseLu
{
    private readonly int _n;
    private readonly double[] _lu;
    private readonly int[] _pivot;

    public DenseLu(int n)
    {
        _n = n;
        _lu = new double[n * n];
        _pivot = new int[n];
    }

    /// <summary>The matrix to factor; fill it, then call <see cref="Factor"/>.</summary>
    public Span<double> Matrix => _lu;

    /// <summary>
    /// Factors in place; false when (numerically) singular: a pivot at most 1e-300 + 1e-15·max |entry|, or an entry
    /// that is not a number. The test is relative, so a well-conditioned matrix of tiny entries still factors.
    /// </summary>
    public bool Factor()
    {
        int n = _n;
        var a = _lu.AsSpan();
        double scale = 0;
        foreach (var v in a) scale = Math.Max(scale, Math.Abs(v));
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double best = Math.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(a[i * n + k]);
                if (v > best) { best = v; p = i; }
            }
            if (!(best > 1e-300 + 1e-15 * scale)) return false;
            _pivot[k] = p;
            if (p != k)
                for (int j = 0; j < n; j++) (a[k * n + j], a[p * n + j]) = (a[p * n + j], a[k * n + j]);
            double inv = 1 / a[k * n + k];
            for (int i = k + 1; i < n; i++)
            {
                double l = a[i * n + k] *= inv;
                if (l == 0) continue;
                var rowI = a.Slice(i * n + k + 1, n - k - 1);
                var rowK = a.Slice(k * n + k + 1, n - k - 1);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(rowK, -l, rowI, rowI);
            }
        }
        return true;
    }

    /// <summary>Solves with the factors, in place.</summary>
    public void Solve(Span<double> b)
    {
        int n = _n;
        var a = _lu.AsSpan();
        for (int k = 0; k < n; k++)
        {
            int p = _pivot[k];
            if (p != k) (b[k], b[p]) = (b[p], b[k]);
        }
        for (int i = 1; i < n; i++)
        {
            double s = b[i];
            for (int j = 0; j < i; j++) s -= a[i * n + j] * b[j];
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int j = i + 1; j < n; j++) s -= a[i * n + j] * b[j];
            b[i] = s / a[i * n + i];
        }
    }
}
