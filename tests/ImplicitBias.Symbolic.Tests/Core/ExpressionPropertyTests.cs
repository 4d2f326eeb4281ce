using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Testing;
using static ImplicitBias.Symbolic.Tests.Core.TestSupport;

namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>
/// Properties over random expressions (see <see cref="ExprGen"/>): simplification keeps values,
/// derivatives agree with finite differences, text round-trips, compiled code agrees with evaluation.
/// </summary>
public class ExpressionPropertyTests
{
    private const int Tests = 300;

    /// <summary>
    /// Tests per property for the [Fact]-driven checks; IBIAS_PROPERTY_TESTS raises it for bug hunts.
    /// </summary>
    private static readonly int FactTests =
        int.TryParse(Environment.GetEnvironmentVariable("IBIAS_PROPERTY_TESTS"), out var n) && n > 0 ? n : Tests;

    /// <summary>
    /// Runs a property over <paramref name="arbitrary"/> with a fixed number of tests; throws on failure.
    /// </summary>
    private static void Check<T>(Arbitrary<T> arbitrary, Func<T, bool> property) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(FactTests), Prop.ForAll(arbitrary, property));

    [Fact]
    public void Simplify_preserves_the_value_inside_the_domains()
    {
        int compared = 0, total = 0;
        Check(ExprGen.CaseArbitrary(), c =>
        {
            total++;
            var simplified = c.Expression.Simplify();
            double before = Eval(c.Expression, c.Bindings);
            double after = Eval(simplified, c.Bindings);
            if (!Moderate(before, 1e12) || !Moderate(after, 1e12)) return true;
            if (!DefinedAt(c.Expression, c.Bindings) || IllConditioned(c.Expression, c.Bindings)) return true;
            compared++;
            return Close(before, after, 1e-9);
        });
        Assert.True(compared >= total * 3 / 10, $"only {compared} of {total} cases had finite values to compare");
    }

    [Fact]
    public void Derivative_matches_a_central_finite_difference()
    {
        int compared = 0, total = 0;
        Check(ExprGen.CaseArbitrary(), c =>
        {
            total++;
            bool ok = true;
            foreach (var variable in new[] { "x", "y" })
            {
                var derivative = c.Expression.Differentiate(variable);
                switch (FiniteDifferenceAgrees(c, variable, derivative))
                {
                    case true: compared++; break;
                    case false: ok = false; break;
                }
            }
            return ok;
        });
        Assert.True(compared >= total * 2 * 3 / 10,
            $"only {compared} of {2 * total} derivatives could be checked numerically");
    }

    /// <summary>
    /// True when the derivative agrees with the central difference, false when it disagrees, null when the point
    /// is unsuitable: values not finite or large, or the difference quotient itself unstable (a kink or a
    /// singularity within the step, or cancellation).
    /// </summary>
    private static bool? FiniteDifferenceAgrees(ExprCase c, string variable, Expr derivative)
    {
        var at = c.Bindings;
        double p = at[variable];
        double h = 1e-5 * Math.Max(1, Math.Abs(p));
        double F(double offset)
        {
            var shifted = new Dictionary<string, double>(at) { [variable] = p + offset };
            return c.Expression.Evaluate(shifted);
        }
        double f0 = F(0), fp = F(h), fm = F(-h), fp2 = F(h / 2), fm2 = F(-h / 2);
        double d = derivative.Evaluate(at);
        if (!new[] { f0, fp, fm, fp2, fm2 }.All(v => Moderate(v, 1e6)) || !Moderate(d, 1e6)) return null;
        // undefined somewhere inside (overflow in cosh(u)^2 − 1 makes acosh′ evaluate to 0) or noise-dominated
        // rounding noise would dominate the difference quotient
        if (!DefinedAt(c.Expression, at) || !DefinedAt(derivative, at) || IllConditioned(c.Expression, at)) return null;
        double coarse = (fp - fm) / (2 * h), fine = (fp2 - fm2) / h;
        if (!Close(coarse, fine, 1e-5)) return null; // not smooth enough at this scale to judge
        return Close(d, fine, 1e-4);
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(SymbolicArbitraries)])]
    public bool Text_parses_back_to_an_equal_expression(ExprCase c)
    {
        var text = c.Expression.ToString();
        var parsed = Expr.Parse(text, c.Assumptions);
        return parsed.Equals(c.Expression) && parsed.GetHashCode() == c.Expression.GetHashCode();
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(SymbolicArbitraries)])]
    public bool Compiled_delegates_agree_with_evaluation_bit_for_bit(ExprCase c)
    {
        double expected = c.Expression.Evaluate(c.Bindings);
        double two = c.Expression.Compile("x", "y")(c.PointX, c.PointY);
        double one = c.Expression.Compile("x", new Dictionary<string, double> { ["y"] = c.PointY })(c.PointX);
        double vector = c.Expression.CompileVector("y", "x")([c.PointY, c.PointX]);
        return SameBits(expected, two) && SameBits(expected, one) && SameBits(expected, vector);
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(SymbolicArbitraries)])]
    public bool Simplify_is_stable_under_printing_and_reparsing(ExprCase c)
    {
        var once = c.Expression.Simplify();
        var again = Expr.Parse(once.ToString(), c.Assumptions).Simplify();
        return again.Equals(once);
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(SymbolicArbitraries)])]
    public bool Latex_is_produced_for_every_expression(ExprCase c) => c.Expression.ToLatex().Length > 0;

    [Property(MaxTest = Tests, Arbitrary = [typeof(SymbolicArbitraries)])]
    public bool Range_contains_every_value_inside_the_domains(ExprCase c)
    {
        double v = c.Expression.Evaluate(c.Bindings);
        if (!DefinedAt(c.Expression, c.Bindings)) return true;
        var range = c.Expression.Range();
        // Range is conservative: it must contain each value the expression takes, up to the rounding error of the
        // evaluation itself (x^(5/6) is evaluated as a sixth root raised to the fifth power).
        double slack = 1e-10 * Math.Max(1, Math.Abs(v));
        return range.Lo - slack <= v && v <= range.Hi + slack;
    }
}
