using System.Collections.Concurrent;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace ImplicitBias.Symbolic.Testing;

/// <summary>
/// Generators of reparametrizations: families with a parameter (w^p, β·sinh(w/β), β·tanh(w/β), exp(k·w), w³ + c·w),
/// tan on (−π/2, π/2) (which violates coercivity), the built-in <see cref="ReparametrizationCatalog"/> and the
/// two-variable form u² − v². Parameters are drawn from a grid (steps of <see cref="Step"/>), and each distinct
/// reparametrization is built once and reused, so its derivation and compiled functions are cached across test cases
/// (<see cref="Theorems"/> derives each instance once). Failure reports show <see cref="Reparametrization.ToString"/>:
/// "ρ(w) = w^(27/20), w ∈ (0, inf)".
/// </summary>
public static class ReparametrizationGen
{
    /// <summary>The grid step of generated parameters.</summary>
    public const double Step = 0.05;

    private static readonly ConcurrentDictionary<string, Reparametrization> Instances = new();

    /// <summary>
    /// The reparametrization parsed from text, built once per distinct (ρ, domain, parameters) and then shared.
    /// </summary>
    /// <param name="rho">ρ as text, e.g. "beta*sinh(w/beta)".</param>
    /// <param name="domain">The domain as interval text (default: the real line), e.g. "(0,inf)".</param>
    /// <param name="parameters">Parameter values (substituted exactly).</param>
    public static Reparametrization Shared(string rho, string? domain = null,
        IReadOnlyDictionary<string, double>? parameters = null)
    {
        var bindings = string.Join(",", (parameters ?? new Dictionary<string, double>())
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        var key = $"{rho}|{domain}|{bindings}";
        return Instances.GetOrAdd(key, _ => Reparametrization.Parse(rho, "w", domain, parameters));
    }

    private static Reparametrization Shared(string rho, string? domain, string name, double value) =>
        Shared(rho, domain, new Dictionary<string, double> { [name] = value });

    /// <summary>Values lo, lo + step, …, hi (rounded to the grid, so they print as short decimals).</summary>
    /// <param name="lo">The smallest value.</param>
    /// <param name="hi">The largest value (at least <paramref name="lo"/>).</param>
    /// <param name="step">The grid step.</param>
    public static Gen<double> Grid(double lo, double hi, double step = Step)
    {
        if (!(hi >= lo) || !(step > 0))
            throw new ArgumentException($"need lo ≤ hi and step > 0, got [{lo}, {hi}] and step {step}");
        int count = (int)Math.Floor((hi - lo) / step + 1e-9);
        return Gen.Choose(0, count).Select(k => Math.Round(lo + k * step, 10));
    }

    /// <summary>
    /// ρ(w) = w^p on (0, ∞), p on the grid in [<paramref name="minExponent"/>, <paramref name="maxExponent"/>]
    /// (ℓ_{2/p}-like biases for small initializations). The theorem covers p ≥ 2 (the default range): for p &lt; 2,
    /// Φ = w^{2−p}/(p(2−p)) stays finite at w → 0, so the coercivity condition at the end 0 fails (the mirror identity
    /// and design still hold there).
    /// </summary>
    /// <param name="minExponent">The smallest p (&gt; 0).</param>
    /// <param name="maxExponent">The largest p.</param>
    public static Gen<Reparametrization> Power(double minExponent = 2, double maxExponent = 4) =>
        Grid(minExponent, maxExponent).Select(p => Shared("w^p", "(0,inf)", "p", p));

    /// <summary>ρ(w) = β·sinh(w/β) on ℝ, β on the grid in [<paramref name="minBeta"/>, <paramref name="maxBeta"/>] (ℓ2
    /// for β → ∞, ℓ1-like for β → 0).</summary>
    /// <param name="minBeta">The smallest β (&gt; 0).</param>
    /// <param name="maxBeta">The largest β.</param>
    public static Gen<Reparametrization> ScaledSinh(double minBeta = 0.1, double maxBeta = 4) =>
        Grid(minBeta, maxBeta).Select(b => Shared("beta*sinh(w/beta)", null, "beta", b));

    /// <summary>ρ(w) = β·tanh(w/β) on ℝ with image (−β, β) (a box constraint), β on the grid in the range.</summary>
    /// <param name="minBeta">The smallest β (&gt; 0).</param>
    /// <param name="maxBeta">The largest β.</param>
    public static Gen<Reparametrization> ScaledTanh(double minBeta = 0.5, double maxBeta = 4) =>
        Grid(minBeta, maxBeta).Select(b => Shared("beta*tanh(w/beta)", null, "beta", b));

    /// <summary>ρ(w) = exp(k·w) on ℝ with image (0, ∞) (Burg-entropy-like bias), k on the grid in the range.</summary>
    /// <param name="minRate">The smallest k (&gt; 0).</param>
    /// <param name="maxRate">The largest k.</param>
    public static Gen<Reparametrization> Exponential(double minRate = 0.25, double maxRate = 3) =>
        Grid(minRate, maxRate).Select(k => Shared("exp(k*w)", null, "k", k));

    /// <summary>ρ(w) = w³ + c·w on ℝ: ρ⁻¹ is not elementary, so the potential is parametric (c on
    /// the grid in the range).</summary>
    /// <param name="minSlope">The smallest c (&gt; 0).</param>
    /// <param name="maxSlope">The largest c.</param>
    public static Gen<Reparametrization> Cubic(double minSlope = 0.5, double maxSlope = 3) =>
        Grid(minSlope, maxSlope).Select(c => Shared("w^3+c*w", null, "c", c));

    /// <summary>ρ(w) = tan(w) on (−π/2, π/2): a bijection onto ℝ whose potential is not coercive (the theorem's
    /// convergence condition fails).</summary>
    public static Gen<Reparametrization> Tan() => Gen.Fresh(() => Shared("tan(w)", "(-pi/2,pi/2)"));

    /// <summary>The two-variable form x = ρ(u) − ρ(v) with ρ = w² on (0, ∞) and u₀ = v₀ = α, α on the grid in the range
    /// (the hyperbolic entropy).</summary>
    /// <param name="minScale">The smallest α (&gt; 0).</param>
    /// <param name="maxScale">The largest α.</param>
    public static Gen<Reparametrization> SquareDifference(double minScale = 0.2, double maxScale = 1) =>
        Grid(minScale, maxScale).Select(a => DifferenceOf("w^2", "(0,inf)", a));

    private static readonly ConcurrentDictionary<(string, string, double), Reparametrization> Differences = new();

    /// <summary>The shared two-variable form x = ρ(u) − ρ(v) of a one-variable ρ, with u₀ = v₀ =
    /// <paramref name="scale"/>.</summary>
    /// <param name="rho">ρ as text.</param>
    /// <param name="domain">Its domain.</param>
    /// <param name="scale">u₀ = v₀, inside the domain.</param>
    public static Reparametrization DifferenceOf(string rho, string domain, double scale) =>
        Differences.GetOrAdd((rho, domain, scale), _ => Shared(rho, domain).Difference(scale, scale));

    /// <summary>Every entry of <see cref="ReparametrizationCatalog"/>, built once.</summary>
    public static IReadOnlyList<Reparametrization> CatalogMembers { get; } =
        ReparametrizationCatalog.Entries.Select(e => Shared(e.Rho, e.Domain, e.Parameters)).ToList();

    /// <summary>The catalog entries (all of them, or only those whose derivation reports no failing
    /// condition of the theorem).</summary>
    /// <param name="onlyCovered">Leave out entries with a failing condition (tan, whose
    /// potential is not coercive).</param>
    public static Gen<Reparametrization> Catalog(bool onlyCovered = false) =>
        Gen.Elements<Reparametrization>(onlyCovered
            ? CatalogMembers.Where(IsCovered).ToArray()
            : CatalogMembers.ToArray());

    /// <summary>True when the derivation of ρ succeeded and none of the theorem's conditions fails (the
    /// derivation is cached).</summary>
    /// <param name="reparametrization">ρ.</param>
    public static bool IsCovered(Reparametrization reparametrization)
    {
        var d = Cache.Derive(reparametrization);
        return d.IsDerived && d.Conditions.All(c => c.Status != ConditionStatus.Fails);
    }

    /// <summary>
    /// The families the theorem covers, mixed: w^p, β·sinh(w/β), β·tanh(w/β), exp(k·w), w³ + c·w and the difference
    /// form u² − v².
    /// </summary>
    public static Gen<Reparametrization> Covered() =>
        Gen.OneOf(Power(), ScaledSinh(), ScaledTanh(), Exponential(), Cubic(), SquareDifference());

    /// <summary>An arbitrary over <paramref name="generator"/> (default
    /// <see cref="Covered"/>), without shrinking.</summary>
    /// <param name="generator">The reparametrizations.</param>
    public static Arbitrary<Reparametrization> Arbitrary(Gen<Reparametrization>? generator = null) =>
        (generator ?? Covered()).ToArbitrary();
}
