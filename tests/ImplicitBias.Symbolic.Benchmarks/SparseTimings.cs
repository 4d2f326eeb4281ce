using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImplicitBias.Symbolic.Experiments.Data;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Benchmarks;

/// <summary>
/// <c>-- sparse</c>: the Bregman projection (<see cref="BregmanProjection.Solve"/>, dual Newton) on random sparse
/// problems with 10 entries per column — M = 100, N = 10⁵ and the scale target M = 1000, N = 10⁶ (nnz 10⁷) — for
/// ρ = w² on (0, ∞) and x = u² − v², with its time (median of warm runs), the memory it allocates and holds, and the
/// same projection by SciPy (sparse_projection.py, beside this file: scipy.sparse products, LAPACK Cholesky, the same
/// stopping rule) on the same problem written as .npz, as a ratio. SciPy runs under Debian's /usr/bin/python3;
/// without it (or without numpy and scipy there) only our side is reported.
/// </summary>
public static class SparseTimings
{
    private const string Python = "/usr/bin/python3";
    private const int PerColumn = 10;
    private const double Init = 0.1;

    public static void Run()
    {
        string? scipy = ScipyVersion();
        Console.WriteLine(scipy is null
            ? $"SciPy: {Python} with numpy and scipy was not found, so only our side is reported"
            : $"SciPy {scipy} under {Python}");
        var square = Reparametrization.Parse("w^2", domain: "(0,inf)");
        var cases = new (string Name, string Kind, Reparametrization Rho)[]
        {
            ("w² on (0, ∞)", "square", square), ("u² − v²", "difference", square.Difference(Init, Init)),
        };
        foreach (var (rows, columns, runs) in new[] { (100, 100_000, 5), (1000, 1_000_000, 3) })
        {
            var clock = Stopwatch.StartNew();
            var a = SparseProblems.Matrix(rows, columns, PerColumn, seed: 1);
            Console.WriteLine();
            Console.WriteLine($"M = {rows}, N = {columns}, nnz = {a.NonZeros} " +
                $"(generated in {clock.Elapsed.TotalSeconds:F1} s)");
            foreach (var (name, kind, rho) in cases)
            {
                var problem = SparseProblems.Create(a, rho, Init, sparsity: rows / 10, seed: 1);
                Measure(name, kind, problem, rho.Derive(), runs, scipy is not null);
            }
        }
    }

    private static void Measure(string name, string kind, Problem problem, Derivation chain, int runs, bool scipy)
    {
        GC.Collect();
        long held = GC.GetTotalMemory(forceFullCollection: true);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var first = BregmanProjection.Solve(problem, chain);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var times = new List<double>();
        for (int i = 1; i < runs; i++) times.Add(BregmanProjection.Solve(problem, chain).Seconds);
        double median = times.Order().ElementAt(times.Count / 2);
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"  {name,-14} ours {median,6:F2} s (cold {first.Seconds:F2} s), {first.Iterations} " +
            $"iterations, residual {first.Residual:E1}, converged {first.Converged}; held {Mb(held)} MB " +
            $"(model and problem), allocated {Mb(allocated)} MB per solve, peak working set {Mb(peak)} MB");
        if (!scipy) return;
        var theirs = Scipy(problem, kind, first.X);
        double seconds = theirs.GetProperty("seconds").GetDouble();
        Console.WriteLine($"  {"",-14} SciPy {seconds,5:F2} s (Gram + Cholesky " +
            $"{theirs.GetProperty("gramSeconds").GetDouble():F2} s), {theirs.GetProperty("iterations").GetInt32()} " +
            $"iterations, residual {theirs.GetProperty("residual").GetDouble():E1}; max |x_ours − x_scipy| " +
            $"{theirs.GetProperty("maxDifference").GetDouble():E1}; ours / SciPy ×{median / seconds:F2}");
    }

    /// <summary>Writes the problem as .npz and our x as raw doubles, runs the script and reads its JSON line.</summary>
    private static JsonElement Scipy(Problem problem, string kind, double[] ours)
    {
        string folder = Directory.CreateTempSubdirectory("ibias-sparse-").FullName;
        try
        {
            string npz = Path.Combine(folder, "problem.npz"), x = Path.Combine(folder, "ours.f64");
            var model = problem.Model;
            ProblemFiles.Write(npz, new ProblemArrays(model.Matrix, [.. model.Y], init: Init));
            File.WriteAllBytes(x, System.Runtime.InteropServices.MemoryMarshal.AsBytes(ours.AsSpan()).ToArray());
            string script = Path.Combine(AppContext.BaseDirectory, "sparse_projection.py");
            var (status, output, error) = RunPython(script, npz, kind, x);
            if (status != 0) throw new InvalidOperationException($"{script} failed ({status}): {error}");
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The SciPy version of /usr/bin/python3, or null when it or numpy and scipy are missing.</summary>
    private static string? ScipyVersion()
    {
        if (!File.Exists(Python)) return null;
        try
        {
            var (status, output, _) =
                RunPython("-c", "import numpy, scipy.sparse, scipy.linalg; print(scipy.__version__)");
            return status == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static (int Status, string Output, string Error) RunPython(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
}
