using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Calculus;

/// <summary>
/// A table of inverses x = e(w) → w: closed forms on the branch the domain selects, numeric inverses where no
/// closed form exists, and errors where e is not monotone. Every inverse must map e(w) back to w.
/// </summary>
public class InversionTableTests
{
    /// <summary>
    /// The rows of tests/data/inversions.json: e(w), assumptions, expected inverse in x ("" = numeric inverse
    /// expected).
    /// </summary>
    public static TheoryData<string, string, string> Table
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var c in CalculusTables.Inversions)
                data.Add(c.Function, string.Join(';', c.Assume), c.Inverse ?? "");
            return data;
        }
    }

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
            Assert.True(Math.Abs(back - w) <= 1e-8 * Math.Max(1, Math.Abs(w)),
                $"w = {w}: x = {x}, inverse gives {back} ({inverse})");
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
                Assert.True(Math.Abs(got(xv) - wantF(xv)) <= 1e-8 * Math.Max(1, Math.Abs(wantF(xv))),
                    $"{inverse.Expression} differs from {expected} at x = {xv}");
            }
        }
    }

    [Theory]
    [InlineData("w^2", "", 0.0)]
    [InlineData("cos(w)", "-1<w<1", 0.0)]
    [InlineData("(w - 1)^2", "", 1.0)]
    [InlineData("w^3 - 3*w", "", -1.0)]
    public void Non_monotone_functions_report_where_the_derivative_changes_sign(
        string function, string assumptions, double firstChange)
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
