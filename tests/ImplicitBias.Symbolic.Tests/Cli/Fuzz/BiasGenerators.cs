using System.Globalization;

namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>Random command lines for <c>ibias analyze</c>, <c>design</c>, <c>plot</c> and <c>verify</c>.</summary>
internal static class BiasGenerators
{
    private static readonly string[] Potentials =
    [
        "x^2/2", "x*log(x) - x", "x*atan(x) - log(1+x^2)/2", "log(cosh(x))", "cosh(x)", "x^4 + x^2", "-log(x)",
        "exp(x)", "x^p", "beta*x^2", "sqrt(1+x^2)", "x*asinh(x) - sqrt(1+x^2)", "(1+x)*log(1+x) + (1-x)*log(1-x)",
    ];

    private static readonly string[] Losses =
        ["square", "huber", "huber:0.5", "power:4", "logcosh", "r^2", "r^4 + r^2", "power:1", "huber:-1", "foo"];

    private static readonly string[] Links =
        ["identity", "sigmoid", "tanh", "exp", "softplus", "z + z^3", "z^2", "bar"];

    private static readonly string[] Methods = ["auto", "rk", "rosenbrock", "dual", "gd", "euler"];

    /// <summary>ρ with its options: a catalog entry (as listed, or perturbed) or a random expression in w.</summary>
    private static ArgumentList Reparametrization(FuzzInputs d, params string[] command)
    {
        var list = d.Command(command);
        if (d.Options.Chance(45))
            return list.Input(d.Expressions.Any("w"))
                .Sometimes(60, "--domain", d.Options.Domain())
                .Sometimes(30, "--param", d.Options.Bindings("beta"));
        var entry = d.Options.Pick(ReparametrizationCatalog.Entries);
        string rho = d.Options.Chance(70) ? entry.Rho : d.Options.Pick(
            [$"2*({entry.Rho})", $"({entry.Rho}) + w/3", $"-({entry.Rho})", $"({entry.Rho})^3", $"exp({entry.Rho})"]);
        list.Input(rho).Add("--domain", d.Options.Chance(85) ? entry.Domain : d.Options.Domain());
        foreach (var (name, value) in entry.Parameters)
            list.Sometimes(85, "--param", $"{name}={value.ToString("R", CultureInfo.InvariantCulture)}");
        return list;
    }

    public static string[] Analyze(FuzzInputs d)
    {
        if (d.Options.Chance(2)) return d.Command("analyze").Sometimes(50, "--json").ToArray(); // the catalog
        return Reparametrization(d, "analyze").Sometimes(10, "--var", d.Options.Variable("w"))
            .Sometimes(15, "--assume", d.Options.Assumption("w")).Sometimes(30, "--at", d.Options.Points())
            .Sometimes(20, "--latex").Sometimes(8, "--repeat", d.Options.Integer(0, 2)).Sometimes(60, "--json")
            .ToArray();
    }

    public static string[] Design(FuzzInputs d)
    {
        string f = d.Options.Chance(50) ? d.Options.Pick(Potentials)
            : d.Expressions.Any("x");
        return d.Command("design").Input(f).Sometimes(50, "--domain", d.Options.Domain())
            .Sometimes(30, "--param", d.Options.Bindings("beta", "p"))
            .Sometimes(15, "--assume", d.Options.Assumption("x"))
            .Sometimes(8, "--var", d.Options.Variable("x")).Sometimes(60, "--json").ToArray();
    }

    public static string[] Plot(FuzzInputs d)
    {
        string name = $"plot-{d.Options.Integer(0, 9)}{d.Options.Pick([".svg", ".svg", ".png", ".txt", ""])}";
        string path = d.Options.Chance(5) ? Path.Combine(d.Folder, "missing", name) : Path.Combine(d.Folder, name);
        string range = $"{d.Options.MaybeBadValue()},{d.Options.MaybeBadValue()}";
        return Reparametrization(d, "plot", "--out", path).Sometimes(20, "--range", range)
            .Sometimes(10, "--assume", d.Options.Assumption("w")).Sometimes(50, "--json").ToArray();
    }

    /// <summary>Small problems only (M 3..6, N 5..20): the flow is the expensive part.</summary>
    public static string[] Verify(FuzzInputs d)
    {
        var o = d.Options;
        string method = o.Pick(Methods);
        var list = Reparametrization(d, "verify", "--m", o.Integer(3, 6), "--n", o.Integer(5, 20))
            .Add("--k", o.Integer(0, 4), "--seed", o.Integer(0, 1000))
            .Sometimes(20, "--loss", o.Pick(Losses)).Sometimes(20, "--link", o.Pick(Links))
            .Sometimes(40, "--method", method)
            .Sometimes(method == "gd" ? 90 : 10, "--step", o.Pick(["0.1", "0.01", "0"]))
            .Sometimes(15, "--difference").Sometimes(15, "--init", o.MaybeBadValue())
            .Sometimes(10, "--tolerance", o.Pick(["1e-3", "1e-9", "0", "-1"]))
            .Sometimes(10, "--max-steps", o.Pick(["1", "100", "5000", "0"]))
            .Sometimes(5, "--max-time", o.Pick(["0.5", "10", "-1"]));
        return list.Sometimes(5, "--plot", Path.Combine(d.Folder, o.Pick(["flow.svg", "flow.png", "flow.pdf"])))
            .Sometimes(70, "--json").ToArray();
    }
}
