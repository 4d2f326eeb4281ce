using ImplicitBias.Symbolic.Experiments.Data;

namespace ImplicitBias.Symbolic.Tests.Experiments.Data;

/// <summary>ProblemArrays: validation, equality, and the way to and from a Problem.</summary>
public class ProblemArraysTests
{
    private static readonly Reparametrization Square = Reparametrization.Parse("w^2", "w", "(0,inf)");

    public static TheoryData<Func<ProblemArrays>, string> BadArrays => new()
    {
        { () => new ProblemArrays(Fixtures.Dense, [1, 2]), "y has 2 entries, expected 3 (one per row of A)" },
        { () => new ProblemArrays(Fixtures.Dense, [1, 2, double.NaN]), "y[2] is not a finite number (NaN)" },
        { () => new ProblemArrays(Fixtures.Csr, Fixtures.Y, truth: [1, 2]),
            "truth has 2 entries, expected 5 (one per column of A)" },
        { () => new ProblemArrays(Fixtures.Dense, Fixtures.Y, v0: [1, 1, 1, 1, double.NegativeInfinity]),
            "v0[4] is not a finite number (-inf)" },
        { () => new ProblemArrays(Fixtures.Dense, Fixtures.Y, init: double.NaN), "init is not a finite number (NaN)" },
    };

    [Theory]
    [MemberData(nameof(BadArrays))]
    public void Arrays_that_do_not_fit_together_are_refused(Func<ProblemArrays> build, string message) =>
        Assert.Equal(message, Assert.Throws<SymbolicException>(build).Message);

    [Fact]
    public void The_vectors_are_copies_and_read_only()
    {
        double[] y = [0.25, -0.5, -2];
        var arrays = new ProblemArrays(Fixtures.Dense, y, w0: Fixtures.W0);
        y[0] = 7;
        Assert.Equal(0.25, arrays.Y[0]);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)arrays.Y)[0] = 1);
        Assert.Null(arrays.Truth);
        Assert.Equal("3×5 dense matrix, y, w0", arrays.ToString());
    }

    [Fact]
    public void Equality_compares_every_array_entry_for_entry()
    {
        Assert.Equal(Fixtures.Full(Fixtures.Dense), Fixtures.Full(new DenseMatrix(3, 5, Fixtures.A)));
        Assert.NotEqual(Fixtures.Full(Fixtures.Dense), Fixtures.Full(Fixtures.Csr));
        Assert.NotEqual(new ProblemArrays(Fixtures.Dense, Fixtures.Y, w0: Fixtures.W0),
            new ProblemArrays(Fixtures.Dense, Fixtures.Y, truth: Fixtures.W0));
        Assert.NotEqual(new ProblemArrays(Fixtures.Dense, Fixtures.Y, init: 1),
            new ProblemArrays(Fixtures.Dense, Fixtures.Y, init: 2));
    }

    [Fact]
    public void Arrays_make_the_problem_a_json_file_would()
    {
        var arrays = new ProblemArrays(Fixtures.Csr, Fixtures.Y, truth: Fixtures.Truth, w0: Fixtures.W0);
        var problem = arrays.ToProblem(Square, Loss.Square, Link.Identity);
        var json = Problem.FromJson(File.ReadAllText(Fixtures.Path("problem.json")), Square, Loss.Square,
            Link.Identity);
        // a CSR A stays sparse in the model, with the entries of the dense JSON one
        Assert.True(problem.Model.IsSparse);
        Assert.Equal(json.Model.A.ToArray(), problem.Model.Matrix.ToDense());
        Assert.Equal(json.Model.Y.ToArray(), problem.Model.Y.ToArray());
        Assert.Equal(json.W0, problem.W0);
        Assert.Equal(json.Truth, problem.Truth);
    }

    [Fact]
    public void The_problem_checks_the_start_as_for_json()
    {
        var arrays = new ProblemArrays(Fixtures.Dense, Fixtures.Y);
        var e = Assert.Throws<SymbolicException>(() => arrays.ToProblem(Square, Loss.Square, Link.Identity));
        Assert.StartsWith("the problem needs the initial point", e.Message);
    }

    [Fact]
    public void A_problem_gives_back_its_arrays_in_both_forms()
    {
        var one = new ProblemArrays(Fixtures.Dense, Fixtures.Y, truth: Fixtures.Truth, w0: Fixtures.W0);
        Assert.Equal(one, ProblemArrays.FromProblem(one.ToProblem(Square, Loss.Square, Link.Identity)));
        var two = new ProblemArrays(Fixtures.Dense, Fixtures.Y, init: 0.5);
        var back = ProblemArrays.FromProblem(two.ToProblem(Square.Difference(0.1, 0.1), Loss.Square, Link.Identity));
        Assert.Equal(new ProblemArrays(Fixtures.Dense, Fixtures.Y, u0: [.. Enumerable.Repeat(0.5, 5)],
            v0: [.. Enumerable.Repeat(0.5, 5)]), back);
    }
}
