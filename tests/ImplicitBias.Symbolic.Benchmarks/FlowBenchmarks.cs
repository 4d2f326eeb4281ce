using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using ImplicitBias.Symbolic.Flow;

namespace ImplicitBias.Symbolic.Benchmarks;

/// <summary>
/// The dense kernels of the flows against plain loops (the baselines), at the flow size and the projection size.
/// </summary>
[ShortRunJob]
public class MatVecKernels
{
    private double[] _a = [], _x = [], _r = [], _ax = [], _atr = [], _weights = [], _gram = [], _scratch = [];

    [Params("60x2000", "100x100000")]
    public string Size { get; set; } = "60x2000";

    private int Rows => int.Parse(Size.Split('x')[0]);
    private int Columns => int.Parse(Size.Split('x')[1]);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _a = Enumerable.Range(0, Rows * Columns).Select(_ => random.NextDouble() - 0.5).ToArray();
        _x = Enumerable.Range(0, Columns).Select(_ => random.NextDouble()).ToArray();
        _weights = Enumerable.Range(0, Columns).Select(_ => random.NextDouble()).ToArray();
        _r = Enumerable.Range(0, Rows).Select(_ => random.NextDouble()).ToArray();
        _ax = new double[Rows];
        _atr = new double[Columns];
        _gram = new double[Rows * Rows];
        _scratch = new double[WeightedGram.ScratchLength(Rows, Columns)];
    }

    [Benchmark(Baseline = true)]
    public double NaiveMultiply()
    {
        LinearAlgebra.NaiveMultiply(_a, Rows, Columns, _x, _ax);
        return _ax[0];
    }

    [Benchmark]
    public double Multiply()
    {
        LinearAlgebra.Multiply(_a, Rows, Columns, _x, _ax);
        return _ax[0];
    }

    [Benchmark]
    public double NaiveMultiplyTransposed()
    {
        int n = Columns;
        Array.Clear(_atr);
        for (int m = 0; m < Rows; m++)
            for (int i = 0; i < n; i++) _atr[i] += _a[m * n + i] * _r[m];
        return _atr[0];
    }

    [Benchmark]
    public double MultiplyTransposed()
    {
        LinearAlgebra.MultiplyTransposed(_a, Rows, Columns, _r, _atr);
        return _atr[0];
    }

    /// <summary>
    /// A diag(c) Aᵀ by one dot product per entry of the upper triangle (the kernel the blocked one replaced).
    /// </summary>
    [Benchmark]
    public double GramByDots()
    {
        int n = Columns;
        var weighted = new double[n];
        for (int i = 0; i < Rows; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(_a.AsSpan(i * n, n), _weights, weighted);
            for (int j = i; j < Rows; j++)
                _gram[i * Rows + j] = System.Numerics.Tensors.TensorPrimitives.Dot(weighted, _a.AsSpan(j * n, n));
        }
        return _gram[0];
    }

    [Benchmark]
    public double GramBlocked()
    {
        WeightedGram.Compute(_a, Rows, Columns, _weights, _gram, _scratch);
        return _gram[0];
    }

    [Benchmark]
    public double GramBlockedParallel()
    {
        WeightedGram.ComputeParallel(_a, Rows, Columns, _weights, _gram);
        return _gram[0];
    }
}

/// <summary>
/// The scenarios of the verification issue, timed warm (median of several runs) with their method, steps and
/// iterations, and ratios against a baseline run in the same process:
/// the flow on ρ = w², α = 1e-4, M = 60, N = 2000 to loss 1e-12 (target: under 2 s), and the Bregman projection at
/// N = 10⁵, M = 100 (target: under 0.2 s).
/// </summary>
public static class FlowTimings
{
    private const int Runs = 5;

    public static void Run()
    {
        var square = Reparametrization.Parse("w^2", domain: "(0,inf)");
        var flowProblem = Problem.Generate(60, 2000, 5, 1, square, 1e-4, Loss.Square, Link.Identity);
        var squareChain = square.Derive();
        Console.WriteLine("flow: ρ = w², α = 1e-4, M = 60, N = 2000, loss 1e-12 (baseline: auto)");
        var baseline = Scenario("auto", () => GradientFlow.Run(flowProblem, squareChain,
            new FlowOptions { LossTolerance = 1e-12 }), null);
        Scenario("rosenbrock", () => GradientFlow.Run(flowProblem, squareChain,
            new FlowOptions { LossTolerance = 1e-12, Method = FlowMethod.Rosenbrock }), baseline);
        Scenario("dual", () => GradientFlow.Run(flowProblem, squareChain,
            new FlowOptions { LossTolerance = 1e-12, Method = FlowMethod.Dual }), baseline);
        Scenario("auto, loss 1e-24", () => GradientFlow.Run(flowProblem, squareChain, new FlowOptions()), baseline);

        Console.WriteLine();
        Console.WriteLine(
            "Bregman projection: M = 100, N = 100000, 10-sparse x* (baseline: dual Newton on w², α = 0.1)");
        double? projectionBaseline = null;
        foreach (var (rho, domain, init) in new (string, string?, double)[]
                 { ("w^2", "(0,inf)", 0.1), ("w^2", "(0,inf)", 0.01), ("sinh(w)", null, 0.5), ("exp(w)", null, 0.1),
                   ("tan(w)", "(-pi/2,pi/2)", 0.3), ("w^3 + w", null, 0.2) })
        {
            var r = Reparametrization.Parse(rho, domain: domain);
            var problem = Problem.Generate(100, 100_000, 10, 1, r, init, Loss.Square, Link.Identity);
            var chain = r.Derive();
            var seconds = Projection($"{rho}, w₀ = {init}", () => BregmanProjection.Solve(problem, chain),
                projectionBaseline);
            projectionBaseline ??= seconds;
        }
    }

    private static double Scenario(string name, Func<FlowResult> run, double? baseline)
    {
        var first = run();
        var times = new List<double> { first.Seconds };
        FlowResult last = first;
        for (int i = 1; i < Runs; i++) { last = run(); times.Add(last.Seconds); }
        double median = Median(times.Skip(1));
        Console.WriteLine($"  {name,-18} {median,7:F3} s (cold {times[0]:F3} s)  {Ratio(median, baseline)}  " +
                          $"{last.Method}; {last.Steps} steps, " +
                          $"{last.Rejected} rejected, {last.Evaluations} evaluations; "
                          + $"{last.StopReason.Text()}, loss {last.Loss:E1}");
        return median;
    }

    private static double Projection(string name, Func<ProjectionResult> run, double? baseline)
    {
        var times = new List<double>();
        ProjectionResult last = null!;
        for (int i = 0; i < Runs; i++) { last = run(); times.Add(last.Seconds); }
        double median = Median(times.Skip(1));
        Console.WriteLine($"  {name,-24} {median,7:F3} s (cold {times[0]:F3} s)  {Ratio(median, baseline)}  " +
                          $"{last.Iterations} iterations, " +
                          $"residual {last.Residual:E1}, converged {last.Converged}");
        return median;
    }

    private static string Ratio(double seconds, double? baseline) =>
        baseline is { } b ? $"×{seconds / b,5:F2}" : "  (1.00)";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
