using System.Text.Json;
using ImplicitBias.Symbolic.Analysis;
using ImplicitBias.Symbolic.Models;

namespace ImplicitBias.Symbolic;

/// <summary>
/// A gradient-flow experiment: a <see cref="LinearModel"/>, a reparametrization x = ρ(w) (or x = ρ(u) − ρ(v)) and the
/// initial point. Loaded from JSON (<see cref="FromJson"/>) or generated from a seed (<see cref="Generate"/>); both
/// validate shapes, finiteness and domains, and every error is a <see cref="SymbolicException"/> naming the
/// offending entry with 0-based indices ("A[3][7] is not a finite number", "w0[12] = -0.5 is outside the domain
/// (0, inf) of w").
/// </summary>
public sealed class Problem
{
    private Problem(LinearModel model, Reparametrization reparametrization, double[] w0, double[]? v0, double[] x0,
        double[]? truth)
    {
        Model = model;
        Reparametrization = reparametrization;
        W0 = w0;
        V0 = v0;
        X0 = x0;
        Truth = truth;
    }

    /// <summary>A, y, the loss and the link.</summary>
    public LinearModel Model { get; }

    /// <summary>The reparametrization the flow runs in (its parameters all have values).</summary>
    public Reparametrization Reparametrization { get; }

    /// <summary>The initial w, length N; for the two-variable form (<see cref="Reparametrization.IsDifference"/>) this
    /// is u₀, and <see cref="V0"/> is v₀.</summary>
    public double[] W0 { get; }

    /// <summary>The initial v of the two-variable form x = ρ(u) − ρ(v); null for the one-variable form.</summary>
    public double[]? V0 { get; }

    /// <summary>The initial x: ρ(w₀), or ρ(u₀) − ρ(v₀) for the two-variable form (always computed from the initial w,
    /// so it is the flow's actual start).</summary>
    public double[] X0 { get; }

    /// <summary>The planted x* of a generated problem (or the optional "truth" array of a JSON problem); null
    /// otherwise.</summary>
    public double[]? Truth { get; }

    /// <summary>The same problem on a subset of A's rows (dropping dependent rows of a consistent system).</summary>
    internal Problem WithRows(IReadOnlyList<int> rows)
    {
        int n = Model.Columns;
        var y = new double[rows.Count];
        for (int k = 0; k < rows.Count; k++) y[k] = Model.Y[rows[k]];
        LinearModel model;
        if (Model.Sparse is { } sparse) model = new LinearModel(sparse.SelectRows(rows), y, Model.Loss, Model.Link);
        else
        {
            var a = new double[rows.Count * n];
            for (int k = 0; k < rows.Count; k++) Model.A.Slice(rows[k] * n, n).CopyTo(a.AsSpan(k * n, n));
            model = new LinearModel(a, rows.Count, n, y, Model.Loss, Model.Link);
        }
        return new Problem(model, Reparametrization, W0, V0, X0, Truth);
    }

    /// <summary>"M×N problem, ρ(w) = …" ("M×N sparse problem (nnz …), …" for a CSR matrix).</summary>
    public override string ToString() =>
        (Model.IsSparse ? $"{Model.Rows}×{Model.Columns} sparse problem (nnz {Model.Matrix.NonZeros})"
            : $"{Model.Rows}×{Model.Columns} problem")
        + $", {Reparametrization}, loss {Model.Loss.Name}, link {Model.Link.Name}";

    // ======================= JSON =======================

    private static readonly string[] KnownFields =
        ["A", "y", "w0", "x0", "init", "u0", "v0", "truth", "name", "description", "comment"];

