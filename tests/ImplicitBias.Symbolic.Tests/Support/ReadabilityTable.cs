using System.Text.Json;
using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Support;

/// <summary>
/// One row of tests/data/readability.json: a reparametrization (kind "rho") or a wanted potential (kind "design")
/// with the shortest known form of each derived object and SymPy's form of it (see tests/data/readability.md).
/// </summary>
public sealed record ReadabilityCase(string Kind, string Name, string Input, string Variable, string Domain,
    IReadOnlyList<string> Assume, IReadOnlyDictionary<string, string> Shortest,
    IReadOnlyDictionary<string, string?> Sympy)
{
    /// <summary>The symbolic parameters with their assumed domains.</summary>
    public Assumptions Assumptions => Assumptions.Parse(Assume);

    public override string ToString() => Name;
}

/// <summary>One derived object measured against its reference.</summary>
/// <param name="Case">The table row.</param>
/// <param name="Object">
/// derivative, metric, mirrorMap, potential, inverseReparametrization or reparametrization.
/// </param>
/// <param name="Printed">What the toolkit prints, or null when it has no closed form.</param>
/// <param name="Reference">The shortest known form.</param>
/// <param name="SympyForm">SymPy's simplify of the same object, or null.</param>
/// <param name="Variable">The object's variable (w or x).</param>
/// <param name="Points">Points inside the object's domain, for the value checks.</param>
public sealed record ReadabilityRow(ReadabilityCase Case, string Object, Expr? Printed, Expr Reference, Expr? SympyForm,
    string Variable, IReadOnlyList<double> Points)
{
    /// <summary>
    /// The printed size compared: the whole form, but for a mirror map without its constant terms (f′ is defined up
    /// to a constant, which the potential's convention fixes).
    /// </summary>
    public int? ComparedSize => Printed is null ? null
        : Object == "mirrorMap" && Printed is Sum s ? Expr.Add(s.Terms.Where(t => t.DependsOn(Variable))).PrintedSize()
        : Printed.PrintedSize();

    /// <summary>printed size / reference size (null without a printed form).</summary>
    public double? Ratio => ComparedSize is { } size ? (double)size / Reference.PrintedSize() : null;

    /// <summary>SymPy's size / reference size.</summary>
    public double? SympyRatio => SympyForm is null ? null : (double)SympyForm.PrintedSize() / Reference.PrintedSize();

    public override string ToString() => $"{Case.Name}.{Object}";
}

/// <summary>Loads the readability table and measures the toolkit's printed forms against it.</summary>
public static class ReadabilityTable
{
    private static readonly Lazy<IReadOnlyList<ReadabilityCase>> Cases = new(Load);

    public static IReadOnlyList<ReadabilityCase> All => Cases.Value;

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static ReadabilityCase Get(string name) => All.Single(c => c.Name == name);

    /// <summary>Derives (or designs) the case and pairs each printed object with its reference.</summary>
    public static IReadOnlyList<ReadabilityRow> Measure(ReadabilityCase c) =>
        c.Kind == "rho" ? MeasureDerivation(c) : MeasureDesign(c);

    private static IReadOnlyList<ReadabilityRow> MeasureDerivation(ReadabilityCase c)
    {
        var derivation = Reparametrization.Parse(c.Input, c.Variable, c.Domain, assumptions: c.Assume).Derive();
        var wPoints = Sample(derivation.Reparametrization.Domain);
        var xPoints = Sample(derivation.Image);
        var x = derivation.Metric?.Argument ?? "x";
        return
        [
            Row(c, "derivative", derivation.Derivative, c.Variable, wPoints),
            Row(c, "metric", derivation.Metric?.Expression, x, xPoints),
            Row(c, "mirrorMap", derivation.MirrorMap?.Expression, x, xPoints),
            Row(c, "potential", derivation.Potential?.Expression, x, xPoints),
        ];
    }

    private static IReadOnlyList<ReadabilityRow> MeasureDesign(ReadabilityCase c)
    {
        var design = PotentialDesign.Design(c.Input, c.Variable, c.Domain, assumptions: c.Assume);
        var xPoints = Sample(design.Domain);
        var wPoints = Sample(design.ReparametrizationDomain);
        return
        [
            Row(c, "metric", design.Metric, c.Variable, xPoints),
            Row(c, "inverseReparametrization", design.InverseReparametrization, c.Variable, xPoints),
            Row(c, "reparametrization", design.Reparametrization, design.ReparametrizationVariable, wPoints),
        ];
    }

    private static ReadabilityRow Row(ReadabilityCase c, string name, Expr? printed, string variable,
        IReadOnlyList<double> points)
    {
        var reference = Expr.Parse(c.Shortest[name], c.Assumptions);
        var sympy = c.Sympy.TryGetValue(name, out var s) && s is not null ? Expr.Parse(s, c.Assumptions) : null;
        return new ReadabilityRow(c, name, printed, reference, sympy, variable, points);
    }

    /// <summary>Interior points of an interval, away from its ends.</summary>
    private static IReadOnlyList<double> Sample(Interval domain)
    {
        double lo = double.IsFinite(domain.Lo) ? domain.Lo : Math.Min(-3, domain.Hi - 4);
        double hi = double.IsFinite(domain.Hi) ? domain.Hi : Math.Max(3, domain.Lo + 4);
        return [.. new[] { 0.13, 0.29, 0.47, 0.61, 0.83 }.Select(t => lo + t * (hi - lo)).Where(domain.Contains)];
    }

    /// <summary>Values for the symbolic parameters inside their assumed domains.</summary>
    public static Dictionary<string, double> ParameterValues(ReadabilityCase c, params Expr[] expressions)
    {
        var values = new Dictionary<string, double>();
        foreach (var s in expressions.SelectMany(e => e.Symbols()))
        {
            if (values.ContainsKey(s.Name)) continue;
            var d = c.Assumptions.DomainOf(s.Name);
            if (d.IsReal) continue; // the object's own variable
            values[s.Name] = d.IsBounded ? d.Lo + 0.37 * (d.Hi - d.Lo) : d.Midpoint + 0.31;
        }
        return values;
    }

    private static IReadOnlyList<ReadabilityCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "readability.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.EnumerateArray().Select(Read)];
    }

    private static ReadabilityCase Read(JsonElement e)
    {
        var kind = e.GetProperty("kind").GetString()!;
        var input = e.GetProperty(kind == "rho" ? "rho" : "potential").GetString()!;
        var shortest = e.GetProperty("shortest").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var sympy = e.TryGetProperty("sympy", out var s) && s.ValueKind == JsonValueKind.Object
            ? s.EnumerateObject().ToDictionary(p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString())
            : new Dictionary<string, string?>();
        return new ReadabilityCase(kind, e.GetProperty("name").GetString()!, input,
            e.GetProperty("variable").GetString()!, e.GetProperty("domain").GetString()!,
            [.. e.GetProperty("assume").EnumerateArray().Select(a => a.GetString()!)], shortest, sympy);
    }
}
