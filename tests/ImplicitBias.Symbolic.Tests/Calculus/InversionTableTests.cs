using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Calculus;

/// <summary>
/// A table of inverses x = e(w) → w: closed forms on the branch the domain selects, numeric inverses where no
/// closed form exists, and errors where e is not monotone. Every inverse must map e(w) back to w.
/// </summary>
public class InversionTableTests
{
    // e(w) | assumptions | expected inverse in x ("" = numeric inverse expected)
    public static TheoryData<string, string, string> Table => new()
    {
        { "2*w + 1", "", "(x - 1)/2" },
        { "-3*w + beta", "", "(beta - x)/3" },
        { "w^3", "", "x^(1/3)" },
        { "w^5 + 2", "", "(x - 2)^(1/5)" },
        { "w^(1/3)", "", "x^3" },
        { "w^2", "w>0", "sqrt(x)" },
        { "w^2", "w<0", "-sqrt(x)" },
        { "w^(2/3)", "w>0", "x^(3/2)" },
        { "sqrt(w)", "w>0", "x^2" },
        { "1/w", "w>0", "1/x" },
        { "exp(w)", "", "log(x)" },
        { "exp(2*w - 1)", "", "(log(x) + 1)/2" },
        { "2^w", "", "log(x)/log(2)" },
        { "log(w)", "w>0", "exp(x)" },
        { "log(1 + exp(w))", "", "log(exp(x) - 1)" },
        { "sinh(w)", "", "asinh(x)" },
        { "beta*sinh(w/beta)", "beta>0", "beta*asinh(x/beta)" },
        { "asinh(w)", "", "sinh(x)" },
        { "tanh(w)", "", "atanh(x)" },
        { "atanh(w)", "-1<w<1", "tanh(x)" },
        { "tan(w)", "-pi/2<w<pi/2", "atan(x)" },
        { "tan(w)", "pi/2<w<3*pi/2", "atan(x) + pi" },
        { "atan(w)", "", "tan(x)" },
        { "sin(w)", "-pi/2<w<pi/2", "asin(x)" },
        { "sin(w)", "pi/2<w<3*pi/2", "pi - asin(x)" },
        { "cos(w)", "0<w<pi", "acos(x)" },
        { "cos(w)", "-pi<w<0", "-acos(x)" },
        { "cosh(w)", "w>0", "acosh(x)" },
        { "cosh(w)", "w<0", "-acosh(x)" },
        { "asinh(tan(w))", "-pi/2<w<pi/2", "atan(sinh(x))" },
        { "w/(1 + w)", "w>0", "x/(1 - x)" },
        { "(2*w + 1)/(w + 3)", "w>0", "(3*x - 1)/(2 - x)" },
        { "exp(w)/(1 + exp(w))", "", "log(x/(1 - x))" },
        { "exp(w) + exp(-w)", "w>0", "log((x + sqrt(x^2 - 4))/2)" },
        { "exp(w) + exp(-w)", "w<0", "log(2/(x + sqrt(x^2 - 4)))" },
        { "exp(2*w) + exp(w)", "", "log(2*x/(1 + sqrt(1 + 4*x)))" },
        { "w^4 + w^2", "w>0", "sqrt((sqrt(1 + 4*x) - 1)/2)" },
        { "w*exp(w)", "w>-1", "lambertw(x)" },
        { "w*exp(w)", "w>0", "lambertw(x)" },
        { "(w + 1)*exp(w)", "w>-2", "lambertw(x*exp(1)) - 1" },
        { "lambertw(w)", "w>0", "x*exp(x)" },
        { "w^3 + w", "", "" },
        { "sinh(w) + w", "", "" },
        { "erf(w)", "", "" },
        { "w*log(w)", "w>1", "" },
        { "w + exp(w)", "", "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Inverse_maps_values_back(string function, string assumptions, string expected)
    {
        var e = Expr.Parse(function, IntegrationTableTests.Split(assumptions));
        var parameters = e.FreeSymbols().Where(n => n != "w").ToDictionary(n => n, _ => 0.7);
        var inverse = e.Solve("w", "x", parameters);
        Assert.Equal(expected.Length > 0, inverse.IsClosedForm);
        var forward = e.Compile("w", parameters);
        int checkedPoints = 0;
        foreach (var w in IntegrationTableTests.SamplePoints(inverse.Domain))
        {
            double x = forward(w);
            if (!double.IsFinite(x)) continue;
            double back = inverse.Evaluate(x);
            Assert.True(Math.Abs(back - w) <= 1e-8 * Math.Max(1, Math.Abs(w)), $"w = {w}: x = {x}, inverse gives {back} ({inverse})");
            checkedPoints++;
        }
        Assert.True(checkedPoints >= 3);
        if (expected.Length > 0)
        {
            var x = Expr.Var("x", inverse.Image);
            var want = Expr.Parse(expected, Assumptions.None.With("x", inverse.Image)).Substitute("x", x);
            var got = inverse.Expression!.Compile("x", parameters);
            var wantF = want.Compile("x", parameters);
            foreach (var w in IntegrationTableTests.SamplePoints(inverse.Domain))
            {
                double xv = forward(w);
                if (!double.IsFinite(xv) || !double.IsFinite(wantF(xv))) continue;
                Assert.True(Math.Abs(got(xv) - wantF(xv)) <= 1e-8 * Math.Max(1, Math.Abs(wantF(xv))), $"{inverse.Expression} differs from {expected} at x = {xv}");
            }
        }
    }

    [Theory]
    [InlineData("w^2", "", 0.0)]
    [InlineData("cos(w)", "-1<w<1", 0.0)]
    [InlineData("(w - 1)^2", "", 1.0)]
    [InlineData("w^3 - 3*w", "", -1.0)]
    public void Non_monotone_functions_report_where_the_derivative_changes_sign(string function, string assumptions, double firstChange)
    {
        var e = Expr.Parse(function, IntegrationTableTests.Split(assumptions));
        var error = Assert.Throws<NotMonotoneException>(() => e.Solve("w", "x"));
        Assert.Contains("changes sign", error.Message);
        Assert.Contains(error.SignChanges, c => Math.Abs(c - firstChange) < 1e-6);
    }

    [Fact]
    public void A_constant_cannot_be_inverted() =>
        Assert.Throws<SymbolicException>(() => Expr.Parse("beta").Solve("w", "x"));

    [Fact]
    public void Table_has_at_least_30_inversions() => Assert.True(Table.Count() >= 30);
}
