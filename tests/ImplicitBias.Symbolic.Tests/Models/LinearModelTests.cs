using ImplicitBias.Symbolic;

namespace ImplicitBias.Symbolic.Tests.Models;

public class LinearModelTests
{
    private const int M = 4, N = 7;

    private static double[] Matrix()
    {
        var random = new Random(11);
        var a = new double[M * N];
        for (int i = 0; i < a.Length; i++) a[i] = random.NextDouble() - 0.5;
        return a;
    }

    private static readonly double[] X = [0.3, -0.2, 0.5, 0.1, -0.4, 0.25, 0.05];

    public static TheoryData<string, string> Combinations => new()
    {
        { "square", "identity" }, { "huber:0.1", "identity" }, { "power:1.5", "sigmoid" }, { "logcosh", "tanh" },
        { "square", "exp" }, { "r^4/4", "softplus" }, { "square", "z + z^3" }, { "huber", "sigmoid" },
    };

    private static LinearModel Model(string loss, string link)
    {
        var g = Link.Parse(link);
        // data inside the range: g of some predictions other than those at X
        double[] y = [g.Value(0.4), g.Value(-0.3), g.Value(0.1), g.Value(0.8)];
        return new LinearModel(Matrix(), M, N, y, Loss.Parse(loss), g);
    }

    [Theory, MemberData(nameof(Combinations))]
    public void Loss_residual_gradient_and_slope_agree_with_direct_formulas(string lossSpec, string linkSpec)
    {
        var model = Model(lossSpec, linkSpec);
        var a = Matrix();
        var z = new double[M];
        LinearAlgebra.NaiveMultiply(a, M, N, X, z);
        var loss = model.Loss;
        var link = model.Link;
        double want = 0;
        for (int m = 0; m < M; m++) want += loss.Value(link.Value(z[m]) - model.Y[m]);
        Numeric.Close(want, model.LossValue(X, new double[M + 2]), 1e-14, "loss");

        var r = new double[M];
        model.Residual(X, r);
        for (int m = 0; m < M; m++)
            Numeric.Close(loss.Derivative(link.Value(z[m]) - model.Y[m]) * link.Derivative(z[m]), r[m], 1e-14,
                $"r[{m}]");

        // the gradient is the derivative of the loss value
        var gradient = new double[N];
        model.Gradient(X, gradient, new double[M]);
        for (int n = 0; n < N; n++)
        {
            double Along(double t)
            {
                var shifted = (double[])X.Clone();
                shifted[n] += t;
                return model.LossValue(shifted, new double[M]);
            }
            Numeric.Close(Numeric.Difference(Along, 0), gradient[n], 1e-7, $"∂L/∂x[{n}]");
        }

        // the slope is the derivative of r_m in z_m
        var slope = new double[M];
        model.ResidualSlope(z, slope);
        for (int m = 0; m < M; m++)
        {
            double ym = model.Y[m];
            double Rm(double zm) => loss.Derivative(link.Value(zm) - ym) * link.Derivative(zm);
            Numeric.Close(Numeric.Difference(Rm, z[m]), slope[m], 1e-6, $"slope[{m}]");
        }
    }

    [Fact]
    public void Targets_are_the_inverse_link_of_y()
    {
        var model = Model("square", "sigmoid");
        double[] want = [0.4, -0.3, 0.1, 0.8];
        for (int m = 0; m < M; m++) Numeric.Close(want[m], model.Targets[m], 1e-14);
        Assert.Same(model.Targets, model.Targets);
    }

    [Fact]
    public void The_arrays_are_copied()
    {
        var a = Matrix();
        double[] y = [1, 2, 3, 4];
        var model = new LinearModel(a, M, N, y, Loss.Square, Link.Identity);
        a[0] = 100;
        y[0] = 100;
        Assert.NotEqual(100, model.A[0]);
        Assert.Equal(1, model.Y[0]);
    }

    [Fact]
    public void Evaluation_does_not_allocate()
    {
        foreach (var model in new[]
                 { Model("square", "identity"), Model("huber", "sigmoid"), Model("r^4/4", "z + z^3") })
        {
            var scratch = new double[M];
            var gradient = new double[N];
            var slope = new double[M];
            double sink = 0;
            void Run()
            {
                sink += model.LossValue(X, scratch);
                model.Residual(X, scratch);
                model.Gradient(X, gradient, scratch);
                model.ResidualSlope(scratch, slope);
            }
            Run();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++) Run();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated == 0, $"{model}: {allocated} bytes allocated");
            Assert.True(double.IsFinite(sink));
        }
    }

    [Theory]
    [InlineData("sigmoid", 1.5, "y[2] = 1.5 is outside the range (0, 1) of the sigmoid link")]
    [InlineData("sigmoid", 1.0, "y[2] = 1 is outside the range (0, 1) of the sigmoid link")]
    [InlineData("exp", -0.5, "y[2] = -0.5 is outside the range (0, inf) of the exp link")]
    [InlineData("tanh", -1, "y[2] = -1 is outside the range (-1, 1) of the tanh link")]
    [InlineData("2*atan(z)/pi", 2, "y[2] = 2 is outside the range (-1, 1) of the link g(z) = 2*atan(z)/pi")]
    [InlineData("identity", double.NaN, "y[2] is not a finite number (NaN)")]
    public void Data_outside_the_range_is_rejected(string link, double bad, string message)
    {
        double[] y = [0.5, 0.5, bad, 0.5];
        var e = Assert.ThrowsAny<SymbolicException>(
            () => new LinearModel(Matrix(), M, N, y, Loss.Square, Link.Parse(link)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Shapes_and_entries_are_validated()
    {
        var a = Matrix();
        a[3 * N + 5] = double.PositiveInfinity;
        Assert.Equal("A[3][5] is not a finite number (inf)",
            Assert.Throws<SymbolicException>(
                () => new LinearModel(a, M, N, new double[M], Loss.Square, Link.Identity)).Message);
        Assert.Equal("A has 28 entries, expected 4×6 = 24",
            Assert.Throws<SymbolicException>(
                () => new LinearModel(Matrix(), M, 6, new double[M], Loss.Square, Link.Identity)).Message);
        Assert.Equal("y has 3 entries, expected 4 (one per row of A)",
            Assert.Throws<SymbolicException>(
                () => new LinearModel(Matrix(), M, N, new double[3], Loss.Square, Link.Identity)).Message);
    }
}
