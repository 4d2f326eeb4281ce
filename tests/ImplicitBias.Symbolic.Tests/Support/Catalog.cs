using System.Globalization;
using System.Text.Json;
using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Support;

/// <summary>
/// One reference case of tests/data/reparametrizations.json (values computed independently by quadrature).
/// </summary>
public sealed record CatalogCase(
    string Name, string Rho, string Variable, IReadOnlyDictionary<string, double> Params, double? Lo, double? Hi,
    string Potential, string Bias, IReadOnlyList<(double W, double X, double D2f)> Points,
    IReadOnlyList<(double X1, double X0, double Bregman)> Pairs)
{
    /// <summary>The variable's domain as an open interval.</summary>
    public Interval Domain => new(Lo ?? double.NegativeInfinity, Hi ?? double.PositiveInfinity, true, true);

    /// <summary>ρ with the parameters substituted as exact decimals and w carrying its domain.</summary>
    public Expr RhoExpr()
    {
        var rho = Expr.Parse(Rho, Assumptions.None.With(Variable, Domain));
        var values = Params.ToDictionary(p => p.Key,
            p => Expr.Parse(p.Value.ToString("R", CultureInfo.InvariantCulture)));
        return rho.Substitute(values);
    }

    public override string ToString() => Name;
}

/// <summary>Loads the catalog copied next to the test assembly.</summary>
public static class Catalog
{
    private static readonly Lazy<IReadOnlyList<CatalogCase>> Cases = new(Load);

    public static IReadOnlyList<CatalogCase> All => Cases.Value;

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static CatalogCase Get(string name) => All.Single(c => c.Name == name);

    private static IReadOnlyList<CatalogCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "reparametrizations.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var list = new List<CatalogCase>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            double? End(string key) => c.GetProperty("domain").GetProperty(key).ValueKind == JsonValueKind.Null
                ? null
                : c.GetProperty("domain").GetProperty(key).GetDouble();
            list.Add(new CatalogCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("rho").GetString()!,
                c.GetProperty("variable").GetString()!,
                c.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
                End("lo"), End("hi"),
                c.GetProperty("potential").GetString()!,
                c.GetProperty("bias").GetString()!,
                c.GetProperty("points").EnumerateArray()
                    .Select(p => (p.GetProperty("w").GetDouble(), p.GetProperty("x").GetDouble(),
                        p.GetProperty("d2f").GetDouble())).ToList(),
                c.GetProperty("pairs").EnumerateArray()
                    .Select(p => (p.GetProperty("x1").GetDouble(), p.GetProperty("x0").GetDouble(),
                        p.GetProperty("bregman").GetDouble())).ToList()));
        }
        return list;
    }
}
