using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic.Testing;

namespace ImplicitBias.Symbolic.Tests.Testing;

/// <summary>Facts about the library's generators: sizes, domains, bounds, and that sampling never fails.</summary>
public class GeneratorTests
{
    [Property(MaxTest = 200)]
    public Property Generated_problems_have_N_at_least_3M_plus_6_and_w0_in_the_domain() =>
        Prop.ForAll(ReparametrizationGen.Arbitrary(ReparametrizationGen.Catalog(onlyCovered: true)), r =>
            Prop.ForAll(ProblemGen.Arbitrary(r), spec =>
            {
                var problem = ProblemGen.CreateOrFallback(spec);
                int m = problem.Model.Rows, n = problem.Model.Columns;
                bool sizes = n >= 3 * m + 6 && m <= TheoremOptions.Default.MaxRows
                    && n <= TheoremOptions.Default.MaxColumns
                    && spec.Sparsity >= 1 && spec.Sparsity <= Math.Min(m, TheoremOptions.Default.MaxSparsity);
                bool domain = problem.W0.All(r.Domain.Contains) && (problem.V0 ?? []).All(r.Domain.Contains);
                bool finite = problem.X0.All(double.IsFinite) && problem.Model.Y.ToArray().All(double.IsFinite);
                return Prop.Label(sizes, $"sizes {m}×{n}, k = {spec.Sparsity}")
                    .And(Prop.Label(domain, "w₀ in the domain")).And(Prop.Label(finite, "finite x₀ and y"));
            }));

    [Fact]
    public void Problem_sizes_follow_the_options()
    {
        var options = new TheoremOptions { MaxRows = 2, MaxColumns = 14, Links = [Link.Tanh] };
        var specs = ProblemGen.Specs(ReparametrizationGen.Shared("sinh(w)"), options).Sample(200, 10);
        Assert.All(specs, s => Assert.True(
            s.Rows <= 2 && s.Columns >= 3 * s.Rows + 6 && s.Columns <= 14 && s.Link == Link.Tanh, s.ToString()));
        Assert.Throws<ArgumentException>(() =>
            ProblemGen.Specs(ReparametrizationGen.Shared("sinh(w)"), new TheoremOptions { MaxColumns = 8 }));
        Assert.All(specs.SelectMany(ProblemGen.Shrink), s => Assert.True(s.Columns >= 3 * s.Rows + 6, s.ToString()));
    }

    [Property(MaxTest = 200)]
    public Property Expressions_stay_within_the_size_bound() =>
        Prop.ForAll(ExprGen.CaseArbitrary(),
            c => Prop.Label(c.Expression.NodeCount() <= ExprGen.MaxNodes, $"{c.Expression.NodeCount()} nodes"));

    [Property(MaxTest = 200)]
    public Property Smooth_expressions_stay_within_the_size_bound_and_are_defined_on_the_line() =>
        Prop.ForAll(Arb.From(ExprGen.SmoothSized(Expr.Var("x"))), PointGen.In(Interval.Open(-3, 3)).ToArbitrary(),
            (e, x) => Prop.Label(e.NodeCount() <= ExprGen.MaxNodes, "size")
                .And(Prop.Label(!double.IsNaN(e.Evaluate("x", x)), $"{e} at x = {x}")));

    [Fact]
    public void Bounded_keeps_small_expressions_and_cuts_large_ones()
    {
        var small = Expr.Parse("sin(x) + x^2");
        Assert.Same(small, ExprGen.Bounded(small, 100));
        var large = Enumerable.Range(1, 60).Aggregate(Expr.Parse("x"), (acc, k) => Expr.Sin(acc + k));
        Assert.True(ExprGen.Bounded(large, 30).NodeCount() <= 30);
    }

    [Fact]
    public void Interior_points_lie_in_the_domain_for_every_catalog_entry()
    {
        foreach (var r in ReparametrizationGen.CatalogMembers
                     .Append(ReparametrizationGen.DifferenceOf("w^2", "(0,inf)", 0.3)))
        {
            var rho = r.Rho.Compile(r.Variable);
            foreach (var w in PointGen.Interior(r).Sample(100, 50))
                Assert.True(r.Domain.Contains(w) && double.IsFinite(rho(w)), $"{r}: w = {w}");
            foreach (var w in PointGen.Initial(r).Sample(100, 20))
                Assert.True(r.Domain.Contains(w), $"{r}: w₀ = {w}");
        }
    }

    [Fact]
    public void Family_generators_share_instances_and_print_readably()
    {
        var a = ReparametrizationGen.Power().Sample(10, 200);
        Assert.True(a.Distinct().Count() <= 41); // p on the grid 2, 2.05, …, 4
        Assert.Same(ReparametrizationGen.Shared("w^p", "(0,inf)", new Dictionary<string, double> { ["p"] = 1.5 }),
            ReparametrizationGen.Shared("w^p", "(0,inf)", new Dictionary<string, double> { ["p"] = 1.5 }));
        Assert.All(a, r => Assert.StartsWith("ρ(w) = w^", r.ToString()));
        Assert.All(ReparametrizationGen.SquareDifference().Sample(10, 20), r => Assert.True(r.IsDifference));
        Assert.All(ReparametrizationGen.Tan().Sample(10, 3), r => Assert.False(ReparametrizationGen.IsCovered(r)));
        Assert.All(ReparametrizationGen.Covered().Sample(10, 30),
            r => Assert.True(ReparametrizationGen.IsCovered(r), r.ToString()));
    }

    [Fact]
    public void Point_sampling_never_fails_on_narrow_or_half_infinite_intervals()
    {
        foreach (var domain in new[] { Interval.Open(1, 1 + 1e-9), Interval.Positive, Interval.Negative, Interval.Real,
                     Interval.Open(-Math.PI / 2, Math.PI / 2) })
            Assert.All(PointGen.In(domain).Sample(100, 100),
                x => Assert.True(domain.Contains(x) && x > domain.Lo && x < domain.Hi, $"{x} in {domain}"));
    }
}
