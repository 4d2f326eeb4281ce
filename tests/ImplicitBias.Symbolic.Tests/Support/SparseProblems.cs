namespace ImplicitBias.Symbolic.Tests.Support;

/// <summary>
/// Random sparse problems for the sparse tests and the <c>-- sparse</c> benchmark: A with a fixed number of N(0, 1)
/// entries in distinct random rows of every column, a k-sparse x* in the image of ρ, and y = A x* (identity link,
/// square loss). The same arguments give the same problem.
/// </summary>
public static class SparseProblems
{
    /// <summary>A rows×columns CSR matrix with <paramref name="perColumn"/> entries in every column.</summary>
    public static CsrMatrix Matrix(int rows, int columns, int perColumn, int seed)
    {
        var random = new Random(seed);
        var pointers = new int[columns + 1];
        var indices = new int[columns * perColumn];
        var values = new double[indices.Length];
        var chosen = new int[perColumn];
        for (int j = 0; j < columns; j++)
        {
            DistinctRows(random, rows, chosen);
            Array.Sort(chosen);
            chosen.CopyTo(indices, j * perColumn);
            for (int k = j * perColumn; k < (j + 1) * perColumn; k++) values[k] = Gaussian(random);
            pointers[j + 1] = (j + 1) * perColumn;
        }
        // the arrays are the CSC form of A, that is Aᵀ in CSR form
        return new CsrMatrix(columns, rows, pointers, indices, values).Transpose();
    }

    /// <summary>
    /// A sparse problem for ρ (one- or two-variable form) started at w₀ = <paramref name="init"/> everywhere: the
    /// support of x* is <paramref name="sparsity"/> random columns (drawn with replacement) with entries 1 + |g|
    /// (times a random sign for the two-variable form, whose image is the real line), 0 elsewhere.
    /// </summary>
    public static Problem Create(CsrMatrix a, Reparametrization rho, double init, int sparsity, int seed)
    {
        var random = new Random(unchecked(seed + 7919));
        var truth = new double[a.Columns];
        bool signed = rho.IsDifference;
        for (int k = 0; k < sparsity; k++)
        {
            double value = 1 + Math.Abs(Gaussian(random));
            truth[random.Next(a.Columns)] = signed && random.Next(2) == 0 ? -value : value;
        }
        var y = new double[a.Rows];
        a.Multiply(truth, y);
        var model = new LinearModel(a, y, Loss.Square, Link.Identity);
        return Problem.Create(model, rho, init: init, truth: truth);
    }

    /// <summary>The same problem with A made dense.</summary>
    public static Problem Densified(Problem sparse)
    {
        var m = sparse.Model;
        var model = new LinearModel(m.Matrix.ToDense(), m.Rows, m.Columns, [.. m.Y], m.Loss, m.Link);
        return sparse.Reparametrization.IsDifference
            ? Problem.Create(model, sparse.Reparametrization, u0: sparse.W0, v0: sparse.V0, truth: sparse.Truth)
            : Problem.Create(model, sparse.Reparametrization, w0: sparse.W0, truth: sparse.Truth);
    }

    /// <summary>Distinct values in 0 … rows − 1 into <paramref name="chosen"/> (Floyd's sampling).</summary>
    private static void DistinctRows(Random random, int rows, int[] chosen)
    {
        int count = 0;
        for (int candidate = rows - chosen.Length; candidate < rows; candidate++)
        {
            int t = random.Next(candidate + 1);
            int row = Array.IndexOf(chosen, t, 0, count) >= 0 ? candidate : t;
            chosen[count++] = row;
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
