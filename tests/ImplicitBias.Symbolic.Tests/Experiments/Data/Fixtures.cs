using ImplicitBias.Symbolic.Experiments.Data;

namespace ImplicitBias.Symbolic.Tests.Experiments.Data;

/// <summary>
/// The 3×5 problem of tests/data/problems (written there by make_fixtures.py with NumPy, SciPy and h5py), and
/// arrays to write in the round-trip tests.
/// </summary>
internal static class Fixtures
{
    public static readonly double[] A = [1, 0, 2, 0, -1.5, 0, 3, 0, 0.25, 0, -2, 0, 0, 1, 4];
    public static readonly double[] Y = [0.25, -0.5, -2];
    public static readonly double[] Truth = [1, 0, 0, -2, 0.5];
    public static readonly double[] W0 = [0.1, 0.2, 0.3, 0.4, 0.5];
    public const double Init = 0.125;

    /// <summary>A fixture file by name (the test project copies tests/data to its output).</summary>
    public static string Path(string name) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "data", "problems", name);

    public static DenseMatrix Dense => new(3, 5, A);

    /// <summary>A in the CSR form scipy gives it.</summary>
    public static CsrMatrix Csr => new(3, 5, [0, 3, 5, 8], [0, 2, 4, 1, 3, 0, 3, 4], [1, 2, -1.5, 3, 0.25, -2, 1, 4]);

    /// <summary>Every array a file can hold, with A dense or CSR.</summary>
    public static ProblemArrays Full(MatrixData a) => new(a, [0.25, -0.5, -2], truth: Truth, w0: W0,
        x0: [1e-300, -2.5e17, 0, 1.0 / 3, Math.PI], u0: [0.5, 0.5, 0.5, 0.5, 0.5], v0: [1, 2, 3, 4, 5], init: Init);
}
