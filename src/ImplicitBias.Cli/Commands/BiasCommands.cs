using System.CommandLine;
using System.Diagnostics;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Symbolic;
using Spectre.Console;

namespace ImplicitBias.Cli.Commands;

/// <summary>
/// <c>ibias analyze</c> (reparametrization → derivation chain and conditions) and <c>ibias design</c>
/// (potential → reparametrization).
/// </summary>
internal static class BiasCommands
{
    public static Command Analyze(CliContext context)
    {
        var rho = new Argument<string?>("rho")
        {
            Description = "The reparametrization ρ, e.g. \"beta*sinh(w/beta)\"; omit it to list the built-in catalog.",
            Arity = ArgumentArity.ZeroOrOne
        };
        var variable = new Option<string>("--var")
            { Description = "The variable of ρ.", HelpName = "name", DefaultValueFactory = _ => "w" };
        var domain = CliInputs.DomainOption(
            "The open interval ρ acts on, e.g. \"(0,inf)\" or \"(-pi/2,pi/2)\" (default: the real line).");
        var param = CliInputs.ParamOption();
        var assume = CliInputs.AssumeOption();
        var at = new Option<string>("--at")
        {
            Description = "Points x of the image at which to report f, f′ and f″, e.g. \"0.5,1,2\".",
            HelpName = "x1,x2,..."
        };
        var latex = new Option<bool>("--latex")
            { Description = "Print the chain as LaTeX (with --json: add a \"latex\" field)." };
        var repeat = new Option<int>("--repeat")
        {
            Description = "Derive N times; \"seconds\" is then the median of runs 2..N and \"firstSeconds\" the first.",
            HelpName = "N",
            DefaultValueFactory = _ => 1
        };
        var json = CliInputs.JsonOption();
        var command = new Command("analyze",
            "Derive the implicit bias of a reparametrization: ρ′, Φ, Φ⁻¹, f′, ψ, f″, f, f*, the image and the " +
            "conditions of the theorem.")
            { rho, variable, domain, param, assume, at, latex, repeat, json };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(rho);
            if (text is null) return Catalog(context, parse.GetValue(json));
            int runs = parse.GetValue(repeat);
            if (runs < 1) throw new CliUsageException($"--repeat must be at least 1, got {runs}");
            var name = CliInputs.ParseVariable("--var", parse.GetValue(variable));
            var interval = CliInputs.ParseReparametrizationDomain(parse.GetValue(domain));
            var parameters = CliInputs.ParseBindings(parse.GetValue(param));
            var assumptions = CliInputs.ParseAssumptions(parse.GetValue(assume));
            var points = ParsePoints(parse.GetValue(at));
            var expr = CliInputs.ParseExpression(text, assumptions);
            var reparametrization = Reparametrization.Create(expr, name, interval, parameters, assumptions);
            var (derivation, seconds, firstSeconds) = Timed(reparametrization, runs);
            var values = points.Select(x => Values(derivation, x)).ToList();
            if (parse.GetValue(json))
                return CliOutput.WriteJson(context,
                    AnalyzeJson.From(text, derivation, values, seconds, runs > 1 ? firstSeconds : null,
                        parse.GetValue(latex) ? derivation.ToLatex() : null),
                    CliOutput.Json.AnalyzeJson);
            if (parse.GetValue(latex)) return CliOutput.WriteText(context, derivation.ToLatex().TrimEnd());
            WriteTables(context, derivation, values, seconds);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Design(CliContext context)
    {
        var potential = new Argument<string>("potential")
            { Description = "The wanted potential f, e.g. \"x*atan(x) - log(1+x^2)/2\"." };
        var variable = new Option<string>("--var")
            { Description = "The variable of f.", HelpName = "name", DefaultValueFactory = _ => "x" };
        var domain = CliInputs.DomainOption("The open interval f lives on (default: the real line).");
        var param = CliInputs.ParamOption();
        var assume = CliInputs.AssumeOption();
        var json = CliInputs.JsonOption();
        var command = new Command("design",
            "Design a reparametrization for a wanted potential: ρ⁻¹ = ∫√f″, then derive ρ back and check f″.")
            { potential, variable, domain, param, assume, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(potential);
            var name = CliInputs.ParseVariable("--var", parse.GetValue(variable));
            var interval = CliInputs.ParseDomain(parse.GetValue(domain));
            var assumptions = WithDomain(CliInputs.ParseAssumptions(parse.GetValue(assume)), name, interval);
            var f = CliInputs.ParseExpression(text, assumptions);
            var parameters = CliInputs.ParseBindings(parse.GetValue(param));
            if (parameters.Count > 0) f = f.Substitute(parameters.ToDictionary(p => p.Key, p => Expr.Decimal(p.Value)));
            var result = PotentialDesign.Design(f, name);
            if (parse.GetValue(json))
                return CliOutput.WriteJson(context, new DesignJson(text, result.Metric.ToString(),
                    result.Reparametrization?.ToString(),
                    result.InverseReparametrization?.ToString(), FormName(result.Form), result.Verified,
                    new IntervalJson(End(result.ReparametrizationDomain.Lo), End(result.ReparametrizationDomain.Hi)),
                    result.Verification,
                    new ConditionJson(result.Convexity.Name, StatusName(result.Convexity.Status),
                        result.Convexity.Reason)),
                    CliOutput.Json.DesignJson);
            var lines = new List<string>
            {
                $"f″({name}) = {result.Metric}",
                result.InverseReparametrization is not null
                    ? $"ρ⁻¹({name}) = {result.InverseReparametrization}"
                    : $"ρ⁻¹({name}) = ∫ sqrt(f″) d{name} (numeric)",
                result.Reparametrization is not null
                    ? $"ρ(w) = {result.Reparametrization}, w ∈ {DomainText.Format(result.ReparametrizationDomain)}"
                    : "ρ(w): no closed form (numeric inverse of ρ⁻¹)",
                $"f″ > 0: {StatusName(result.Convexity.Status)} ({result.Convexity.Reason})",
                $"form: {FormName(result.Form)}; verified: {(result.Verified ? "yes" : "no")} ({result.Verification})",
            };
            return CliOutput.WriteText(context, string.Join(Environment.NewLine, lines));
        });
        return command;
    }

