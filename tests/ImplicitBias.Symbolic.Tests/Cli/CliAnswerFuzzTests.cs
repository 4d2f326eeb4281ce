using ImplicitBias.Symbolic.Tests.Cli.Fuzz;
using ImplicitBias.Symbolic.Tests.Support;
using Xunit.Abstractions;
using static ImplicitBias.Symbolic.Tests.Cli.Fuzz.NumericChecks;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary>
/// Seeded random input whose answers are checked against independent numerics, through the CLI: a rewritten
/// expression has the input's value inside the assumptions, a closed-form inverse inverts, a definite integral of a
/// smooth integrand matches Simpson's rule. Each case also keeps the output contract. IBIAS_HEAVY=1 draws more.
/// </summary>
public sealed class CliAnswerFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Rewrites = ["simplify", "together", "cancel", "factor", "expand", "apart"];

    [Theory]
    [InlineData(150, 311)]
    public void Rewritten_expressions_keep_their_value(int cases, int seed) => Rewritten(cases, seed);

    [HeavyTheory]
    [Trait("Category", "Heavy")]
    [InlineData(4000, 411)]
    public void Rewritten_expressions_keep_their_value_heavy(int cases, int seed) => Rewritten(cases, seed);

    private void Rewritten(int cases, int seed)
    {
        var random = new Random(seed);
        var (expressions, options) = (new RandomExpressions(random), new RandomOptions(random));
        var session = new FuzzSession("expr simplify/together/cancel/factor/expand/apart: values", output);
        for (int i = 0; i < cases; i++)
        {
            string text = expressions.Tree("w", random.Next(1, 5)), command = options.Pick(Rewrites);
            var (assumption, point) = options.AssumedPoint("w");
            string[] args = command == "apart" ? ["expr", command, text, "--var", "w"] : ["expr", command, text];
            if (assumption is not null) args = [.. args, "--assume", assumption];
            session.Case([.. args, "--json"],
                run => Field(run, "result") is { } result ? SameValue(text, result, point) : null);
        }
        session.AssertClean();
    }

    /// <summary>Where the input is defined, the result must be too, with the same value.</summary>
    private static string? SameValue(string input, string result, Dictionary<string, double> point)
    {
        double expected = Value(input, point), actual = Value(result, point);
        if (!double.IsFinite(expected) || Math.Abs(expected) > 1e12) return null;
        return double.IsFinite(actual) && Close(expected, actual) ? null
            : $"at {string.Join(", ", point.Select(p => $"{p.Key} = {Text(p.Value)}"))} " +
              $"the input is {Text(expected)}, " +
              $"the result {result} is {Text(actual)}";
    }

    [Theory]
    [InlineData(80, 312)]
    public void Closed_form_inverses_invert(int cases, int seed) => Inverses(cases, seed);

    [HeavyTheory]
    [Trait("Category", "Heavy")]
    [InlineData(3000, 412)]
    public void Closed_form_inverses_invert_heavy(int cases, int seed) => Inverses(cases, seed);

    private void Inverses(int cases, int seed)
    {
        var random = new Random(seed);
        var (expressions, options) = (new RandomExpressions(random), new RandomOptions(random));
        var session = new FuzzSession("expr solve: inverses", output);
        for (int i = 0; i < cases; i++)
        {
            string text = expressions.MonotoneChain("w");
            var (assumption, point) = options.AssumedPoint("w");
            string[] args = ["expr", "solve", text, "--var", "w", "--for", "y", "--at", $"beta={Text(point["beta"])}"];
            if (assumption is not null) args = [.. args, "--assume", assumption];
            session.Case([.. args, "--json"], run => Inverts(text, Field(run, "result"), point));
        }
        session.AssertClean();
    }

    /// <summary>w = e⁻¹(e(w₀)) is w₀ (or maps to e(w₀)) wherever e is finite and not flat at w₀.</summary>
    private static string? Inverts(string e, string? inverse, Dictionary<string, double> point)
    {
        if (inverse is null) return null; // a numeric inverse
        double w0 = point["w"], x = Value(e, point);
        double slope = Value(e, new Dictionary<string, double>(point) { ["w"] = w0 + 1e-6 }) -
            Value(e, new Dictionary<string, double>(point) { ["w"] = w0 - 1e-6 });
        bool flat = !(Math.Abs(slope) > 1e-9 * Math.Max(1, Math.Abs(x)));
        if (!double.IsFinite(x) || Math.Abs(x) > 1e12 || flat) return null;
        var at = new Dictionary<string, double> { ["y"] = x, ["beta"] = point["beta"] };
        double w = Value(inverse, at);
        var back = new Dictionary<string, double>(point) { ["w"] = w };
        if (double.IsFinite(w) && (Close(w, w0, 1e-5) || Close(Value(e, back), x, 1e-9))) return null;
        return $"at w = {Text(w0)}, y = {Text(x)} the inverse {inverse} gives {Text(w)}";
    }

    [Theory]
    [InlineData(60, 313)]
    public void Definite_integrals_match_quadrature(int cases, int seed) => Definite(cases, seed);

    [HeavyTheory]
    [Trait("Category", "Heavy")]
    [InlineData(2000, 413)]
    public void Definite_integrals_match_quadrature_heavy(int cases, int seed) => Definite(cases, seed);

    private void Definite(int cases, int seed)
    {
        var random = new Random(seed);
        var expressions = new RandomExpressions(random);
        var session = new FuzzSession("expr integrate --from --to: values", output);
        for (int i = 0; i < cases; i++)
        {
            string text = expressions.Tree("w", random.Next(1, 4));
            double a = Math.Round(random.NextDouble() * 6 - 3, 2), b = Math.Round(a + random.NextDouble() * 3 + 0.1, 2);
            string[] args = ["expr", "integrate", text, "--var", "w", "--from", Text(a), "--to", Text(b)];
            session.Case([.. args, "--at", "beta=0.8", "--json"], run => Matches(text, a, b, Number(run, "value")));
        }
        session.AssertClean();
    }

    /// <summary>A value given for ∫ₐᵇ of a smooth integrand is Simpson's.</summary>
    private static string? Matches(string integrand, double a, double b, double? value)
    {
        if (value is not { } v) return null;
        var f = Expr.Parse(integrand);
        double? expected = Quadrature(w => f.Evaluate(("w", w), ("beta", 0.8)), a, b);
        return expected is not { } q || Close(v, q, 1e-6) ? null : $"the value {Text(v)} is not Simpson's {Text(q)}";
    }
}
