namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>Random command lines for the <c>ibias expr …</c> subcommands.</summary>
internal static class ExprGenerators
{
    /// <summary>simplify and the rational forms (together, cancel, factor, expand): expression, assumptions.</summary>
    public static string[] Form(FuzzInputs d, string name)
    {
        string v = d.Variable();
        return d.Command("expr", name).Input(d.Expressions.Any(v))
            .Sometimes(50, "--assume", d.Options.Assumption(v)).Sometimes(10, "--assume", d.Options.Assumption(v))
            .Sometimes(60, "--json").ToArray();
    }

    public static string[] Diff(FuzzInputs d)
    {
        string v = d.Variable();
        string order = d.Options.Chance(5) ? d.Options.Pick(["-1", "x", "2.5", "99999999999"])
            : d.Options.Integer(0, 4);
        return d.Command("expr", "diff", "--var", d.Options.Variable(v)).Input(d.Expressions.Any(v))
            .Sometimes(70, "--order", order).Sometimes(40, "--assume", d.Options.Assumption(v))
            .Sometimes(60, "--json").ToArray();
    }

    public static string[] Eval(FuzzInputs d)
    {
        string v = d.Variable();
        return d.Command("expr", "eval").Input(d.Expressions.Any(v))
            .Sometimes(85, "--at", d.Options.Bindings(v, "beta")).Sometimes(10, "--at", d.Options.Bindings("y"))
            .Sometimes(60, "--json").ToArray();
    }

    public static string[] Latex(FuzzInputs d)
    {
        string v = d.Variable();
        return d.Command("expr", "latex").Input(d.Expressions.Any(v))
            .Sometimes(40, "--assume", d.Options.Assumption(v)).Sometimes(30, "--no-simplify")
            .Sometimes(40, "--json").ToArray();
    }

    public static string[] Apart(FuzzInputs d)
    {
        string v = d.Variable();
        return d.Command("expr", "apart", "--var", d.Options.Variable(v)).Input(d.Expressions.Any(v))
            .Sometimes(40, "--assume", d.Options.Assumption(v)).Sometimes(60, "--json").ToArray();
    }

    public static string[] Integrate(FuzzInputs d)
    {
        string v = d.Variable();
        var command = d.Command("expr", "integrate", "--var", d.Options.Variable(v))
            .Input(d.Expressions.Any(v))
            .Sometimes(40, "--assume", d.Options.Assumption(v)).Sometimes(40, "--at", d.Options.Bindings("beta"));
        if (d.Options.Chance(50)) command.Add("--from", d.Options.MaybeBadValue());
        if (d.Options.Chance(50)) command.Add("--to", d.Options.MaybeBadValue());
        return command.Sometimes(60, "--json").Sometimes(30, "--steps").ToArray();
    }

    public static string[] Solve(FuzzInputs d)
    {
        string v = d.Variable();
        string x = d.Options.Chance(5) ? v : d.Options.Variable("y");
        return d.Command("expr", "solve", "--var", d.Options.Variable(v), "--for", x).Input(d.Expressions.Any(v))
            .Sometimes(50, "--assume", d.Options.Assumption(v)).Sometimes(30, "--at", d.Options.Bindings("beta"))
            .Sometimes(60, "--json").ToArray();
    }
}
