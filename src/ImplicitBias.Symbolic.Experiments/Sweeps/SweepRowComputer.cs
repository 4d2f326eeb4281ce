using System.Collections.Concurrent;
using System.Diagnostics;
using ImplicitBias.Symbolic.Experiments.Baselines;
using ImplicitBias.Symbolic.Experiments.Data;

namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// Computes rows: the problem <c>ibias problem generate</c> writes for the row's options, the prediction, the
/// baselines and the flow that <c>ibias verify</c> runs. Derivations are shared between the rows of one ρ (and one
/// init for the two-variable form, whose chain depends on u₀ = v₀). Safe to call from several threads.
/// </summary>
public sealed class SweepRowComputer
{
    private readonly SweepSpec _spec;
    private readonly Loss _loss;
    private readonly Link _link;
    private readonly ConcurrentDictionary<string, Lazy<(Reparametrization Rho, Derivation Derivation)>> _chains = new();

    /// <summary>A computer for the rows of a spec.</summary>
    /// <exception cref="SymbolicException">The spec's loss or link does not parse.</exception>
    public SweepRowComputer(SweepSpec spec)
    {
        _spec = spec;
        _loss = Loss.Parse(spec.Problem.Loss);
        _link = Link.Parse(spec.Problem.Link);
    }

    /// <summary>
    /// The row; a failure of this row (not of the program) is reported in <see cref="SweepRow.Error"/>.
    /// </summary>
    public SweepRow Compute(SweepRowKey key)
    {
        var rho = _spec.Rhos[key.Rho];
        var row = new SweepRow
        {
            Row = key.Row, Rho = rho.Formula, Difference = rho.Difference,
            Parameters = key.Parameters.ToDictionary(p => p.Key, p => p.Value), M = key.M, N = key.N, K = key.K,
            Seed = key.Seed, Init = key.Init, Noise = key.Noise, Problem = key.File,
        };
        try { return Measure(row, key); }
        catch (SymbolicException e) { return row with { Error = e.Message }; }
    }

    /// <summary>The reparametrization and its derivation for a row, as <c>ibias verify</c> builds them.</summary>
    /// <exception cref="SymbolicException">ρ does not parse or is not defined on its domain.</exception>
    public (Reparametrization Rho, Derivation Derivation) Chain(SweepRowKey key)
    {
        var spec = _spec.Rhos[key.Rho];
        string id = $"{key.Rho}|{string.Join(",", key.Parameters.Select(p => $"{p.Key}={p.Value:R}"))}" +
            (spec.Difference ? $"|{key.Init:R}" : "");
        return _chains.GetOrAdd(id, _ => new Lazy<(Reparametrization, Derivation)>(() =>
        {
            var single = Reparametrization.Parse(spec.Formula, spec.Variable, spec.Domain,
                key.Parameters.ToDictionary(p => p.Key, p => p.Value));
            var r = spec.Difference ? single.Difference(key.Init, key.Init) : single;
            return (r, r.Derive());
        })).Value;
    }

    /// <summary>
    /// The problem of a row: what <c>ibias problem generate</c> writes for its options, or its file read as
    /// <c>ibias verify --problem file --init init</c> reads it.
    /// </summary>
    /// <exception cref="SymbolicException">The problem cannot be generated, or the file cannot be read.</exception>
    public Problem GenerateProblem(SweepRowKey key)
    {
        if (key.File is not { } file)
            return Problem.Generate(key.M, key.N, key.K, key.Seed, Chain(key).Rho, key.Init, _loss, _link, key.Noise);
        var arrays = ProblemFiles.Read(Path.Combine(_spec.BaseDirectory, file));
        return new ProblemArrays(arrays.A, [.. arrays.Y], arrays.Truth?.ToArray(), init: key.Init)
            .ToProblem(Chain(key).Rho, _loss, _link);
    }

    private SweepRow Measure(SweepRow row, SweepRowKey key)
    {
        var (_, derivation) = Chain(key);
        var problem = GenerateProblem(key);
        if (key.File is not null)
            row = row with
            {
                M = problem.Model.Rows, N = problem.Model.Columns, K = problem.Truth?.Count(v => v != 0) ?? 0,
            };
        var (predicted, prediction) = Predict(row, problem, derivation);
        row = predicted;
        if (problem.Truth is { } truth)
        {
            double truthError = Distances.MaxAbs(prediction, truth);
            row = row with
            {
                TruthError = Finite(truthError),
                Success = truthError <= 1e-3 * Math.Max(1, truth.Max(Math.Abs)),
            };
        }
        if (_spec.Compute.Contains(SweepQuantity.L1))
        {
            var l1 = BasisPursuit.Solve(problem.Model, nonnegative: derivation.Image.Lo >= 0);
            row = row with { L1Distance = l1.X is { } x ? Distances.MaxAbs(prediction, x) : null };
        }
        if (_spec.Compute.Contains(SweepQuantity.L2))
            row = row with { L2Distance = Distances.MaxAbs(prediction, MinimumNorm.Solve(problem.Model).X) };
        return row;
    }

    /// <summary>
    /// The prediction: with "flow", as <c>ibias verify</c> computes and checks it; else the projection alone.
    /// </summary>
    private (SweepRow Row, double[] Prediction) Predict(SweepRow row, Problem problem, Derivation derivation)
    {
        if (_spec.Compute.Contains(SweepQuantity.Flow))
        {
            var report = Verification.Verify(problem, derivation, FlowOptions(), _spec.Tolerance);
            return (row with
            {
                PredictionSeconds = report.Prediction.Seconds, FlowDifference = Finite(report.MaxAbsDifference),
                FlowSeconds = report.Flow.Seconds, FlowAgree = report.Agree,
            }, report.Prediction.X);
        }
        var projection = BregmanProjection.Solve(problem, derivation);
        return (row with { PredictionSeconds = projection.Seconds }, projection.X);
    }

    /// <summary>The flow options <c>ibias verify</c> uses for the same tolerance and method.</summary>
    private FlowOptions FlowOptions() => new()
    {
        Method = _spec.Method,
        RelativeTolerance = Math.Clamp(_spec.Tolerance / 100, 1e-13, 1e-8),
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
