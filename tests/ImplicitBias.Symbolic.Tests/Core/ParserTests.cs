using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>Parse errors name the 1-based column and what was expected; no input crashes the parser.</summary>
public class ParserTests
{
    [Theory]
    [InlineData("1 +", 4, "expected a number, a name or '('")]
    [InlineData("(x", 3, "expected ')' to close '(' at column 1")]
    [InlineData("x)", 2, "unmatched ')'")]
    [InlineData("2x", 2, "expected an operator after the number '2'")]
    [InlineData("sin x", 5, "expected '(' after the function name 'sin'")]
    [InlineData("sqrt x", 6, "expected '(' after the function name 'sqrt'")]
    [InlineData("foo(x)", 1, "unknown function 'foo'")]
    [InlineData("sin(x, y)", 6, "function 'sin' takes one argument")]
    [InlineData("x $ y", 3, "found '$'")]
    [InlineData("", 1, "unexpected end of input")]
    [InlineData("   ", 4, "unexpected end of input")]
    [InlineData("1/0", 3, "division by zero")]
    [InlineData("x/(2 - 2)", 3, "division by zero")]
    [InlineData("x/0.0d", 3, "division by zero")]
    [InlineData("x**2", 3, "expected a number, a name or '(', found '*'")]
    [InlineData("x^", 3, "unexpected end of input")]
    [InlineData("sin()", 5, "found ')'")]
    [InlineData("exp(x", 6, "expected ')' to close 'exp(' at column 4")]
    [InlineData("1e", 3, "expected digits in the exponent")]
    [InlineData("1e99999", 1, "exponent exceeds")]
    [InlineData("1.2.3", 4, "found '.'")]
    [InlineData("_x", 1, "unexpected character '_'")]
    [InlineData("pi(x)", 1, "unknown function 'pi'")]
    [InlineData("sin + 1", 5, "expected '(' after the function name 'sin'")]
    public void Errors_name_the_column_and_what_was_expected(string text, int column, string message)
    {
        var error = Assert.Throws<ParseException>(() => Expr.Parse(text));
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Problem);
        Assert.Equal(text, error.Input);
        Assert.StartsWith($"column {column}:", error.Message);
        Assert.IsAssignableFrom<SymbolicException>(error);
    }

    [Fact]
    public void An_unknown_function_lists_the_known_ones()
    {
        var error = Assert.Throws<ParseException>(() => Expr.Parse("foo(x)"));
        foreach (var name in Lexicon.FunctionNames) Assert.Contains(name, error.Problem);
    }

    [Theory]
    [InlineData("x_1 + y2", "x_1 + y2")]
    [InlineData("  sin ( x )  ", "sin(x)")]
    [InlineData("+x", "x")]
    [InlineData("--x", "x")]
    [InlineData("2*-x", "-2*x")]
    [InlineData("x^-1", "1/x")]
    [InlineData("1.5dx2", null)]
    public void Accepted_spellings(string text, string? canonical)
    {
        if (canonical is null)
        {
            Assert.Throws<ParseException>(() => Expr.Parse(text));
            return;
        }
        Assert.Equal(canonical, Expr.Parse(text).ToString());
    }

    private const string GarbageAlphabet = "()+-*/^., xyz0123456789sinexplog$#";

    /// <summary>Strings over a small alphabet full of near-misses: they either parse or throw ParseException.</summary>
    public static Arbitrary<string> Garbage() =>
        Gen.Choose(0, 40)
            .SelectMany(n => Gen.ArrayOf(Gen.Elements(GarbageAlphabet.ToCharArray()), n))
            .Select(chars => new string(chars))
            .ToArbitrary();

    [Property(MaxTest = 2000, Arbitrary = [typeof(ParserTests)])]
    public bool Garbage_only_ever_throws_ParseException(string text)
    {
        try
        {
            var e = Expr.Parse(text);
            // what parses must print and parse back
            return Expr.Parse(e.ToString()).Equals(e);
        }
        catch (ParseException p)
        {
            return p.Column >= 1 && p.Column <= text.Length + 1 && p.Problem.Length > 0;
        }
    }

    /// <summary>
    /// Number-heavy garbage (huge exponents, 'd' and 'e' literals) reaches the exact-arithmetic paths.
    /// </summary>
    public static class NumericGarbage
    {
        /// <summary>The arbitrary.</summary>
        public static Arbitrary<string> Strings() =>
            Gen.Choose(0, 40)
                .SelectMany(n => Gen.ArrayOf(Gen.Elements("()+-*/^.xyd0123456789e^^".ToCharArray()), n))
                .Select(chars => new string(chars))
                .ToArbitrary();
    }

    [Property(MaxTest = 2000, Arbitrary = [typeof(NumericGarbage)])]
    public bool Whatever_parses_goes_through_every_feature(string text)
    {
        Expr e;
        try { e = Expr.Parse(text); }
        catch (ParseException) { return true; }
        // Only the library's own errors (an unbound symbol 'e' or 'd', …) may come out; never a crash.
        try
        {
            e.Simplify();
            e.Differentiate("x");
            e.Range();
            _ = e.ToLatex();
            var at = new Dictionary<string, double> { ["x"] = 0.3, ["y"] = -1.7 };
            double value = e.Evaluate(at);
            double compiled = e.Compile("x", "y")(0.3, -1.7);
            return TestSupport.SameBits(value, compiled);
        }
        catch (SymbolicException) { return true; }
    }

    [Fact]
    public void Deeply_nested_parentheses_give_a_parse_error_not_a_crash()
    {
        var text = new string('(', 100_000) + "x" + new string(')', 100_000);
        var error = Assert.Throws<ParseException>(() => Expr.Parse(text));
        Assert.Contains("nested deeper than", error.Problem);
        // other nesting shapes hit the same limit
        Assert.Throws<ParseException>(
            () => Expr.Parse(string.Concat(Enumerable.Repeat("sin(", 100_000)) + "x" + new string(')', 100_000)));
        Assert.Throws<ParseException>(() => Expr.Parse(new string('-', 100_000) + "x"));
        Assert.Throws<ParseException>(() => Expr.Parse(string.Join("^", Enumerable.Repeat("x", 100_000))));
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses()
    {
        var text = string.Concat(Enumerable.Repeat("sin(", 500)) + "x" + new string(')', 500);
        Assert.Equal(501, Expr.Parse(text).Depth);
    }

    [Fact]
    public void A_sum_of_a_hundred_thousand_terms_parses()
    {
        var text = new StringBuilder("x0");
        for (int i = 1; i < 100_000; i++) text.Append(" + x").Append(i);
        var e = Expr.Parse(text.ToString());
        var sum = Assert.IsType<Sum>(e);
        Assert.Equal(100_000, sum.Terms.Length);
        Assert.Equal(100_000, e.FreeSymbols().Count);
    }

    [Fact]
    public void A_long_sum_of_like_terms_collects()
    {
        var text = string.Join(" + ", Enumerable.Repeat("x", 100_000));
        Assert.Equal(Expr.Multiply(100_000, Expr.Var("x")), Expr.Parse(text));
    }
}
