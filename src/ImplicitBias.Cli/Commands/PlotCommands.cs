using System.CommandLine;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Cli.Plots;
using ImplicitBias.Symbolic;

namespace ImplicitBias.Cli.Commands;

/// <summary><c>ibias plot</c>: the potential and the metric of a reparametrization, written as SVG or PNG.</summary>
internal static class PlotCommands
{
    public static Command Plot(CliContext context)
    {
        var rho = new Argument<string>("rho")
        {
            Description = "The reparametrization ρ, e.g. \"sinh(w)\" or \"beta*sinh(w/beta)\" " +
                "(with --param beta=0.25)."
        };
        var output = new Option<string>("--out")
            { Description = "The image to write: a path ending in .svg or .png.", HelpName = "file", Required = true };
        var variable = new Option<string>("--var")
            { Description = "The variable of ρ.", HelpName = "name", DefaultValueFactory = _ => "w" };
        var domain = CliInputs.DomainOption(
            "The open interval ρ acts on, e.g. \"(0,inf)\" or \"(-pi/2,pi/2)\" (default: the real line).");
        var param = CliInputs.ParamOption();
        var assume = CliInputs.AssumeOption();
        var range = new Option<string>("--range")
        {
            Description = "The x window to plot, e.g. \"0.01,4\" (inside the image of ρ; default: ρ of a window of " +
                "the domain, away from singular ends).",
            HelpName = "lo,hi",
        };
        var json = CliInputs.JsonOption();
        var command = new Command("plot", "Plot the potential f and the metric f″ of a reparametrization over the " +
            "image of ρ (SVG or PNG, by the extension of --out).")
            { rho, output, variable, domain, param, assume, range, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(rho);
            var path = parse.GetRequiredValue(output);
            FlowPlots.FormatOf(path); // a bad extension is reported before any work
            var name = CliInputs.ParseVariable("--var", parse.GetValue(variable));
            var interval = CliInputs.ParseReparametrizationDomain(parse.GetValue(domain));
            var parameters = CliInputs.ParseBindings(parse.GetValue(param));
            var assumptions = CliInputs.ParseAssumptions(parse.GetValue(assume));
            var window = ParseRange(parse.GetValue(range));
            var expr = CliInputs.ParseExpression(text, assumptions);
            var derivation = Reparametrization.Create(expr, name, interval, parameters, assumptions).Derive();
            FlowPlots.Potential(derivation, path, window);
            if (parse.GetValue(json))
                return CliOutput.WriteJson(context, new PlotJson(path, text,
                    new IntervalJson(BiasCommands.End(derivation.Image.Lo), BiasCommands.End(derivation.Image.Hi))),
                    CliOutput.Json.PlotJson);
            return CliOutput.WriteText(context, $"wrote {path}");
        });
        return command;
    }

    private static (double Lo, double Hi)? ParseRange(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
            throw new CliUsageException($"--range '{text}': expected two numbers lo,hi, e.g. \"0.01,4\"");
        double lo = CliInputs.ParseConstant("--range", parts[0]), hi = CliInputs.ParseConstant("--range", parts[1]);
        if (!(lo < hi)) throw new CliUsageException($"--range '{text}': lo must be below hi");
        return (lo, hi);
    }
}

/// <summary>JSON of <c>ibias plot</c>.</summary>
/// <param name="Output">The file written, as given with --out.</param>
/// <param name="Rho">ρ as given.</param>
/// <param name="Image">The image of ρ; null for an infinite end.</param>
internal sealed record PlotJson(string Output, string Rho, IntervalJson Image);
