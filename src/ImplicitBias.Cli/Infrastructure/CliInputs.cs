using System.CommandLine;
using ImplicitBias.Symbolic;

namespace ImplicitBias.Cli.Infrastructure;

/// <summary>
/// The arguments and options several commands share, and the conversion of their text into library values.
/// Conversion failures throw <see cref="ParseException"/> or <see cref="CliUsageException"/>, which
/// <see cref="CliErrors"/> reports as bad input (exit code 2).
/// </summary>
internal static class CliInputs
{
    /// <summary>The positional expression, e.g. "beta*sinh(w/beta)".</summary>
    public static Argument<string> ExpressionArgument() => new("expr")
    {
        Description = "The expression, e.g. \"beta*sinh(w/beta)\" (quote it; put '--' before one that starts " +
            "with '-').",
    };

    /// <summary>--assume, repeatable; each value may also hold several assumptions separated by commas.</summary>
    public static Option<string[]> AssumeOption() => new("--assume")
    {
        Description = "A domain assumption such as \"w>0\", \"w>=0\", \"w!=0\" or \"-1<w<1\" (repeatable, or " +
            "comma-separated).",
        HelpName = "assumption",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>--json: one JSON object on stdout instead of plain text.</summary>
    public static Option<bool> JsonOption() => new("--json")
    {
        Description = "Print one JSON object (camelCase fields) instead of plain text.",
    };

    /// <summary>--var, required: the variable a command works in.</summary>
    public static Option<string> VariableOption(string description) => new("--var")
    {
        Description = description,
        HelpName = "name",
        Required = true,
    };

    /// <summary>--at "name=value,...", repeatable: values of symbols (parameters).</summary>
    public static Option<string[]> AtOption(string description) => new("--at")
    {
        Description = description,
        HelpName = "name=value,...",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>--domain: the open interval a function acts on, e.g. "(0,inf)" or "(-pi/2,pi/2)".</summary>
    public static Option<string> DomainOption(string description) =>
        new("--domain") { Description = description, HelpName = "interval" };

    /// <summary>--param name=value, repeatable or comma-separated: values substituted for parameters.</summary>
    public static Option<string[]> ParamOption() => new("--param")
    {
        Description = "A parameter value, e.g. beta=0.25 (repeatable or comma-separated); parameters without a " +
            "value stay symbolic.",
        HelpName = "name=value",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Parses the --domain value (default: the real line); a syntax error surfaces as "column N: …".</summary>
    public static Interval ParseDomain(string? text)
    {
        if (text is null) return Interval.Real;
        try { return DomainText.Parse(text); }
        catch (ParseException p) { throw new CliUsageException($"--domain '{text}': column {p.Column}: {p.Problem}"); }
    }

    /// <summary>Parses the --domain value of a reparametrization: its ends may use the parameters of ρ.</summary>
    public static ParametricDomain ParseReparametrizationDomain(string? text)
    {
        if (text is null) return ParametricDomain.Real;
        try
        {
            var domain = ParametricDomain.Parse(text);
            if (!domain.IsParametric) DomainText.Parse(text); // constant ends: checked here, with the option named
            return domain;
        }
        catch (ParseException p) { throw new CliUsageException($"--domain '{text}': column {p.Column}: {p.Problem}"); }
    }

    /// <summary>Parses a constant given as an option value (a number or an expression such as pi/2).</summary>
    public static double ParseConstant(string option, string text) => ConstantValue(option, text);

    /// <summary>Parses the --assume values.</summary>
    public static Assumptions ParseAssumptions(IEnumerable<string>? values)
    {
        var result = Assumptions.None;
        foreach (var value in values ?? [])
        {
            foreach (var item in value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (item.Length == 0) throw new CliUsageException($"--assume '{value}': empty assumption");
                Assumptions one;
                try { one = Assumptions.Parse(item); }
                catch (ParseException p)
                {
                    throw new CliUsageException($"--assume '{item}': column {p.Column}: {p.Problem}");
                }
                // The library reports some impossible bounds ("w>inf", "w<-1e400") as ArgumentException; the text is
                // all user input here, so it is bad input as well.
                catch (ArgumentException a) { throw new CliUsageException($"--assume '{item}': {a.Message}"); }
                foreach (var (name, domain) in one)
                {
                    try { result = result.With(name, domain); }
                    catch (ArgumentException a) { throw new CliUsageException($"--assume '{item}': {a.Message}"); }
                }
            }
        }
        return result;
    }

    /// <summary>Parses the main expression; a syntax error surfaces as "column N: …".</summary>
    public static Expr ParseExpression(string text, Assumptions assumptions) => Expr.Parse(text, assumptions);

    /// <summary>Checks a variable name given on the command line (--var).</summary>
    public static string ParseVariable(string option, string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (!Lexicon.IsIdentifier(trimmed))
            throw new CliUsageException($"{option} '{name}' is not a valid symbol name " +
                "(a letter, then letters, digits or '_'; not a function name or 'pi')");
        return trimmed;
    }

    /// <summary>
    /// Parses --at values "w=0.3,beta=2" (repeatable). Each value is a constant expression such as pi/4 or
    /// exp(-1); a name may be bound once.
    /// </summary>
    public static IReadOnlyDictionary<string, double> ParseBindings(IEnumerable<string>? values)
    {
        var bindings = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            if (value.Trim().Length == 0) continue;
            foreach (var item in value.Split(','))
            {
                int eq = item.IndexOf('=');
                if (eq < 0)
                    throw new CliUsageException($"--at '{value}': expected name=value pairs separated by commas, " +
                        $"e.g. \"w=0.3,beta=2\"; found '{item.Trim()}'");
                var name = item[..eq].Trim();
                var text = item[(eq + 1)..];
                if (!Lexicon.IsIdentifier(name))
                    throw new CliUsageException($"--at '{value}': '{name}' is not a valid symbol name");
                if (bindings.ContainsKey(name))
                    throw new CliUsageException($"--at: '{name}' is given more than once");
                bindings[name] = ConstantValue($"--at value of '{name}'", text);
            }
        }
        return bindings;
    }

    private static double ConstantValue(string label, string text)
    {
        Expr e;
        try { e = Expr.Parse(text); }
        catch (ParseException p)
        {
            throw new CliUsageException($"{label} ('{text.Trim()}'): column {p.Column}: {p.Problem}");
        }
        var symbols = e.FreeSymbols();
        if (symbols.Count > 0)
            throw new CliUsageException($"{label} ('{text.Trim()}') must be a constant, but it uses " +
                $"{string.Join(", ", symbols.Select(s => $"'{s}'"))}");
        var v = e.Evaluate();
        if (!double.IsFinite(v))
            throw new CliUsageException($"{label} ('{text.Trim()}') is not a finite real number");
        return v;
    }
}
