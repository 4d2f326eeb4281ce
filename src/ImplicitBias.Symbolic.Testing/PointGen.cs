using FsCheck;
using FsCheck.Fluent;

namespace ImplicitBias.Symbolic.Testing;

/// <summary>
/// Points inside domains. Generation never fails or retries: the usable part of the interval is found once on a grid
/// of cells, and a point is a random position inside a usable cell.
/// </summary>
public static class PointGen
{
    /// <summary>
    /// Points strictly inside the interval: uniform on a bounded interval, log-spaced over 10⁻³…10 away from a finite
    /// end of a half-line, uniform on [−5, 5] for the real line.
    /// </summary>
    /// <param name="domain">A nonempty interval.</param>
    /// <exception cref="ArgumentException">The interval has no interior.</exception>
    public static Gen<double> In(Interval domain) => Sampling.Points(domain, _ => true, "the interval has no interior");

    /// <summary>Points of the interval at which <paramref name="accept"/> holds (exceptions count as false).</summary>
    /// <param name="domain">The interval.</param>
    /// <param name="accept">The condition.</param>
    /// <exception cref="ArgumentException">No grid cell of the interval passes.</exception>
    public static Gen<double> Where(Interval domain, Func<double, bool> accept)
    {
        ArgumentNullException.ThrowIfNull(accept);
        return Sampling.Points(domain, accept, "none passes the condition");
    }

    /// <summary>
    /// Interior points w of the domain of ρ at which ρ, ρ′ and x = ρ(w) are finite and moderate (|x| ≤ 10⁶,
    /// 10⁻⁶ ≤ ρ′ ≤ 10⁶) and x is not at the rounding level of an end of the image: where pointwise identities are
    /// meaningful in floating point. For the two-variable form these are values of u (v is the companion keeping
    /// Φ(u) + Φ(v) constant). Built once per reparametrization instance.
    /// </summary>
    /// <param name="reparametrization">ρ, every parameter bound.</param>
    public static Gen<double> Interior(Reparametrization reparametrization) =>
        PointSampler.Of(reparametrization).Interior;

    /// <summary>
    /// Initial values w₀ for flows: inside the domain with moderate x₀ = ρ(w₀) and ρ′(w₀) (so the flow is neither
    /// stiff from the start nor far from its limit); the constant u₀ for the two-variable form.
    /// </summary>
    /// <param name="reparametrization">ρ, every parameter bound.</param>
    public static Gen<double> Initial(Reparametrization reparametrization) =>
        PointSampler.Of(reparametrization).Initial;

    /// <summary>For the two-variable form x = ρ(u) − ρ(v): the v with Φ(u) + Φ(v) = Φ(u₀) + Φ(v₀) (NaN
    /// when there is none).</summary>
    /// <param name="reparametrization">A two-variable reparametrization.</param>
    /// <param name="u">A value of u.</param>
    public static double Companion(Reparametrization reparametrization, double u) =>
        PointSampler.Of(reparametrization).Companion(u);
}
