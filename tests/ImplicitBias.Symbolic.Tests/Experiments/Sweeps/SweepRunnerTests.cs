using ImplicitBias.Symbolic.Experiments.Sweeps;
using ImplicitBias.Symbolic.Tests.Support;
using Parquet;

namespace ImplicitBias.Symbolic.Tests.Experiments.Sweeps;

/// <summary>
/// A small sweep end to end: its rows are the separate computations, a resumed or sharded run gives the same rows,
/// and the three files hold them.
/// </summary>
public class SweepRunnerTests
{
    private const string Toml = """
        [sweep]
        seeds = 2
        compute = ["prediction", "l1", "l2", "flow"]
        [[rho]]
        formula = "w^2"
        domain = "(0,inf)"
        difference = true
        [[rho]]
        formula = "beta*sinh(w/beta)"
        params = { beta = [1.0, 0.5] }
        [problem]
        m = [8, 16]
        n = 24
        k = 2
        init = [0.1, 0.01]
        """;

    private static readonly SweepSpec Spec = SweepSpecReader.Parse(Toml);

    [Fact]
    public void RowsMeasureThePredictionAgainstTruthBaselinesAndFlow()
    {
        using var folder = new TemporaryFolder();
        var result = Run(folder.File("out"), SweepShard.All);
        Assert.Equal(SweepGrid.Rows(Spec).Count, result.Rows.Count);
        Assert.False(result.Cancelled);
        Assert.All(result.Rows, r =>
        {
            Assert.Null(r.Error);
            Assert.NotNull(r.TruthError);
            Assert.NotNull(r.L1Distance);
            Assert.NotNull(r.L2Distance);
            Assert.True(r.FlowAgree, $"row {r.Row}: the flow disagrees ({r.FlowDifference})");
            Assert.True(r.FlowDifference <= 1e-6 * 10);
        });
        // u² − v² at a small scale tends to the ℓ1 solution: closer at 0.01 than at 0.1
        var hyperbolic = result.Rows.Where(r => r.Difference && r.M == 16).ToList();
        Assert.True(hyperbolic.Where(r => r.Init == 0.01).Average(r => r.L1Distance!.Value)
            < hyperbolic.Where(r => r.Init == 0.1).Average(r => r.L1Distance!.Value));
    }

    [Fact]
    public void ARowIsTheComputationOfItsOwnProblem()
    {
        var computer = new SweepRowComputer(Spec);
        var key = SweepGrid.Rows(Spec)[5];
        var problem = computer.GenerateProblem(key);
        var (_, derivation) = computer.Chain(key);
        var report = Verification.Verify(problem, derivation, new FlowOptions { RelativeTolerance = 1e-8 }, 1e-6);
        var row = computer.Compute(key);
        Assert.Equal(report.MaxAbsDifference, row.FlowDifference);
        Assert.Equal(report.Prediction.X.Zip(problem.Truth!, (a, b) => Math.Abs(a - b)).Max(), row.TruthError);
    }

