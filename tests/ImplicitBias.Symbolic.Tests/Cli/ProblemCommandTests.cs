using ImplicitBias.Symbolic.Experiments.Data;
using ImplicitBias.Symbolic.Tests.Support;
using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary>
/// <c>ibias problem generate</c> writes exactly the problem <c>verify</c> generates for the same options, in every
/// format, and <c>verify --problem</c> reads it back to the same report; <c>--baselines</c> and
/// <c>--trajectory</c> add what a reviewer asks for.
/// </summary>
public class ProblemCommandTests
{
    [Theory]
    [InlineData("p.json")]
    [InlineData("p.npz")]
    [InlineData("p.h5")]
    [InlineData("p.csv")]
    [InlineData("p.mtx")]
    public void AGeneratedProblemFileVerifiesLikeTheGeneratedProblem(string name)
    {
        using var folder = new TemporaryFolder();
        string[] options =
            ["--domain", "(0,inf)", "--m", "12", "--n", "30", "--k", "2", "--seed", "4", "--init", "0.05"];
        var path = folder.File(name);
        var written = AssertSuccess(Run(["problem", "generate", "w^2", .. options, "--out", path, "--json"]));
        Assert.Equal(12, written.Json().GetProperty("rows").GetInt32());
        var arrays = ProblemFiles.Read(path);
        Assert.Equal((12, 30), (arrays.A.Rows, arrays.A.Columns));
        Assert.NotNull(arrays.Truth);
        var generated = Run(["verify", "w^2", .. options, "--json"]).Json();
        var fromFile = Run(["verify", "w^2", "--domain", "(0,inf)", "--problem", path, "--json"]).Json();
        Assert.Equal(generated.GetProperty("prediction").ToString(), fromFile.GetProperty("prediction").ToString());
        Assert.Equal(generated.GetProperty("truthError").GetDouble(), fromFile.GetProperty("truthError").GetDouble());
    }

    [Fact]
    public void NoiseChangesYButNotAOrTheTruth()
    {
        using var folder = new TemporaryFolder();
        AssertSuccess(Run("problem", "generate", "--m", "10", "--n", "20", "--out", folder.File("clean.npz")));
        AssertSuccess(Run("problem", "generate", "--m", "10", "--n", "20", "--noise", "0.1",
            "--out", folder.File("noisy.npz")));
        var clean = ProblemFiles.Read(folder.File("clean.npz"));
        var noisy = ProblemFiles.Read(folder.File("noisy.npz"));
        Assert.Equal(clean.A, noisy.A);
        Assert.Equal(clean.Truth, noisy.Truth);
        Assert.NotEqual(clean.Y, noisy.Y);
        Assert.InRange(clean.Y.Zip(noisy.Y, (a, b) => Math.Abs(a - b)).Max(), 1e-3, 1);
    }

    [Theory]
    [InlineData("p.txt", "unknown problem file type")]
    [InlineData("p.mat", "read, not written")]
    public void AFileThatCannotBeWrittenIsBadInput(string name, string message)
    {
        using var folder = new TemporaryFolder();
        Assert.Contains(message, AssertBadInput(Run("problem", "generate", "--out", folder.File(name))));
    }

    [Fact]
    public void VerifyReportsTheTruthAndWithBaselinesTheL1AndL2Distances()
    {
        var run = Run("verify", "w^2", "--domain", "(0,inf)", "--difference", "--init", "0.001", "--m", "20",
            "--n", "50", "--k", "2", "--baselines", "--json");
        var json = run.Json();
        Assert.True(json.GetProperty("agree").GetBoolean());
        var l1 = json.GetProperty("l1Baseline");
        Assert.Equal("optimal", l1.GetProperty("status").GetString());
        // the hyperbolic entropy at a small scale is close to basis pursuit, far from the minimum norm
        Assert.True(l1.GetProperty("distance").GetDouble() < 0.01);
        Assert.True(json.GetProperty("l2Baseline").GetProperty("distance").GetDouble() > 0.1);
        Assert.True(json.GetProperty("truthError").GetDouble() < 0.01);
        var text = Run("verify", "w^2", "--domain", "(0,inf)", "--difference", "--init", "0.001", "--m", "20",
            "--n", "50", "--k", "2", "--baselines").Out;
        Assert.Contains("ℓ1 baseline", text);
        Assert.Contains("ℓ2 baseline (minimum norm)", text);
        Assert.Contains("max |x_prediction − truth|", text);
    }

    [Theory]
    [InlineData("t.parquet")]
    [InlineData("t.csv")]
    public void VerifyWritesTheSampledTrajectory(string name)
    {
        using var folder = new TemporaryFolder();
        var json = Run("verify", "sinh(w)", "--m", "5", "--n", "8", "--trajectory", folder.File(name), "--json")
            .Json();
        Assert.Contains(folder.File(name), json.GetProperty("plots").EnumerateArray().Select(p => p.GetString()));
        Assert.True(new FileInfo(folder.File(name)).Length > 100);
        if (name.EndsWith(".csv"))
        {
            var lines = File.ReadAllLines(folder.File(name));
            Assert.Equal("sample,time,loss,coordinate,x", lines[0]);
            Assert.Equal(0, (lines.Length - 1) % 8);
        }
    }

    [Fact]
    public void WithMoreObservationsThanUnknownsTheNoisyFlowReachesTheLeastSquaresPoint()
    {
        var json = Run("verify", "sinh(w)", "--m", "30", "--n", "10", "--k", "3", "--noise", "0.01", "--json").Json();
        Assert.True(json.GetProperty("agree").GetBoolean(), json.GetProperty("verdict").GetString());
        Assert.Equal("least squares (Newton on the loss)", json.GetProperty("predictionMethod").GetString());
        Assert.Contains("least-squares point", json.GetProperty("systemNote").GetString());
        var text = Run("verify", "sinh(w)", "--m", "30", "--n", "10", "--k", "3", "--noise", "0.01").Out;
        Assert.Contains("M ≥ N, so the flow converges to the least-squares point", text);
        // on (0, ∞) the least-squares point of a sparse x* leaves the image: not predicted, exit 1
        var positive = Run("verify", "w^2", "--domain", "(0,inf)", "--m", "30", "--n", "10", "--k", "3",
            "--noise", "0.01", "--json");
        Assert.Equal(1, positive.ExitCode);
        Assert.Contains("leaves the image of ρ", positive.Json().GetProperty("systemNote").GetString());
    }

    [Fact]
    public void WithFewerObservationsTheNoisyDataStillInterpolate()
    {
        var json = Run("verify", "sinh(w)", "--m", "10", "--n", "30", "--k", "2", "--noise", "0.1", "--json").Json();
        Assert.True(json.GetProperty("agree").GetBoolean());
        Assert.StartsWith("the data still interpolate", json.GetProperty("noiseNote").GetString());
        Assert.Null(json.GetProperty("systemNote").GetString());
    }
}
