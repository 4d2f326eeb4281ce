namespace ImplicitBias.Symbolic.Models;

/// <summary>
/// The rank of A, a maximal set of independent rows, and how far A x = b (b = g⁻¹(y)) is from consistent: the
/// largest residual of a dependent row's target against the combination of independent rows that gives the row.
/// </summary>
/// <param name="Rank">The numerical rank of A.</param>
/// <param name="Independent">Indices of independent rows, ascending.</param>
/// <param name="Inconsistency">Max |bⱼ − cⱼ·b_I| over dependent rows j, relative to 1 + max |b| (0 when none).</param>
internal sealed record RowRank(int Rank, int[] Independent, double Inconsistency)
{
    /// <summary>Relative pivot below which a row of the Gram matrix counts as dependent.</summary>
    private const double PivotTolerance = 1e-10;

    /// <summary>Greedy pivoted Cholesky of G = A Aᵀ: the largest remaining pivot next, until pivots vanish.</summary>
    public static RowRank Of(LinearModel model)
    {
        int m = model.Rows;
        // each row (and its target) scaled by its largest entry: the Gram matrix of 1e300-sized rows stays finite
        var b = (double[])model.Targets.Clone();
        var gram = model.Sparse is { } sparse ? SparseGram(sparse, b) : DenseGram(model, b);
        var chosen = PivotedRows(gram, m);
        double scale = 1 + b.Max(Math.Abs), worst = 0;
        foreach (int j in Enumerable.Range(0, m).Except(chosen))
            worst = Math.Max(worst, Math.Abs(b[j] - Combination(gram, chosen, j, b)) / scale);
        return new RowRank(chosen.Count, [.. chosen.Order()], worst);
    }

    /// <summary>The Gram matrix of the scaled rows of a dense A (b scaled alike), by dot products.</summary>
    private static double[,] DenseGram(LinearModel model, double[] b)
    {
        int m = model.Rows, n = model.Columns;
        var a = model.A.ToArray();
        for (int i = 0; i < m; i++)
        {
            // MaxMagnitude returns the entry itself, sign included
            double largest = Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(a.AsSpan(i * n, n)));
            if (!(largest > 0)) continue;
            System.Numerics.Tensors.TensorPrimitives.Divide(a.AsSpan(i * n, n), largest, a.AsSpan(i * n, n));
            b[i] /= largest;
        }
        var gram = new double[m, m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j <= i; j++)
                gram[i, j] = gram[j, i] = System.Numerics.Tensors.TensorPrimitives.Dot(
                    a.AsSpan(i * n, n), a.AsSpan(j * n, n));
        return gram;
    }

    /// <summary>
    /// The same for a sparse A, by the column outer products of <see cref="CsrMatrix.WeightedGram"/>.
    /// </summary>
    private static double[,] SparseGram(CsrMatrix a, double[] b)
    {
        int m = a.Rows;
        var divisors = new double[m];
        for (int i = 0; i < m; i++)
        {
            // the scaling of DenseGram, entry for entry, so that a sparse A picks the same rows as its dense form
            var row = a.Values[a.RowPointers[i]..a.RowPointers[i + 1]];
            double largest = row.IsEmpty ? 0 : Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(row));
            divisors[i] = largest > 0 ? largest : 1;
            b[i] /= divisors[i];
        }
        var ones = new double[a.Columns];
        Array.Fill(ones, 1.0);
        var flat = new double[m * m];
        a.DivideRows(divisors).WeightedGram(ones, flat);
        var gram = new double[m, m];
        Buffer.BlockCopy(flat, 0, gram, 0, flat.Length * sizeof(double));
        return gram;
    }

    private static List<int> PivotedRows(double[,] gram, int m)
    {
        var residual = (double[,])gram.Clone();
        var chosen = new List<int>();
        double largest = Enumerable.Range(0, m).Max(i => gram[i, i]);
        while (chosen.Count < m)
        {
            int p = Enumerable.Range(0, m).Where(i => !chosen.Contains(i)).MaxBy(i => residual[i, i]);
            double pivot = residual[p, p];
            if (!(pivot > PivotTolerance * largest)) break;
            chosen.Add(p);
            var column = Enumerable.Range(0, m).Select(i => residual[i, p]).ToArray();
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++) residual[i, j] -= column[i] * column[j] / pivot;
        }
        return chosen;
    }

    /// <summary>c·b_I where row j = c·A_I, from the normal equations G_II c = G_Ij.</summary>
    private static double Combination(double[,] gram, List<int> chosen, int j, double[] b)
    {
        int r = chosen.Count;
        if (r == 0) return 0;
        var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build
            .Dense(r, r, (x, y) => gram[chosen[x], chosen[y]]);
        var rhs = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(r, x => gram[chosen[x], j]);
        var c = matrix.Solve(rhs);
        return Enumerable.Range(0, r).Sum(x => c[x] * b[chosen[x]]);
    }
}
