using Tomlyn;
using Tomlyn.Model;

namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// Reads a sweep spec from TOML (docs in the README, "Sweeps"). Unknown tables and keys are errors, since they are
/// most likely typos; every message names the file, the table and the key.
/// </summary>
public static class SweepSpecReader
{
    private static readonly string[] TopLevel = ["sweep", "rho", "problem", "figures"];
    private static readonly string[] SweepKeys = ["seeds", "compute", "tolerance", "method"];
    private static readonly string[] RhoKeys = ["formula", "variable", "domain", "difference", "params"];
    private static readonly string[] ProblemKeys = ["m", "n", "k", "init", "noise", "loss", "link", "files"];
    private static readonly string[] GeneratedOnly = ["m", "n", "k", "noise"];
    private static readonly string[] FigureKeys = ["width", "height", "font_size", "formats", "labels"];

    /// <summary>
    /// Parses a spec; <paramref name="source"/> names it in messages, and relative problem files are read from
    /// <paramref name="baseDirectory"/> (the spec's folder).
    /// </summary>
    /// <exception cref="SymbolicException">The text is not TOML, or the spec is invalid.</exception>
    public static SweepSpec Parse(string text, string source = "spec.toml", string baseDirectory = ".")
    {
        TomlTable root;
        try { root = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable(); }
        catch (TomlException e)
        {
            throw new SymbolicException($"{source}: not valid TOML: {e.Message}", e);
        }
        var reader = new TomlReader(source);
        reader.OnlyKeys(root, "", TopLevel);
        var sweep = reader.Table(root, "sweep", required: false);
        reader.OnlyKeys(sweep, "[sweep]", SweepKeys);
        var seeds = Seeds(reader, sweep);
        var compute = Compute(reader, sweep);
        double tolerance = reader.Number(sweep, "[sweep]", "tolerance") ?? 1e-6;
        if (!(tolerance > 0)) throw reader.Error("[sweep]", "tolerance", "must be a positive number");
        var method = Method(reader, reader.Text(sweep, "[sweep]", "method") ?? "auto");
        var rhos = reader.TableArray(root, "rho").Select((t, i) => Rho(reader, t, i)).ToList();
        if (rhos.Count == 0)
            throw new SymbolicException($"{source}: the spec has no [[rho]] entry (e.g. formula = \"w^2\")");
        var problem = Problem(reader, reader.Table(root, "problem", required: true));
        var figures = Figures(reader, reader.Table(root, "figures", required: false));
        if (problem.Files.Count > 0 && sweep.ContainsKey("seeds"))
            throw reader.Error("[sweep]", "seeds", "is for generated problems; it cannot go with [problem] files");
        var spec = new SweepSpec(problem.Files.Count > 0 ? [0] : seeds, compute, rhos, problem, figures, tolerance,
            method) { BaseDirectory = baseDirectory };
        RequireDistinctColumns(source, spec);
        return spec;
    }

    private static List<int> Seeds(TomlReader reader, TomlTable sweep)
    {
        if (!sweep.TryGetValue("seeds", out var value)) return [1];
        if (value is long count)
        {
            if (count < 1 || count > 1_000_000) throw reader.Error("[sweep]", "seeds", "must lie between 1 and 10⁶");
            return Enumerable.Range(1, (int)count).ToList();
        }
        var list = reader.Integers(sweep, "[sweep]", "seeds");
        if (list.Distinct().Count() != list.Count) throw reader.Error("[sweep]", "seeds", "lists a seed twice");
        return list;
    }

    private static HashSet<SweepQuantity> Compute(TomlReader reader, TomlTable sweep)
    {
        var set = new HashSet<SweepQuantity> { SweepQuantity.Prediction };
        foreach (var name in reader.Texts(sweep, "[sweep]", "compute") ?? [])
            set.Add(name.Trim().ToLowerInvariant() switch
            {
                "prediction" => SweepQuantity.Prediction,
                "l1" => SweepQuantity.L1,
                "l2" => SweepQuantity.L2,
                "flow" => SweepQuantity.Flow,
                _ => throw reader.Error("[sweep]", "compute",
                    $"has \"{name}\"; expected \"prediction\", \"l1\", \"l2\" or \"flow\""),
            });
        return set;
    }

    private static FlowMethod Method(TomlReader reader, string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => FlowMethod.Auto,
        "rk" => FlowMethod.RungeKutta,
        "rosenbrock" => FlowMethod.Rosenbrock,
        "dual" => FlowMethod.Dual,
        _ => throw reader.Error("[sweep]", "method", $"is \"{text}\"; expected auto, rk, rosenbrock or dual"),
    };

