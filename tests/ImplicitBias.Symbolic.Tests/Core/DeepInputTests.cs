namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>
/// Nesting is bounded by <see cref="Expr.MaxDepth"/>: deeper input is an exception, never a stack overflow.
/// </summary>
public class DeepInputTests
{
    private static readonly Symbol X = Expr.Var("x");

    public static TheoryData<string> Nestings() => ["sin", "exp", "power", "sum", "product", "sqrt"];

    private static Expr Wrap(string how, Expr e) => how switch
    {
        "sin" => Expr.Sin(e),
        "exp" => Expr.Exp(e),
        "power" => Expr.Pow(X, e),
        "sum" => X + Expr.Sin(e),
        "product" => X * Expr.Cos(e),
        "sqrt" => Expr.Sqrt(1 + e),
        _ => throw new ArgumentException(how),
    };

    [Theory]
    [MemberData(nameof(Nestings))]
    public void Building_deeper_than_the_limit_throws_ExpressionTooDeepException(string how)
    {
        Expr e = X;
        var error = Assert.Throws<ExpressionTooDeepException>(() =>
        {
            for (int i = 0; i < 10 * Expr.MaxDepth; i++) e = Wrap(how, e);
        });
        Assert.IsAssignableFrom<SymbolicException>(error);
        Assert.True(e.Depth <= Expr.MaxDepth);
    }

    /// <summary>x + sin(x + sin(… x …)) as deep as allowed, or just below.</summary>
    private static Expr DeepChain(int depth)
    {
        Expr e = X;
        while (true)
        {
            Expr next;
            try { next = X + Expr.Sin(e); }
            catch (ExpressionTooDeepException) { return e; }
            if (next.Depth > depth) return e;
            e = next;
        }
    }

    [Fact]
    public void Every_feature_works_at_the_depth_limit()
    {
        // just under the limit: the recursive algorithms must not overflow the stack
        var e = DeepChain(Expr.MaxDepth - 1);
        Assert.True(e.Depth >= Expr.MaxDepth - 2);

        double value = e.Evaluate("x", 0.5);
        Assert.True(double.IsFinite(value));
        Assert.Equal(value, e.Compile("x")(0.5));
        Assert.Equal(e, Expr.Parse(e.ToString()));
        Assert.NotEmpty(e.ToLatex());
        Assert.Equal(e, e.Simplify());
        Assert.True(e.Range().Contains(value));
        var derivative = e.Differentiate("x");
        Assert.True(double.IsFinite(derivative.Evaluate("x", 0.5)));
        Assert.Equal(e.Substitute("x", Expr.Var("y")).Substitute("y", X), e);
    }

    [Fact]
    public void Deep_results_of_features_are_rejected_not_crashing()
    {
        // at the limit, a feature whose result would be deeper either works or reports the depth as a SymbolicException
        var e = DeepChain(Expr.MaxDepth);
        var features = new Func<object>[]
        {
            () => e.Differentiate("x"),
            () => e.Substitute("x", Expr.Sin(X)),
            () => e.Simplify(),
            () => Expr.Parse(e.ToString()),
        };
        foreach (var feature in features)
        {
            try { Assert.NotNull(feature()); }
            catch (SymbolicException) { }
        }
    }

    [Fact]
    public void Deep_text_is_a_parse_error_with_a_column()
    {
        var text = string.Concat(Enumerable.Repeat("exp(", Expr.MaxDepth + 5)) + "x"
            + new string(')', Expr.MaxDepth + 5);
        var error = Assert.Throws<ParseException>(() => Expr.Parse(text));
        Assert.InRange(error.Column, 1, text.Length + 1);
    }

    [Fact]
    public void Shared_subtrees_are_counted_and_searched_without_walking_every_occurrence()
    {
        // eₖ₊₁ = sin(eₖ) + cos(eₖ) shares eₖ twice: 2⁴⁰ occurrences of x in a DAG of 200 distinct nodes
        var x = Expr.Var("x");
        Expr e = x;
        for (int k = 0; k < 40; k++) e = Expr.Sin(e) + Expr.Cos(e);
        Assert.Equal(int.MaxValue, e.NodeCount()); // saturated
        Assert.Equal(["x"], e.FreeSymbols());
        Assert.True(e.DependsOn("x"));
        Assert.False(e.DependsOn("y"));
        Assert.False(e.IsConstant);
        Assert.Equal(5, (Expr.Sin(x) + Expr.Cos(x)).NodeCount()); // the sum, two calls, two x
    }
}
