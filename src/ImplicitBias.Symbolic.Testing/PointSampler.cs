using ImplicitBias.Symbolic.Analysis;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;

namespace ImplicitBias.Symbolic.Testing;

/// <summary>
/// Where to sample a reparametrization: interior points w of its domain at which ρ, ρ′ and x = ρ(w) are finite and
/// moderate and x is not at the rounding level of an end of the image (for pointwise identities), and initial values
/// with moderate x₀ and ρ′(w₀) (for flows). For the two-variable form x = ρ(u) − ρ(v) the points are values of u, and
/// v is the companion that keeps Φ(u) + Φ(v) = Φ(u₀) + Φ(v₀).
/// </summary>
internal sealed class PointSampler
{
    private static readonly ConditionalWeakTable<Reparametrization, PointSampler> Samplers = new();

    /// <summary>The sampler of a reparametrization (built once per instance).</summary>
    internal static PointSampler Of(Reparametrization r) => Samplers.GetValue(r, x => new PointSampler(x));

    private readonly Reparametrization _r;
    private readonly RhoFunctions _rho;
    private readonly Lazy<Derivation> _derivation;
    private readonly Lazy<Gen<double>> _interior;
    private readonly Lazy<Gen<double>> _initial;
    private readonly Lazy<(double U0, double V0, Func<double, double> Phi)?> _difference;

    private PointSampler(Reparametrization r)
    {
        _r = r;
        _rho = Cache.Rho(r);
        _derivation = new Lazy<Derivation>(() => Cache.Derive(r));
        _difference = new Lazy<(double, double, Func<double, double>)?>(DifferencePieces);
        _interior = new Lazy<Gen<double>>(() => Sampling.Points(r.Domain, AcceptInterior,
            $"ρ, ρ′ and x = ρ(w) are not finite and moderate (|x| ≤ 1e6, 1e-6 ≤ |ρ′| ≤ 1e6) anywhere in the window " +
            $"of {r.Domain}"));
        _initial = new Lazy<Gen<double>>(InitialValues);
    }

    /// <summary>Interior points (values of u for the two-variable form).</summary>
    internal Gen<double> Interior => _interior.Value;

    /// <summary>Initial values for flows (the constant u₀ for the two-variable form).</summary>
    internal Gen<double> Initial => _initial.Value;

    /// <summary>The image of ρ (of ρ(u) − ρ(v) for the two-variable form), from the derivation.</summary>
    internal Interval Image => _derivation.Value.Image;

    /// <summary>For the two-variable form: v with Φ(u) + Φ(v) = Φ(u₀) + Φ(v₀) (NaN when there is none).</summary>
    internal double Companion(double u)
    {
        if (_difference.Value is not { } pieces)
            throw new InvalidOperationException("not a two-variable reparametrization");
        var (u0, v0, phi) = pieces;
        double target = phi(v0) - (phi(u) - phi(u0));
        return double.IsFinite(target) ? MonotoneInversion.Solve(phi, _r.Domain, target) : double.NaN;
    }

    private (double, double, Func<double, double>)? DifferencePieces()
    {
        if (_r.DifferenceInitialValues is not { } initial) return null;
        var (u0, v0) = initial;
        if (!u0.IsConstant || !v0.IsConstant)
            throw new ArgumentException($"the two-variable form needs numeric u₀ and v₀ (got u₀ = {u0}, v₀ = {v0})");
        var phi = _derivation.Value.DualCoordinate?.Function
            ?? throw new ArgumentException($"the dual coordinate Φ of {_r} was not derived");
        return (u0.Evaluate(), v0.Evaluate(), phi);
    }

    private bool AwayFromImageEnds(double x, double relative)
    {
        var image = Image;
        if (double.IsFinite(image.Lo) && !(x - image.Lo >= relative * Math.Max(1, Math.Abs(image.Lo)))) return false;
        if (double.IsFinite(image.Hi) && !(image.Hi - x >= relative * Math.Max(1, Math.Abs(image.Hi)))) return false;
        return true;
    }

    private static bool Moderate(double derivative, double lo, double hi) =>
        double.IsFinite(derivative) && Math.Abs(derivative) >= lo && Math.Abs(derivative) <= hi;

    private bool AcceptInterior(double w)
    {
        if (!_r.IsDifference)
        {
            double x = _rho.Value(w), d = _rho.Derivative(w);
            return double.IsFinite(x) && Math.Abs(x) <= 1e6 && Moderate(d, 1e-6, 1e6) && AwayFromImageEnds(x, 1e-6);
        }
        double v = Companion(w);
        if (!Sampling.Inside(_r.Domain, v)) return false;
        double xd = _rho.Value(w) - _rho.Value(v), du = _rho.Derivative(w), dv = _rho.Derivative(v);
        return double.IsFinite(xd) && Math.Abs(xd) <= 1e6 && Moderate(du, 0, 1e6) && Moderate(dv, 0, 1e6)
            && du * du + dv * dv >= 1e-12 && AwayFromImageEnds(xd, 1e-6);
    }

    private Gen<double> InitialValues()
    {
        if (_r.IsDifference) return Gen.Constant(_difference.Value!.Value.U0);
        // moderate x₀ and ρ′(w₀): the flow is neither stiff from the start nor far from its limit; relaxed tenfold
        // per level when too few points of the domain qualify
        for (int level = 0; level <= 4; level++)
        {
            double scale = Math.Pow(10, level);
            bool Accept(double w)
            {
                double x = _rho.Value(w), d = _rho.Derivative(w);
                return double.IsFinite(x) && Math.Abs(x) <= 2 * scale && Moderate(d, 0.05 / scale, 20 * scale)
                    && AwayFromImageEnds(x, 1e-3);
            }
            var cells = Sampling.AcceptedCells(_r.Domain, Accept);
            if (cells.Length >= 16) return Sampling.FromCells(_r.Domain, cells, Accept);
        }
        return Interior;
    }
}
