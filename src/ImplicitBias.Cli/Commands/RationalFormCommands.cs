using System.CommandLine;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Symbolic;

namespace ImplicitBias.Cli.Commands;

/// <summary>
/// <c>ibias expr together|cancel|factor|expand|apart</c>: the rational forms of an expression over its symbols and
/// kernels, printed as given by the library (no further simplification, so each form is what its name says).
/// </summary>
internal static class RationalFormCommands
{
    /// <summary>A command that prints one form of its expression.</summary>
    public static Command Form(CliContext context, string name, string description, Func<Expr, Expr> form)
    {
        var input = CliInputs.ExpressionArgument();
        var assume = CliInputs.AssumeOption();
        var json = CliInputs.JsonOption();
        var command = new Command(name, description) { input, assume, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(input);
            var e = CliInputs.ParseExpression(text, CliInputs.ParseAssumptions(parse.GetValue(assume)));
            return ExprCommands.WriteExpr(context, parse.GetValue(json), text, form(e));
        });
        return command;
    }

    /// <summary><c>apart</c>: partial fractions in --var.</summary>
    public static Command Apart(CliContext context)
    {
        var input = CliInputs.ExpressionArgument();
        var variable = CliInputs.VariableOption(
            "The variable of the partial fractions (other symbols are parameters).");
        var assume = CliInputs.AssumeOption();
        var json = CliInputs.JsonOption();
        var command = new Command("apart", "Partial fractions in one variable.") { input, variable, assume, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(input);
            var e = CliInputs.ParseExpression(text, CliInputs.ParseAssumptions(parse.GetValue(assume)));
            return ExprCommands.WriteExpr(context, parse.GetValue(json), text,
                e.Apart(parse.GetRequiredValue(variable)));
        });
        return command;
    }
}
