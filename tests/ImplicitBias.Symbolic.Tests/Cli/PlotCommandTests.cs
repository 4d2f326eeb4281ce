using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Cli.Plots;
using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary>
/// <c>ibias plot</c> and the <see cref="FlowPlots"/> helpers: files are written, valid, and errors are bad input.
/// </summary>
public sealed class PlotCommandTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _folder = Directory.CreateTempSubdirectory("ibias-plot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static void AssertSvg(string path)
    {
        var text = File.ReadAllText(path);
        Assert.True(text.StartsWith("<svg", StringComparison.Ordinal)
            || text.StartsWith("<?xml", StringComparison.Ordinal), text[..Math.Min(80, text.Length)]);
        Assert.Contains("<svg", text);
        Assert.EndsWith("</svg>", text.TrimEnd());
    }

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
    }

    [Fact]
    public void An_existing_file_is_replaced_whole_and_no_temporary_file_is_left()
    {
        var path = PathOf("f.svg");
        File.WriteAllText(path, "old content");
        AssertSuccess(Run("plot", "sinh(w)", "--out", path));
        Assert.Contains("<svg", File.ReadAllText(path));
        Assert.DoesNotContain("old content", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Input_that_is_not_a_regular_file_is_bad_input()
    {
        Assert.Contains("it is a folder",
            AssertBadInput(Run("verify", "w^2", "--domain", "(0,inf)", "--problem", _folder)));
        Assert.Contains("does not exist",
            AssertBadInput(Run("verify", "w^2", "--domain", "(0,inf)", "--plot", PathOf("missing/f.svg"))));
    }

    [Fact]
    public void Plot_writes_an_svg_with_labels()
    {
        var path = PathOf("sinh.svg");
        var run = AssertSuccess(Run("plot", "sinh(w)", "--out", path));
        Assert.Equal($"wrote {path}", run.OutLine);
        AssertSvg(path);
        var svg = File.ReadAllText(path);
        Assert.Contains("sinh(w)", svg);   // the title names ρ
        Assert.Contains("f(x)", svg);      // axis label and legend
        Assert.Contains("f″(x)", svg);
    }

    [Fact]
    public void Plot_writes_a_png_with_parameters_and_domain()
    {
        var path = PathOf("beta.PNG");
        AssertSuccess(Run("plot", "beta*sinh(w/beta)", "--param", "beta=0.25", "--out", path));
        AssertPng(path);
        var square = PathOf("square.png");
        AssertSuccess(Run("plot", "w^2", "--domain", "(0,inf)", "--out", square));
        AssertPng(square);
    }

    [Fact]
    public void Plot_json_reports_output_rho_and_image()
    {
        var path = PathOf("tanh.svg");
        var json = AssertSuccess(Run("plot", "tanh(w)", "--out", path, "--json")).Json();
        Assert.Equal(path, json.GetProperty("output").GetString());
        Assert.Equal("tanh(w)", json.GetProperty("rho").GetString());
        Assert.Equal(-1, json.GetProperty("image").GetProperty("lo").GetDouble());
        Assert.Equal(1, json.GetProperty("image").GetProperty("hi").GetDouble());
        AssertSvg(path);
    }

    [Fact]
    public void Plot_range_sets_the_window_and_must_lie_in_the_image()
    {
        var path = PathOf("exp.png");
        AssertSuccess(Run("plot", "exp(w)", "--range", "0.1,3", "--out", path));
        AssertPng(path);
        Assert.Contains("image", AssertBadInput(Run("plot", "exp(w)", "--range", "-1,3", "--out", PathOf("bad.png"))));
        AssertBadInput(Run("plot", "exp(w)", "--range", "3", "--out", PathOf("bad.png")));
        Assert.False(File.Exists(PathOf("bad.png")));
    }

    [Theory]
    [InlineData("plot.pdf")]
    [InlineData("plot")]
    [InlineData("plot.svg.txt")]
    public void Bad_extension_is_bad_input(string name)
    {
        var error = AssertBadInput(Run("plot", "sinh(w)", "--out", PathOf(name)));
        Assert.Contains("--out must end in .svg or .png", error);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_turning_point_is_bad_input_naming_the_failing_condition()
    {
        var error = AssertBadInput(Run("plot", "w^2", "--out", PathOf("turning.svg")));
        Assert.Contains("not a bijection", error);
        Assert.Contains("strict monotonicity fails", error);
        Assert.False(File.Exists(PathOf("turning.svg")));
    }

    [Fact]
    public void Other_bad_inputs_are_reported()
    {
        // --out is required
        AssertBadInput(Run("plot", "sinh(w)"));
        // symbolic parameter
        AssertBadInput(Run("plot", "beta*sinh(w/beta)", "--out", PathOf("p.svg")));
        // no such folder
        AssertBadInput(Run("plot", "sinh(w)", "--out", Path.Combine(_folder, "missing", "p.svg")));
        // syntax error
        AssertBadInput(Run("plot", "sinh(w", "--out", PathOf("p.svg")));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("trajectories.svg")]
    [InlineData("trajectories.png")]
    public void Trajectories_write_valid_files(string name)
    {
        // 30 coordinates relaxing from 0 to targets, sampled from t = 0 (dropped on the log axis) to t = 1e4
        int steps = 2000, n = 30;
        double[] times = Enumerable.Range(0, steps)
            .Select(k => k == 0 ? 0 : Math.Pow(10, -3 + 7.0 * k / (steps - 1))).ToArray();
        double[][] coordinates = Enumerable.Range(0, n)
            .Select(i => times.Select(t => (i % 7 == 0 ? 2.0 : 0.05) * (i % 2 == 0 ? 1 : -1)
                * (1 - Math.Exp(-t / (1 + i)))).ToArray()).ToArray();
        var labels = Enumerable.Range(0, n).Select(i => $"x{i}").ToList();
        var path = PathOf(name);
        FlowPlots.Trajectories(times, coordinates, labels, path, maxLabeled: 6);
        if (name.EndsWith(".svg", StringComparison.Ordinal))
        {
            AssertSvg(path);
            var svg = File.ReadAllText(path);
            Assert.Contains("others (24)", svg);
            Assert.Contains("time t", svg);
        }
        else AssertPng(path);
    }

    [Theory]
    [InlineData("loss.svg")]
    [InlineData("loss.png")]
    public void Loss_writes_valid_files(string name)
    {
        double[] times = Enumerable.Range(0, 500).Select(k => 1e-3 * Math.Pow(1.03, k)).Prepend(0).ToArray();
        double[] loss = times.Select(t => Math.Exp(-t / 50) + 1e-14).ToArray();
        loss[^1] = 0; // a zero loss cannot be shown on a log axis and is left out
        var path = PathOf(name);
        FlowPlots.Loss(times, loss, path);
        if (name.EndsWith(".svg", StringComparison.Ordinal))
        {
            AssertSvg(path);
            Assert.Contains("loss", File.ReadAllText(path));
        }
        else AssertPng(path);
    }

    [Fact]
    public void Helpers_reject_bad_extensions_and_shapes()
    {
        double[] times = [1, 2, 3];
        Assert.Throws<CliUsageException>(() => FlowPlots.Loss(times, [1, 0.5, 0.2], PathOf("loss.jpg")));
        Assert.Throws<ArgumentException>(() => FlowPlots.Loss(times, [1, 0.5], PathOf("loss.svg")));
        Assert.Throws<ArgumentException>(() => FlowPlots.Trajectories(times, [[1, 2, 3]], ["a", "b"], PathOf("t.svg")));
        Assert.Throws<ArgumentException>(() => FlowPlots.Trajectories([0, -1, 0], [[1, 2, 3]], ["a"], PathOf("t.svg")));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData(0, "10⁰")]
    [InlineData(-12, "10⁻¹²")]
    [InlineData(3, "10³")]
    [InlineData(0.30102999566398120, "2")]
    public void Log_tick_labels(double exponent, string label) => Assert.Equal(label, PlotKit.LogLabel(exponent));

    [Fact]
    public void Default_window_stays_inside_the_image_away_from_singular_ends()
    {
        foreach (var (rho, domain) in new[] { ("w^2", "(0,inf)"), ("tanh(w)", null), ("tan(w)", "(-pi/2,pi/2)"),
                     ("exp(w)", null), ("sinh(w)", null), ("log(w)", "(0,inf)"), ("-exp(-w)", null) })
        {
            var d = Reparametrization.Parse(rho, domain: domain).Derive();
            var (lo, hi) = FlowPlots.DefaultWindow(d);
            Assert.True(lo < hi, rho);
            Assert.True(d.Image.Contains(lo) && d.Image.Contains(hi), $"{rho}: [{lo}, {hi}] not inside {d.Image}");
            if (double.IsFinite(d.Image.Lo))
                Assert.True(lo - d.Image.Lo > 1e-4 * (hi - lo), $"{rho}: lo {lo} too close to {d.Image.Lo}");
            if (double.IsFinite(d.Image.Hi))
                Assert.True(d.Image.Hi - hi > 1e-4 * (hi - lo), $"{rho}: hi {hi} too close to {d.Image.Hi}");
        }
    }
}
