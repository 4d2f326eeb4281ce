using System.CommandLine;
using System.Text.Json.Serialization;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Algebra.Calculus;

namespace ImplicitBias.Cli.Commands;

/// <summary>
/// <c>ibias expr integrate</c> and <c>ibias expr solve</c>: certified antiderivatives and inverses.
/// <code>
/// integrate --json: {"input", "result" (null without a closed form), "closedForm", "method", "latex", "certificate",
///                   "value", "error"}
///                   ("value" and "error" only with --from/--to; with --steps, "steps": the root step, or none
///                   without a closed form, each step {"rule", "variable", "integrand", "result", "steps"})
/// solve --json:     {"input", "result" (null without a closed form), "closedForm", "branch", "latex", "image"}
/// </code>
/// </summary>
internal static class CalculusCommands
{
    public static Command Integrate(CliContext context)
    {
        var input = CliInputs.ExpressionArgument();
        var variable = CliInputs.VariableOption(
            "The integration variable; its --assume domain is where the result holds.");
        var assume = CliInputs.AssumeOption();
        var from = new Option<string>("--from")
            { Description = "Lower limit of a definite integral (a constant such as 0 or pi/4).", HelpName = "a" };
        var to = new Option<string>("--to") { Description = "Upper limit of a definite integral.", HelpName = "b" };
        var at = CliInputs.AtOption("Values of the other symbols, needed for --from/--to, e.g. \"beta=2\".");
        var steps = new Option<bool>("--steps")
        {
            Description = "Also print the tree of rule steps that found the closed form, one line per step "
                + "(with --json: add a \"steps\" field).",
        };
        var json = CliInputs.JsonOption();
        var command = new Command("integrate",
            "An antiderivative: a certified closed form, or a numeric one (adaptive quadrature).")
            { input, variable, assume, from, to, at, steps, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(input);
            var name = CliInputs.ParseVariable("--var", parse.GetValue(variable));
            var e = CliInputs.ParseExpression(text, CliInputs.ParseAssumptions(parse.GetValue(assume)));
            var parameters = CliInputs.ParseBindings(parse.GetValue(at));
            string? fromText = parse.GetValue(from), toText = parse.GetValue(to);
            if ((fromText is null) != (toText is null))
                throw new CliUsageException("give both --from and --to for a definite integral");
            var result = e.Integrate(name, parameters);
            (double Value, double Error)? definite = null;
            if (fromText is not null)
                definite = result.Definite(CliInputs.ParseConstant("--from", fromText),
                    CliInputs.ParseConstant("--to", toText!));
            bool showSteps = parse.GetValue(steps);
            if (parse.GetValue(json))
                return CliOutput.WriteJson(context, new IntegrateJson(text, result.Expression?.ToString(),
                    result.IsClosedForm, result.Method,
                    result.Expression?.ToLatex(), result.Certificate?.ToString(), definite?.Value, definite?.Error,
                    showSteps ? StepsJson(result.Steps) : null), CliOutput.Json.IntegrateJson);
            var lines = new List<string>();
            lines.Add(result.IsClosedForm
                ? result.Expression!.ToString()
                : "no closed form found; numeric antiderivative by adaptive quadrature from "
                    + $"{name} = {CliOutput.FormatNumber(result.BasePoint)}");
            lines.Add(result.IsClosedForm ? $"  ({result.Method}; {result.Certificate})" : "  (numeric)");
            if (definite is { } d)
                lines.Add($"value on [{fromText}, {toText}]: {CliOutput.FormatNumber(d.Value)}"
                    + (d.Error > 0 ? $" ± {d.Error:G2}" : ""));
            if (showSteps && result.Steps is { } root) AddSteps(lines, root, "");
            return CliOutput.WriteText(context, string.Join(Environment.NewLine, lines));
        });
        return command;
    }

    /// <summary>One line per step, each substep two spaces further in than its step.</summary>
    private static void AddSteps(List<string> lines, IntegrationStep step, string indent)
    {
        lines.Add(indent + step);
        foreach (var substep in step.Substeps) AddSteps(lines, substep, indent + "  ");
    }

    /// <summary>The "steps" field: the root step, or an empty list for a numeric antiderivative.</summary>
    private static List<IntegrationStepJson> StepsJson(IntegrationStep? root) =>
        root is null ? [] : [IntegrationStepJson.From(root)];

    public static Command Solve(CliContext context)
    {
        var input = CliInputs.ExpressionArgument();
        var variable = CliInputs.VariableOption("The variable to solve for; its --assume domain selects the branch.");
        var forSymbol = new Option<string>("--for")
            { Description = "The name of the value, as in x = e(w).", HelpName = "name", Required = true };
        var assume = CliInputs.AssumeOption();
        var at = CliInputs.AtOption("Values of the other symbols, used for the numeric checks, e.g. \"beta=2\".");
        var json = CliInputs.JsonOption();
        var command = new Command("solve", "Invert x = e(w) for w on the assumed domain: a checked closed form on the "
            + "right branch, or a numeric inverse.")
            { input, variable, forSymbol, assume, at, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(input);
            var name = CliInputs.ParseVariable("--var", parse.GetValue(variable));
            var x = CliInputs.ParseVariable("--for", parse.GetValue(forSymbol));
            var e = CliInputs.ParseExpression(text, CliInputs.ParseAssumptions(parse.GetValue(assume)));
            var inverse = e.Solve(name, x, CliInputs.ParseBindings(parse.GetValue(at)));
            if (parse.GetValue(json))
                return CliOutput.WriteJson(context, new SolveJson(text, inverse.Expression?.ToString(),
                    inverse.IsClosedForm, inverse.Branch,
                    inverse.Expression?.ToLatex(), inverse.Image.ToString()), CliOutput.Json.SolveJson);
            return CliOutput.WriteText(context, inverse.IsClosedForm
                ? $"{name} = {inverse.Expression}{Environment.NewLine}  "
                    + $"(branch: {inverse.Branch}; {x} in {inverse.Image})"
                : $"no closed form found; {name}({x}) is available as a numeric inverse (safeguarded Newton), "
                    + $"{x} in {inverse.Image}");
        });
        return command;
    }
}

/// <summary>JSON of <c>expr integrate</c> (<paramref name="Steps"/> only with --steps).</summary>
internal sealed record IntegrateJson(
    string Input, string? Result, bool ClosedForm, string Method, string? Latex, string? Certificate,
    double? Value, double? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IntegrationStepJson>? Steps);

/// <summary>JSON of <c>expr solve</c>.</summary>
internal sealed record SolveJson(string Input, string? Result, bool ClosedForm, string Branch, string? Latex,
    string Image);
