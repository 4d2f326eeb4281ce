using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Models;

public class ProblemTests
{
    private static readonly Reparametrization Square = Reparametrization.Parse("w^2", "w", "(0,inf)");
    private static readonly Reparametrization Difference =
        Reparametrization.Parse("w^2", "w", "(0,inf)").Difference(0.1, 0.1);

    private const string Data = """ "A": [[1, 0, 1], [0, 1, 1]], "y": [1, 2] """;

    private static Problem Load(string fields, Reparametrization? r = null, Link? link = null) =>
        Problem.FromJson("{" + fields + "}", r ?? Square, Loss.Square, link ?? Link.Identity);

    [Fact]
    public void Loads_w0()
    {
        var p = Load(Data + """, "w0": [0.5, 0.25, 2] """);
        Assert.Equal(2, p.Model.Rows);
        Assert.Equal(3, p.Model.Columns);
        Assert.Equal([1.0, 0, 1, 0, 1, 1], p.Model.A.ToArray());
        Assert.Equal([1.0, 2], p.Model.Targets);
        Assert.Equal([0.5, 0.25, 2], p.W0);
        Assert.Equal([0.25, 0.0625, 4], p.X0);
        Assert.Null(p.V0);
        Assert.Null(p.Truth);
        Assert.Same(Square, p.Reparametrization);
    }

    [Fact]
    public void Loads_x0_through_the_inverse_of_rho()
    {
        var p = Load(Data + """, "x0": [0.04, 0.09, 1e-8] """);
        Numeric.Close(0.2, p.W0[0], 1e-15);
        Numeric.Close(0.3, p.W0[1], 1e-15);
        Numeric.Close(1e-4, p.W0[2], 1e-15);
        Numeric.Close(1e-8, p.X0[2], 1e-20);
        // a ρ without an elementary inverse goes through the numeric inverse
        var cubic = Reparametrization.Parse("w^3 + w");
        var q = Load(Data + """, "x0": [2, -10, 0.5] """, cubic);
        for (int n = 0; n < 3; n++)
            Numeric.Close(new[] { 2.0, -10, 0.5 }[n], Math.Pow(q.W0[n], 3) + q.W0[n], 1e-13);
    }

    [Fact]
    public void Loads_a_scalar_init_and_a_truth()
    {
        var p = Load(Data + """, "init": 0.1, "truth": [1, 2, 0], "name": "tiny" """);
        Assert.All(p.W0, w => Assert.Equal(0.1, w));
        Assert.All(p.X0, x => Numeric.Close(0.01, x, 1e-17));
        Assert.Equal([1.0, 2, 0], p.Truth!);
    }

    [Fact]
    public void Loads_the_two_variable_form()
    {
        var p = Load(Data + """, "init": 0.2 """, Difference);
        Assert.All(p.W0, w => Assert.Equal(0.2, w));
        Assert.All(p.V0!, v => Assert.Equal(0.2, v));
        Assert.All(p.X0, x => Assert.Equal(0, x));

        var q = Load(Data + """, "u0": [1, 2, 3], "v0": [0.5, 0.5, 0.5] """, Difference);
        Assert.Equal([1.0, 2, 3], q.W0);
        Assert.Equal([0.5, 0.5, 0.5], q.V0!);
        Assert.Equal([0.75, 3.75, 8.75], q.X0);

        // without init the reparametrization's own u₀ = v₀ = 0.1
        var r = Load(Data, Difference);
        Assert.All(r.W0, w => Assert.Equal(0.1, w));
        Assert.All(r.V0!, v => Assert.Equal(0.1, v));
    }

    [Fact]
    public void Accepts_links_and_comments()
    {
        var p = Problem.FromJson("""
            // a sigmoid problem
            { "A": [[1, 2]], "y": [0.25], "init": 1, }
            """, Reparametrization.Parse("sinh(w)"), Loss.LogCosh, Link.Sigmoid);
        Numeric.Close(Math.Log(1.0 / 3), p.Model.Targets[0], 1e-15);
        Assert.Same(Loss.LogCosh, p.Model.Loss);
    }