    /// <summary>
    /// Reads a problem: <c>{"A": [[...], ...], "y": [...], "w0": [...]}</c>. Instead of "w0" the initial point may be
    /// given as "x0" (converted with w₀ = ρ⁻¹(x₀), a closed-form or numeric inverse from
    /// <see cref="ExprCalculus.Solve(Expr, string, string)"/>) or as a scalar "init" (every w₀ entry). For the
    /// two-variable form: "init" (u₀ = v₀ = init everywhere) or both "u0" and "v0"; without them the constant u₀, v₀ of
    /// <see cref="Reparametrization.Difference(Expr, Expr)"/> are used. Optional: "truth" (a known solution, length N),
    /// "name", "description", "comment"; any other field is an error (it is most likely a typo).
    /// </summary>
    /// <param name="json">The JSON text (comments and trailing commas are allowed).</param>
    /// <param name="reparametrization">ρ, with every parameter bound to a value.</param>
    /// <param name="loss">The loss.</param>
    /// <param name="link">The link; y must lie in its range.</param>
    /// <exception cref="SymbolicException">
    /// Invalid JSON, a missing or unknown field, ragged rows ("row 4 of A has 9 entries, expected 10"), a length
    /// mismatch, a non-finite entry, an initial value outside the domain of ρ (or x0 outside its image), or y outside
    /// the link's range. The message names the entry.
    /// </exception>
    public static Problem FromJson(string json, Reparametrization reparametrization, Loss loss, Link link)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(reparametrization);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(link);
        var rho = new RhoContext(reparametrization);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json,
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new SymbolicException($"the problem is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new SymbolicException("the problem must be a JSON object such as " +
                    $"{{\"A\": [[...]], \"y\": [...], \"w0\": [...]}}, found {Describe(root)}");
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (Array.IndexOf(KnownFields, property.Name) < 0)
                    throw new SymbolicException($"unknown field \"{property.Name}\" in the problem (expected " +
                        $"{string.Join(", ", KnownFields.Select(f => $"\"{f}\""))})");
                if (!fields.TryAdd(property.Name, property.Value))
                    throw new SymbolicException($"the field \"{property.Name}\" appears twice in the problem");
            }

            if (!fields.TryGetValue("A", out var aElement))
                throw new SymbolicException("the problem has no \"A\" (the M×N matrix, an array of rows)");
            var (a, rows, columns) = ReadMatrix(aElement);
            if (!fields.TryGetValue("y", out var yElement))
                throw new SymbolicException("the problem has no \"y\" (the data, one entry per row of A)");
            var y = ReadVector(yElement, "y", rows, "one per row of A");
            double[]? Vector(string name) =>
                fields.TryGetValue(name, out var e) ? ReadVector(e, name, columns, "one per column of A") : null;
            double? init = fields.TryGetValue("init", out var initElement) ? ReadNumber(initElement, "init") : null;
            return Create(new LinearModel(a, rows, columns, y, loss, link), reparametrization,
                w0: Vector("w0"), x0: Vector("x0"), init: init, u0: Vector("u0"), v0: Vector("v0"),
                truth: Vector("truth"));
        }
    }

    /// <summary>
    /// A problem from arrays: the model and the initial point, given exactly one way — <paramref name="w0"/>,
    /// <paramref name="x0"/> (converted with w₀ = ρ⁻¹(x₀)) or a scalar <paramref name="init"/> for the one-variable
    /// form; <paramref name="init"/> (u₀ = v₀ = init), both <paramref name="u0"/> and <paramref name="v0"/>, or nothing
    /// (the constant u₀, v₀ of <see cref="Reparametrization.Difference(Expr, Expr)"/>) for the two-variable form. The
    /// same rules and messages as <see cref="FromJson"/>, whose fields these are.
    /// </summary>
    /// <param name="model">A, y, the loss and the link (validated by <see cref="LinearModel"/>).</param>
    /// <param name="reparametrization">ρ, with every parameter bound to a value.</param>
    /// <param name="w0">The initial w, one entry per column.</param>
    /// <param name="x0">The initial x, one entry per column, inside the image of ρ.</param>
    /// <param name="init">Every initial w (u and v) entry.</param>
    /// <param name="u0">The initial u of the two-variable form.</param>
    /// <param name="v0">The initial v of the two-variable form.</param>
    /// <param name="truth">A known solution, one entry per column.</param>
    /// <exception cref="SymbolicException">A missing, conflicting or misplaced start, a length mismatch, a non-finite
    /// entry, or an initial value outside the domain of ρ (x0 outside its image); the message names the
    /// entry.</exception>
    public static Problem Create(LinearModel model, Reparametrization reparametrization, double[]? w0 = null,
        double[]? x0 = null, double? init = null, double[]? u0 = null, double[]? v0 = null, double[]? truth = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reparametrization);
        int columns = model.Columns;
        foreach (var (values, name) in new[] { (w0, "w0"), (x0, "x0"), (u0, "u0"), (v0, "v0"), (truth, "truth") })
            if (values is not null) RequireVector(values, name, columns);
        if (init is { } i && !double.IsFinite(i))
            throw new SymbolicException($"init is not a finite number ({ModelNumerics.Text(i)})");
        var rho = new RhoContext(reparametrization);
        double[] w;
        double[]? v = null;
        if (!reparametrization.IsDifference)
        {
            foreach (var (given, name) in new[] { (u0, "u0"), (v0, "v0") })
                if (given is not null)
                    throw new SymbolicException($"\"{name}\" is for the two-variable form x = ρ(u) − ρ(v); give " +
                        $"\"w0\", \"x0\" or \"init\" for ρ({reparametrization.Variable}) = {reparametrization.Rho}");
            var starts = new[] { (w0 is not null, "w0"), (x0 is not null, "x0"), (init is not null, "init") }
                .Where(s => s.Item1).Select(s => s.Item2).ToList();
            if (starts.Count == 0)
                throw new SymbolicException("the problem needs the initial point: \"w0\" (an array), " +
                    "\"x0\" (an array) or \"init\" (a number)");
            if (starts.Count > 1)
                throw new SymbolicException("give only one of \"w0\", \"x0\" and \"init\" " +
                    $"(found {string.Join(" and ", starts.Select(g => $"\"{g}\""))})");
            if (w0 is not null) w = rho.RequireInDomain((double[])w0.Clone(), "w0");
            else if (init is { } scalar) w = Fill(rho.RequireInDomain(scalar, "init"), columns);
            else w = rho.Invert(x0!, "x0");
        }
        else
        {
            (w, v) = TwoVariableStart(reparametrization, rho, columns, w0, x0, init, u0, v0);
        }
        return new Problem(model, reparametrization, w, v, rho.Apply(w, v),
            truth is null ? null : (double[])truth.Clone());
    }

    /// <summary>The initial u and v of the two-variable form, for <see cref="Create"/>: from "init", from "u0" and
    /// "v0", or the constant u₀, v₀ of the reparametrization.</summary>
    private static (double[] U, double[] V) TwoVariableStart(Reparametrization reparametrization, RhoContext rho,
        int columns, double[]? w0, double[]? x0, double? init, double[]? u0, double[]? v0)
    {
        foreach (var (given, name) in new[] { (w0, "w0"), (x0, "x0") })
            if (given is not null)
                throw new SymbolicException($"\"{name}\" does not determine the start of the two-variable form " +
                    "x = ρ(u) − ρ(v); give \"init\" (u0 = v0 = init) or both \"u0\" and \"v0\"");
        bool hasU = u0 is not null, hasV = v0 is not null;
        if (init is not null && (hasU || hasV))
            throw new SymbolicException("give either \"init\" or \"u0\" and \"v0\", not both");
        if (hasU != hasV)
            throw new SymbolicException("the two-variable form needs both \"u0\" and \"v0\" " +
                $"(only \"{(hasU ? "u0" : "v0")}\" was given)");
        if (init is { } scalar)
        {
            rho.RequireInDomain(scalar, "init");
            return (Fill(scalar, columns), Fill(scalar, columns));
        }
        if (hasU)
            return (rho.RequireInDomain((double[])u0!.Clone(), "u0"), rho.RequireInDomain((double[])v0!.Clone(), "v0"));
        var (u, vv) = reparametrization.DifferenceInitialValues!.Value;
        if (!u.IsConstant || !vv.IsConstant)
            throw new SymbolicException("the problem needs the initial point of the two-variable form: \"init\" or " +
                $"\"u0\" and \"v0\" (the reparametrization's u₀ = {u}, v₀ = {vv} have no values)");
        return (Fill(rho.RequireInDomain(u.Evaluate(), "u₀"), columns),
            Fill(rho.RequireInDomain(vv.Evaluate(), "v₀"), columns));
    }

    /// <summary>
    /// The initial value used when none is given (by <c>ibias verify</c> and the F# layer): 0.1 when the domain holds
    /// it (a small initialization), else a point well inside the domain.
    /// </summary>
    public static double DefaultInit(Interval domain)
    {
        if (domain.Contains(0.1)) return 0.1;
        if (double.IsFinite(domain.Lo) && double.IsFinite(domain.Hi)) return (domain.Lo + domain.Hi) / 2;
        return double.IsFinite(domain.Lo) ? domain.Lo + 1 : domain.Hi - 1;
    }

    private static void RequireVector(double[] values, string name, int expected)
    {
        if (values.Length != expected)
            throw new SymbolicException(
                $"{name} has {values.Length} entries, expected {expected} (one per column of A)");
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new SymbolicException($"{name}[{i}] is not a finite number ({ModelNumerics.Text(values[i])})");
    }

    private static (double[] A, int Rows, int Columns) ReadMatrix(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
            throw new SymbolicException(
                $"\"A\" must be an array of rows (arrays of numbers), found {Describe(element)}");
        int rows = element.GetArrayLength();
        if (rows == 0) throw new SymbolicException("A has no rows");
        int columns = -1;
        double[] a = [];
        int i = 0;
        foreach (var row in element.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array)
                throw new SymbolicException($"row {i} of A is not an array of numbers (found {Describe(row)})");
            int length = row.GetArrayLength();
            if (columns < 0)
            {
                if (length == 0) throw new SymbolicException("row 0 of A has no entries");
                columns = length;
                if ((long)rows * columns > Array.MaxLength)
                    throw new SymbolicException($"A is too large ({rows}×{columns})");
                a = new double[rows * columns];
            }
            else if (length != columns)
                throw new SymbolicException($"row {i} of A has {length} entries, expected {columns}");
            int j = 0;
            foreach (var entry in row.EnumerateArray())
            {
                a[i * columns + j] = ReadNumber(entry, $"A[{i}][{j}]");
                j++;
            }
            i++;
        }
        return (a, rows, columns);
    }

    private static double[] ReadVector(JsonElement element, string name, int expected, string hint)
    {
        if (element.ValueKind != JsonValueKind.Array)
            throw new SymbolicException($"\"{name}\" must be an array of numbers, found {Describe(element)}");
        int length = element.GetArrayLength();
        if (length != expected)
            throw new SymbolicException($"{name} has {length} entries, expected {expected} ({hint})");
        var values = new double[length];
        int i = 0;
        foreach (var entry in element.EnumerateArray())
        {
            values[i] = ReadNumber(entry, $"{name}[{i}]");
            i++;
        }
        return values;
    }

    private static double ReadNumber(JsonElement element, string label)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetDouble(out var v) && double.IsFinite(v)) return v;
            throw new SymbolicException($"{label} is not a finite number ({element.GetRawText()})");
        }
        throw new SymbolicException($"{label} is not a finite number (found {Describe(element)})");
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string {element.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Number => element.GetRawText(),
        _ => "nothing",
    };

    private static double[] Fill(double value, int length)
    {
        var values = new double[length];
        Array.Fill(values, value);
        return values;
    }

    // ======================= generated problems =======================

    /// <summary>
    /// A random problem from a seed; the same arguments give the same problem (System.Random's seeded generator is
    /// stable across .NET versions). Draws, in this order:
    /// <list type="number">
    /// <item>A with entries N(0, 1)/√M (Box–Muller), row by row;</item>
    /// <item>the support of x*: <paramref name="sparsity"/> distinct indices by a partial Fisher–Yates shuffle;</item>
    /// <item>the support values, inside the image I of ρ (of x = ρ(u) − ρ(v) for the two-variable form, whose image is
    /// I − I): for I = ℝ, ±(0.5 + |g|) with a random sign; for I = (lo, ∞), lo + 1 + |g| (so 1 + |g| for (0, ∞)); for
    /// (−∞, hi), hi − 1 − |g|; for a bounded I containing 0, ±(0.2 + 0.6u)·|end| toward a random end; for another
    /// bounded I, lo + (0.2 + 0.6u)(hi − lo) (g Gaussian, u uniform).</item>
    /// </list>
    /// Entries off the support are 0 when 0 lies in the closure of I, else ρ(init) (so x* − x₀ is k-sparse).
    /// Then y = g(A x* + σε) with ε ~ N(0, I) drawn by a second generator seeded from the same seed, so every
    /// noise level σ has the same A and x* (and σ = 0 the noise-free problem): without noise x* interpolates,
    /// A x* = g⁻¹(y) up to rounding. Every initial w (u and v) entry is
    /// <paramref name="init"/>, and x₀ = ρ(init) (0 for the two-variable form).
    /// </summary>
    /// <param name="rows">M ≥ 1.</param>
    /// <param name="columns">N ≥ 1.</param>
    /// <param name="sparsity">k, 0 ≤ k ≤ N, the number of entries of the planted x* on its support.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="reparametrization">ρ, with every parameter bound to a value.</param>
    /// <param name="init">The initial value of every w entry; inside the domain of ρ.</param>
    /// <param name="loss">The loss.</param>
    /// <param name="link">The link.</param>
    /// <param name="noise">σ ≥ 0, the standard deviation of the Gaussian noise added to A x* before the link.</param>
    /// <exception cref="SymbolicException">Bad sizes, init outside the domain, a negative noise level, or a y that
    /// falls outside the link's range (saturation).</exception>
    public static Problem Generate(int rows, int columns, int sparsity, int seed, Reparametrization reparametrization,
        double init, Loss loss, Link link, double noise = 0)
    {
        if (!(noise >= 0) || !double.IsFinite(noise))
            throw new SymbolicException(
                $"the noise level must be a finite number ≥ 0, got {ModelNumerics.Text(noise)}");
        ArgumentNullException.ThrowIfNull(reparametrization);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(link);
        if (rows < 1 || columns < 1)
            throw new SymbolicException($"a problem needs M ≥ 1 rows and N ≥ 1 columns, got M = {rows}, N = {columns}");
        if ((long)rows * columns > Array.MaxLength) throw new SymbolicException($"A is too large ({rows}×{columns})");
        if (sparsity < 0 || sparsity > columns)
            throw new SymbolicException($"the sparsity k = {sparsity} must lie between 0 and N = {columns}");
        var rho = new RhoContext(reparametrization);
        if (!double.IsFinite(init))
            throw new SymbolicException($"init = {ModelNumerics.Text(init)} is not a finite number");
        rho.RequireInDomain(init, "init");

        var random = new Random(seed);
        var gaussian = new GaussianSource(random);
        var a = new double[rows * columns];
        double scale = 1 / Math.Sqrt(rows);
        for (int i = 0; i < a.Length; i++) a[i] = gaussian.Next() * scale;

        var support = Support(random, columns, sparsity);
        double[] w0 = Fill(init, columns);
        double[]? v0 = reparametrization.IsDifference ? Fill(init, columns) : null;
        double[] x0 = rho.Apply(w0, v0);
        var image = rho.Image;
        if (reparametrization.IsDifference)
        {
            double width = image.Hi - image.Lo;
            image = double.IsFinite(width) ? Interval.Open(-width, width) : Interval.Real;
        }
        double offSupport = image.Lo <= 0 && image.Hi >= 0 ? 0 : x0[0];
        var truth = Fill(offSupport, columns);
        foreach (int n in support) truth[n] = PlantedValue(image, random, gaussian);

        var y = Observations(a, rows, columns, truth, seed, noise, link);
        LinearModel model;
        try { model = new LinearModel(a, rows, columns, y, loss, link); }
        catch (SymbolicException e)
        {
            throw new SymbolicException(
                $"the generated problem is not usable: {e.Message} (try a smaller sparsity or another seed)", e);
        }
        return new Problem(model, reparametrization, w0, v0, x0, truth);
    }

    /// <summary>
    /// The support of x*: <paramref name="sparsity"/> distinct sorted indices (partial Fisher–Yates).
    /// </summary>
    private static int[] Support(Random random, int columns, int sparsity)
    {
        var indices = Enumerable.Range(0, columns).ToArray();
        for (int i = 0; i < sparsity; i++)
        {
            int j = random.Next(i, columns);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        var support = indices[..sparsity];
        Array.Sort(support);
        return support;
    }

    /// <summary>y = g(A x* + σε), with ε from its own generator so that σ changes nothing else.</summary>
    private static double[] Observations(double[] a, int rows, int columns, double[] truth, int seed, double noise,
        Link link)
    {
        var targets = new double[rows];
        LinearAlgebra.Multiply(a, rows, columns, truth, targets);
        if (noise > 0)
        {
            var disturbance = new GaussianSource(new Random(unchecked(seed + NoiseSeedOffset)));
            for (int m = 0; m < rows; m++) targets[m] += noise * disturbance.Next();
        }
        var y = new double[rows];
        for (int m = 0; m < rows; m++) y[m] = link.Value(targets[m]);
        return y;
    }

    /// <summary>
    /// The noise generator's seed is the problem's plus this: a stream apart from the one of A and x*.
    /// </summary>
    private const int NoiseSeedOffset = 1_000_003;

    private static double PlantedValue(Interval image, Random random, GaussianSource gaussian)
    {
        bool loFinite = double.IsFinite(image.Lo), hiFinite = double.IsFinite(image.Hi);
        if (!loFinite && !hiFinite)
        {
            double magnitude = 0.5 + Math.Abs(gaussian.Next());
            return random.Next(2) == 0 ? magnitude : -magnitude;
        }
        if (loFinite && !hiFinite) return image.Lo + 1 + Math.Abs(gaussian.Next());
        if (!loFinite) return image.Hi - 1 - Math.Abs(gaussian.Next());
        double fraction = 0.2 + 0.6 * random.NextDouble();
        if (image.Lo < 0 && image.Hi > 0)
            return random.Next(2) == 0 ? fraction * image.Hi : fraction * image.Lo;
        return image.Lo + fraction * (image.Hi - image.Lo);
    }

    /// <summary>Standard normal draws by the Box–Muller transform (two per pair of uniforms).</summary>
    private sealed class GaussianSource(Random random)
    {
        private double _spare;
        private bool _hasSpare;

        public double Next()
        {
            if (_hasSpare)
            {
                _hasSpare = false;
                return _spare;
            }
            double u1 = 1.0 - random.NextDouble(); // (0, 1]: log(u1) is finite
            double u2 = random.NextDouble();
            double radius = Math.Sqrt(-2 * Math.Log(u1));
            _spare = radius * Math.Sin(2 * Math.PI * u2);
            _hasSpare = true;
            return radius * Math.Cos(2 * Math.PI * u2);
        }
    }

    /// <summary>ρ compiled once, with its domain checks, image and inverse.</summary>
    private sealed class RhoContext
    {
        private readonly Reparametrization _r;
        private readonly Func<double, double> _rho;
        private static readonly IReadOnlyDictionary<string, double> NoValues = new Dictionary<string, double>();
        private Interval? _image;

        public RhoContext(Reparametrization r)
        {
            _r = r;
            var unbound = r.SymbolicParameters;
            if (unbound.Count > 0)
                throw new SymbolicException($"ρ({r.Variable}) = {r.Rho} has parameters without values: " +
                    $"{string.Join(", ", unbound.Select(s => s.Name))}; give them values to run a problem");
            _rho = r.Rho.Compile(r.Variable);
        }

        /// <summary>The image of the domain under ρ (the open interval between its limits at the domain's
        /// ends).</summary>
        public Interval Image => _image ??= EndLimits.Image(_r.Rho, _r.Variable, _r.Domain, NoValues).Image;

        public double RequireInDomain(double value, string label)
        {
            if (!_r.Domain.Contains(value))
                throw new SymbolicException(
                    $"{label} = {ModelNumerics.Text(value)} is outside the domain {_r.Domain} of {_r.Variable}");
            return value;
        }

        /// <summary>The values, once each is checked to lie in the domain.</summary>
        public double[] RequireInDomain(double[] values, string name)
        {
            for (int i = 0; i < values.Length; i++) RequireInDomain(values[i], $"{name}[{i}]");
            return values;
        }

        /// <summary>ρ(w), or ρ(u) − ρ(v); an entry that is not finite is an error naming it.</summary>
        public double[] Apply(double[] w, double[]? v)
        {
            var x = new double[w.Length];
            for (int i = 0; i < w.Length; i++)
            {
                x[i] = v is null ? _rho(w[i]) : _rho(w[i]) - _rho(v[i]);
                if (!double.IsFinite(x[i]))
                    throw new SymbolicException(v is null
                        ? $"x0[{i}] = ρ({ModelNumerics.Text(w[i])}) is not a finite number ({ModelNumerics.Text(x[i])})"
                        : $"x0[{i}] = ρ({ModelNumerics.Text(w[i])}) − ρ({ModelNumerics.Text(v[i])}) " +
                            $"is not a finite number ({ModelNumerics.Text(x[i])})");
            }
            return x;
        }

        /// <summary>w = ρ⁻¹(x) entrywise, through the library's inverse (closed form on the right branch, or
        /// numeric).</summary>
        public double[] Invert(double[] x, string name)
        {
            string forSymbol = _r.Variable == "x" ? "x1" : "x";
            Inverse inverse;
            try { inverse = _r.Rho.Solve(_r.Variable, forSymbol); }
            catch (SymbolicException e)
            {
                throw new SymbolicException($"cannot convert {name} to w0: {e.Message}", e);
            }
            var w = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                double value = inverse.Evaluate(x[i]);
                if (!_r.Domain.Contains(value))
                    throw new SymbolicException($"{name}[{i}] = {ModelNumerics.Text(x[i])} is outside the image " +
                        $"{Image} of ρ({_r.Variable}) = {_r.Rho} on {_r.Domain}");
                w[i] = value;
            }
            return w;
        }
    }
}