    [Fact]
    public void AResumedRunKeepsItsRowsAndComputesTheRest()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("out");
        var first = Run(path, SweepShard.All);
        // an interrupted run: half the journal, and a last line cut short
        var lines = File.ReadAllLines(Path.Combine(path, "rows.jsonl"));
        File.WriteAllLines(Path.Combine(path, "rows.jsonl"), lines.Take(lines.Length / 2));
        File.AppendAllText(Path.Combine(path, "rows.jsonl"), lines[^1][..10]);
        var second = Run(path, SweepShard.All);
        Assert.Equal(lines.Length / 2, second.Kept);
        Assert.Equal(lines.Length - lines.Length / 2, second.Computed);
        AssertSameRows(first.Rows, second.Rows);
        // killed again mid-line after the resume: the journal still reads, the cut line in the middle included
        var journal = Path.Combine(path, "rows.jsonl");
        File.WriteAllLines(journal, File.ReadAllLines(journal).Take(3));
        File.AppendAllText(journal, lines[^1][..10]);
        File.AppendAllText(journal, "\n" + File.ReadAllLines(Path.Combine(path, "rows.jsonl"))[0] + "\n");
        Assert.Equal(3, SweepDirectory.ForRun(path, Spec, Toml, SweepShard.All).JournalRows(Spec)
            .Select(r => r.Row).Distinct().Count());
        AssertSameRows(first.Rows, Run(path, SweepShard.All).Rows);
    }

    [Fact]
    public void ShardsMergedEqualTheUnshardedRun()
    {
        using var folder = new TemporaryFolder();
        var whole = Run(folder.File("whole"), SweepShard.All);
        var shards = Enumerable.Range(0, 3).Select(k => folder.File($"shard-{k}")).ToList();
        for (int k = 0; k < 3; k++) Run(shards[k], new SweepShard(k, 3));
        var (merged, _) = SweepMerge.Merge(shards, folder.File("merged"));
        AssertSameRows(whole.Rows, merged.Rows);
        Assert.Equal(File.ReadAllLines(Path.Combine(folder.File("whole"), "rows.csv"))[0],
            File.ReadAllLines(Path.Combine(folder.File("merged"), "rows.csv"))[0]);
    }

    [Fact]
    public void ASweepOverProblemFilesRunsEveryFileForEveryRhoAndInit()
    {
        const string toml = """
            [sweep]
            compute = ["prediction", "l2"]
            [[rho]]
            formula = "sinh(w)"
            [[rho]]
            formula = "w^3 + w"
            [problem]
            files = ["dense.npz", "sparse.npz", "problem.h5", "problem.mat", "problem.json"]
            init = [0.1, 0.3]
            """;
        var fixtures = Path.Combine(AppContext.BaseDirectory, "data", "problems");
        var spec = SweepSpecReader.Parse(toml, "files.toml", fixtures);
        using var folder = new TemporaryFolder();
        var result = SweepRunner.Run(spec, SweepDirectory.ForRun(folder.File("out"), spec, toml, SweepShard.All),
            SweepShard.All, threads: 2);
        Assert.Equal(2 * 5 * 2, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Null(r.Error));
        Assert.All(result.Rows, r => Assert.Equal((3, 5, 3, 0), (r.M, r.N, r.K, r.Seed)));
        // the same problem in five formats: the same prediction for each ρ and init
        foreach (var cell in result.Rows.GroupBy(r => (r.Rho, r.Init)))
            Assert.Single(cell.Select(r => Math.Round(r.TruthError!.Value, 9)).Distinct());
        Assert.Equal(["dense.npz", "sparse.npz", "problem.h5", "problem.mat", "problem.json"],
            result.Rows.Take(10).Where((_, i) => i % 2 == 0).Select(r => r.Problem));
    }

    [Theory]
    [InlineData("m = 10", "[problem] m is for generated problems")]
    [InlineData("noise = 0.1", "[problem] noise is for generated problems")]
    public void FilesAndGeneratedOptionsDoNotMix(string option, string message)
    {
        var toml = $"[[rho]]\nformula = \"w\"\n[problem]\nfiles = [\"p.npz\"]\n{option}\n";
        Assert.Contains(message, Assert.Throws<SymbolicException>(() => SweepSpecReader.Parse(toml)).Message);
        const string seeds = "[sweep]\nseeds = 3\n[[rho]]\nformula = \"w\"\n[problem]\nfiles = [\"p.npz\"]\n";
        Assert.Contains("seeds is for generated problems",
            Assert.Throws<SymbolicException>(() => SweepSpecReader.Parse(seeds)).Message);
    }

    [Fact]
    public void ACancelledRunKeepsItsRowsAndAResumeFinishes()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("out");
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(p => { if (p.Done >= 5) cancel.Cancel(); });
        var interrupted = SweepRunner.Run(Spec, SweepDirectory.ForRun(path, Spec, Toml, SweepShard.All),
            SweepShard.All, threads: 1, progress, cancel.Token);
        Assert.True(interrupted.Cancelled);
        Assert.InRange(interrupted.Rows.Count, 5, 6);
        Assert.Equal(interrupted.Rows.Count + 1, File.ReadAllLines(Path.Combine(path, "rows.csv")).Length);
        var resumed = Run(path, SweepShard.All);
        Assert.False(resumed.Cancelled);
        Assert.Equal(interrupted.Rows.Count, resumed.Kept);
        Assert.Equal(SweepGrid.Rows(Spec).Count, resumed.Rows.Count);
    }

    private sealed class Progress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }

    [Fact]
    public void AJournalLineThatIsJsonButNotARowIsAnError()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("out");
        Run(path, SweepShard.All);
        File.AppendAllText(Path.Combine(path, "rows.jsonl"), "{\"row\": 1}\n");
        var error = Assert.Throws<SymbolicException>(() => Run(path, SweepShard.All));
        Assert.Contains($"line {SweepGrid.Rows(Spec).Count + 1} is not a sweep row", error.Message);
    }

    [Fact]
    public void AFolderOfAnotherSpecOrShardIsRefused()
    {
        using var folder = new TemporaryFolder();
        Run(folder.File("out"), new SweepShard(0, 2));
        var other = SweepSpecReader.Parse(Toml.Replace("n = 24", "n = 25"));
        Assert.Contains("another sweep spec", Assert.Throws<SymbolicException>(() =>
            SweepDirectory.ForRun(folder.File("out"), other, Toml, SweepShard.All)).Message);
        Assert.Contains("shard 0/2", Assert.Throws<SymbolicException>(() =>
            SweepDirectory.ForRun(folder.File("out"), Spec, Toml, SweepShard.All)).Message);
    }

    [Fact]
    public async Task TheParquetFileHoldsTheRows()
    {
        using var folder = new TemporaryFolder();
        var result = Run(folder.File("out"), SweepShard.All);
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(folder.File("out"), "rows.parquet"));
        Assert.Equal(SweepColumn.For(Spec.ParameterNames).Select(c => c.Name),
            reader.Schema.DataFields.Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(result.Rows.Count, group.RowCount);
        var field = reader.Schema.DataFields.Single(f => f.Name == "truthError");
        var values = new double?[group.RowCount];
        await group.ReadAsync<double>(field, values);
        Assert.Equal(result.Rows.Select(r => r.TruthError), values);
    }

    private static SweepResult Run(string path, SweepShard shard) =>
        SweepRunner.Run(Spec, SweepDirectory.ForRun(path, Spec, Toml, shard), shard, threads: 2);

    private static void AssertSameRows(IReadOnlyList<SweepRow> expected, IReadOnlyList<SweepRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(expected[i].SameResults(actual[i]), $"row {i}: {expected[i]} vs {actual[i]}");
    }
}
