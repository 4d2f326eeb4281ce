using System.Diagnostics;

namespace ImplicitBias.Symbolic.Bias;

/// <summary>
/// The chain of ρ on a parametric domain w = a + s·t (see <see cref="DomainScaling"/>): derived for
/// ρ̃(t) = ρ(a + s·t) on the constant interval of t, then mapped back. Since ρ′(w) = ρ̃′(t)/s and dw = s·dt,
/// Φ(w) = s²Φ̃(t), so f′ = s²f̃′, f″ = s²f̃″, f = s²f̃, ψ(z) = ψ̃(z/s²), f*(z) = s²f̃*(z/s²) and
/// Φ⁻¹(z) = a + s·Φ̃⁻¹(z/s²). The image and every condition are those of ρ̃ (s &gt; 0 keeps the signs).
/// </summary>
internal static class AffineChain
{
    public static Derivation Derive(Reparametrization r, DomainScaling scaling)
    {
        var clock = Stopwatch.StartNew();
        if (r.IsDifference)
            throw new SymbolicException(
                "the two-variable form needs a constant domain: give values for the parameters");
        var w = r.Rho.Symbols().First(s => s.Name == r.Variable);
        var t = Expr.Var(FreshName(r.Rho), scaling.Unit);
        var normalized = Reparametrization.Create(r.Rho.Substitute(r.Variable, scaling.Of(t)), t.Name, scaling.Unit);
        var d = normalized.Derive();
        var map = new Mapping(scaling, w, t, ScaledRange(d.DualRange));
        var unavailable = Unavailable(r);
        ChainFunction? Mapped(ChainFunction? c) => c is null ? null : map.Of(c, unavailable);
        // the conditions are decided for ρ(a + s·t) on the constant interval, and say so
        var normalizedText = $"for ρ({scaling.Of(t)}) = {normalized.Rho}, {t.Name} ∈ {normalized.DomainDescription}: ";
        var conditions = d.Conditions.Select(c => c with { Reason = normalizedText + c.Reason }).ToList();
        return new Derivation(r, r.Rho.Differentiate(r.Variable).Simplify(), d.Image, map.DualRange, conditions,
            clock.Elapsed)
        {
            DualCoordinate = Mapped(d.DualCoordinate), DualInverse = Mapped(d.DualInverse),
            MirrorMap = Mapped(d.MirrorMap), InverseMirrorMap = Mapped(d.InverseMirrorMap), Metric = Mapped(d.Metric),
            Potential = Mapped(d.Potential), Conjugate = Mapped(d.Conjugate),
            PotentialOfW = map.OfW(d.PotentialOfW, scaled: true),
        };
    }

    /// <summary>
    /// The dual range s²·(lo, hi) with s symbolic, as the interval that holds it for every s &gt; 0: an end at 0 or
    /// ±∞ stays, another widens to 0 or ±∞ on its side.
    /// </summary>
    private static Interval ScaledRange(Interval range)
    {
        static double Widened(double end, double outward) => end == 0 || double.IsInfinity(end) ? end
            : end < 0 == outward < 0 ? outward : 0;
        double lo = Widened(range.Lo, double.NegativeInfinity), hi = Widened(range.Hi, double.PositiveInfinity);
        return lo < hi ? new Interval(lo, hi, true, true) : Interval.Real;
    }

    private static string FreshName(Expr rho)
    {
        var used = rho.FreeSymbols();
        return new[] { "t", "s", "u", "v" }.FirstOrDefault(n => !used.Contains(n)) ?? "t" + used.Count;
    }

    private static Func<double, double> Unavailable(Reparametrization r)
    {
        var names = string.Join(", ", r.SymbolicParameters.Select(s => $"'{s.Name}'"));
        return _ => throw new EvaluationException($"give values for {names} to evaluate this function");
    }

    /// <summary>The substitutions t = (w − a)/s and z̃ = z/s², and the factors s² of the table above.</summary>
    private sealed class Mapping(DomainScaling scaling, Symbol w, Symbol t, Interval dualRange)
    {
        private readonly Expr _squared = (scaling.Scale * scaling.Scale).Simplify();

        public Interval DualRange => dualRange;

        public ChainFunction Of(ChainFunction c, Func<double, double> unavailable)
        {
            var e = c.Expression;
            Expr? expression = e is null ? null : c.Name switch
            {
                "dualCoordinate" => _squared * InW(e),
                "dualInverse" => scaling.Of(InZ(e, c.Argument)),
                "inverseMirrorMap" => InZ(e, c.Argument),
                "conjugate" => _squared * InZ(e, c.Argument),
                _ => _squared * e, // f′, f″ and f in x
            };
            bool scaled = c.Name != "inverseMirrorMap"; // ψ in w is ρ itself
            var argument = c.Argument == t.Name ? w.Name : c.Argument;
            var parametrization = c.Parametrization?.Replace($"{t.Name} = ", $"{w.Name} = ", StringComparison.Ordinal);
            return new ChainFunction(c.Name, c.Notation, argument, c.Form, expression?.Simplify(),
                OfW(c.OfW, scaled), parametrization, () => unavailable);
        }

        public Expr? OfW(Expr? ofW, bool scaled) =>
            ofW is null ? null : (scaled ? _squared * InW(ofW) : InW(ofW)).Simplify();

        private Expr InW(Expr e) => e.Substitute(t.Name, scaling.Inverse(w));

        private Expr InZ(Expr e, string z) => e.Substitute(z, Expr.Var(z, dualRange) / _squared);
    }
}
