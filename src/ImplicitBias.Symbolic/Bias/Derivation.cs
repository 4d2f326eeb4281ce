using System.Globalization;
using System.Text;

namespace ImplicitBias.Symbolic;

/// <summary>
/// The derivation chain of a reparametrization (docs/ARCHITECTURE.md): ρ′, the dual coordinate Φ and its inverse, the
/// mirror map f′ and its inverse ψ, the metric f″, the potential f, its conjugate f*, the image of ρ and the conditions
/// of the implicit-bias theorem. Chain objects are null when ρ is not a bijection of its domain (see
/// <see cref="Conditions"/>).
/// </summary>
public sealed class Derivation
{
    /// <summary>
    /// What every derivation has; the chain objects are set by name (<c>new Derivation(…) { Metric = … }</c>) and
    /// stay null when they could not be derived.
    /// </summary>
    internal Derivation(Reparametrization source, Expr derivative, Interval image, Interval dualRange,
        IReadOnlyList<Condition> conditions, TimeSpan elapsed)
    {
        Reparametrization = source;
        Derivative = derivative;
        Image = image;
        DualRange = dualRange;
        Conditions = conditions;
        Elapsed = elapsed;
    }

    /// <summary>What was derived.</summary>
    public Reparametrization Reparametrization { get; }
    /// <summary>ρ′(w) (for the two-variable form, of the one-variable ρ).</summary>
    public Expr Derivative { get; }
    /// <summary>The interval ρ maps its domain onto (the values x takes).</summary>
    public Interval Image { get; }
    /// <summary>The interval of dual coordinates z (the domain of ψ): the image of Φ, or of z for
    /// x = ρ(u) − ρ(v).</summary>
    public Interval DualRange { get; }
    /// <summary>Monotonicity, image, coercivity at each end and Legendre type.</summary>
    public IReadOnlyList<Condition> Conditions { get; }
    /// <summary>Φ(w) = ∫ dw/ρ′(w).</summary>
    public ChainFunction? DualCoordinate { get; internal init; }
    /// <summary>Φ⁻¹(z).</summary>
    public ChainFunction? DualInverse { get; internal init; }
    /// <summary>The mirror map f′(x) = Φ(ρ⁻¹(x)).</summary>
    public ChainFunction? MirrorMap { get; internal init; }
    /// <summary>The inverse mirror map ψ(z) = ρ(Φ⁻¹(z)) = (f′)⁻¹(z).</summary>
    public ChainFunction? InverseMirrorMap { get; internal init; }
    /// <summary>The metric f″(x) = 1/ρ′(ρ⁻¹(x))².</summary>
    public ChainFunction? Metric { get; internal init; }
    /// <summary>The potential f(x), up to an affine function.</summary>
    public ChainFunction? Potential { get; internal init; }
    /// <summary>The convex conjugate f*(z) = ∫ ψ(z) dz.</summary>
    public ChainFunction? Conjugate { get; internal init; }
    /// <summary>The parametric potential f(ρ(w)) = ρΦ − ∫ρ/ρ′ dw (null when an integral has no closed form).</summary>
    public Expr? PotentialOfW { get; internal init; }
    /// <summary>How the potential is known; Numeric also when the chain could not be derived.</summary>
    public Form Form => Potential?.Form ?? Form.Numeric;
    /// <summary>True when ρ is a bijection of its domain and the chain was derived.</summary>
    public bool IsDerived => Potential is not null;
    /// <summary>Wall time of the derivation (delegates compile lazily and are not included).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The chain in order, skipping what could not be derived.</summary>
    public IEnumerable<ChainFunction> Chain =>
        new[] { DualCoordinate, DualInverse, MirrorMap, InverseMirrorMap, Metric, Potential, Conjugate }
            .OfType<ChainFunction>();

    /// <summary>The Bregman divergence D_f(x, x₀) = f(x) − f(x₀) − f′(x₀)(x − x₀).</summary>
    /// <exception cref="SymbolicException">The chain was not derived.</exception>
    public double BregmanDivergence(double x, double x0)
    {
        if (Potential is null || MirrorMap is null)
            throw new SymbolicException("the potential is not defined: ρ is not a bijection of its domain");
        return Potential.Evaluate(x) - Potential.Evaluate(x0) - MirrorMap.Evaluate(x0) * (x - x0);
    }

    /// <summary>The Bregman divergence as an expression in x and x₀ (null unless the potential is explicit).</summary>
    public Expr? BregmanDivergenceExpression(string x = "x", string x0 = "x0")
    {
        if (Potential?.Expression is null || MirrorMap?.Expression is null) return null;
        var at0 = Expr.Var(x0, Image);
        var f = Potential.Expression;
        return (f - f.Substitute(x, at0) - MirrorMap.Expression.Substitute(x, at0) * (Expr.Var(x, Image) - at0))
            .Simplify();
    }

    /// <summary>The whole chain as a LaTeX align* environment (<see cref="LatexRows"/>, one per line).</summary>
    public string ToLatex() => LatexText.Align(LatexRows());

    /// <summary>
    /// The chain as LaTeX rows of an align environment, <c>\rho(w) &amp;= …</c>, without line breaks: ρ, ρ′ and every
    /// derived object (a parametric one as its form in w at w = ρ⁻¹(x) or w = Φ⁻¹(z)).
    /// </summary>
    public IReadOnlyList<string> LatexRows()
    {
        var rows = new List<string>();
        var w = Expr.Var(Reparametrization.Variable).ToLatex();
        if (Reparametrization.DifferenceInitialValues is { } uv)
            rows.Add($@"x &= \rho(u) - \rho(v),\quad u_0 = {uv.U0.ToLatex()},\ v_0 = {uv.V0.ToLatex()}");
        rows.Add($@"\rho({w}) &= {Reparametrization.Rho.ToLatex()}");
        rows.Add($@"\rho'({w}) &= {Derivative.ToLatex()}");
        foreach (var c in Chain)
        {
            var body = c.Expression?.ToLatex()
                ?? (c.OfW is not null
                    ? $@"\left.{c.OfW.ToLatex()}\right|_{{{LatexText.Math(c.Parametrization!)}}}"
                    : $@"\text{{{c.Form.ToString().ToLowerInvariant()}}}");
            rows.Add($@"{LatexText.Math(c.Notation.Replace("f*", "f^*", StringComparison.Ordinal))} &= {body}");
        }
        return rows;
    }

    /// <summary>A multi-line plain-text summary.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Reparametrization.ToString());
        sb.AppendLine($"ρ′({Reparametrization.Variable}) = {Derivative}");
        sb.AppendLine($"image: {Image}");
        foreach (var c in Chain) sb.AppendLine(c.ToString());
        foreach (var c in Conditions) sb.AppendLine(c.ToString());
        return sb.ToString();
    }

    internal static string Format(double v) =>
        (v == 0 ? 0.0 : v).ToString("G6", CultureInfo.InvariantCulture); // no "-0"
}
