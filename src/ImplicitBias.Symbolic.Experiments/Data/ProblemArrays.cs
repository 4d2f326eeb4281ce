using System.Collections.ObjectModel;

namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// What a problem file holds: the matrix A, the data y and the optional vectors of <see cref="Problem.FromJson"/>
/// ("truth", "w0", "x0", "u0", "v0" and the scalar "init"), before a reparametrization, a loss and a link make it a
/// <see cref="Problem"/> (<see cref="ToProblem"/>). Immutable: the constructor copies the vectors, and two values are
/// equal when A and every vector are equal entry for entry.
/// </summary>
public sealed record ProblemArrays
{
    /// <summary>The names of the optional vectors (one entry per column of A), in file order.</summary>
    internal static readonly string[] VectorNames = ["truth", "w0", "x0", "u0", "v0"];

    /// <summary>Builds the arrays; the vectors are copied.</summary>
    /// <param name="a">A, M×N.</param>
    /// <param name="y">The data, one entry per row of A.</param>
    /// <param name="truth">A known solution, one entry per column.</param>
    /// <param name="w0">The initial w, one entry per column.</param>
    /// <param name="x0">The initial x, one entry per column.</param>
    /// <param name="u0">The initial u of the two-variable form, one entry per column.</param>
    /// <param name="v0">The initial v of the two-variable form, one entry per column.</param>
    /// <param name="init">The initial value of every w (u and v) entry.</param>
    /// <exception cref="SymbolicException">A length mismatch ("y has 19 entries, expected 20 (one per row of A)") or
    /// a value that is not finite ("w0[3] is not a finite number (NaN)").</exception>
    public ProblemArrays(MatrixData a, double[] y, double[]? truth = null, double[]? w0 = null, double[]? x0 = null,
        double[]? u0 = null, double[]? v0 = null, double? init = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(y);
        A = a;
        Y = Checked(y, "y", a.Rows, "one per row of A");
        Truth = Optional(truth, "truth", a.Columns);
        W0 = Optional(w0, "w0", a.Columns);
        X0 = Optional(x0, "x0", a.Columns);
        U0 = Optional(u0, "u0", a.Columns);
        V0 = Optional(v0, "v0", a.Columns);
        if (init is { } i && !double.IsFinite(i))
            throw new SymbolicException($"init is not a finite number ({NumberText.Of(i)})");
        Init = init;
    }

    /// <summary>A, M×N, dense or CSR.</summary>
    public MatrixData A { get; }

    /// <summary>y, length M.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>A known solution x*, length N, or null.</summary>
    public IReadOnlyList<double>? Truth { get; }

    /// <summary>The initial w, length N, or null.</summary>
    public IReadOnlyList<double>? W0 { get; }

    /// <summary>The initial x (converted with w₀ = ρ⁻¹(x₀) by <see cref="ToProblem"/>), length N, or null.</summary>
    public IReadOnlyList<double>? X0 { get; }

    /// <summary>The initial u of the two-variable form x = ρ(u) − ρ(v), length N, or null.</summary>
    public IReadOnlyList<double>? U0 { get; }

    /// <summary>The initial v of the two-variable form, length N, or null.</summary>
    public IReadOnlyList<double>? V0 { get; }

    /// <summary>The initial value of every w (u and v) entry, or null.</summary>
    public double? Init { get; }

    /// <summary>The optional vector called <paramref name="name"/> (one of <see cref="VectorNames"/>).</summary>
    internal IReadOnlyList<double>? Vector(string name) => name switch
    {
        "truth" => Truth,
        "w0" => W0,
        "x0" => X0,
        "u0" => U0,
        "v0" => V0,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a vector of a problem file"),
    };

    /// <summary>The arrays with the optional vectors looked up by name (absent names are null).</summary>
    internal static ProblemArrays Create(MatrixData a, double[] y, IReadOnlyDictionary<string, double[]> vectors,
        double? init)
    {
        double[]? V(string name) => vectors.TryGetValue(name, out var v) ? v : null;
        return new ProblemArrays(a, y, V("truth"), V("w0"), V("x0"), V("u0"), V("v0"), init);
    }

    /// <summary>
    /// The <see cref="Problem"/> these arrays describe, through <see cref="Problem.Create"/> with the same rules and
    /// messages as a JSON problem (exactly one start: w0, x0 or init; init or u0 and v0 for the two-variable form).
    /// The model keeps A as it is: a CSR matrix stays sparse (<see cref="LinearModel.IsSparse"/>), a dense one dense.
    /// </summary>
    /// <param name="reparametrization">ρ, with every parameter bound to a value.</param>
    /// <param name="loss">The loss.</param>
    /// <param name="link">The link; y must lie in its range.</param>
    /// <exception cref="SymbolicException">The start is missing or conflicting, lies outside the domain of ρ, or y
    /// lies outside the link's range.</exception>
    public Problem ToProblem(Reparametrization reparametrization, Loss loss, Link link)
    {
        ArgumentNullException.ThrowIfNull(reparametrization);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(link);
        var model = new LinearModel(A, [.. Y], loss, link);
        return Problem.Create(model, reparametrization, W0?.ToArray(), X0?.ToArray(), Init, U0?.ToArray(),
            V0?.ToArray(), Truth?.ToArray());
    }

    /// <summary>
    /// The arrays of a problem: A (dense or CSR, as the model holds it), y, the truth, and its start: w0 for the
    /// one-variable form, u0 (the problem's <see cref="Problem.W0"/>) and v0 for the two-variable form. x0 and init
    /// are not stored, since the problem keeps only the w (u, v) they lead to.
    /// </summary>
    /// <param name="problem">The problem.</param>
    public static ProblemArrays FromProblem(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var model = problem.Model;
        var a = model.Matrix;
        return problem.V0 is null
            ? new ProblemArrays(a, model.Y.ToArray(), problem.Truth, w0: problem.W0)
            : new ProblemArrays(a, model.Y.ToArray(), problem.Truth, u0: problem.W0, v0: problem.V0);
    }

    /// <summary>The same A and the same vectors, entry for entry.</summary>
    public bool Equals(ProblemArrays? other) =>
        other is not null && A.Equals(other.A) && Y.SequenceEqual(other.Y) && Init == other.Init
        && VectorNames.All(name => Same(Vector(name), other.Vector(name)));

    /// <summary>A hash of A and the length of y.</summary>
    public override int GetHashCode() => HashCode.Combine(A, Y.Count);

    /// <summary>"3×5 dense matrix, y, truth, w0".</summary>
    public override string ToString() =>
        string.Join(", ", new[] { A.ToString(), "y" }.Concat(VectorNames.Where(n => Vector(n) is not null))
            .Concat(Init is null ? [] : ["init"]));

    private static bool Same(IReadOnlyList<double>? a, IReadOnlyList<double>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);

    private static ReadOnlyCollection<double>? Optional(double[]? values, string name, int columns) =>
        values is null ? null : Checked(values, name, columns, "one per column of A");

    private static ReadOnlyCollection<double> Checked(double[] values, string name, int expected, string hint)
    {
        if (values.Length != expected)
            throw new SymbolicException($"{name} has {values.Length} entries, expected {expected} ({hint})");
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new SymbolicException($"{name}[{i}] is not a finite number ({NumberText.Of(values[i])})");
        return Array.AsReadOnly((double[])values.Clone());
    }
}
