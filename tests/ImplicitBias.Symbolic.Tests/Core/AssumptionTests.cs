namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>Assumptions written as text give symbols their domains; malformed ones are parse errors.</summary>
public class AssumptionTests
{
    public static TheoryData<string, Interval> Domains => new()
    {
        { "w>0", Interval.Positive },
        { "w>=0", Interval.NonNegative },
        { "w<0", Interval.Negative },
        { "w<=0", Interval.NonPositive },
        { "-1<w<1", Interval.Open(-1, 1) },
        { "-1<=w<=1", Interval.Closed(-1, 1) },
        { "0<=w<1", new Interval(0, 1, hiOpen: true) },
        { "w!=0", Interval.NonZero },
        { "0<w<pi/2", Interval.Open(0, Math.PI / 2) },
        { "1<w", new Interval(1, double.PositiveInfinity, loOpen: true) },
        { " w > 2.5 ", new Interval(2.5, double.PositiveInfinity, loOpen: true) },
        { "w<inf", Interval.Real },
        { "w>sqrt(2)", new Interval(Math.Sqrt(2), double.PositiveInfinity, loOpen: true) },
    };

    [Theory]
    [MemberData(nameof(Domains))]
    public void Assumptions_give_domains(string assumption, Interval domain)
    {
        var e = Expr.Parse("w + v", assumption);
        var w = e.Symbols().Single(s => s.Name == "w");
        var v = e.Symbols().Single(s => s.Name == "v");
        Assert.Equal(domain, w.Domain);
        Assert.Equal(Interval.Real, v.Domain);
        Assert.Equal(domain, Assumptions.Parse(assumption).DomainOf("w"));
    }

    [Fact]
    public void Several_assumptions_on_one_symbol_intersect()
    {
        Assert.Equal(Interval.Open(0, 1), Assumptions.Parse("w>0", "w<1").DomainOf("w"));
        Assert.Equal(Interval.Positive, Assumptions.Parse("w>=0", "w!=0").DomainOf("w"));
        Assert.Equal(Interval.Point(0), Assumptions.Parse("w>=0", "w<=0").DomainOf("w"));
    }

    [Fact]
    public void Assumptions_built_in_code_match_parsed_ones()
    {
        var built = Assumptions.None.With("w", Interval.Positive).With("u", Interval.Open(-1, 1));
        Assert.Equal(Expr.Parse("w*atanh(u)", "w>0", "-1<u<1"), Expr.Parse("w*atanh(u)", built));
        Assert.Equal(Expr.Var("w", Interval.Positive) * Expr.Atanh(Expr.Var("u", Interval.Open(-1, 1))),
            Expr.Parse("w*atanh(u)", built));
        Assert.Equal(Interval.Real, built.DomainOf("z"));
    }

    [Fact]
    public void A_symbol_with_a_domain_is_another_symbol()
    {
        Assert.NotEqual(Expr.Parse("w"), Expr.Parse("w", "w>0"));
        Assert.NotEqual(Expr.Var("w"), Expr.Var("w", Interval.Positive));
        Assert.Equal(new[] { "w" }, Expr.Parse("w", "w>0").FreeSymbols());
    }

    [Fact]
    public void Assumptions_drive_simplification()
    {
        Assert.Equal(Expr.Parse("w", "w>0"), Expr.Parse("sqrt(w^2)", "w>0").Simplify());
        Assert.Equal(Expr.Parse("abs(w)"), Expr.Parse("sqrt(w^2)").Simplify());
        Assert.Equal(Expr.Parse("u", "-1<u<1"), Expr.Parse("tanh(atanh(u))", "-1<u<1").Simplify());
        Assert.Equal(Expr.Parse("w", "0<w<pi/2"), Expr.Parse("atan(tan(w))", "0<w<pi/2").Simplify());
    }

    [Theory]
    [InlineData("w", 1, "expected an assumption like")]
    [InlineData("", 1, "expected an assumption like")]
    [InlineData(">0", 1, "expected an assumption like")]
    [InlineData("w=0", 1, "expected an assumption like")]
    [InlineData("w>>0", 1, "expected an assumption like")]
    [InlineData("2>3", 1, "expected an assumption like")]
    [InlineData("sin>0", 1, "expected an assumption like")]
    [InlineData("w<1<2", 1, "expected an assumption like")]
    [InlineData("0!=w", 1, "expected an assumption like")]
    [InlineData("w>", 3, "expected a number")]
    [InlineData("w>x", 3, "must be a number")]
    [InlineData("w!=1", 1, "only '!=0'")]
    [InlineData("1<w<0", 1, "empty interval")]
    [InlineData("w>inf", 1, "empty interval")]
    [InlineData("w<-inf", 1, "empty interval")]
    [InlineData("w>sqrt(-1)", 3, "not a real number")]
    [InlineData("w>1/0", 5, "division by zero")]
    [InlineData("w > (1", 7, "expected ')'")]
    public void Malformed_assumptions_are_parse_errors(string assumption, int column, string message)
    {
        var error = Assert.Throws<ParseException>(() => Expr.Parse("w", assumption));
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Problem);
        Assert.Equal(assumption, error.Input);
    }

    [Fact]
    public void Contradictory_assumptions_are_parse_errors()
    {
        var error = Assert.Throws<ParseException>(() => Assumptions.Parse("w>1", "w<0"));
        Assert.Contains("contradict", error.Problem);
    }

    [Fact]
    public void Assumptions_on_invalid_names_are_rejected_in_code() =>
        Assert.Throws<ArgumentException>(() => Assumptions.None.With("sin", Interval.Positive));
}
