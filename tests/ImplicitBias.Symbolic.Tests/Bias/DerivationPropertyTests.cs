using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Bias;

/// <summary>
/// Properties over reparametrization families with random parameters: the mirror identity
/// f″(ρ(w))·ρ′(w)² = 1, and design(derive(ρ)) reproducing f″.
/// </summary>
public class DerivationPropertyTests
{
    /// <summary>A family member: ρ, its domain, parameter values, and a point of the domain.</summary>
    public sealed record Member(string Rho, string Domain, Dictionary<string, double> Parameters, double W)
    {
        public override string ToString() => $"{Rho} on {Domain} with {string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))} at w={W}";
    }

    private static Gen<double> Decimal(int lo, int hi, int scale) => Gen.Choose(lo, hi).Select(n => (double)n / scale);

    public static Gen<Member> Families => Gen.OneOf(
        from l in Decimal(12, 40, 10) from w in Decimal(1, 30, 10)
        select new Member("w^L", "(0,inf)", new() { ["L"] = l }, w),
        from b in Decimal(1, 40, 10) from w in Decimal(-30, 30, 10)
        select new Member("beta*sinh(w/beta)", "(-inf,inf)", new() { ["beta"] = b }, w),
        from b in Decimal(1, 40, 10) from w in Decimal(-20, 20, 10)
        select new Member("beta*tanh(w/beta)", "(-inf,inf)", new() { ["beta"] = b }, w * b / 2),
        from k in Decimal(1, 30, 10) from w in Decimal(-20, 20, 10)
        select new Member("exp(k*w)", "(-inf,inf)", new() { ["k"] = k }, w),
        from c in Decimal(1, 40, 10) from l in Decimal(11, 30, 10) from w in Decimal(1, 30, 10)
        select new Member("c*w^L", "(0,inf)", new() { ["c"] = c, ["L"] = l }, w));

    [Property(MaxTest = 60)]
    public Property Mirror_identity_holds() => Prop.ForAll(Families.ToArbitrary(), m =>
    {
        var r = Reparametrization.Parse(m.Rho, "w", m.Domain, m.Parameters);
        var d = r.Derive();
        double x = r.Rho.Evaluate("w", m.W);
        double rhoPrime = d.Derivative.Evaluate("w", m.W);
        double product = d.Metric!.Evaluate(x) * rhoPrime * rhoPrime;
        return Math.Abs(product - 1) <= 1e-9;
    });

    [Property(MaxTest = 30)]
    public Property Design_of_the_derived_potential_reproduces_the_metric() => Prop.ForAll(Families.ToArbitrary(), m =>
    {
        var r = Reparametrization.Parse(m.Rho, "w", m.Domain, m.Parameters);
        var d = r.Derive();
        if (d.Potential?.Expression is not { } potential) return false;
        var designed = PotentialDesign.Design(potential, "x");
        if (!designed.Verified) return false;
        double x = r.Rho.Evaluate("w", m.W);
        double want = d.Metric!.Evaluate(x);
        double got = designed.Metric.Evaluate("x", x);
        return Math.Abs(got - want) <= 1e-9 * Math.Abs(want);
    });
}
