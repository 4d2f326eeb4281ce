using ImplicitBias.Symbolic.Flow;

namespace ImplicitBias.Symbolic;

/// <summary>The KKT condition of the theorem: f′(x) − f′(x₀) ∈ range(Aᵀ).</summary>
internal static class Kkt
{
    /// <summary>‖v − Aᵀμ‖/‖v‖ for v = z − z₀ and μ the least-squares coefficients ((AAᵀ)μ = Av).</summary>
    public static double Residual(MatrixData a, IReadOnlyList<double> z, IReadOnlyList<double> z0)
    {
        int m = a.Rows, n = a.Columns;
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = z[i] - z0[i];
        double size = System.Numerics.Tensors.TensorPrimitives.Norm(v);
        if (size == 0) return 0;
        var gram = new DenseLu(m);
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        var product = new double[m * m];
        WeightedGram.Compute(a, ones, product, new double[WeightedGram.ScratchLength(a)]);
        product.CopyTo(gram.Matrix);
        var mu = new double[m];
        a.Multiply(v, mu);
        if (!gram.Factor()) return double.NaN;
        gram.Solve(mu);
        var back = new double[n];
        a.MultiplyTransposed(mu, back);
        for (int i = 0; i < n; i++) back[i] = v[i] - back[i];
        return System.Numerics.Tensors.TensorPrimitives.Norm(back) / size;
    }
}
