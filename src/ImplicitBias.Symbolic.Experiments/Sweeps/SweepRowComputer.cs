using System.Collections.Concurrent;
using System.Diagnostics;
using ImplicitBias.Symbolic.Experiments.Baselines;

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
            Seed = key.Seed, Init = key.Init, Noise = key.Noise,
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

    /// <summary>The problem of a row: what <c>ibias problem generate</c> writes for its options.</summary>
    public Problem GenerateProblem(SweepRowKey key) =>
        Problem.Generate(key.M, key.N, key.K, key.Seed, Chain(key).Rho, key.Init, _loss, _link, key.Noise);

    private SweepRow Measure(SweepRow row, SweepRowKey key)
    {
        var (_, derivation) = Chain(key);
        var problem = GenerateProblem(key);
        var truth = problem.Truth!;
        double[] prediction;
        if (_spec.Compute.Contains(SweepQuantity.Flow))
        {
            var report = Verification.Verify(problem, derivation, FlowOptions(), _spec.Tolerance);
            prediction = report.Prediction.X;
            row = row with
            {
                PredictionSeconds = report.Prediction.Seconds, FlowDifference = Finite(report.MaxAbsDifference),
                FlowSeconds = report.Flow.Seconds, FlowAgree = report.Agree,
            };
        }
        else
        {
            var projection = BregmanProjection.Solve(problem, derivation);
            prediction = projection.X;
            row = row with { PredictionSeconds = projection.Seconds };
        }
        double truthError = Distances.MaxAbs(prediction, truth);
        row = row with
        {
            TruthError = Finite(truthError),
            Success = truthError <= 1e-3 * Math.Max(1, truth.Max(Math.Abs)),
        };
        if (_spec.Compute.Contains(SweepQuantity.L1))
        {
            bool nonnegative = derivation.Image.Lo >= 0;
            var l1 = BasisPursuit.Solve(problem.Model, nonnegative);
            row = row with { L1Distance = l1.X is { } x ? Distances.MaxAbs(prediction, x) : null };
        }
        if (_spec.Compute.Contains(SweepQuantity.L2))
            row = row with { L2Distance = Distances.MaxAbs(prediction, MinimumNorm.Solve(problem.Model).X) };
        return row;
    }

    /// <summary>The flow options <c>ibias verify</c> uses for the same tolerance and method.</summary>
    private FlowOptions FlowOptions() => new()
    {
        Method = _spec.Method,
        RelativeTolerance = Math.Clamp(_spec.Tolerance / 100, 1e-13, 1e-8),
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
