using System.Globalization;
using System.Text.Json;
using ImplicitBias.Cli;
using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary>
/// <c>ibias verify</c>: the JSON contract, agreement across reparametrizations, methods and links, problem files,
/// the exit codes (0 agree, 1 disagree or not converged, 2 bad input), the text report and the plots. Every run is a
/// small problem (5×20 or a 2×4 file), so the whole class takes a few seconds.
/// </summary>
public sealed class VerifyCommandTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A small generated problem: M = 5 observations, N = 20 unknowns.</summary>
    private static readonly string[] Small = ["--m", "5", "--n", "20"];

    private static readonly string[] PositiveSquare = ["w^2", "--domain", "(0,inf)"];

    private readonly string _folder = Directory.CreateTempSubdirectory("ibias-verify-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    // ------------------------------------------------------------------ helpers

    private static CliRun Verify(params string[] args) => Run(["verify", .. args]);

    /// <summary>
    /// Runs <c>verify … --json</c>, checks the exit code and an empty stderr, and returns the one JSON object.
    /// </summary>
    private static JsonElement VerifyJson(int exitCode, params string[] args)
    {
        var run = Verify([.. args, "--json"]);
        Assert.True(run.ExitCode == exitCode,
            $"exit code {run.ExitCode} (expected {exitCode}), stderr '{run.Error}', stdout '{Head(run.Out)}'");
        Assert.Equal("", run.Error);
        return run.Json();
    }

    /// <summary>
    /// An agreeing run: exit 0, "agree": true, converged by the loss tolerance, difference within 1e-6.
    /// </summary>
    private static JsonElement Agreeing(params string[] args)
    {
        var json = VerifyJson(ExitCodes.Success, args);
        Assert.True(json.GetProperty("agree").GetBoolean(), json.GetProperty("verdict").GetString());
        Assert.Equal("agree", json.GetProperty("verdict").GetString());
        Assert.Equal("loss tolerance", json.GetProperty("stopReason").GetString());
        Assert.True(json.GetProperty("converged").GetBoolean());
        Assert.InRange(json.GetProperty("maxAbsDifference").GetDouble(), 0, 1e-6);
        return json;
    }

    private static string Head(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static double MaxAbsDifference(double[] a, double[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (p, q) => Math.Abs(p - q)).Max();
    }

    private static void AssertSvg(string path)
    {
        Assert.True(File.Exists(path), path);
        var text = File.ReadAllText(path);
        Assert.True(text.StartsWith("<svg", StringComparison.Ordinal)
            || text.StartsWith("<?xml", StringComparison.Ordinal), text[..Math.Min(80, text.Length)]);
        Assert.Contains("<svg", text);
        Assert.EndsWith("</svg>", text.TrimEnd());
    }

    private static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), path);
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
    }

    /// <summary>
    /// A 2×4 problem with a strictly positive solution of A x = y (so w² on (0, ∞) and every ρ on ℝ fit it).
    /// </summary>
    private const string MatrixAndData = "\"A\": [[1, 0.5, 0.2, 0.1], [0.3, 1, 0.4, 0.2]], \"y\": [1.2, 1.1]";
    private static readonly double[,] FileMatrix = { { 1, 0.5, 0.2, 0.1 }, { 0.3, 1, 0.4, 0.2 } };
    private static readonly double[] FileData = [1.2, 1.1];

    private string WriteProblem(string name, string json)
    {
        var path = PathOf(name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>max_k |(A x)_k − y_k| for the 2×4 file problem.</summary>
    private static double FileResidual(double[] x, double[]? y = null)
    {
        y ??= FileData;
        double worst = 0;
        for (int k = 0; k < FileMatrix.GetLength(0); k++)
        {
            double sum = 0;
            for (int i = 0; i < FileMatrix.GetLength(1); i++) sum += FileMatrix[k, i] * x[i];
            worst = Math.Max(worst, Math.Abs(sum - y[k]));
        }
        return worst;
    }

    // ------------------------------------------------------------------ the JSON contract

    [Fact]
    public void A_rank_deficient_consistent_system_is_predicted_on_its_independent_rows()
    {
        var path = WriteProblem("rank.json", """{"A": [[1,1,0],[2,2,0]], "y": [1,2], "init": 0.1}""");
        var json = AssertSuccess(Run("verify", "w^2", "--domain", "(0,inf)", "--problem", path, "--json")).Json();
        Assert.Contains("rank 1 < 2 rows", json.GetProperty("systemNote").GetString());
        Assert.True(json.GetProperty("agree").GetBoolean());
    }

    [Theory]
    [InlineData("w^2", "(0,inf)", "5", "left the domain")] // w steps below 0, where ρ is not a bijection
    [InlineData("exp(w)", "(-inf,inf)", "50", "diverged")] // the loss overflows
    public void Gradient_descent_says_why_it_stopped(string rho, string domain, string step, string reason)
    {
        var json = Run("verify", rho, "--domain", domain, "--method", "gd", "--step", step, "--json").Json();
        Assert.Equal(reason, json.GetProperty("stopReason").GetString());
        Assert.False(json.GetProperty("agree").GetBoolean());
    }

    [Fact]
    public void A_loss_that_overflows_stops_the_flow_with_overflow()
    {
        var path = WriteProblem("overflow.json", """{"A": [[1, 1, 2]], "y": [1e200], "init": 0.1}""");
        var json = Run("verify", "exp(w)", "--problem", path, "--json").Json();
        Assert.Equal("overflow", json.GetProperty("stopReason").GetString());
        Assert.False(json.GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void An_inconsistent_system_has_no_interpolating_solution_and_the_flow_stops_when_its_gradient_vanishes()
    {
        // two equal rows of A with different y: no x interpolates; the flow reaches the least-squares point and stops
        // there on its gradient norm instead of spending the 2 000 000 steps of the step limit
        var path = WriteProblem("inconsistent.json", """{"A": [[1,1,0],[1,1,0]], "y": [1,2], "init": 0.1}""");
        string[] args = ["w^2", "--domain", "(0,inf)", "--problem", path];
        foreach (var method in new[] { "auto", "rosenbrock", "gd" })
        {
            var json = VerifyJson(ExitCodes.Disagree, [.. args, "--method", method, "--step", "0.05"]);
            Assert.Equal("gradient vanished", json.GetProperty("stopReason").GetString());
            Assert.False(json.GetProperty("converged").GetBoolean());
            Assert.False(json.GetProperty("agree").GetBoolean());
            Assert.InRange(json.GetProperty("steps").GetInt32(), 1, 10_000);
            Assert.InRange(json.GetProperty("flowSeconds").GetDouble(), 0, 5);
            Assert.StartsWith("no interpolating solution: A x = y is inconsistent",
                json.GetProperty("systemNote").GetString());
            Assert.StartsWith("not verified: no interpolating solution", json.GetProperty("verdict").GetString());
        }
        var text = Verify(args);
        Assert.Equal(ExitCodes.Disagree, text.ExitCode);
        Assert.Equal("", text.Error);
        Assert.Contains("gradient vanished at t =", text.Out);
        Assert.Contains("no interpolating solution: A x = y is inconsistent", text.Out);
    }

    [Fact]
    public void A_failing_cross_check_is_a_line_of_the_report_not_an_exit_2()
    {
        var json = AssertSuccess(Run("verify", "exp(1000*w)", "--m", "5", "--n", "30", "--init", "0.001", "--json"))
            .Json();
        Assert.StartsWith("failed: ", json.GetProperty("primalCheckNote").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("primalCheckConverged").ValueKind);
        Assert.True(json.GetProperty("agree").GetBoolean());
    }

    [Fact]
    public void Json_has_every_contract_field_with_consistent_values()
    {
        var json = Agreeing([.. PositiveSquare, .. Small]);

        var flow = Doubles(json.GetProperty("flowLimit"));
        var prediction = Doubles(json.GetProperty("prediction"));
        Assert.Equal(20, flow.Length);
        Assert.Equal(20, prediction.Length);
        Assert.All(flow, x => Assert.True(x > 0, $"flow limit {x} left the image (0, inf)"));
        Assert.All(prediction, x => Assert.True(x > 0, $"prediction {x} outside the image (0, inf)"));

        // maxAbsDifference is max |flowLimit − prediction| (the doubles round-trip through JSON)
        double maxAbs = json.GetProperty("maxAbsDifference").GetDouble();
        Assert.InRange(maxAbs, 0, 1e-6);
        Assert.Equal(MaxAbsDifference(flow, prediction), maxAbs, 15);
        double maxRel = json.GetProperty("maxRelDifference").GetDouble();
        Assert.InRange(maxRel, 0, maxAbs); // divided by max(1, |x̂|)

        Assert.InRange(json.GetProperty("finalLoss").GetDouble(), 0, 1e-24); // the default --loss-tolerance
        Assert.Equal(JsonValueKind.Number, json.GetProperty("kktResidual").ValueKind);
        Assert.InRange(json.GetProperty("kktResidual").GetDouble(), 0, 1e-6);
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("method").GetString()));
        Assert.True(json.GetProperty("steps").GetInt32() > 0);
        Assert.True(json.GetProperty("rejectedSteps").GetInt32() >= 0);
        Assert.True(json.GetProperty("evaluations").GetInt32() >= json.GetProperty("steps").GetInt32());
        Assert.True(json.GetProperty("flowSeconds").GetDouble() > 0);
        Assert.True(json.GetProperty("flowTime").GetDouble() > 0);
        Assert.Equal(1e-6, json.GetProperty("tolerance").GetDouble());

        Assert.Equal("w^2", json.GetProperty("rho").GetString());
        Assert.Contains("w^2", json.GetProperty("reparametrization").GetString());
        Assert.Equal("dual Newton", json.GetProperty("predictionMethod").GetString());
        Assert.True(json.GetProperty("predictionIterations").GetInt32() > 0);
        Assert.InRange(json.GetProperty("predictionResidual").GetDouble(), 0, 1e-12);
        Assert.True(json.GetProperty("primalCheckConverged").GetBoolean());
        Assert.InRange(json.GetProperty("primalCheckDifference").GetDouble(), 0, 1e-9);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("conservedDrift").ValueKind); // one-variable form
        Assert.Equal(JsonValueKind.Null, json.GetProperty("gradientDescent").ValueKind); // no --step
        Assert.Equal(0, json.GetProperty("plots").GetArrayLength());

        var problem = json.GetProperty("problem");
        Assert.Equal(5, problem.GetProperty("rows").GetInt32());
        Assert.Equal(20, problem.GetProperty("columns").GetInt32());
        Assert.Equal("generated (seed 1, k = 3)", problem.GetProperty("source").GetString());
        Assert.Equal("square", problem.GetProperty("loss").GetString());
        Assert.Equal("identity", problem.GetProperty("link").GetString());

        var conditions = json.GetProperty("conditions").EnumerateArray().ToList();
        Assert.NotEmpty(conditions);
        Assert.Contains(conditions, c => c.GetProperty("name").GetString() == "strict monotonicity");
        Assert.All(conditions, c =>
        {
            Assert.Equal("holds", c.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(c.GetProperty("reason").GetString()));
        });
    }

    [Fact]
    public void Json_prediction_is_the_projection_of_the_documented_generated_problem()
    {
        // defaults: k = 3, seed 1, every w₀ = 0.1; the CLI's prediction is the library's on the same problem
        var json = Agreeing([.. PositiveSquare, .. Small]);
        var r = Reparametrization.Parse("w^2", domain: "(0,inf)");
        var problem = Problem.Generate(5, 20, 3, 1, r, 0.1, Loss.Square, Link.Identity);
        var expected = BregmanProjection.Solve(problem, r.Derive()).X;
        var prediction = Doubles(json.GetProperty("prediction"));
        Assert.True(MaxAbsDifference(expected, prediction) <= 1e-12,
            $"CLI prediction differs from the library's by {MaxAbsDifference(expected, prediction)}");
        // it interpolates: A x̂ = y
        var a = problem.Model.A.ToArray();
        var y = problem.Model.Y.ToArray();
        for (int k = 0; k < 5; k++)
        {
            double sum = 0;
            for (int i = 0; i < 20; i++) sum += a[k * 20 + i] * prediction[i];
            Assert.Equal(y[k], sum, 11);
        }
    }

    // ------------------------------------------------------------------ agreement across reparametrizations

    public static TheoryData<string, string[]> AgreeingReparametrizations => new()
    {
        { "sinh(w)", [] },
        { "exp(w)", [] },
        { "tan(w)", ["--domain", "(-pi/2,pi/2)"] },
        { "beta*sinh(w/beta)", ["--param", "beta=0.25"] },
        { "w^3+w", [] },
        { "tanh(w)", [] },
        { "-exp(-w)", [] },
        { "w^2", ["--domain", "(0,inf)", "--init", "0.5"] },
        { "sinh(w)", ["--seed", "7", "--k", "2", "--init", "-0.3"] },
    };

    [Theory]
    [MemberData(nameof(AgreeingReparametrizations))]
    public void Flow_limit_equals_the_prediction(string rho, string[] options)
    {
        var json = Agreeing([rho, .. options, .. Small]);
        Assert.Equal(rho, json.GetProperty("rho").GetString());
        Assert.Equal(20, json.GetProperty("flowLimit").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("conservedDrift").ValueKind);
        // agreement is about the numbers: tan(w) agrees although coercivity at ±∞ fails (the theorem is sufficient,
        // not necessary)
        Assert.NotEmpty(json.GetProperty("conditions").EnumerateArray());
    }

    [Fact]
    public void Difference_form_agrees_and_reports_a_small_conserved_drift()
    {
        // x = u² − v² with u₀ = v₀ = 0.1: the hyperbolic entropy, x₀ = 0, and x ranges over the whole line
        var json = Agreeing([.. PositiveSquare, "--difference", "--init", "0.1", .. Small]);
        Assert.Contains("ρ(u) − ρ(v)", json.GetProperty("reparametrization").GetString());
        var drift = json.GetProperty("conservedDrift");
        Assert.Equal(JsonValueKind.Number, drift.ValueKind);
        Assert.InRange(drift.GetDouble(), 0, 1e-6);
        var flow = Doubles(json.GetProperty("flowLimit"));
        Assert.Contains(flow, x => x < 0); // the planted x* has negative entries, which w² alone could not reach
    }

    // ------------------------------------------------------------------ methods

    [Theory]
    [InlineData("auto", "runge-kutta")]
    [InlineData("rosenbrock", "rosenbrock")]
    [InlineData("ROS3", "rosenbrock")]
    [InlineData("dual", "dual")]
    public void Every_integrator_agrees(string method, string described)
    {
        var json = Agreeing([.. PositiveSquare, .. Small, "--method", method]);
        Assert.Contains(described, json.GetProperty("method").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("rk")]
    [InlineData("dopri")]
    public void Runge_kutta_agrees_with_a_reachable_loss_tolerance(string method)
    {
        // Dormand–Prince alone runs at its stability boundary once the flow is stiff, where the error control keeps the
        // fast components at the tolerance level: with --tolerance 1e-6 (rtol 1e-8) the loss stalls near 4e-19 and the
        // default --loss-tolerance 1e-24 is never reached (2,000,000 steps, "step limit"); 1e-16 is reachable
        var json = Agreeing([.. PositiveSquare, .. Small, "--method", method, "--loss-tolerance", "1e-16"]);
        Assert.Contains("Dormand-Prince", json.GetProperty("method").GetString());
        Assert.InRange(json.GetProperty("finalLoss").GetDouble(), 0, 1e-16);
    }

    [Fact]
    public void Dual_flow_holds_the_invariant_by_construction()
    {
        var json = Agreeing([.. PositiveSquare, .. Small, "--method", "dual"]);
        Assert.Contains("dual", json.GetProperty("method").GetString());
        Assert.InRange(json.GetProperty("kktResidual").GetDouble(), 0, 1e-12); // only rounding
    }

    [Theory]
    [InlineData("gd")]
    [InlineData("gradient-descent")]
    public void Gradient_descent_is_biased_and_exits_1(string method)
    {
        var json = VerifyJson(ExitCodes.Disagree, [.. PositiveSquare, .. Small, "--method", method, "--step", "0.1"]);
        Assert.False(json.GetProperty("agree").GetBoolean());
        Assert.Contains("gradient descent", json.GetProperty("method").GetString());
        Assert.Equal("loss tolerance", json.GetProperty("stopReason").GetString()); // it converged, but elsewhere
        double maxAbs = json.GetProperty("maxAbsDifference").GetDouble();
        Assert.True(maxAbs > 1e-6, $"gradient descent with η = 0.1 landed within {maxAbs} of the prediction");
        Assert.StartsWith("disagree", json.GetProperty("verdict").GetString());

        var gd = json.GetProperty("gradientDescent");
        Assert.Equal(JsonValueKind.Object, gd.ValueKind);
        Assert.Equal(0.1, gd.GetProperty("step").GetDouble());
        Assert.True(gd.GetProperty("iterations").GetInt32() > 0);
        Assert.Equal(json.GetProperty("steps").GetInt32(), gd.GetProperty("iterations").GetInt32());
        Assert.Equal("loss tolerance", gd.GetProperty("stopReason").GetString());
        Assert.InRange(gd.GetProperty("finalLoss").GetDouble(), 0, 1e-24);
        double distance = gd.GetProperty("distance").GetDouble();
        Assert.True(distance > 0);
        // its distance is to the flow's limit, which is within 1e-6 of the prediction
        Assert.True(Math.Abs(distance - maxAbs) <= 1e-6, $"distance {distance} vs max difference {maxAbs}");
    }

    [Fact]
    public void Step_with_the_flow_reports_gradient_descent_whose_bias_shrinks_with_the_step()
    {
        double DistanceAt(string step)
        {
            var json = Agreeing([.. PositiveSquare, .. Small, "--step", step]);
            // the run itself is the flow
            Assert.DoesNotContain("gradient descent", json.GetProperty("method").GetString());
            var gd = json.GetProperty("gradientDescent");
            Assert.Equal(JsonValueKind.Object, gd.ValueKind);
            Assert.Equal(double.Parse(step, CultureInfo.InvariantCulture), gd.GetProperty("step").GetDouble());
            Assert.Equal("loss tolerance", gd.GetProperty("stopReason").GetString());
            return gd.GetProperty("distance").GetDouble();
        }
        double coarse = DistanceAt("0.1"), fine = DistanceAt("0.025");
        Assert.True(fine > 0, "gradient descent with a finite step should not land exactly on the flow's limit");
        Assert.True(fine < coarse, $"distance {fine} at η = 0.025 is not below {coarse} at η = 0.1");
        // the bias is O(η): a four times smaller step gives a distance two to eight times smaller
        Assert.InRange(coarse / fine, 2, 8);
    }

    // ------------------------------------------------------------------ links

    [Theory]
    [InlineData("sinh(w)", "sigmoid")]
    [InlineData("sinh(w)", "tanh")]
    [InlineData("sinh(w)", "softplus")]
    [InlineData("sinh(w)", "z+z^3")]
    [InlineData("w^2", "sigmoid")]
    public void The_link_changes_the_speed_not_the_limit(string rho, string link)
    {
        string[] domain = rho == "w^2" ? ["--domain", "(0,inf)"] : [];
        var identity = Agreeing([rho, .. domain, .. Small, "--seed", "3", "--link", "identity"]);
        var other = Agreeing([rho, .. domain, .. Small, "--seed", "3", "--link", link]);
        Assert.Equal("identity", identity.GetProperty("problem").GetProperty("link").GetString());
        Assert.NotEqual("identity", other.GetProperty("problem").GetProperty("link").GetString());
        double gap = MaxAbsDifference(
            Doubles(identity.GetProperty("prediction")), Doubles(other.GetProperty("prediction")));
        Assert.True(gap <= 1e-9, $"the predictions with the identity and the {link} link differ by {gap}");
        double flowGap = MaxAbsDifference(
            Doubles(identity.GetProperty("flowLimit")), Doubles(other.GetProperty("flowLimit")));
        Assert.True(flowGap <= 2e-6, $"the flow limits with the identity and the {link} link differ by {flowGap}");
    }

    // ------------------------------------------------------------------ problem files

    [Theory]
    [InlineData("w^2", "(0,inf)")]
    [InlineData("sinh(w)", null)]
    [InlineData("exp(w)", null)]
    public void Problem_files_with_w0_x0_or_init_verify(string rho, string? domain)
    {
        string[] options = domain is null ? [rho] : [rho, "--domain", domain];
        // x0 = w0² for w^2; for the others x0 is converted by ρ⁻¹
        var w0 = WriteProblem("w0.json", $$"""{{{MatrixAndData}}, "w0": [0.1, 0.2, 0.3, 0.1]}""");
        var x0 = WriteProblem("x0.json", $$"""
            {
              // comments and trailing commas are allowed
              {{MatrixAndData}},
              "x0": [0.01, 0.04, 0.09, 0.01],
            }
            """);
        var init = WriteProblem("init.json", $$"""{{{MatrixAndData}}, "init": 0.5, "name": "2×4 demo"}""");
        foreach (var path in new[] { w0, x0, init })
        {
            var json = Agreeing([.. options, "--problem", path]);
            var problem = json.GetProperty("problem");
            Assert.Equal(2, problem.GetProperty("rows").GetInt32());
            Assert.Equal(4, problem.GetProperty("columns").GetInt32());
            Assert.Equal($"file {path}", problem.GetProperty("source").GetString());
            var prediction = Doubles(json.GetProperty("prediction"));
            Assert.Equal(4, prediction.Length);
            Assert.True(FileResidual(prediction) <= 1e-12,
                $"{Path.GetFileName(path)}: A x̂ − y = {FileResidual(prediction)}");
            Assert.True(FileResidual(Doubles(json.GetProperty("flowLimit"))) <= 1e-9);
        }
        if (rho == "w^2")
        {
            // x0 = w0² entrywise: the same start, so the same projection
            var fromW = Doubles(Agreeing([.. options, "--problem", w0]).GetProperty("prediction"));
            var fromX = Doubles(Agreeing([.. options, "--problem", x0]).GetProperty("prediction"));
            Assert.True(MaxAbsDifference(fromW, fromX) <= 1e-12);
        }
    }

    [Fact]
    public void Problem_file_with_a_sigmoid_link_verifies()
    {
        var path = WriteProblem("sigmoid.json",
            """{"A": [[1, 0.5, 0.2, 0.1], [0.3, 1, 0.4, 0.2]], "y": [0.7, 0.6], "init": 0.2}""");
        var json = Agreeing("sinh(w)", "--problem", path, "--link", "sigmoid");
        Assert.Equal("sigmoid", json.GetProperty("problem").GetProperty("link").GetString());
        // the constraints are A x = logit(y)
        double[] logits = [Math.Log(0.7 / 0.3), Math.Log(0.6 / 0.4)];
        Assert.True(FileResidual(Doubles(json.GetProperty("prediction")), logits) <= 1e-12);
    }

    [Fact]
    public void Difference_form_with_a_problem_file_takes_init_from_the_option()
    {
        // with --difference, --init is the u₀ = v₀ of the derivation and may be given with --problem
        var path = WriteProblem("difference.json", $$"""{{{MatrixAndData}}, "init": 0.5}""");
        var json = Agreeing([.. PositiveSquare, "--difference", "--init", "0.5", "--problem", path]);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("conservedDrift").ValueKind);
        Assert.InRange(json.GetProperty("conservedDrift").GetDouble(), 0, 1e-6);
        Assert.True(FileResidual(Doubles(json.GetProperty("prediction"))) <= 1e-12);
        // without "init" in the file, --init is used everywhere
        var bare = WriteProblem("bare.json", $$"""{{{MatrixAndData}}}""");
        Agreeing([.. PositiveSquare, "--difference", "--init", "0.5", "--problem", bare]);
    }

    [Fact]
    public void Difference_form_with_a_problem_file_takes_init_from_the_file()
    {
        var path = WriteProblem("difference-init.json", $$"""{{{MatrixAndData}}, "init": 0.5}""");
        Agreeing([.. PositiveSquare, "--difference", "--problem", path]);
    }

    // ------------------------------------------------------------------ exit 1

    [Fact]
    public void Explicit_runge_kutta_reports_a_stall_instead_of_spending_the_step_limit()
    {
        // at the default loss tolerance the explicit method sits at its stability boundary near loss 1e-18
        var json = VerifyJson(ExitCodes.Disagree, ["sinh(w)", .. Small, "--method", "rk"]);
        Assert.Equal("stalled", json.GetProperty("stopReason").GetString());
        Assert.True(json.GetProperty("steps").GetInt32() < 100_000);
        Assert.Contains("--method auto", json.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Step_limit_exits_1_and_says_so()
    {
        var json = VerifyJson(ExitCodes.Disagree, [.. PositiveSquare, .. Small, "--max-steps", "5"]);
        Assert.False(json.GetProperty("agree").GetBoolean());
        Assert.False(json.GetProperty("converged").GetBoolean());
        Assert.Equal("step limit", json.GetProperty("stopReason").GetString());
        Assert.Equal(5, json.GetProperty("steps").GetInt32());
        var verdict = json.GetProperty("verdict").GetString();
        Assert.Contains("step limit", verdict);
        Assert.Contains("not verified", verdict);
        Assert.DoesNotContain("theorem does not apply", verdict); // every condition holds
        // the prediction itself is still there and converged
        Assert.Equal(20, json.GetProperty("prediction").GetArrayLength());
        Assert.InRange(json.GetProperty("predictionResidual").GetDouble(), 0, 1e-12);

        var text = Verify([.. PositiveSquare, .. Small, "--max-steps", "5"]);
        Assert.Equal(ExitCodes.Disagree, text.ExitCode);
        Assert.Equal("", text.Error);
        Assert.Contains("step limit", text.Out);
    }

    [Fact]
    public void Time_limit_exits_1()
    {
        var json = VerifyJson(ExitCodes.Disagree, [.. PositiveSquare, .. Small, "--max-time", "0.5"]);
        Assert.Equal("time limit", json.GetProperty("stopReason").GetString());
        Assert.Equal(0.5, json.GetProperty("flowTime").GetDouble(), 12);
        Assert.Contains("time limit", json.GetProperty("verdict").GetString());
    }

    [Fact]
    public void A_failing_theorem_condition_exits_1_and_says_the_theorem_does_not_apply()
    {
        // ρ = w^(2/p) with p = 1.5 gives an ℓ_p-like potential that is not coercive at 0: the theorem does not apply
        string[] args = ["w^(2/p)", "--param", "p=1.5", "--domain", "(0,inf)", .. Small];
        var json = VerifyJson(ExitCodes.Disagree, args);
        Assert.False(json.GetProperty("agree").GetBoolean());
        var verdict = json.GetProperty("verdict").GetString();
        Assert.Contains("the theorem does not apply", verdict);
        var failing = json.GetProperty("conditions").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "fails").ToList();
        Assert.NotEmpty(failing);
        Assert.All(failing, c => Assert.Contains(c.GetProperty("name").GetString()!, verdict));
        Assert.Contains(failing,
            c => c.GetProperty("name").GetString()!.StartsWith("coercivity", StringComparison.Ordinal));

        var text = Verify(args);
        Assert.Equal(ExitCodes.Disagree, text.ExitCode);
        Assert.Equal("", text.Error);
        Assert.Contains("the theorem does not apply", text.Out);
        Assert.Contains("fails: ", text.Out); // the "theorem conditions" row
    }

    [Theory]
    [InlineData("sinh(w)", "--m", "6", "--n", "18", "--k", "0", "--seed", "1", "--init", "0.5")]
    [InlineData("exp(w)", "--m", "5", "--n", "20", "--k", "20", "--seed", "1", "--init", "0.1")]
    [InlineData("w^2", "--domain", "(0,inf)", "--m", "5", "--n", "20", "--k", "20", "--seed", "29", "--init", "0.1")]
    public void Dual_newton_converges_at_the_rounding_level(params string[] args)
    {
        // regression: once the dual objective's rounding hid its increase, the line search rejected the full Newton
        // step and the prediction stalled at a residual ~1e-13 for 100 iterations ("prediction did not converge",
        // exit 1)
        var json = Agreeing(args);
        Assert.InRange(json.GetProperty("predictionResidual").GetDouble(), 0, 1e-12);
        Assert.True(json.GetProperty("predictionIterations").GetInt32() < 100);
    }

    // ------------------------------------------------------------------ exit 2

    public static TheoryData<string[], string[]> BadInputs => new()
    {
        { ["w^2", .. Small], ["strict monotonicity", "turning point", "w^2"] },
        { ["sinh(w)", .. Small, "--method", "newton"], ["--method 'newton'", "auto, rk, rosenbrock, dual or gd"] },
        { ["sinh(w)", .. Small, "--method", "gd"], ["--method gd", "--step"] },
        { ["sinh(w)", .. Small, "--method", "gd", "--step", "-0.1"], ["--step must be a positive number"] },
        { ["sinh(w)", .. Small, "--step", "0"], ["--step must be a positive number"] },
        { ["w^2", "--domain", "(0,inf)", .. Small, "--init", "-1"], ["init = -1", "outside the domain (0, inf)"] },
        { ["w^2", "--domain", "(0,inf)", .. Small, "--init", "0"], ["init = 0", "outside the domain"] },
        { ["tan(w)", "--domain", "(-pi/2,pi/2)", .. Small, "--init", "2"], ["init = 2", "outside the domain"] },
        { ["w^2", "--domain", "(0,inf)", .. Small, "--init", "abc"], ["--init"] },
        { ["sinh(w)", "--m", "0", "--n", "20"], ["M ≥ 1", "M = 0"] },
        { ["sinh(w)", "--m", "5", "--n", "0"], ["N = 0"] },
        { ["sinh(w)", .. Small, "--k", "30"], ["sparsity k = 30"] },
        { ["sinh(w)", .. Small, "--tolerance", "0"], ["--tolerance must be a positive number"] },
        { ["sinh(w)", .. Small, "--tolerance", "-1e-6"], ["--tolerance must be a positive number"] },
        { ["sinh(w)", .. Small, "--loss-tolerance", "-1"], ["--loss-tolerance"] },
        { ["sinh(w)", .. Small, "--max-steps", "0"], ["--max-steps must be at least 1"] },
        { ["sinh(w)", .. Small, "--max-time", "0"], ["--max-time must be a positive number"] },
        { ["sinh(w)", .. Small, "--link", "cos(z)"], ["cos(z)", "not strictly increasing"] },
        { ["sinh(w)", .. Small, "--link", "-z"], ["not strictly increasing"] },
        { ["sinh(w)", .. Small, "--link", "nonsense"], ["unknown link 'nonsense'"] },
        { ["sinh(w)", .. Small, "--loss", "nonsense"], ["unknown loss 'nonsense'"] },
        { ["beta*sinh(w/beta)", .. Small], ["beta", "without values"] },
        { ["sinh(w", .. Small], ["column"] },
        { ["sinh(w)", "--domain", "(1,0)", .. Small], ["domain"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_with_one_error_line(string[] args, string[] fragments)
    {
        var error = AssertBadInput(Verify(args));
        foreach (var fragment in fragments) Assert.Contains(fragment, error);
    }

    [Theory]
    [InlineData("out.pdf")]
    [InlineData("out")]
    [InlineData("out.svg.txt")]
    public void Plot_with_a_bad_extension_is_bad_input_before_any_work(string name)
    {
        var error = AssertBadInput(Verify(["sinh(w)", .. Small, "--plot", PathOf(name)]));
        Assert.Contains(".svg or .png", error);
        // FlowPlots.FormatOf is shared with ibias plot, so the message currently says --out although the user typed
        // --plot
        Assert.True(error.Contains("--plot", StringComparison.Ordinal)
            || error.Contains("--out", StringComparison.Ordinal), error);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Bad_problem_files_are_bad_input_naming_the_entry()
    {
        string A(string file) => AssertBadInput(Verify("sinh(w)", "--problem", PathOf(file)));

        var missing = A("missing.json");
        Assert.Contains("cannot read the problem file", missing);
        Assert.Contains("missing.json", missing);

        WriteProblem("ragged.json", """{"A": [[1, 2, 3], [1, 2]], "y": [1, 2], "w0": [0.1, 0.1, 0.1]}""");
        Assert.Contains("row 1 of A has 2 entries, expected 3", A("ragged.json"));

        WriteProblem("short-y.json", """{"A": [[1, 2, 3], [1, 0, 2]], "y": [1], "init": 0.1}""");
        Assert.Contains("y has 1 entries, expected 2", A("short-y.json"));

        WriteProblem("nan.json", """{"A": [[1, 2, 3], [1, "x", 2]], "y": [1, 2], "init": 0.1}""");
        Assert.Contains("A[1][1]", A("nan.json"));

        WriteProblem("typo.json", """{"A": [[1, 2, 3]], "y": [1], "wO": [0.1, 0.1, 0.1]}""");
        Assert.Contains("unknown field \"wO\"", A("typo.json"));

        WriteProblem("broken.json", """{"A": [[1, 2, 3]], "y": [1], """);
        Assert.Contains("not valid JSON", A("broken.json"));

        WriteProblem("no-start.json", """{"A": [[1, 2, 3]], "y": [1]}""");
        Assert.Contains("initial point", A("no-start.json"));

        // y outside the range (0, 1) of the sigmoid link
        var sigmoid = WriteProblem("sigmoid.json", """{"A": [[1, 2, 3], [1, 0, 2]], "y": [1.5, 0.5], "init": 0.1}""");
        Assert.Contains("y[0] = 1.5 is outside the range (0, 1)",
            AssertBadInput(Verify("sinh(w)", "--problem", sigmoid, "--link", "sigmoid")));

        // x0 outside the image (0, inf) of w^2
        var negative = WriteProblem("negative.json", """{"A": [[1, 2, 3]], "y": [1], "x0": [0.1, -0.5, 0.2]}""");
        Assert.Contains("x0[1]", AssertBadInput(Verify("w^2", "--domain", "(0,inf)", "--problem", negative)));

        // w0 outside the domain
        var outside = WriteProblem("outside.json", """{"A": [[1, 2, 3]], "y": [1], "w0": [0.1, 0.2, -0.3]}""");
        Assert.Contains("w0[2] = -0.3 is outside the domain",
            AssertBadInput(Verify("w^2", "--domain", "(0,inf)", "--problem", outside)));
    }

    /// <summary>Problem-file starts that --init 0.2 overrides, with the options of the ρ they are for.</summary>
    public static TheoryData<string, string[]> OverriddenStarts => new()
    {
        { "\"init\": 0.5", ["sinh(w)"] },
        { "\"w0\": [0.5, 0.4, 0.3, 0.2]", ["sinh(w)"] },
        { "\"x0\": [0.5, 0.4, 0.3, 0.2]", ["sinh(w)"] },
        { "\"w0\": [-0.5, 0.4, 0.3, 0.2]", [.. PositiveSquare] }, // outside the domain, but overridden
        { "", ["sinh(w)"] },
        { "\"init\": 0.5", [.. PositiveSquare, "--difference"] },
        { "\"u0\": [0.5, 0.5, 0.5, 0.5], \"v0\": [0.3, 0.3, 0.3, 0.3]", [.. PositiveSquare, "--difference"] },
    };

    [Theory]
    [MemberData(nameof(OverriddenStarts))]
    public void Init_overrides_the_start_a_problem_file_gives(string start, string[] rho)
    {
        // the prediction is the projection of x₀ = ρ(0.2), as from a file whose "init" is 0.2
        var file = WriteProblem("start.json",
            start.Length == 0 ? $$"""{{{MatrixAndData}}}""" : $$"""{{{MatrixAndData}}, {{start}}}""");
        var reference = WriteProblem("reference.json", $$"""{{{MatrixAndData}}, "init": 0.2}""");
        var expected = Doubles(Agreeing([.. rho, "--problem", reference]).GetProperty("prediction"));
        var overridden = Agreeing([.. rho, "--problem", file, "--init", "0.2"]);
        Assert.Equal(expected, Doubles(overridden.GetProperty("prediction")));
    }

    [Fact]
    public void Help_says_that_init_overrides_the_problem_file()
    {
        var help = AssertSuccess(Verify("--help")).Out;
        Assert.Contains("With --problem it overrides the file's", help);
        Assert.Contains("--init overrides them", help);
    }

    // ------------------------------------------------------------------ text report

    [Fact]
    public void Text_report_has_the_summary_rows_and_the_coordinates()
    {
        var run = AssertSuccess(Verify([.. PositiveSquare, .. Small]));
        foreach (var row in new[] { "method", "stopped by", "loss tolerance", "prediction", "dual Newton",
                     "primal Newton cross-check", "max |x_flow − x_prediction|", "KKT residual of the flow limit",
                     "theorem conditions", "none fails", "verdict", "agree (tolerance 1E-06)",
                     "largest predicted coordinates" })
            Assert.Contains(row, run.Out);
        Assert.Contains("5×20", run.Out);
        Assert.DoesNotContain("gradient descent", run.Out);
        Assert.DoesNotContain("drift", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out); // no ANSI escapes in captured output
    }

    [Fact]
    public void An_agreeing_run_with_a_failing_condition_says_the_conditions_are_sufficient_not_necessary()
    {
        // tan on (−π/2, π/2) is not coercive (∫ρ/ρ′ dw → 1/2 at both ends), yet the flow lands on the prediction
        var run = AssertSuccess(Verify(["tan(w)", "--domain", "(-pi/2,pi/2)", .. Small]));
        Assert.Contains("fails: coercivity at x → −∞", run.Out);
        Assert.Contains("agree (tolerance 1E-06), although coercivity at x → −∞, coercivity at x → ∞ fails:", run.Out);
        Assert.Contains("sufficient, not necessary", run.Out);
    }

    [Fact]
    public void Coordinates_count_from_0_in_the_table_and_the_plot_legend_as_in_json()
    {
        var path = PathOf("coordinates.svg");
        string[] args = [.. PositiveSquare, .. Small, "--plot", path];
        var prediction = Doubles(Agreeing(args).GetProperty("prediction"));
        int largest = Array.IndexOf(prediction, prediction.MaxBy(Math.Abs));
        var lines = AssertSuccess(Verify(args)).Out.Split('\n');
        // the coordinate table: its title, the top border, the header and the rule, then the largest coordinate
        var rows = lines.SkipWhile(l => !l.Contains("largest predicted coordinates")).Skip(4).ToList();
        Assert.StartsWith($"│ {largest} ", rows[0]);
        Assert.Matches($">\\s*x{largest}\\s*<", File.ReadAllText(path));
        var indices = rows.TakeWhile(l => l.StartsWith('│'))
            .Select(l => int.Parse(l.Split('│')[1], CultureInfo.InvariantCulture));
        Assert.All(indices, i => Assert.InRange(i, 0, prediction.Length - 1));
    }

    [Fact]
    public void Text_report_adds_gradient_descent_and_drift_rows_when_they_apply()
    {
        var run = AssertSuccess(Verify(
            [.. PositiveSquare, .. Small, "--difference", "--init", "0.1", "--step", "0.05"]));
        Assert.Contains("drift of Φ(u) + Φ(v)", run.Out);
        Assert.Contains("gradient descent", run.Out);
        Assert.Contains("iterations, loss tolerance; distance to the", run.Out); // the cell wraps at the table width
        Assert.Contains("agree", run.Out);
    }

    // ------------------------------------------------------------------ plots

    [Fact]
    public void Plot_svg_writes_trajectories_and_loss()
    {
        var path = PathOf("out.svg");
        var json = Agreeing([.. PositiveSquare, .. Small, "--plot", path]);
        var plots = json.GetProperty("plots").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(new[] { path, PathOf("out-loss.svg") }, plots);
        AssertSvg(path);
        AssertSvg(PathOf("out-loss.svg"));
        Assert.Contains("flow time t", File.ReadAllText(path));
        Assert.Contains("loss", File.ReadAllText(PathOf("out-loss.svg")));
    }

    [Fact]
    public void Plot_png_writes_both_files_and_the_text_report_lists_them()
    {
        var path = PathOf("out.png");
        var run = AssertSuccess(Verify([.. PositiveSquare, .. Small, "--plot", path]));
        AssertPng(path);
        AssertPng(PathOf("out-loss.png"));
        Assert.Contains($"wrote {path}", run.Out);
        Assert.Contains($"wrote {PathOf("out-loss.png")}", run.Out);
    }

    [Fact]
    public void Plot_of_gradient_descent_is_against_iterations()
    {
        var path = PathOf("gd.svg");
        var json = VerifyJson(ExitCodes.Disagree,
            [.. PositiveSquare, .. Small, "--method", "gd", "--step", "0.1", "--plot", path]);
        Assert.Equal(2, json.GetProperty("plots").GetArrayLength());
        AssertSvg(path);
        AssertSvg(PathOf("gd-loss.svg"));
        Assert.Contains("iterations", File.ReadAllText(path));
    }
}
