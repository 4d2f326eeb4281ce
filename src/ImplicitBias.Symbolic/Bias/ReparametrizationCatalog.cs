namespace ImplicitBias.Symbolic;

/// <summary>A named reparametrization of the built-in catalog.</summary>
/// <param name="Name">Short name.</param>
/// <param name="Rho">ρ as text.</param>
/// <param name="Domain">The domain as interval text, e.g. "(0,inf)".</param>
/// <param name="Parameters">Parameter values.</param>
/// <param name="Bias">The implicit bias it is known for.</param>
public sealed record CatalogEntry(string Name, string Rho, string Domain,
    IReadOnlyDictionary<string, double> Parameters, string Bias)
{
    /// <summary>The entry as a reparametrization in w.</summary>
    public Reparametrization ToReparametrization() => Reparametrization.Parse(Rho, "w", Domain, Parameters);
}

/// <summary>Reparametrizations from the literature, with the bias each induces (what <c>ibias analyze</c>
/// lists).</summary>
public static class ReparametrizationCatalog
{
    private static IReadOnlyDictionary<string, double> None => new Dictionary<string, double>();

    /// <summary>The catalog entries.</summary>
    public static IReadOnlyList<CatalogEntry> Entries { get; } =
    [
        new("identity", "w", "(-inf,inf)", None, "ℓ2"),
        new("square", "w^2", "(0,inf)", None, "entropy"),
        new("power", "w^L", "(0,inf)", new Dictionary<string, double> { ["L"] = 3 }, "ℓ_{2/L}"),
        new("lp_design", "w^(2/p)", "(0,inf)", new Dictionary<string, double> { ["p"] = 1.5 }, "ℓp^p"),
        new("exp", "exp(w)", "(-inf,inf)", None, "Burg entropy"),
        new("sinh", "sinh(w)", "(-inf,inf)", None, "trigonometric"),
        new("beta_sinh", "beta*sinh(w/beta)", "(-inf,inf)", new Dictionary<string, double> { ["beta"] = 0.25 },
            "ℓ2 (β → ∞) to ℓ1 (β → 0)"),
        new("tan", "tan(w)", "(-pi/2,pi/2)", None, "trigonometric (not coercive)"),
        new("tanh", "tanh(w)", "(-inf,inf)", None, "box constraint"),
        new("sin", "sin(w)", "(-pi/2,pi/2)", None, "box constraint"),
        new("logcosh_design", "asinh(tan(w))", "(-pi/2,pi/2)", None, "smooth ℓ1 (log cosh)"),
        new("softplus", "log(1+exp(w))", "(-inf,inf)", None, "softplus (dilogarithm potential)"),
        new("cubic", "w^3+w", "(-inf,inf)", None, "parametric (ρ⁻¹ not elementary)"),
    ];
}