    private static RhoSpec Rho(TomlReader reader, TomlTable table, int index)
    {
        string where = $"[[rho]] number {index + 1}";
        reader.OnlyKeys(table, where, RhoKeys);
        var formula = reader.Text(table, where, "formula") ?? throw reader.Error(where, "formula", "is missing");
        var variable = reader.Text(table, where, "variable") ?? "w";
        var domain = reader.Text(table, where, "domain");
        bool difference = reader.Boolean(table, where, "difference") ?? false;
        var parameters = new List<SweepParameter>();
        if (reader.Table(table, "params", required: false, where) is { Count: > 0 } values)
            foreach (var (name, _) in values)
            {
                var list = reader.Numbers(values, $"{where} params", name);
                if (list.Count == 0) throw reader.Error($"{where} params", name, "has no values");
                parameters.Add(new SweepParameter(name, list));
            }
        return new RhoSpec(formula, variable, domain, difference, parameters);
    }

    private static ProblemGrid Problem(TomlReader reader, TomlTable table)
    {
        reader.OnlyKeys(table, "[problem]", ProblemKeys);
        List<int> Sizes(string key, int fallback, int least)
        {
            var values = table.ContainsKey(key) ? reader.Integers(table, "[problem]", key) : [fallback];
            if (values.Count == 0 || values.Any(v => v < least))
                throw reader.Error("[problem]", key, $"needs values of at least {least}");
            return values;
        }
        var init = table.ContainsKey("init") ? reader.Numbers(table, "[problem]", "init") : [0.1];
        var noise = table.ContainsKey("noise") ? reader.Numbers(table, "[problem]", "noise") : [0.0];
        if (init.Count == 0) throw reader.Error("[problem]", "init", "has no values");
        if (noise.Count == 0 || noise.Any(v => !(v >= 0)))
            throw reader.Error("[problem]", "noise", "needs values ≥ 0");
        var files = reader.Texts(table, "[problem]", "files") ?? [];
        if (files.Count > 0 && GeneratedOnly.FirstOrDefault(table.ContainsKey) is { } generated)
            throw reader.Error("[problem]", generated, "is for generated problems; it cannot go with files");
        return new ProblemGrid(Sizes("m", 20, 1), Sizes("n", 100, 1), Sizes("k", 3, 0), init, noise,
            reader.Text(table, "[problem]", "loss") ?? "square", reader.Text(table, "[problem]", "link") ?? "identity")
        {
            Files = files,
        };
    }

    private static FigureOptions Figures(TomlReader reader, TomlTable table)
    {
        const string where = "[figures]";
        reader.OnlyKeys(table, where, FigureKeys);
        var d = FigureOptions.Default;
        int width = (int)(reader.Number(table, where, "width") ?? d.Width);
        int height = (int)(reader.Number(table, where, "height") ?? d.Height);
        if (width < 100 || height < 100 || width > 20000 || height > 20000)
            throw reader.Error(where, "width", "and height must lie between 100 and 20000 pixels");
        float font = (float)(reader.Number(table, where, "font_size") ?? d.FontSize);
        if (!(font >= 4 && font <= 200)) throw reader.Error(where, "font_size", "must lie between 4 and 200");
        var formats = (reader.Texts(table, where, "formats") ?? ["svg", "png"]).Select(f => f.ToLowerInvariant() switch
        {
            "svg" => FigureFormat.Svg,
            "png" => FigureFormat.Png,
            _ => throw reader.Error(where, "formats", $"has \"{f}\"; expected \"svg\" or \"png\""),
        }).Distinct().ToList();
        var labels = reader.Text(table, where, "labels") ?? "latex";
        if (labels is not ("latex" or "plain"))
            throw reader.Error(where, "labels", $"is \"{labels}\"; expected \"latex\" or \"plain\"");
        return new FigureOptions(width, height, font, formats, labels == "latex");
    }

    /// <summary>Parameter columns sit next to the fixed columns of a row, so their names must differ.</summary>
    private static void RequireDistinctColumns(string source, SweepSpec spec)
    {
        foreach (var name in spec.ParameterNames)
            if (SweepRow.FixedColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new SymbolicException(
                    $"{source}: the parameter \"{name}\" has the name of a column of the rows; rename it");
    }
}
