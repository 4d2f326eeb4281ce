using System.Text;

namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>Random command lines for <c>ibias problem generate</c>, <c>sweep</c> and <c>sweep merge</c>.</summary>
internal static class ExperimentGenerators
{
    private static readonly string[] Extensions = [".json", ".npz", ".h5", ".csv", ".mtx", ".npy", ".mat", ".txt", ""];

    private static readonly string[] Quantities = ["prediction", "l1", "l2", "flow", "lasso"];

    /// <summary>Small problems, any ρ of the fuzzer, any output format (also ones that cannot be written).</summary>
    public static string[] ProblemGenerate(FuzzInputs d)
    {
        var o = d.Options;
        string name = $"p-{o.Integer(0, 999)}{o.Pick(Extensions)}";
        string path = o.Chance(5) ? Path.Combine(d.Folder, "missing", name) : Path.Combine(d.Folder, name);
        var list = d.Command("problem", "generate");
        if (o.Chance(80)) list.Input(o.Chance(50) ? d.Expressions.Any("w") : o.Pick(["w", "w^3", "sinh(w)", "exp(w)"]));
        return list.Sometimes(50, "--domain", o.Domain()).Add("--m", o.Integer(1, 8), "--n", o.Integer(1, 20))
            .Sometimes(80, "--k", o.Integer(0, 5)).Sometimes(50, "--seed", o.Integer(0, 1000))
            .Sometimes(30, "--noise", o.Pick(["0", "0.1", "1e-8", "-1", "inf"]))
            .Sometimes(20, "--init", o.MaybeBadValue()).Sometimes(15, "--difference")
            .Add("--out", path).Sometimes(40, "--json").ToArray();
    }

    /// <summary>A small random spec (sometimes broken) written to a file, run into a fresh folder.</summary>
    public static string[] Sweep(FuzzInputs d)
    {
        var o = d.Options;
        string spec = Path.Combine(d.Folder, $"spec-{Guid.NewGuid():N}.toml");
        File.WriteAllText(spec, Spec(d));
        string output = Path.Combine(d.Folder, $"sweep-{Guid.NewGuid():N}");
        return d.Command("sweep", spec, "--out", output).Add("--threads", o.Integer(1, 2))
            .Sometimes(10, "--shard", o.Pick(["0/2", "1/2", "2/2", "auto", "x"])).Add("--no-figures")
            .Sometimes(40, "--json").ToArray();
    }

    /// <summary>Merges of folders that are sweeps, are not, or do not exist.</summary>
    public static string[] SweepMerge(FuzzInputs d)
    {
        var folders = Directory.GetDirectories(d.Folder, "sweep-*");
        var list = d.Command("sweep", "merge");
        int count = int.Parse(d.Options.Integer(1, 3));
        for (int i = 0; i < count; i++)
            list.Add(folders.Length > 0 && d.Options.Chance(60) ? d.Options.Pick(folders)
                : Path.Combine(d.Folder, d.Options.Pick(["missing", "."])));
        return list.Add("--out", Path.Combine(d.Folder, $"merged-{Guid.NewGuid():N}"), "--no-figures")
            .Sometimes(40, "--json").ToArray();
    }

    private static string Spec(FuzzInputs d)
    {
        var o = d.Options;
        if (o.Chance(5)) return o.Pick(["[[rho]", "seeds = ", "[problem]\nm = [", "\u0000", ""]);
        var spec = new StringBuilder();
        spec.Append($"[sweep]\nseeds = {o.Integer(1, 2)}\n")
            .Append($"compute = [\"{o.Pick(Quantities)}\", \"{o.Pick(Quantities)}\"]\n");
        int entries = int.Parse(o.Integer(o.Chance(5) ? 0 : 1, 2));
        for (int i = 0; i < entries; i++)
        {
            string rho = o.Chance(50) ? d.Expressions.Any("w") : o.Pick(["w^2", "sinh(w)", "beta*sinh(w/beta)", "w"]);
            spec.Append($"[[rho]]\nformula = \"{Escape(rho)}\"\n");
            if (o.Chance(50)) spec.Append($"domain = \"{Escape(o.Domain())}\"\n");
            if (o.Chance(20)) spec.Append("difference = true\n");
            if (rho.Contains("beta")) spec.Append($"params = {{ beta = [{o.Pick(["1.0", "0.5", "0", "-1"])}] }}\n");
        }
        spec.Append($"[problem]\nm = [{o.Integer(0, 5)}, {o.Integer(2, 6)}]\nn = {o.Integer(1, 12)}\n");
        spec.Append($"k = {o.Integer(0, 4)}\ninit = [{o.Pick(["0.1", "0.01", "-1", "0", "1e300"])}]\n");
        if (o.Chance(10)) spec.Append($"{o.Pick(["size", "noise", "loss"])} = {o.Pick(["3", "\"huber\"", "-0.5"])}\n");
        return spec.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
