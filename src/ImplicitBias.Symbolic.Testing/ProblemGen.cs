using FsCheck;
using FsCheck.Fluent;

namespace ImplicitBias.Symbolic.Testing;

/// <summary>
/// A generated problem, by the arguments of <see cref="Problem.Generate"/>: the same spec always gives the same
/// problem, and <see cref="ToString"/> prints everything needed to reproduce a failing case.
/// </summary>
/// <param name="Reparametrization">ρ (every parameter bound to a value).</param>
/// <param name="Rows">M, the number of measurements.</param>
/// <param name="Columns">N ≥ 3M + 6, the dimension.</param>
/// <param name="Sparsity">k, the support size of the planted x*.</param>
/// <param name="Seed">The seed of A and x*.</param>
/// <param name="Init">Every initial w entry (u and v for the two-variable form), inside the domain of ρ.</param>
/// <param name="Loss">The loss.</param>
/// <param name="Link">The link; y = g(A x*).</param>
public sealed record ProblemSpec(Reparametrization Reparametrization, int Rows, int Columns, int Sparsity, int Seed,
    double Init, Loss Loss, Link Link)
{
    /// <summary>The problem (<see cref="Problem.Generate"/> with these arguments).</summary>
    /// <exception cref="SymbolicException">The arguments are not usable (for example y saturates
    /// the link's range).</exception>
    public Problem Create() => Problem.Generate(Rows, Columns, Sparsity, Seed, Reparametrization, Init, Loss, Link);

    /// <summary>"3×15, k = 2, seed 17, w₀ = 0.25, loss square, link identity, ρ(w) = …".</summary>
    public override string ToString() =>
        $"{Rows}×{Columns}, k = {Sparsity}, seed {Seed}, w₀ = {Sampling.Exact(Init)}, loss {Loss.Name}, " +
        $"link {Link.Name}, {Reparametrization}";
}

/// <summary>
/// Generators of problems (A, y, w₀) for a given ρ: sizes with N ≥ 3M + 6 (then almost surely {Ax = b} meets the
/// interior of the image, so the Bregman projection is interior), seeds, an initial value inside the domain of ρ
/// with moderate x₀ and ρ′(w₀), and a loss and link from the options.
/// </summary>
public static class ProblemGen
{
    /// <summary>Problem specs for ρ, sized and drawn by <paramref name="options"/> (default
    /// <see cref="TheoremOptions.Default"/>).</summary>
    /// <param name="reparametrization">ρ, every parameter bound; for the two-variable form u₀ = v₀ is required.</param>
    /// <param name="options">Sizes, losses and links.</param>
    /// <exception cref="ArgumentException">The sizes leave no room for N ≥ 3M + 6, or ρ has
    /// unbound parameters.</exception>
    public static Gen<ProblemSpec> Specs(Reparametrization reparametrization, TheoremOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reparametrization);
        options ??= TheoremOptions.Default;
        int maxRows = Math.Min(options.MaxRows, (options.MaxColumns - 6) / 3);
        if (maxRows < 1)
            throw new ArgumentException($"MaxColumns = {options.MaxColumns} leaves no room for N ≥ 3M + 6 with M ≥ 1");
        if (options.Losses.Count == 0 || options.Links.Count == 0)
            throw new ArgumentException("the options need at least one loss and one link");
        var initial = PointGen.Initial(reparametrization);
        return
            from rows in Gen.Choose(1, maxRows)
            from columns in Gen.Choose(3 * rows + 6, options.MaxColumns)
            from sparsity in Gen.Choose(1, Math.Max(1, Math.Min(options.MaxSparsity, rows)))
            from seed in Gen.Choose(0, 1_000_000)
            from init in initial
            from loss in Gen.Elements<Loss>(options.Losses.ToArray())
            from link in Gen.Elements<Link>(options.Links.ToArray())
            select new ProblemSpec(reparametrization, rows, columns, sparsity, seed, init, loss, link);
    }

    /// <summary>Problems for ρ (the specs of <see cref="Specs"/>, created; a spec whose y saturates the link falls back
    /// to the identity link).</summary>
    /// <param name="reparametrization">ρ.</param>
    /// <param name="options">Sizes, losses and links.</param>
    public static Gen<Problem> Problems(Reparametrization reparametrization, TheoremOptions? options = null) =>
        Specs(reparametrization, options).Select(CreateOrFallback);

    /// <summary>The spec's problem, or (when y saturates the link's range) the same problem
    /// with the identity link.</summary>
    /// <param name="spec">The spec.</param>
    public static Problem CreateOrFallback(ProblemSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        try { return spec.Create(); }
        catch (SymbolicException) when (spec.Link != Link.Identity)
        {
            return (spec with { Link = Link.Identity }).Create();
        }
    }

    /// <summary>Smaller specs: fewer rows, fewer columns (keeping N ≥ 3M + 6), a smaller support, a
    /// simpler loss and link.</summary>
    /// <param name="spec">The spec to shrink.</param>
    public static IEnumerable<ProblemSpec> Shrink(ProblemSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Rows > 1)
            yield return spec with { Rows = spec.Rows - 1, Sparsity = Math.Min(spec.Sparsity, spec.Rows - 1) };
        if (spec.Columns - 1 >= 3 * spec.Rows + 6) yield return spec with { Columns = spec.Columns - 1 };
        if (spec.Sparsity > 1) yield return spec with { Sparsity = spec.Sparsity - 1 };
        if (spec.Loss != Loss.Square) yield return spec with { Loss = Loss.Square };
        if (spec.Link != Link.Identity) yield return spec with { Link = Link.Identity };
    }

    /// <summary>An arbitrary of specs for ρ, with <see cref="Shrink"/>.</summary>
    /// <param name="reparametrization">ρ.</param>
    /// <param name="options">Sizes, losses and links.</param>
    public static Arbitrary<ProblemSpec> Arbitrary(Reparametrization reparametrization,
        TheoremOptions? options = null) =>
        Arb.From(Specs(reparametrization, options), Shrink);
}
