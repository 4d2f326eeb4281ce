using System.Globalization;
using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Bias;

/// <summary>
/// Every case of the reference catalog (values computed independently by high-precision quadrature from ρ alone):
/// an explicit potential equal to the expected one up to affine terms, f″ at the listed points to 1e-12 and the
/// Bregman divergences at the listed pairs to 1e-9.
/// </summary>
public class CatalogDerivationTests
{
    public static IEnumerable<object[]> Cases => Catalog.Names;

    private static Derivation Derive(CatalogCase c) =>
        Reparametrization.Create(Expr.Parse(c.Rho), c.Variable, c.Domain, c.Params).Derive();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Potential_is_explicit_and_equals_the_expected_one_up_to_affine_terms(string name)
    {
        var c = Catalog.Get(name);
        var d = Derive(c);
        Assert.Equal(Form.Explicit, d.Form);
        Assert.NotNull(d.Potential!.Expression);
        var expected = Expr.Parse(c.Potential)
            .Substitute(c.Params.ToDictionary(p => p.Key, p => Expr.Decimal(p.Value)));
        var ours = d.Potential.Expression!.Compile("x");
        var theirs = expected.Compile("x");
        // f − f_expected is affine: equal slopes between consecutive sample points
        var xs = c.Points.Select(p => p.X).Order().ToArray();
        double Difference(double x) => ours(x) - theirs(x);
        double slope = (Difference(xs[1]) - Difference(xs[0])) / (xs[1] - xs[0]);
        for (int i = 2; i < xs.Length; i++)
        {
            double s = (Difference(xs[i]) - Difference(xs[i - 1])) / (xs[i] - xs[i - 1]);
            Assert.True(Math.Abs(s - slope) <= 1e-9 * Math.Max(1, Math.Abs(slope)),
                $"{name}: f − f_expected is not affine ({s} vs {slope})");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metric_matches_the_reference_values(string name)
    {
        var c = Catalog.Get(name);
        var d = Derive(c);
        foreach (var (w, x, d2f) in c.Points)
        {
            double got = d.Metric!.Evaluate(x);
            Assert.True(Math.Abs(got - d2f) <= 1e-12 * Math.Abs(d2f), $"{name}: f''({x}) = {got}, expected {d2f}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bregman_divergences_match_the_reference_values(string name)
    {
        var c = Catalog.Get(name);
        var d = Derive(c);
        foreach (var (x1, x0, bregman) in c.Pairs)
        {
            double got = d.BregmanDivergence(x1, x0);
            Assert.True(Math.Abs(got - bregman) <= 1e-9 * Math.Abs(bregman),
                $"{name}: D({x1}, {x0}) = {got.ToString("R", CultureInfo.InvariantCulture)}, expected {bregman}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Chain_objects_are_consistent(string name)
    {
        var c = Catalog.Get(name);
        var d = Derive(c);
        foreach (var (w, x, _) in c.Points)
        {
            // ψ inverts f′, and f′ is the derivative of f (central difference)
            double z = d.MirrorMap!.Evaluate(x);
            Assert.Equal(x, d.InverseMirrorMap!.Evaluate(z), 1e-9 * Math.Max(1, Math.Abs(x)));
            double h = 1e-6 * Math.Max(1, Math.Abs(x));
            if (d.Image.Contains(x - h) && d.Image.Contains(x + h))
            {
                double numeric = (d.Potential!.Evaluate(x + h) - d.Potential.Evaluate(x - h)) / (2 * h);
                Assert.True(Math.Abs(numeric - z) <= 1e-6 * Math.Max(1, Math.Abs(z)),
                    $"{name}: f'({x}) = {z} but the potential's slope is {numeric}");
            }
        }
    }
}
