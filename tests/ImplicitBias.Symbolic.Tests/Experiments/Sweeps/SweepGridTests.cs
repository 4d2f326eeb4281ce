using FsCheck;
using FsCheck.Fluent;
using ImplicitBias.Symbolic.Experiments.Sweeps;

namespace ImplicitBias.Symbolic.Tests.Experiments.Sweeps;

/// <summary>The grid is the full product in a fixed order, and any sharding partitions it.</summary>
public class SweepGridTests
{
    private static readonly SweepSpec Spec = SweepSpecReader.Parse("""
        [sweep]
        seeds = 3
        [[rho]]
        formula = "w^2"
        domain = "(0,inf)"
        [[rho]]
        formula = "beta*sinh(w/beta)"
        params = { beta = [1.0, 0.5] }
        [problem]
        m = [10, 20]
        n = 30
        k = [1, 2]
        init = [0.1, 0.01]
        """);

    [Fact]
    public void RowsAreTheProductInTheirFixedOrder()
    {
        var rows = SweepGrid.Rows(Spec);
        Assert.Equal(3 * 2 * 2 * 2 * 3, rows.Count);
        Assert.Equal(Enumerable.Range(0, rows.Count), rows.Select(r => r.Row));
        // the seed varies fastest, then init, k and m; the ρ entry and its parameters slowest
        Assert.Equal((0, 10, 1, 0.1, 1), (rows[0].Rho, rows[0].M, rows[0].K, rows[0].Init, rows[0].Seed));
        Assert.Equal((0, 10, 1, 0.1, 2), (rows[1].Rho, rows[1].M, rows[1].K, rows[1].Init, rows[1].Seed));
        Assert.Equal((0, 10, 1, 0.01, 1), (rows[3].Rho, rows[3].M, rows[3].K, rows[3].Init, rows[3].Seed));
        Assert.Equal(1, rows[24].Rho);
        Assert.Equal(new KeyValuePair<string, double>("beta", 1.0), rows[24].Parameters.Single());
        Assert.Equal(new KeyValuePair<string, double>("beta", 0.5), rows[48].Parameters.Single());
        Assert.Equal(rows.Count, rows.Distinct().Count());
    }

    [Fact]
    public void EveryShardingPartitionsTheRows()
    {
        var all = SweepGrid.Rows(Spec).Select(r => r.Row).ToList();
        Prop.ForAll(Gen.Choose(1, 100).ToArbitrary(), count =>
        {
            var parts = Enumerable.Range(0, count)
                .Select(k => all.Where(new SweepShard(k, count).Contains).ToList()).ToList();
            return parts.Sum(p => p.Count) == all.Count
                && parts.SelectMany(p => p).Order().SequenceEqual(all)
                && parts.Max(p => p.Count) - parts.Min(p => p.Count) <= 1;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("1/4", 1, 4)]
    [InlineData("0/1", 0, 1)]
    [InlineData(" 3 / 4 ", 3, 4)]
    public void AShardIsKOfN(string text, int index, int count) =>
        Assert.Equal(new SweepShard(index, count), SweepShard.Parse(text));

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void ABadShardIsAnError(string text) =>
        Assert.Throws<SymbolicException>(() => SweepShard.Parse(text));

    [Fact]
    public void AutoReadsSlurmOrAKubernetesIndexedJob()
    {
        var slurm = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "2", ["SLURM_ARRAY_TASK_COUNT"] = "4" };
        Assert.Equal(new SweepShard(2, 4), SweepShard.Parse("auto", n => slurm.GetValueOrDefault(n)));
        var kubernetes = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "0", ["IBIAS_SHARD_COUNT"] = "3" };
        Assert.Equal(new SweepShard(0, 3), SweepShard.Parse("auto", n => kubernetes.GetValueOrDefault(n)));
        var error = Assert.Throws<SymbolicException>(() => SweepShard.Parse("auto", _ => null));
        Assert.Contains("JOB_COMPLETION_INDEX and IBIAS_SHARD_COUNT", error.Message);
    }
}
