using ImplicitBias.Symbolic.Analysis;
using static ImplicitBias.Symbolic.Tests.Core.TestSupport;

namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>
/// Every node kind and every function goes through every feature: differentiate, evaluate, compile, print and
/// parse back, LaTeX, simplify, range, integrate, solve and limits. A feature without a case for some kind throws
/// here (the features are exhaustive switches whose fall-through throws) or falls back where the tables below say
/// it must not (the integration table, a numeric inverse, an unknown limit), so this test fails when nodes and
/// features drift apart.
/// </summary>
public class NodeKindCompletenessTests
{
    /// <summary>A sample: the expression, the domain of its symbol x and a point inside it.</summary>
    public sealed record Sample(Expr Expression, Interval Domain, double Point);

    private static readonly Interval Unit = Interval.Open(0.1, 0.9);

    private static Symbol X(Interval domain) => Expr.Var("x", domain);

    /// <summary>Samples without an antiderivative the integrator knows: the quadrature fallback is expected.</summary>
    private static readonly HashSet<string> NumericIntegrals = ["x^x"];

    /// <summary>Calls the identities reduce before integrating: sign(x) = 1 for x > 0.</summary>
    private static readonly HashSet<string> ReducedCalls = ["sign(x)"];

    /// <summary>
    /// Samples Solve refuses: constants do not depend on x; x^x and sign(x) are not strictly monotone.
    /// </summary>
    private static readonly HashSet<string> NotInvertible = ["3/4", "2.5d", "pi", "x^x", "sign(x)"];

    /// <summary>Samples without a closed-form inverse (no inverse erf, li2): the numeric inverse is expected.</summary>
    private static readonly HashSet<string> NumericInverses = ["1 + x + sin(x)", "erf(x)", "li2(x)"];

    private static readonly Dictionary<string, double> NoValues = [];

    /// <summary>Samples whose top node has the given kind. The switch has no default arm: a new ExprKind member
    /// does not compile until it has samples here.</summary>
    public static IEnumerable<Sample> SamplesOf(ExprKind kind)
    {
        var x = X(Unit);
        return kind switch
        {
            ExprKind.Number => [new(Expr.Fraction(3, 4), Unit, 0.3)],
            ExprKind.Real => [new(Expr.FromDouble(2.5), Unit, 0.3)],
            ExprKind.Symbol => [new(x, Unit, 0.3)],
            ExprKind.Constant => Enum.GetValues<MathConstant>()
                .Select(c => new Sample(c switch { MathConstant.Pi => Expr.Pi }, Unit, 0.3)),
            ExprKind.Sum => [new(x + Expr.Sin(x) + 1, Unit, 0.3)],
            ExprKind.Product => [new(3 * x * Expr.Exp(x), Unit, 0.3), new(x / (1 + x), Unit, 0.3)],
            ExprKind.Power => [new(Expr.Pow(x, Expr.Fraction(5, 2)), Unit, 0.3), new(Expr.Pow(x, x), Unit, 0.3),
                new(Expr.Pow(1 + x, -1), Unit, 0.3), new(Expr.Pow(x, Expr.Fraction(1, 3)), Unit, 0.3)],
            ExprKind.Call => Enum.GetValues<Function>().Select(CallSample),
        };
    }

