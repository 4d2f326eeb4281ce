using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary><c>ibias verify --problem</c> on a sparse A: it runs sparse, and the report and JSON say so.</summary>
public class VerifySparseProblemTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "data", "problems", name);

    [Fact]
    public void A_sparse_problem_file_is_verified_sparse_and_described_as_sparse()
    {
        var json = Run("verify", "sinh(w)", "--problem", Fixture("sparse.npz"), "--json").Json();
        Assert.True(json.GetProperty("agree").GetBoolean(), json.GetProperty("verdict").GetString());
        var problem = json.GetProperty("problem");
        Assert.True(problem.GetProperty("sparse").GetBoolean());
        Assert.Equal(8, problem.GetProperty("nonZeros").GetInt32());
        var text = Run("verify", "sinh(w)", "--problem", Fixture("sparse.npz"));
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("3×5 sparse (nnz 8)", text.Out);
        var dense = Run("verify", "sinh(w)", "--problem", Fixture("dense.npz"), "--json").Json();
        Assert.False(dense.GetProperty("problem").GetProperty("sparse").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            dense.GetProperty("problem").GetProperty("nonZeros").ValueKind);
    }
}