    /// <summary>The --assume domains with the variable restricted to --domain; a contradiction is bad input.</summary>
    private static Assumptions WithDomain(Assumptions assumptions, string name, Interval domain)
    {
        try { return assumptions.With(name, new Interval(domain.Lo, domain.Hi, true, true)); }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"--assume and --domain {DomainText.Format(domain)} leave no values for " +
                $"'{name}': {e.Message}");
        }
    }

    private static List<double> ParsePoints(string? text) =>
        text is null
            ? []
            : text.Split(',', StringSplitOptions.TrimEntries).Where(t => t.Length > 0)
                .Select(t => CliInputs.ParseConstant("--at", t)).ToList();

    private static (Derivation Derivation, double Seconds, double FirstSeconds) Timed(Reparametrization r, int runs)
    {
        var times = new List<double>();
        Derivation? derivation = null;
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            derivation = r.Derive();
            times.Add(clock.Elapsed.TotalSeconds);
        }
        var warm = runs > 1 ? times.Skip(1).Order().ToList() : times;
        double median = warm.Count % 2 == 1
            ? warm[warm.Count / 2]
            : (warm[warm.Count / 2 - 1] + warm[warm.Count / 2]) / 2;
        return (derivation!, median, times[0]);
    }

    private static ValueJson Values(Derivation d, double x)
    {
        if (!d.IsDerived) return new ValueJson(x, null, null, null);
        if (!d.Image.Contains(x)) throw new CliUsageException($"--at {x} is outside the image {d.Image} of ρ");
        static double? Finite(double v) => double.IsFinite(v) ? v : null;
        try
        {
            return new ValueJson(x, Finite(d.Potential!.Evaluate(x)), Finite(d.MirrorMap!.Evaluate(x)),
                Finite(d.Metric!.Evaluate(x)));
        }
        catch (EvaluationException e) { throw new CliUsageException($"--at needs parameter values: {e.Message}"); }
    }

    internal static double? End(double v) => double.IsFinite(v) ? v : null;

    internal static string FormName(Form f) => f switch
    {
        Form.Explicit => "explicit",
        Form.Parametric => "parametric",
        Form.Numeric => "numeric"
    };

    internal static string StatusName(ConditionStatus s) => s switch
    {
        ConditionStatus.Holds => "holds",
        ConditionStatus.Fails => "fails",
        ConditionStatus.Unknown => "unknown"
    };

    private static IAnsiConsole Console(CliContext context) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(context.Out),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    private static void WriteTables(CliContext context, Derivation d, List<ValueJson> values, double seconds)
    {
        var console = Console(context);
        console.Profile.Width = 140;
        var w = d.Reparametrization.Variable;
        var title = $"ρ({w}) = {d.Reparametrization.Rho} on {d.Reparametrization.DomainDescription}";
        var chain = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title))
            .AddColumn("object").AddColumn("form").AddColumn("expression");
        chain.AddRow(Markup.Escape($"ρ′({w})"), "explicit", Markup.Escape(d.Derivative.ToString()));
        chain.AddRow("image", "", Markup.Escape(DomainText.Format(d.Image)));
        foreach (var c in d.Chain)
            chain.AddRow(Markup.Escape(c.Notation), FormName(c.Form), Markup.Escape(c.Expression?.ToString()
                ?? (c.OfW is not null ? $"{c.OfW}   (at {c.Parametrization})" : "quadrature / root finding")));
        if (d.PotentialOfW is not null)
            chain.AddRow(Markup.Escape($"f(ρ({w}))"), "explicit", Markup.Escape(d.PotentialOfW.ToString()));
        console.Write(chain);
        var conditions = new Table().Border(TableBorder.Rounded).Title("conditions")
            .AddColumn("condition").AddColumn("status").AddColumn("reason");
        foreach (var c in d.Conditions)
            conditions.AddRow(Markup.Escape(c.Name), StatusName(c.Status), Markup.Escape(c.Reason));
        console.Write(conditions);
        if (values.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("x").AddColumn("f(x)").AddColumn("f′(x)").AddColumn("f″(x)");
            foreach (var v in values)
                table.AddRow(CliOutput.FormatNumber(v.X), Format(v.F), Format(v.Df), Format(v.D2f));
            console.Write(table);
        }
        console.WriteLine($"form: {FormName(d.Form)}; derived in {seconds * 1000:F1} ms");
    }

    private static string Format(double? v) => v is { } x ? CliOutput.FormatNumber(x) : "n/a";

    private static int Catalog(CliContext context, bool json)
    {
        var rows = ReparametrizationCatalog.Entries.Select(e =>
        {
            var d = e.ToReparametrization().Derive();
            return new CatalogRowJson(e.Name, e.ToReparametrization().Rho.ToString(), e.Domain, e.Bias,
                d.Potential?.Expression?.ToString() ?? (d.PotentialOfW is { } p ? $"f(ρ(w)) = {p}" : null),
                FormName(d.Form),
                d.Conditions.Select(c => new ConditionJson(c.Name, StatusName(c.Status), c.Reason)).ToList());
        }).ToList();
        if (json) return CliOutput.WriteJson(context, rows, CliOutput.Json.ListCatalogRowJson);
        var console = Console(context);
        console.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Rounded).Title("built-in catalog (ibias analyze <rho> for details)")
            .AddColumn("name").AddColumn("ρ(w)").AddColumn("domain").AddColumn("potential f(x)").AddColumn("form")
            .AddColumn("conditions");
        foreach (var r in rows)
        {
            var summary = string.Join(", ",
                r.Conditions.Where(c => c.Name != "image").Select(c => $"{c.Name}: {c.Status}"));
            table.AddRow(Markup.Escape(r.Name), Markup.Escape(r.Rho), Markup.Escape(r.Domain),
                Markup.Escape(r.Potential ?? "—"), r.Form, Markup.Escape(summary));
        }
        console.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary>An interval end pair; null for an infinite end.</summary>
