namespace ImplicitBias.Symbolic.Analysis;

/// <summary>
/// ∫ₐᵇ f split at the singular points of f (see <see cref="DefinitionSet"/>). A piece with a singular end is an
/// improper integral: with an antiderivative F, its value is the difference of the one-sided limits of F (an
/// infinite limit means divergence); without one, double-exponential quadrature, which never evaluates an end, and
/// a divergence test on the integrals truncated ever closer to the singular end (their increments must shrink).
/// A closed form is therefore never evaluated across a pole.
/// </summary>
internal static class ImproperIntegral
{
    /// <summary>The value and an error estimate.</summary>
    /// <exception cref="SymbolicException">The integral diverges, or the integrand is not real on part of [a, b].
    /// </exception>
    public static (double Value, double Error) Of(Expr integrand, Expr? antiderivative, string variable, double a,
        double b, IReadOnlyDictionary<string, double> parameters, Func<double, double> f)
    {
        var singular = DefinitionSet.Singularities(integrand, variable, a, b, parameters);
        var points = singular.Select(s => s.Point).Where(p => p > a && p < b).Prepend(a).Append(b).Distinct().ToList();
        bool IsSingular(double p) => singular.Any(s => s.Point == p) || !double.IsFinite(f(p));
        double value = 0, error = 0;
        for (int i = 0; i + 1 < points.Count; i++)
        {
            double l = points[i], r = points[i + 1];
            if (!double.IsFinite(f(l + (r - l) / 2)))
                throw new SymbolicException(
                    $"the integrand is not real on ({Text(l)}, {Text(r)}): {Describe(singular, variable)}");
            var piece = new Piece(f, antiderivative, variable, parameters, singular);
            var (v, e) = piece.Integrate(l, r, IsSingular(l), IsSingular(r));
            value += v;
            error += e;
        }
        return (value, error);
    }

    private static string Text(double v) => Interval.EndText(v);

    private static string Describe(IReadOnlyList<Singularity> singular, string variable) =>
        singular.Count == 0 ? "it is undefined there" : string.Join("; ", singular.Select(s => s.Describe(variable)));

    private sealed class Piece(Func<double, double> f, Expr? antiderivative, string variable,
        IReadOnlyDictionary<string, double> parameters, IReadOnlyList<Singularity> singular)
    {
        public (double Value, double Error) Integrate(double l, double r, bool singularLo, bool singularHi)
        {
            var numeric = Numeric(l, r, singularLo, singularHi);
            if (antiderivative is null)
                return numeric ?? throw Diverges(l, r, singularLo, singularHi);
            var (lo, hi) = (End(l, +1, singularLo), End(r, -1, singularHi));
            if (lo.IsInfinite || hi.IsInfinite) throw Diverges(l, r, singularLo, singularHi);
            if (!lo.IsFinite || !hi.IsFinite) return numeric ?? throw Diverges(l, r, singularLo, singularHi);
            double exact = hi.Value - lo.Value;
            // the certified antiderivative may still jump inside (a branch); quadrature, where it converged, decides
            if (numeric is { } n && Math.Abs(n.Value - exact) > 1e-6 * Math.Max(1, Math.Abs(exact)) + 10 * n.Error)
                throw new SymbolicException(
                    $"the closed form and quadrature disagree on ({Text(l)}, {Text(r)}): {exact} against {n.Value}");
            return (exact, 0);
        }

        private Limit End(double point, int side, bool singularEnd)
        {
            if (!singularEnd) return Limit.Finite(Evaluate(point), 0);
            return new LimitAnalysis(variable, point, side, parameters).Of(antiderivative!);
        }

        private double Evaluate(double point) =>
            antiderivative!.Evaluate(new Dictionary<string, double>(parameters) { [variable] = point });

        /// <summary>Quadrature of the piece, or null when it does not converge.</summary>
        private (double Value, double Error)? Numeric(double l, double r, bool singularLo, bool singularHi)
        {
            if (!singularLo && !singularHi)
            {
                var (v, e) = ScalarNumerics.Quadrature(f, l, r);
                return double.IsFinite(v) && e <= 1e-6 * Math.Max(1, Math.Abs(v)) ? (v, e) : null;
            }
            double full = DoubleExponential(l, r);
            if (!double.IsFinite(full)) return null;
            // truncated ever closer to the singular ends: the increments must shrink for the integral to exist
            double previous = double.NaN, previousStep = double.NaN, step = double.NaN;
            for (int k = 1; k <= 4; k++)
            {
                double delta = (r - l) * Math.Pow(10, -3 * k) / 2;
                double truncated = DoubleExponential(singularLo ? l + delta : l, singularHi ? r - delta : r);
                if (!double.IsNaN(previous))
                {
                    step = Math.Abs(truncated - previous);
                    if (!double.IsNaN(previousStep) && step > 0.5 * previousStep && step > 1e-12 * Math.Abs(full))
                        return null;
                    previousStep = step;
                }
                previous = truncated;
            }
            double estimate = Math.Abs(previous - full) + Math.Abs(full - DoubleExponential(l, r, 1e-7));
            return (full, estimate);
        }

        private double DoubleExponential(double l, double r, double tolerance = 1e-10) =>
            MathNet.Numerics.Integrate.DoubleExponential(f, l, r, tolerance);

        private SymbolicException Diverges(double l, double r, bool singularLo, bool singularHi)
        {
            var at = singular.Where(s => (singularLo && s.Point == l) || (singularHi && s.Point == r)).ToList();
            var where = at.Count > 0 ? Describe(at, variable)
                : $"the integrand is unbounded near {Text(singularLo ? l : r)}";
            return new SymbolicException($"the integral diverges: {where}");
        }
    }
}
