using System.Diagnostics;
using System.Globalization;
using ImplicitBias.Symbolic.Experiments.Data;
using ImplicitBias.Symbolic.Experiments.Sweeps;

namespace ImplicitBias.Symbolic.Benchmarks;

/// <summary>
/// `-- sweep`: rows per second of a prediction-only sweep (100×1000 problems, the hyperbolic entropy u² − v² at
/// α = 0.01) on every core, against the numpy/SciPy script a researcher would write (sweep_baseline.py: the same
/// sizes and the same dual Newton projection), as a ratio in one run. The script's answer on one of our problems is
/// compared with ours, so both sides compute the same thing. Needs /usr/bin/python3 with numpy and scipy for the
/// ratio; without it only our side is reported.
/// </summary>
public static class SweepThroughput
{
    private const int M = 100, N = 1000, K = 10, Rows = 40;
    private const double Alpha = 0.01;
    private const string Python = "/usr/bin/python3";

    public static void Run()
    {
        var spec = SweepSpecReader.Parse($"""
            [sweep]
            seeds = {Rows}
            [[rho]]
            formula = "w^2"
            domain = "(0,inf)"
            difference = true
            [problem]
            m = {M}
            n = {N}
            k = {K}
            init = {Alpha.ToString("R", CultureInfo.InvariantCulture)}
            """);
        var folder = Directory.CreateTempSubdirectory("ibias-sweep-bench-");
        try
        {
            var computer = new SweepRowComputer(spec);
            computer.Chain(SweepGrid.Rows(spec)[0]); // the derivation, once, as a sweep shares it
            var clock = Stopwatch.StartNew();
            var result = SweepRunner.Run(spec, SweepDirectory.ForRun(Path.Combine(folder.FullName, "out"), spec, "",
                SweepShard.All), SweepShard.All, Environment.ProcessorCount);
            double ours = result.Rows.Count / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"sweep {M}×{N}, k = {K}, u² − v² at α = {Alpha}: {result.Rows.Count} rows, " +
                $"{ours:F1} rows/s on {Environment.ProcessorCount} threads ({result.Failed} failed)");
            CompareWithScipy(computer, SweepGrid.Rows(spec)[0], folder.FullName, ours);
        }
        finally { folder.Delete(recursive: true); }
    }

    private static void CompareWithScipy(SweepRowComputer computer, SweepRowKey key, string folder, double ours)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "sweep_baseline.py");
        if (!File.Exists(Python) || !File.Exists(script))
        {
            Console.WriteLine($"numpy/SciPy side skipped: {Python} or {script} is missing");
            return;
        }
        var problem = computer.GenerateProblem(key);
        var prediction = BregmanProjection.Solve(problem, computer.Chain(key).Derivation).X;
        var check = Path.Combine(folder, "check.npz");
        ProblemFiles.Write(check, ProblemArrays.FromProblem(problem));
        var arguments = string.Join(" ", M, N, K, Alpha.ToString("R", CultureInfo.InvariantCulture), Rows, check);
        using var process = Process.Start(new ProcessStartInfo(Python, $"{script} {arguments}")
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        if (process.ExitCode != 0 || output.Length < 2)
        {
            Console.WriteLine($"numpy/SciPy side failed: {process.StandardError.ReadToEnd().Trim()}");
            return;
        }
        double theirs = double.Parse(output[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var x = output[1].Split(' ').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        double difference = x.Zip(prediction, (a, b) => Math.Abs(a - b)).Max();
        Console.WriteLine($"numpy/SciPy script: {theirs:F1} rows/s; ours is {ours / theirs:F1}× its throughput; " +
            $"on the same problem the two projections differ by {difference:E1}");
    }
}