    public static TheoryData<string, string> BadProblems => new()
    {
        { """ "A": [[1, 0, 1], [0, 1, "NaN"]], "y": [1, 2], "init": 1 """,
            "A[1][2] is not a finite number (found the string \"NaN\")" },
        { """ "A": [[1, 1e400, 1], [0, 1, 1]], "y": [1, 2], "init": 1 """, "A[0][1] is not a finite number (1e400)" },
        { """ "A": [[1, 0, 1], [0, 1]], "y": [1, 2], "init": 1 """, "row 1 of A has 2 entries, expected 3" },
        { """ "A": [[1, 0, 1], 3], "y": [1, 2], "init": 1 """, "row 1 of A is not an array of numbers (found 3)" },
        { """ "A": [[]], "y": [1], "init": 1 """, "row 0 of A has no entries" },
        { """ "A": [], "y": [], "init": 1 """, "A has no rows" },
        { """ "A": {"rows": 2}, "y": [1, 2], "init": 1 """,
            "\"A\" must be an array of rows (arrays of numbers), found an object" },
        { Data + """, "y": [1] """, "the field \"y\" appears twice in the problem" },
        { """ "A": [[1, 0, 1], [0, 1, 1]], "y": [1], "init": 1 """, "y has 1 entries, expected 2 (one per row of A)" },
        { """ "A": [[1, 0, 1], [0, 1, 1]], "y": [1, null], "init": 1 """, "y[1] is not a finite number (found null)" },
        { Data + """, "w0": [1, 2] """, "w0 has 2 entries, expected 3 (one per column of A)" },
        { Data + """, "w0": [1, 2, -0.5] """, "w0[2] = -0.5 is outside the domain (0, inf) of w" },
        { Data + """, "w0": [1, true, 1] """, "w0[1] is not a finite number (found true)" },
        { Data + """, "init": 0 """, "init = 0 is outside the domain (0, inf) of w" },
        { Data + """, "init": [1] """, "init is not a finite number (found an array)" },
        { Data + """, "x0": [1, -1, 1] """, "x0[1] = -1 is outside the image (0, inf) of ρ(w) = w^2 on (0, inf)" },
        { Data + """, "w0": [1, 1, 1], "init": 1 """,
            "give only one of \"w0\", \"x0\" and \"init\" (found \"w0\" and \"init\")" },
        { Data, "the problem needs the initial point: \"w0\" (an array), \"x0\" (an array) or \"init\" (a number)" },
        { Data + """, "u0": [1, 1, 1] """, "\"u0\" is for the two-variable form" },
        { Data + """, "w_0": [1, 1, 1] """, "unknown field \"w_0\" in the problem" },
        { """ "y": [1], "init": 1 """, "the problem has no \"A\"" },
        { """ "A": [[1]], "init": 1 """, "the problem has no \"y\"" },
        { Data + """, "init": 1, """ + "\"oops\"", "the problem is not valid JSON" },
    };

