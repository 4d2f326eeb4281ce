namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>The random command-line generator of every leaf subcommand of <c>ibias</c>, by its path.</summary>
internal static class SubcommandGenerators
{
    /// <summary>"expr simplify", …, "verify" → its generator.</summary>
    public static IReadOnlyDictionary<string, Func<FuzzInputs, string[]>> All { get; } =
        new Dictionary<string, Func<FuzzInputs, string[]>>(StringComparer.Ordinal)
        {
            ["expr simplify"] = d => ExprGenerators.Form(d, "simplify"),
            ["expr diff"] = ExprGenerators.Diff,
            ["expr eval"] = ExprGenerators.Eval,
            ["expr latex"] = ExprGenerators.Latex,
            ["expr together"] = d => ExprGenerators.Form(d, "together"),
            ["expr cancel"] = d => ExprGenerators.Form(d, "cancel"),
            ["expr factor"] = d => ExprGenerators.Form(d, "factor"),
            ["expr expand"] = d => ExprGenerators.Form(d, "expand"),
            ["expr apart"] = ExprGenerators.Apart,
            ["expr integrate"] = ExprGenerators.Integrate,
            ["expr solve"] = ExprGenerators.Solve,
            ["analyze"] = BiasGenerators.Analyze,
            ["design"] = BiasGenerators.Design,
            ["plot"] = BiasGenerators.Plot,
            ["verify"] = BiasGenerators.Verify,
            ["problem generate"] = ExperimentGenerators.ProblemGenerate,
            ["sweep"] = ExperimentGenerators.Sweep,
            ["sweep merge"] = ExperimentGenerators.SweepMerge,
        };
}
