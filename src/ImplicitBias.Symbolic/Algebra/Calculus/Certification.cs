using ImplicitBias.Symbolic.Algebra;

namespace ImplicitBias.Symbolic.Algebra.Calculus;

/// <summary>Sample points inside intervals, away from their ends and from excluded zeros.</summary>
internal static class DomainSampler
{
    // Irregular offsets avoid special points (0, 1, π/2) where a wrong formula could agree by accident.
    private static readonly double[] Fractions =
        [0.0371, 0.1129, 0.2417, 0.3583, 0.4861, 0.5939, 0.7127, 0.8263, 0.9137, 0.9671];
    private static readonly double[] Magnitudes =
        [0.0137, 0.1171, 0.3719, 0.7433, 1.2917, 2.3311, 3.9171, 7.1131, 13.37, 31.71];

    /// <summary>The most points <see cref="Points"/> gives.</summary>
    public const int PointCount = 10;

    /// <summary>Up to <see cref="PointCount"/> points of the interval (fewer for a point interval).</summary>
    public static double[] Points(Interval d)
    {
        if (d.Lo == d.Hi) return [d.Lo];
        IEnumerable<double> raw;
        if (d.IsBounded) raw = Fractions.Select(f => d.Lo + f * (d.Hi - d.Lo));
        else if (double.IsFinite(d.Lo)) raw = Magnitudes.Select(m => d.Lo + m * Math.Max(1, Math.Abs(d.Lo)));
        else if (double.IsFinite(d.Hi)) raw = Magnitudes.Select(m => d.Hi - m * Math.Max(1, Math.Abs(d.Hi)));
        else raw = Magnitudes.Take(5).SelectMany(m => new[] { m, -m * 1.0937 });
        return raw.Where(d.Contains).Distinct().ToArray();
    }

    /// <summary>Up to two value sets for the symbols other than <paramref name="variable"/>,
    /// drawn from their domains.</summary>
    /// <exception cref="SymbolicException">A symbol's domain has no sample point in double range.</exception>
    public static IReadOnlyList<Dictionary<string, double>> ParameterSets(Expr e, string variable)
    {
        var parameters = e.Symbols().Where(s => s.Name != variable).ToList();
        if (parameters.Count == 0) return [new Dictionary<string, double>()];
        var sets = new List<Dictionary<string, double>>();
        for (int k = 0; k < 2; k++)
        {
            var set = new Dictionary<string, double>();
            foreach (var p in parameters)
            {
                var pts = Points(p.Domain);
                // prefer moderate values: parameters scale the problem, extremes only test overflow
                var moderate = pts.Where(v => Math.Abs(v) >= 0.2 && Math.Abs(v) <= 5).ToArray();
                var pool = moderate.Length > 0 ? moderate : pts;
                // a domain beyond double range (a bound like 1e3081) has no sample points
                if (pool.Length == 0) throw new SymbolicException($"no sample values for '{p.Name}' in {p.Domain}");
                set[p.Name] = pool[(k * 3 + p.Name.Length) % pool.Length];
            }
            sets.Add(set);
        }
        return sets;
    }
}

/// <summary>Checks candidates before any closed form leaves the library.</summary>
internal static class Certifier
{
    /// <summary>Smallest number of finite sample comparisons a numeric certificate needs.</summary>
    public const int MinimumPoints = 5;
    /// <summary>Relative tolerance of a numeric certificate.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>Certifies that <paramref name="candidate"/> equals <paramref name="expected"/> on the domain of
    /// <paramref name="variable"/>.</summary>
    public static Certificate? CertifyEqual(Expr candidate, Expr expected, Symbol variable, Interval domain)
    {
        // decided exactly when it can be: the identities, then the rational normal form over the kernel basis
        if (RationalForms.IsZero((candidate - expected).ApplyIdentities()))
            return new Certificate(CertificateKind.Symbolic, 0, 0);
        return CompareAtPoints(candidate, expected, variable.Name, domain);
    }

    /// <summary>Certifies d/dx antiderivative = integrand on the domain.</summary>
    public static Certificate? CertifyAntiderivative(Expr antiderivative, Expr integrand, Symbol variable,
        Interval domain)
    {
        Expr derivative;
        try { derivative = antiderivative.Differentiate(variable.Name); }
        catch (SymbolicException) { return null; }
        return CertifyEqual(derivative, integrand, variable, domain);
    }

    /// <summary>
    /// Numeric comparison at domain points × parameter sets; null when they disagree or too few points are finite. A
    /// point where the candidate is a sum whose terms cancel far below their own size (−2/(1 + eʷ) differentiated at
    /// w = 30) cannot decide anything in floating point: it is skipped, not counted, so it neither fails a correct
    /// formula nor certifies a wrong one.
    /// </summary>
    public static Certificate? CompareAtPoints(Expr candidate, Expr expected, string variable, Interval domain)
    {
        int compared = 0;
        double worst = 0;
        foreach (var parameters in DomainSampler.ParameterSets(candidate + expected, variable))
        {
            Func<double, double> f, g;
            try
            {
                f = candidate.CompileForChecks(variable, parameters);
                g = expected.CompileForChecks(variable, parameters);
            }
            catch (SymbolicException) { return null; }
            var samples = new List<(double X, double Want, double Got)>();
            foreach (var x in DomainSampler.Points(domain))
            {
                double want = g(x), got = f(x);
                if (!double.IsFinite(want)) continue; // outside the expression's own domain
                if (!double.IsFinite(got)) return null; // candidate undefined where the original is defined
                samples.Add((x, want, got));
            }
            // Values near a zero of the integrand are compared against the function's typical size, not their own.
            double typical = samples.Count == 0 ? 0 : samples.Max(p => Math.Abs(p.Want));
            Func<double, double>? roundingLevel = null;
            foreach (var (x, want, got) in samples)
            {
                double scale = Math.Max(Math.Max(Math.Abs(want), Math.Abs(got)), 1e-6 * typical);
                double error = scale == 0 ? 0 : Math.Abs(got - want) / scale;
                if (error > Tolerance)
                {
                    roundingLevel ??= candidate.CompileRoundingBound(variable, parameters);
                    if (roundingLevel(x) > Tolerance * scale) continue; // cancellation: this point cannot decide
                    return null;
                }
                worst = Math.Max(worst, error);
                compared++;
            }
        }
        return compared >= MinimumPoints ? new Certificate(CertificateKind.Numeric, compared, worst) : null;
    }
}