    [Theory, MemberData(nameof(BadProblems))]
    public void Bad_problems_name_the_offending_entry(string fields, string message)
    {
        var e = Assert.ThrowsAny<SymbolicException>(() => Load(fields));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Bad_problems_of_other_kinds()
    {
        Assert.Equal("y[1] = 2 is outside the range (0, 1) of the sigmoid link",
            Assert.ThrowsAny<SymbolicException>(
                () => Load(""" "A": [[1, 0], [0, 1]], "y": [0.5, 2], "init": 1 """, link: Link.Sigmoid)).Message);
        Assert.Contains("must be a JSON object",
            Assert.ThrowsAny<SymbolicException>(
                () => Problem.FromJson("[1]", Square, Loss.Square, Link.Identity)).Message);
        Assert.Contains("has parameters without values: beta",
            Assert.ThrowsAny<SymbolicException>(
                () => Load(Data + """, "init": 1 """, Reparametrization.Parse("beta*sinh(w/beta)"))).Message);
        Assert.Equal("u0[1] = -1 is outside the domain (0, inf) of w",
            Assert.ThrowsAny<SymbolicException>(
                () => Load(Data + """, "u0": [1, -1, 1], "v0": [1, 1, 1] """, Difference)).Message);
        Assert.Contains("needs both \"u0\" and \"v0\"",
            Assert.ThrowsAny<SymbolicException>(() => Load(Data + """, "u0": [1, 1, 1] """, Difference)).Message);
        Assert.Contains("\"x0\" does not determine the start of the two-variable form",
            Assert.ThrowsAny<SymbolicException>(() => Load(Data + """, "x0": [1, 1, 1] """, Difference)).Message);
    }

    // ---------------- generated problems ----------------

    [Fact]
    public void Generation_is_reproducible()
    {
        var p = Problem.Generate(8, 30, 3, 42, Square, 0.01, Loss.Square, Link.Identity);
        var q = Problem.Generate(8, 30, 3, 42, Square, 0.01, Loss.Square, Link.Identity);
        var other = Problem.Generate(8, 30, 3, 43, Square, 0.01, Loss.Square, Link.Identity);
        Assert.Equal(p.Model.A.ToArray(), q.Model.A.ToArray());
        Assert.Equal(p.Model.Y.ToArray(), q.Model.Y.ToArray());
        Assert.Equal(p.Truth, q.Truth);
        Assert.NotEqual(p.Model.A.ToArray(), other.Model.A.ToArray());
        Assert.NotEqual(p.Truth, other.Truth);
    }

    public static TheoryData<string, string, string> Families => new()
    {
        { "w^2", "(0,inf)", "identity" },
        { "w^2", "(0,inf)", "sigmoid" },
        { "sinh(w)", "(-inf,inf)", "identity" },
        { "sinh(w)", "(-inf,inf)", "tanh" },
        { "tanh(w)", "(-inf,inf)", "identity" },
        { "exp(w)", "(-inf,inf)", "softplus" },
        { "1 + w^2", "(0,inf)", "identity" },
        { "-1/w", "(0,inf)", "exp" },
    };

    [Theory, MemberData(nameof(Families))]
    public void The_planted_solution_interpolates_and_lies_in_the_image(string rho, string domain, string linkName)
    {
        var r = Reparametrization.Parse(rho, "w", domain);
        var link = Link.Parse(linkName);
        const int m = 12, n = 40, k = 4;
        double init = domain == "(0,inf)" ? 0.5 : 0.3;
        var p = Problem.Generate(m, n, k, 7, r, init, Loss.Square, link);
        var truth = p.Truth!;
        var ax = new double[m];
        LinearAlgebra.Multiply(p.Model.A, m, n, truth, ax);
        for (int i = 0; i < m; i++) Numeric.Close(ax[i], p.Model.Targets[i], 1e-10, $"(A x*)[{i}]");

        var rhoOf = r.Rho.Compile("w");
        Assert.All(p.W0, w => Assert.Equal(init, w));
        Assert.All(p.X0, x => Assert.Equal(rhoOf(init), x));
        // x* − (0 or x₀) has exactly k non-zero entries, each inside the image of ρ
        double offSupport = rho == "1 + w^2" ? rhoOf(init) : 0;
        var support = truth.Where(x => x != offSupport).ToArray();
        Assert.Equal(k, support.Length);
        foreach (var x in support)
        {
            switch (rho)
            {
                case "w^2" or "exp(w)": Assert.InRange(x, 1, double.MaxValue); break;
                case "sinh(w)": Assert.InRange(Math.Abs(x), 0.5, double.MaxValue); break;
                case "tanh(w)": Assert.InRange(Math.Abs(x), 0.2, 0.8); break;
                case "1 + w^2": Assert.InRange(x, 2, double.MaxValue); break;
                case "-1/w": Assert.InRange(x, double.MinValue, -1); break;
            }
        }
    }

    [Fact]
    public void Generated_matrices_are_scaled_by_one_over_root_m()
    {
        var p = Problem.Generate(25, 400, 0, 1, Square, 1, Loss.Square, Link.Identity);
        double meanSquare = 0;
        foreach (var a in p.Model.A) meanSquare += a * a;
        meanSquare /= 25 * 400;
        Assert.InRange(meanSquare * 25, 0.95, 1.05);
        Assert.All(p.Truth!, x => Assert.Equal(0, x));
    }

    [Fact]
    public void Generates_two_variable_problems()
    {
        var p = Problem.Generate(6, 20, 3, 5, Difference, 0.1, Loss.Square, Link.Identity);
        Assert.All(p.W0, w => Assert.Equal(0.1, w));
        Assert.All(p.V0!, v => Assert.Equal(0.1, v));
        Assert.All(p.X0, x => Assert.Equal(0, x));
        var support = p.Truth!.Where(x => x != 0).ToArray();
        Assert.Equal(3, support.Length);
        Assert.All(support, x => Assert.InRange(Math.Abs(x), 0.5, double.MaxValue));
    }

    [Fact]
    public void Generation_validates_its_arguments()
    {
        Assert.Equal("init = -1 is outside the domain (0, inf) of w",
            Assert.Throws<SymbolicException>(
                () => Problem.Generate(5, 10, 2, 1, Square, -1, Loss.Square, Link.Identity)).Message);
        Assert.Contains("sparsity k = 11",
            Assert.Throws<SymbolicException>(
                () => Problem.Generate(5, 10, 11, 1, Square, 1, Loss.Square, Link.Identity)).Message);
        Assert.Contains("M ≥ 1",
            Assert.Throws<SymbolicException>(
                () => Problem.Generate(0, 10, 1, 1, Square, 1, Loss.Square, Link.Identity)).Message);
        Assert.Contains("not a finite number",
            Assert.Throws<SymbolicException>(
                () => Problem.Generate(5, 10, 1, 1, Square, double.NaN, Loss.Square, Link.Identity)).Message);
    }

    private static LinearModel TwoByThree() => new([1, 0, 2, 0, 1, -1], 2, 3, [3, 1], Loss.Square, Link.Identity);

    [Fact]
    public void Arrays_give_the_same_problem_as_JSON()
    {
        var fromJson = Problem.FromJson(
            """{"A": [[1, 0, 2], [0, 1, -1]], "y": [3, 1], "x0": [0.25, 1, 4], "truth": [1, 1, 1]}""",
            Square, Loss.Square, Link.Identity);
        var fromArrays = Problem.Create(TwoByThree(), Square, x0: [0.25, 1, 4], truth: [1, 1, 1]);
        Assert.Equal(fromJson.W0, fromArrays.W0);
        Assert.Equal([0.5, 1, 2], fromArrays.W0);
        Assert.Equal(fromJson.X0, fromArrays.X0);
        Assert.Equal(fromJson.Truth, fromArrays.Truth);
        Assert.Equal(fromJson.Model.A.ToArray(), fromArrays.Model.A.ToArray());
    }

    [Fact]
    public void Arrays_are_copied_so_later_changes_do_not_reach_the_problem()
    {
        double[] w0 = [1, 2, 3];
        var p = Problem.Create(TwoByThree(), Square, w0: w0);
        w0[0] = 7;
        Assert.Equal(1, p.W0[0]);
    }

    [Theory]
    [InlineData("w0 has 2 entries, expected 3 (one per column of A)")]
    [InlineData("give only one of \"w0\", \"x0\" and \"init\" (found \"w0\" and \"init\")")]
    [InlineData("the problem needs the initial point: \"w0\" (an array), \"x0\" (an array) or \"init\" (a number)")]
    [InlineData("w0[1] = -2 is outside the domain (0, inf) of w")]
    [InlineData("x0[2] is not a finite number (NaN)")]
    [InlineData("\"u0\" is for the two-variable form x = ρ(u) − ρ(v); give \"w0\", \"x0\" or \"init\" for ρ(w) = w^2")]
    public void Arrays_are_validated_with_the_messages_of_JSON_problems(string expected)
    {
        Func<Problem> create = expected switch
        {
            _ when expected.StartsWith("w0 has") => () => Problem.Create(TwoByThree(), Square, w0: [1, 2]),
            _ when expected.StartsWith("give only")
                => () => Problem.Create(TwoByThree(), Square, w0: [1, 2, 3], init: 0.5),
            _ when expected.StartsWith("the problem needs") => () => Problem.Create(TwoByThree(), Square),
            _ when expected.StartsWith("w0[1]") => () => Problem.Create(TwoByThree(), Square, w0: [1, -2, 3]),
            _ when expected.StartsWith("x0[2]") => () => Problem.Create(TwoByThree(), Square, x0: [1, 1, double.NaN]),
            _ => () => Problem.Create(TwoByThree(), Square, u0: [1, 1, 1], v0: [1, 1, 1]),
        };
        Assert.Equal(expected, Assert.Throws<SymbolicException>(() => create()).Message);
    }

    [Fact]
    public void The_two_variable_form_starts_from_u0_and_v0_or_init()
    {
        var difference = Square.Difference(0.5, 0.5);
        var p = Problem.Create(TwoByThree(), difference, u0: [1, 2, 1], v0: [1, 1, 2]);
        Assert.Equal([0, 3, -3], p.X0);
        Assert.Equal([0.5, 0.5, 0.5], Problem.Create(TwoByThree(), difference).V0!);
        Assert.Equal("the two-variable form needs both \"u0\" and \"v0\" (only \"u0\" was given)",
            Assert.Throws<SymbolicException>(() => Problem.Create(TwoByThree(), difference, u0: [1, 1, 1])).Message);
    }

    [Theory]
    [InlineData("(0,inf)", 0.1)]
    [InlineData("(-inf,inf)", 0.1)]
    [InlineData("(1,inf)", 2)]
    [InlineData("(-inf,-1)", -2)]
    [InlineData("(2,4)", 3)]
    public void The_default_initial_value_is_small_or_well_inside_the_domain(string domain, double expected) =>
        Assert.Equal(expected, Problem.DefaultInit(DomainText.Parse(domain)));
}