    /// <summary>f(x), with x ranging where f is defined and smooth.</summary>
    private static Sample CallSample(Function f)
    {
        var domain = f switch
        {
            Function.Acosh => Interval.Open(1.1, 3),
            _ => Unit,
        };
        double point = f == Function.Acosh ? 1.7 : 0.3;
        return new Sample(Expr.Apply(f, X(domain)), domain, point);
    }

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in Enum.GetValues<ExprKind>())
        {
            if (kind == ExprKind.Call) foreach (var f in Enum.GetValues<Function>()) data.Add($"Call:{f}");
            else data.Add(kind.ToString());
        }
        return data;
    }

    private static IEnumerable<Sample> SamplesNamed(string name) =>
        name.StartsWith("Call:", StringComparison.Ordinal)
            ? [CallSample(Enum.Parse<Function>(name["Call:".Length..]))]
            : SamplesOf(Enum.Parse<ExprKind>(name));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_feature_handles_the_kind(string name)
    {
        var samples = SamplesNamed(name).ToList();
        Assert.NotEmpty(samples);
        foreach (var (e, domain, point) in samples)
        {
            var kind = name.StartsWith("Call:", StringComparison.Ordinal) ? ExprKind.Call : Enum.Parse<ExprKind>(name);
            Assert.Equal(kind, e.Kind);
            if (e is Call call) Assert.Equal(name["Call:".Length..], call.Function.ToString());

            // Evaluate
            double value = e.Evaluate("x", point);
            Assert.True(double.IsFinite(value), $"{e} at {point} is {value}");

            // Compile: every variant agrees with Evaluate to the last bit
            Assert.True(SameBits(value, e.Compile("x")(point)), $"compiled {e}");
            Assert.True(SameBits(value, e.Compile("x", "y")(point, 0)), $"compiled {e} (two variables)");
            Assert.True(SameBits(value, e.CompileVector("x")([point])), $"compiled {e} (vector)");
            var output = new double[1];
            e.CompileBatch("x")(new[] { point }, output);
            Assert.True(SameBits(value, output[0]), $"compiled {e} (batch)");

            // Differentiate, checked against a central difference
            var derivative = e.Differentiate("x");
            double h = 1e-6;
            double difference = (e.Evaluate("x", point + h) - e.Evaluate("x", point - h)) / (2 * h);
            Assert.True(Close(derivative.Evaluate("x", point), difference, 1e-6), $"d/dx {e} = {derivative}");
            Assert.NotNull(e.Differentiate("x", 2));

            // Text: parses back to an equal value, with the same assumptions
            var assumptions = Assumptions.None.With("x", domain);
            Assert.Equal(e, Expr.Parse(e.ToString(), assumptions));

            // LaTeX
            Assert.False(string.IsNullOrWhiteSpace(e.ToLatex()));

            // Simplify keeps the value
            Assert.True(Close(value, e.Simplify().Evaluate("x", point), 1e-12), $"simplified {e} = {e.Simplify()}");

            // Range contains the value
            var range = e.Range();
            Assert.True(range.Lo <= value && value <= range.Hi,
                $"range of {e} is {range}, but its value at {point} is {value}");

            // Rebuilding from children and substitution go through every kind too
            Assert.Equal(e, e.WithChildren(e.Children));
            Assert.Equal(e, e.Transform(n => n));
            Assert.True(Close(value, e.Substitute("x", Expr.FromDouble(point)).Evaluate(), 1e-12));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Integrate_handles_the_kind(string name)
    {
        foreach (var (e, _, point) in SamplesNamed(name))
        {
            // a certified closed form (a call by its table entry) or quadrature, never an exception
            var antiderivative = e.Integrate("x");
            string text = e.ToString();
            Assert.True(antiderivative.IsClosedForm != NumericIntegrals.Contains(text),
                $"∫ {e} dx = {antiderivative}");
            if (e is Call && !ReducedCalls.Contains(text)) Assert.Contains("table", antiderivative.Method);
            double h = 1e-5;
            double slope = (antiderivative.Evaluate(point + h) - antiderivative.Evaluate(point - h)) / (2 * h);
            Assert.True(Close(slope, e.Evaluate("x", point), 1e-6), $"d/dx ∫ {e} dx = {slope} at {point}");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Solve_handles_the_kind(string name)
    {
        foreach (var (e, _, point) in SamplesNamed(name))
        {
            string text = e.ToString();
            if (NotInvertible.Contains(text))
            {
                Assert.ThrowsAny<SymbolicException>(() => e.Solve("x", "y"));
                continue;
            }
            // a closed-form inverse (by peeling the call) or the numeric one, and it inverts
            var inverse = e.Solve("x", "y");
            Assert.True(inverse.IsClosedForm != NumericInverses.Contains(text), $"the inverse of {e} is {inverse}");
            double back = inverse.Evaluate(e.Evaluate("x", point));
            Assert.True(Close(back, point, 1e-9), $"the inverse of {e} = {inverse} gives {back}, not {point}");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Limits_handle_the_kind(string name)
    {
        foreach (var (e, _, point) in SamplesNamed(name))
        {
            // every sample is continuous at its point: the one-sided limits are its value
            double value = e.Evaluate("x", point);
            foreach (int side in new[] { +1, -1 })
            {
                var limit = new LimitAnalysis("x", point, side, NoValues).Of(e);
                Assert.True(limit.IsFinite && Close(limit.Value, value, 1e-12),
                    $"the limit of {e} as x → {point} from side {side} is {limit}, not {value}");
            }
        }
    }

    [Fact]
    public void Every_node_type_has_its_own_kind()
    {
        // a new record deriving from Expr must come with an ExprKind member (and so with samples above)
        var nodeTypes = typeof(Expr).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Expr)) && !t.IsAbstract).ToList();
        Assert.Equal(Enum.GetValues<ExprKind>().Length, nodeTypes.Count);
        var kinds = Enum.GetValues<ExprKind>().SelectMany(SamplesOf)
            .Select(s => (s.Expression.GetType(), s.Expression.Kind)).Distinct().ToList();
        Assert.Equal(nodeTypes.ToHashSet(), kinds.Select(k => k.Item1).ToHashSet());
        Assert.Equal(kinds.Count, kinds.Select(k => k.Kind).Distinct().Count());
    }

    [Fact]
    public void Every_function_has_a_name_that_parses_back()
    {
        foreach (var f in Enum.GetValues<Function>())
        {
            var name = Lexicon.NameOf(f);
            Assert.True(Lexicon.TryGetFunction(name, out var back));
            Assert.Equal(f, back);
            Assert.Contains(name, Lexicon.FunctionNames);
            Assert.False(Lexicon.IsIdentifier(name));
        }
    }
}
