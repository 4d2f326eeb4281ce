using ImplicitBias.Symbolic.Experiments.Data;
using ImplicitBias.Symbolic.Experiments.Sweeps;
using ImplicitBias.Symbolic.Tests.Support;
using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary><c>ibias sweep</c> and <c>ibias sweep merge</c> as a user runs them.</summary>
public class SweepCommandTests
{
    private const string Spec = """
        [sweep]
        seeds = 2
        compute = ["prediction", "l1", "l2"]
        [[rho]]
        formula = "w^2"
        domain = "(0,inf)"
        difference = true
        [[rho]]
        formula = "sinh(w)"
        [problem]
        m = [8, 16]
        n = 24
        k = [1, 3]
        init = [0.1, 0.01]
        [figures]
        formats = ["svg"]
        """;

    [Fact]
    public void ASweepWritesItsRowsAndFigures()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("spec.toml"), Spec);
        var run = AssertSuccess(Run("sweep", folder.File("spec.toml"), "--out", folder.File("out"), "--json"));
        var json = run.Json();
        Assert.Equal(32, json.GetProperty("rows").GetInt32());
        Assert.Equal(0, json.GetProperty("failed").GetInt32());
        var files = json.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains(files, f => f.EndsWith("rows.parquet"));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("figures", "scale-m16-n24-k1.svg")));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("figures", "phase-n24-init0.01.svg")));
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        Assert.Equal(33, File.ReadAllLines(folder.File("out/rows.csv")).Length);
        // a rerun keeps every row
        var again = Run("sweep", folder.File("spec.toml"), "--out", folder.File("out"), "--json").Json();
        Assert.Equal(32, again.GetProperty("kept").GetInt32());
        Assert.Equal(0, again.GetProperty("computed").GetInt32());
    }

    [Fact]
    public void ShardsMergeIntoTheRowsOfOneRun()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("spec.toml"), Spec);
        for (int k = 0; k < 2; k++)
            AssertSuccess(Run("sweep", folder.File("spec.toml"), "--out", folder.File($"shard-{k}"),
                "--shard", $"{k}/2", "--no-figures"));
        AssertSuccess(Run("sweep", "merge", folder.File("shard-0"), folder.File("shard-1"), "--out",
            folder.File("merged"), "--no-figures"));
        AssertSuccess(Run("sweep", folder.File("spec.toml"), "--out", folder.File("whole"), "--no-figures"));
        static IEnumerable<string> Untimed(string path) => File.ReadAllLines(path).Select(l =>
            System.Text.RegularExpressions.Regex.Replace(l, "\"(predictionSeconds|flowSeconds)\":[^,}]*", ""));
        Assert.Equal(Untimed(folder.File("whole/rows.jsonl")), Untimed(folder.File("merged/rows.jsonl")));
    }

    [Fact]
    public void SweepRowsEqualSeparateVerifyRuns()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("spec.toml"), """
            [sweep]
            seeds = [3, 5]
            compute = ["prediction", "flow"]
            [[rho]]
            formula = "beta*sinh(w/beta)"
            params = { beta = [0.5] }
            [problem]
            m = [6, 9]
            n = 20
            k = 2
            init = [0.05]
            noise = [0.0, 0.01]
            """);
        AssertSuccess(Run("sweep", folder.File("spec.toml"), "--out", folder.File("out"), "--no-figures"));
        var rows = File.ReadAllLines(folder.File("out/rows.jsonl"))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(8, rows.Count);
        foreach (var row in rows)
        {
            var verify = Run("verify", "beta*sinh(w/beta)", "--param", "beta=0.5",
                "--m", row.GetProperty("m").ToString(), "--n", "20", "--k", "2",
                "--seed", row.GetProperty("seed").ToString(), "--init", "0.05",
                "--noise", row.GetProperty("noise").ToString(), "--json").Json();
            Assert.Equal(verify.GetProperty("maxAbsDifference").GetDouble(),
                row.GetProperty("flowDifference").GetDouble());
            Assert.Equal(verify.GetProperty("truthError").GetDouble(), row.GetProperty("truthError").GetDouble());
            Assert.Equal(verify.GetProperty("agree").GetBoolean(), row.GetProperty("flowAgree").GetBoolean());
        }
    }

    [Fact]
    public void TheProblemOfARowIsWhatProblemGenerateWrites()
    {
        using var folder = new TemporaryFolder();
        var spec = SweepSpecReader.Parse(Spec.Replace("n = 24", "n = 24\nnoise = 0.05"));
        var computer = new SweepRowComputer(spec);
        foreach (var key in SweepGrid.Rows(spec).Where(k => k.Row % 5 == 0))
        {
            var rho = spec.Rhos[key.Rho];
            string[] options = [rho.Formula, "--domain", rho.Domain ?? "(-inf,inf)", "--m", $"{key.M}", "--n", "24",
                "--k", $"{key.K}", "--seed", $"{key.Seed}", "--init", $"{key.Init:R}", "--noise", "0.05"];
            var path = folder.File($"row{key.Row}.npz");
            string[] form = rho.Difference ? ["--difference"] : [];
            AssertSuccess(Run(["problem", "generate", .. options, .. form, "--out", path]));
            Assert.Equal(ProblemArrays.FromProblem(computer.GenerateProblem(key)), ProblemFiles.Read(path));
        }
    }

    [Theory]
    [InlineData("[problem]\n", "no [[rho]] entry")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\nm = -1\n", "[problem] m needs values of at least 1")]
    public void ABadSpecIsBadInput(string toml, string message)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("spec.toml"), toml);
        Assert.Contains(message, AssertBadInput(Run("sweep", folder.File("spec.toml"), "--out", folder.File("o"))));
    }

    [Fact]
    public void AShardOfAutoWithoutTheEnvironmentIsBadInput()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("spec.toml"), Spec);
        if (Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID") is not null) return;
        Assert.Contains("--shard auto needs", AssertBadInput(Run("sweep", folder.File("spec.toml"), "--out",
            folder.File("o"), "--shard", "auto")));
    }
}
