using System.CommandLine;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Experiments.Data;

namespace ImplicitBias.Cli.Commands;

/// <summary>
/// <c>ibias problem generate</c>: writes the problem <c>ibias verify</c> generates for the same options (and a sweep
/// row for its options), as JSON, NumPy .npz or .npy, HDF5 .h5, CSV or MatrixMarket, with A, y, x* and w₀.
/// </summary>
internal static class ProblemCommands
{
    public static Command Problem(CliContext context)
    {
        var command = new Command("problem", "Generate problems and write them to files.");
        command.Subcommands.Add(Generate(context));
        return command;
    }

    private static Command Generate(CliContext context)
    {
        var rho = new Argument<string>("rho")
        {
            Description = "The reparametrization ρ the problem is planted for (x* lies in its image, x₀ = ρ(init)); "
                + "default w (the real line).",
            Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "w",
        };
        var options = new ProblemOptions();
        var output = new Option<string>("--out")
        {
            Description = "The file: .json, .npz, .npy, .h5, .csv or .mtx (the last three write the vectors next to "
                + "it: p.y.csv, p.truth.csv, …).",
            HelpName = "file", Required = true,
        };
        var json = CliInputs.JsonOption();
        var command = new Command("generate", "Write the problem that verify generates for these options: A, y, the "
            + "planted x* (\"truth\") and w₀.") { rho };
        foreach (var option in options.OfRho.Concat(options.OfProblem)) command.Options.Add(option);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(output);
            ProblemFiles.FormatOf(path); // a bad extension is reported before any work
            CliFiles.RequireFolder("--out", path);
            var text = parse.GetRequiredValue(rho);
            var (problem, _, source) = ProblemSetup.Build(options, parse, text, file: null);
            ProblemFiles.Write(path, ProblemArrays.FromProblem(problem));
            var m = problem.Model;
            if (parse.GetValue(json))
                return CliOutput.WriteJson(context, new GeneratedProblemJson(path, text, m.Rows, m.Columns, source,
                    m.Loss.Name, m.Link.Name), CliOutput.Json.GeneratedProblemJson);
            return CliOutput.WriteText(context, $"wrote {path}: {m.Rows}×{m.Columns}, {source}, ρ = {text}, " +
                $"loss {m.Loss.Name}, link {m.Link.Name}");
        });
        return command;
    }
}

/// <summary>JSON of <c>ibias problem generate</c>.</summary>
/// <param name="Output">The file written.</param>
/// <param name="Rho">ρ as given.</param>
/// <param name="Rows">M.</param>
/// <param name="Columns">N.</param>
/// <param name="Source">"generated (seed …, k = …)".</param>
/// <param name="Loss">The loss.</param>
/// <param name="Link">The link.</param>
internal sealed record GeneratedProblemJson(string Output, string Rho, int Rows, int Columns, string Source,
    string Loss, string Link);
