using ImplicitBias.Symbolic.Experiments.Sweeps;

namespace ImplicitBias.Symbolic.Tests.Experiments.Sweeps;

/// <summary>The spec of the issue reads as written; each mistake is an error naming the table and the key.</summary>
public class SweepSpecReaderTests
{
    public const string IssueSpec = """
        [sweep]
        seeds = 20                          # problems per cell
        compute = ["prediction", "l1", "l2", "flow"]   # prediction is always computed
        [[rho]]
        formula = "w^2"
        domain = "(0,inf)"
        difference = true                   # x = ρ(u) − ρ(v)
        [[rho]]
        formula = "beta*sinh(w/beta)"
        params = { beta = [1.0, 0.1, 0.01] }
        [problem]
        m = [10, 20, 30, 40]
        n = 100
        k = [2, 4, 6, 8]
        init = [1e-1, 1e-2, 1e-3]
        noise = 0.0
        loss = "square"
        link = "identity"
        """;

    [Fact]
    public void TheSpecOfTheIssueReadsAsWritten()
    {
        var spec = SweepSpecReader.Parse(IssueSpec);
        Assert.Equal(Enumerable.Range(1, 20), spec.Seeds);
        Assert.Equal([SweepQuantity.Prediction, SweepQuantity.L1, SweepQuantity.L2, SweepQuantity.Flow],
            spec.Compute.Order());
        Assert.Equal(2, spec.Rhos.Count);
        Assert.Equal(new RhoSpec("w^2", "w", "(0,inf)", true, []), spec.Rhos[0] with { Parameters = [] });
        Assert.Equal("beta", spec.Rhos[1].Parameters.Single().Name);
        Assert.Equal([1.0, 0.1, 0.01], spec.Rhos[1].Parameters.Single().Values);
        Assert.Equal([10, 20, 30, 40], spec.Problem.Rows);
        Assert.Equal([100], spec.Problem.Columns);
        Assert.Equal([1e-1, 1e-2, 1e-3], spec.Problem.Init);
        Assert.Equal([0.0], spec.Problem.Noise);
        Assert.Equal(("square", "identity"), (spec.Problem.Loss, spec.Problem.Link));
        var d = FigureOptions.Default;
        Assert.Equal((d.Width, d.Height, d.FontSize, d.LatexLabels),
            (spec.Figures.Width, spec.Figures.Height, spec.Figures.FontSize, spec.Figures.LatexLabels));
        Assert.Equal(d.Formats, spec.Figures.Formats);
        // (1 + 3 parameter values) × 4 m × 4 k × 3 init × 20 seeds
        Assert.Equal(4 * 4 * 4 * 3 * 20, SweepGrid.Rows(spec).Count);
    }

    [Theory]
    [InlineData("[problem]\nm = 10", "no [[rho]] entry")]
    [InlineData("[[rho]]\nformula = \"w\"", "has no [problem] table")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\nm = 10\nsize = 3", "unknown key \"size\" in [problem]")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\nm = \"ten\"", "[problem] m must hold integers, found the string")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\nm = 0", "[problem] m needs values of at least 1")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\nnoise = -1", "[problem] noise needs values ≥ 0")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\n[sweep]\ncompute = [\"lasso\"]", "has \"lasso\"")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\n[sweep]\nseeds = 0", "[sweep] seeds must lie between")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\n[sweep]\nseeds = [1, 1]", "lists a seed twice")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\n[sweep]\nmethod = \"euler\"", "expected auto, rk")]
    [InlineData("[[rho]]\ndomain = \"(0,inf)\"\n[problem]", "[[rho]] number 1 formula is missing")]
    [InlineData("[[rho]]\nformula = \"w\"\nparams = { beta = [] }\n[problem]", "params beta has no values")]
    [InlineData("[[rho]]\nformula = \"w\"\nparams = { seed = 1 }\n[problem]", "the name of a column")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\n[figures]\nformats = [\"pdf\"]", "expected \"svg\" or \"png\"")]
    [InlineData("[[rho]]\nformula = \"w\"\n[problem]\n[figures]\nwidth = 10", "between 100 and 20000 pixels")]
    [InlineData("[[rho]\nformula = \"w\"", "spec.toml: not valid TOML")]
    public void AMistakeIsReportedWithItsTableAndKey(string toml, string message)
    {
        var error = Assert.Throws<SymbolicException>(() => SweepSpecReader.Parse(toml));
        Assert.Contains(message, error.Message);
        Assert.StartsWith("spec.toml: ", error.Message);
    }

    [Fact]
    public void DefaultsFillWhatTheSpecLeavesOut()
    {
        var spec = SweepSpecReader.Parse("[[rho]]\nformula = \"sinh(w)\"\n[problem]");
        Assert.Equal([1], spec.Seeds);
        Assert.Equal([SweepQuantity.Prediction], spec.Compute);
        var g = spec.Problem;
        Assert.Equal([20], g.Rows);
        Assert.Equal([100], g.Columns);
        Assert.Equal([3], g.Sparsity);
        Assert.Equal([0.1], g.Init);
        Assert.Equal([0.0], g.Noise);
        Assert.Equal(("square", "identity"), (g.Loss, g.Link));
        Assert.Equal(1e-6, spec.Tolerance);
        Assert.Equal(FlowMethod.Auto, spec.Method);
    }

    [Fact]
    public void TheFingerprintChangesWithTheRowsButNotWithTheFigures()
    {
        const string baseSpec = "[[rho]]\nformula = \"sinh(w)\"\n[problem]\nm = [10, 20]\n";
        var a = SweepSpecReader.Parse(baseSpec);
        var b = SweepSpecReader.Parse(baseSpec + "[figures]\nwidth = 1200\n");
        var c = SweepSpecReader.Parse(baseSpec.Replace("[10, 20]", "[10, 30]"));
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
    }
}