internal sealed record IntervalJson(double? Lo, double? Hi);

/// <summary>A condition of the theorem.</summary>
internal sealed record ConditionJson(string Name, string Status, string Reason);

/// <summary>f, f′ and f″ at one point (f up to the same affine function everywhere).</summary>
internal sealed record ValueJson(double X, double? F, double? Df, double? D2f);

/// <summary>JSON of <c>ibias analyze &lt;rho&gt;</c>.</summary>
internal sealed record AnalyzeJson(
    string Rho, string Variable, IntervalJson Domain, string DomainText, IntervalJson Image, string Derivative,
    string? DualCoordinate, string? DualInverse, string? MirrorMap, string? InverseMirrorMap, string? Metric,
    string? Potential, string? Conjugate, string? PotentialOfW, string Form, IReadOnlyList<ConditionJson> Conditions,
    IReadOnlyList<ValueJson> Values, double Seconds,
    [property: System.Text.Json.Serialization.JsonIgnore(
        Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] double? FirstSeconds,
    [property: System.Text.Json.Serialization.JsonIgnore(
        Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Latex)
{
    public static AnalyzeJson From(string input, Derivation d, IReadOnlyList<ValueJson> values, double seconds,
        double? firstSeconds, string? latex) => new(
        input, d.Reparametrization.Variable,
        new IntervalJson(BiasCommands.End(d.Reparametrization.Domain.Lo),
            BiasCommands.End(d.Reparametrization.Domain.Hi)),
        d.Reparametrization.DomainDescription,
        new IntervalJson(BiasCommands.End(d.Image.Lo), BiasCommands.End(d.Image.Hi)),
        d.Derivative.ToString(),
        d.DualCoordinate?.Expression?.ToString(), d.DualInverse?.Expression?.ToString(),
        d.MirrorMap?.Expression?.ToString(), d.InverseMirrorMap?.Expression?.ToString(),
        d.Metric?.Expression?.ToString(), d.Potential?.Expression?.ToString(),
        d.Conjugate?.Expression?.ToString(), d.PotentialOfW?.ToString(), BiasCommands.FormName(d.Form),
        d.Conditions.Select(c => new ConditionJson(c.Name, BiasCommands.StatusName(c.Status), c.Reason)).ToList(),
        values, seconds, firstSeconds, latex);
}

/// <summary>One catalog line of <c>ibias analyze</c> without ρ.</summary>
internal sealed record CatalogRowJson(string Name, string Rho, string Domain, string Bias, string? Potential,
    string Form, IReadOnlyList<ConditionJson> Conditions);

/// <summary>JSON of <c>ibias design</c>.</summary>
internal sealed record DesignJson(string Potential, string Metric, string? Reparametrization,
    string? InverseReparametrization, string Form, bool Verified,
    IntervalJson ReparametrizationDomain, string Verification, ConditionJson Convexity);
