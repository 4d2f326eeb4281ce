using System.CommandLine;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Experiments.Data;
using Link = ImplicitBias.Symbolic.Link;

namespace ImplicitBias.Cli.Commands;

/// <summary>ρ and the problem from <see cref="ProblemOptions"/>: read from a problem file, or generated.</summary>
internal static class ProblemSetup
{
    /// <summary>
    /// The problem, the reparametrization it is run with (for the two-variable form, with the u₀ = v₀ of the
    /// problem) and a description of where it came from.
    /// </summary>
    public static (Problem Problem, Reparametrization Rho, string Source) Build(ProblemOptions o, ParseResult parse,
        string rho, string? file)
    {
        var name = CliInputs.ParseVariable("--var", parse.GetValue(o.Variable));
        var interval = CliInputs.ParseReparametrizationDomain(parse.GetValue(o.Domain));
        var parameters = CliInputs.ParseBindings(parse.GetValue(o.Param));
        var assumptions = CliInputs.ParseAssumptions(parse.GetValue(o.Assume));
        var expr = CliInputs.ParseExpression(rho, assumptions);
        var single = Reparametrization.Create(expr, name, interval, parameters, assumptions);
        var initText = parse.GetValue(o.Init);
        double start = initText is null ? Problem.DefaultInit(single.Domain)
            : CliInputs.ParseConstant("--init", initText);
        double? init = initText is null ? null : start;
        var loss = Loss.Parse(parse.GetValue(o.Loss)!);
        var link = Link.Parse(parse.GetValue(o.Link)!);
        bool difference = parse.GetValue(o.Difference);
        var reparametrization = difference ? single.Difference(start, start) : single;
        if (file is null)
        {
            double noise = parse.GetValue(o.Noise);
            var generated = Problem.Generate(parse.GetValue(o.Rows), parse.GetValue(o.Columns),
                parse.GetValue(o.Sparsity), parse.GetValue(o.Seed), reparametrization, start, loss, link, noise);
            return (generated, reparametrization, $"generated (seed {parse.GetValue(o.Seed)}, " +
                $"k = {parse.GetValue(o.Sparsity)}{(noise > 0 ? $", noise {CliOutput.FormatNumber(noise)}" : "")})");
        }
        var problem = Read(file, init, reparametrization, loss, link);
        if (difference && init is null && Uniform(problem.W0) is { } u0 && Uniform(problem.V0!) is { } v0
            && (u0 != start || v0 != start))
        {
            // the file's own "init" (or uniform "u0"/"v0") fixes the u₀, v₀ the two-variable chain is derived for
            reparametrization = single.Difference(u0, v0);
            problem = Read(file, null, reparametrization, loss, link);
        }
        return (problem, reparametrization, $"file {file}");
    }

    /// <summary>
    /// A problem file of any format <see cref="ProblemFiles"/> reads; a given init overrides its start.
    /// </summary>
    private static Problem Read(string file, double? init, Reparametrization rho, Loss loss, Link link)
    {
        if (IsJson(file))
        {
            var text = CliFiles.ReadText("problem file", file);
            return Problem.FromJson(init is { } value ? ProblemStart.WithInit(text, value) : text, rho, loss, link);
        }
        if (!File.Exists(file))
            throw new CliUsageException($"cannot read the problem file '{file}': it does not exist");
        var arrays = ProblemFiles.Read(file);
        if (init is { } start)
            arrays = new ProblemArrays(arrays.A, [.. arrays.Y], arrays.Truth?.ToArray(), init: start);
        return arrays.ToProblem(rho, loss, link);
    }

    /// <summary>JSON by its extension, or by default: problem files were JSON whatever their name before the other
    /// formats came.</summary>
    private static bool IsJson(string file)
    {
        try { return ProblemFiles.FormatOf(file) == ProblemFileFormat.Json; }
        catch (SymbolicException) { return true; }
    }

    /// <summary>The common value of all entries, or null when they differ.</summary>
    private static double? Uniform(double[] values) =>
        values.Length > 0 && values.All(v => v == values[0]) ? values[0] : null;
}
