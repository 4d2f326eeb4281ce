using System.CommandLine;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Symbolic;

namespace ImplicitBias.Cli.Commands;

/// <summary>
/// <c>ibias expr …</c>: one expression at a time.
/// <code>
/// ibias expr simplify &lt;expr&gt; [--assume A]... [--json]
/// ibias expr diff     &lt;expr&gt; --var w [--order n] [--assume A]... [--json]
/// ibias expr eval     &lt;expr&gt; [--at "w=0.3,beta=2"]... [--json]
/// ibias expr latex    &lt;expr&gt; [--assume A]... [--no-simplify] [--json]
/// ibias expr together|cancel|factor|expand &lt;expr&gt; [--assume A]... [--json]
/// ibias expr apart    &lt;expr&gt; --var x [--assume A]... [--json]
/// ibias expr integrate &lt;expr&gt; --var w [--assume A]... [--from a --to b] [--at "beta=2"] [--json]
/// ibias expr solve    &lt;expr&gt; --var w --for x [--assume A]... [--at "beta=2"] [--json]
/// </code>
/// JSON: {"input", "result", "latex"} for simplify, diff, latex and the rational forms; {"input", "value"[, "note"]}
/// for eval; integrate and solve: see <see cref="CalculusCommands"/>.
/// </summary>
internal static class ExprCommands
{
    /// <summary>The <c>expr</c> command group.</summary>
    public static Command Create(CliContext context) => new("expr",
        "Simplify, differentiate, evaluate or typeset an expression.")
    {
        Simplify(context),
        Diff(context),
        Eval(context),
        Latex(context),
        RationalFormCommands.Form(context, "together", "One fraction over the least common denominator.",
            e => e.Together()),
        RationalFormCommands.Form(context, "cancel", "Numerator over denominator, expanded and without common factors.",
            e => e.Cancel()),
        RationalFormCommands.Form(context, "factor", "Numerator and denominator factored over the rationals.",
            e => e.Factor()),
        RationalFormCommands.Form(context, "expand", "Products and integer powers of sums distributed.",
            e => e.Expand()),
        RationalFormCommands.Apart(context),
        CalculusCommands.Integrate(context),
        CalculusCommands.Solve(context),
    };

    private static Command Simplify(CliContext context)
    {
        var input = CliInputs.ExpressionArgument();
        var assume = CliInputs.AssumeOption();
        var json = CliInputs.JsonOption();
        var command = new Command("simplify", "Simplify an expression, using the domains given by --assume.")
            { input, assume, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(input);
            var e = CliInputs.ParseExpression(text, CliInputs.ParseAssumptions(parse.GetValue(assume)));
            return WriteExpr(context, parse.GetValue(json), text, e.Simplify());
        });
        return command;
    }

    private static Command Diff(CliContext context)
    {
        var input = CliInputs.ExpressionArgument();
        var variable = CliInputs.VariableOption("The variable to differentiate with respect to.");
        var order = new Option<int>("--order")
        {
            Description = "The order of the derivative (0 returns the expression).",
            HelpName = "n",
            DefaultValueFactory = _ => 1,
        };
        var assume = CliInputs.AssumeOption();
        var json = CliInputs.JsonOption();
        var command = new Command("diff", "Differentiate an expression (the result is simplified).")
            { input, variable, order, assume, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(input);
            var name = CliInputs.ParseVariable("--var", parse.GetValue(variable));
            int n = parse.GetValue(order);
            if (n < 0) throw new CliUsageException($"--order must be 0 or more, got {n}");
            var e = CliInputs.ParseExpression(text, CliInputs.ParseAssumptions(parse.GetValue(assume)));
            return WriteExpr(context, parse.GetValue(json), text, e.Differentiate(name, n).Simplify());
        });
        return command;
    }

    private static Command Eval(CliContext context)
    {
        var input = CliInputs.ExpressionArgument();
        var at = CliInputs.AtOption("Values of the symbols, e.g. \"w=0.3,beta=2\"; each value may be a constant " +
            "expression such as pi/4 (repeatable).");
        var json = CliInputs.JsonOption();
        var command = new Command("eval", "Evaluate an expression in double precision.") { input, at, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(input);
            var bindings = CliInputs.ParseBindings(parse.GetValue(at));
            var e = CliInputs.ParseExpression(text, Assumptions.None);
            var unbound = e.FreeSymbols().Where(s => !bindings.ContainsKey(s)).ToList();
            if (unbound.Count > 0)
                throw new CliUsageException(
                    $"no value for {(unbound.Count == 1 ? "symbol" : "symbols")} " +
                    $"{string.Join(", ", unbound.Select(s => $"'{s}'"))}; " +
                    $"give {(unbound.Count == 1 ? "it" : "them")} with --at " +
                    $"\"{string.Join(",", unbound.Select(s => s + "=..."))}\"");
            double value = e.Evaluate(bindings);
            if (parse.GetValue(json))
                return CliOutput.WriteJson(context, new EvalJson(text, double.IsFinite(value) ? value : null,
                    NonFiniteNote(value)), CliOutput.Json.EvalJson);
            return CliOutput.WriteText(context, CliOutput.FormatNumber(value));
        });
        return command;
    }

    private static Command Latex(CliContext context)
    {
        var input = CliInputs.ExpressionArgument();
        var assume = CliInputs.AssumeOption();
        var raw = new Option<bool>("--no-simplify")
        {
            Description = "Typeset the expression as parsed (canonical order, constants folded) instead of simplified.",
        };
        var json = CliInputs.JsonOption();
        var command = new Command("latex",
            "Print the LaTeX form of an expression (simplified under --assume unless --no-simplify).")
            { input, assume, raw, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(input);
            var e = CliInputs.ParseExpression(text, CliInputs.ParseAssumptions(parse.GetValue(assume)));
            if (!parse.GetValue(raw)) e = e.Simplify();
            return parse.GetValue(json)
                ? CliOutput.WriteJson(context, new ExprJson(text, e.ToString(), e.ToLatex()), CliOutput.Json.ExprJson)
                : CliOutput.WriteText(context, e.ToLatex());
        });
        return command;
    }

    /// <summary>The result as text, or as {"input", "result", "latex"} with --json.</summary>
    internal static int WriteExpr(CliContext context, bool json, string input, Expr result) => json
        ? CliOutput.WriteJson(context, new ExprJson(input, result.ToString(), result.ToLatex()),
            CliOutput.Json.ExprJson)
        : CliOutput.WriteText(context, result.ToString());

    private static string? NonFiniteNote(double value) =>
        double.IsNaN(value) ? "NaN: the expression is not a real number at this point"
        : double.IsPositiveInfinity(value) ? "+Infinity: the value overflows or the expression has a pole here"
        : double.IsNegativeInfinity(value) ? "-Infinity: the value overflows or the expression has a pole here"
        : null;
}
