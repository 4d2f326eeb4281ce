using MathNet.Numerics.LinearAlgebra;

namespace ImplicitBias.Symbolic.Tests.Experiments.Baselines;

/// <summary>The problems of the baseline tests: planted sparse solutions, hand-written systems, noisy data.</summary>
internal static class BaselineProblems
{
    /// <summary>ρ(w) = sinh(w) maps onto ℝ: a generated x* has signed spikes.</summary>
    private static readonly Reparametrization Signed = Reparametrization.Parse("sinh(w)");

    /// <summary>ρ(w) = w² on (0, ∞) maps onto (0, ∞): a generated x* has positive spikes and zeros elsewhere.</summary>
    private static readonly Reparametrization Positive = Reparametrization.Parse("w^2", domain: "(0,inf)");

    /// <summary>A Gaussian/√M A with a k-sparse planted x*, y = g(A x*) (see <see cref="Problem.Generate"/>).</summary>
    public static Problem Planted(int rows, int columns, int sparsity, int seed, bool nonnegative = false,
        Link? link = null) =>
        Problem.Generate(rows, columns, sparsity, seed, nonnegative ? Positive : Signed, nonnegative ? 0.1 : 0,
            Loss.Square, link ?? Link.Identity);

    /// <summary>The model A x = t for the identity link, A given by rows.</summary>
    public static LinearModel Model(double[][] rows, double[] targets)
    {
        int columns = rows[0].Length;
        return new LinearModel(rows.SelectMany(r => r).ToArray(), rows.Length, columns, targets, Loss.Square,
            Link.Identity);
    }

    /// <summary>An M×N system, M &gt; N, with uniform entries and random targets: inconsistent.</summary>
    public static LinearModel Inconsistent(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var a = Enumerable.Range(0, rows * columns).Select(_ => random.NextDouble() - 0.5).ToArray();
        var t = Enumerable.Range(0, rows).Select(_ => random.NextDouble() + 0.5).ToArray();
        return new LinearModel(a, rows, columns, t, Loss.Square, Link.Identity);
    }

    /// <summary>A of the model as a MathNet matrix.</summary>
    public static Matrix<double> Matrix(LinearModel model) =>
        Matrix<double>.Build.DenseOfRowMajor(model.Rows, model.Columns, model.A.ToArray());
}
