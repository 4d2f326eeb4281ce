using System.Globalization;
using ImplicitBias.Symbolic.Algebra.Calculus;
using ImplicitBias.Symbolic.Analysis;
using ImplicitBias.Symbolic.Bias;

namespace ImplicitBias.Symbolic;

/// <summary>
/// A reparametrization x = ρ(w) applied entrywise: the expression ρ, its variable, the open interval it acts on,
/// and its parameters, each bound to a value (substituted exactly) or left symbolic. The two-variable form
/// x = ρ(u) − ρ(v) with initial values u₀, v₀ is made with <see cref="Difference(Expr, Expr)"/>.
/// </summary>
public sealed class Reparametrization
{
    private Reparametrization(Expr original, Expr rho, string variable, Interval domain,
        IReadOnlyDictionary<string, double> parameters, (Expr U0, Expr V0)? difference,
        ParametricDomain? parametricDomain = null, DomainScaling? scaling = null)
    {
        ParametricDomain = parametricDomain;
        Scaling = scaling;
        Original = original;
        Rho = rho;
        Variable = variable;
        Domain = domain;
        Parameters = parameters;
        DifferenceInitialValues = difference;
    }

    /// <summary>ρ as written, before parameter values were substituted.</summary>
    public Expr Original { get; }
    /// <summary>ρ with bound parameters substituted; the variable carries <see cref="Domain"/>.</summary>
    public Expr Rho { get; }
    /// <summary>The variable (w by default).</summary>
    public string Variable { get; }
    /// <summary>
    /// The open interval ρ acts on; for a domain whose ends depend on symbolic parameters, the interval that holds it
    /// for every value the parameters' domains allow (the exact ends are <see cref="ParametricDomain"/>).
    /// </summary>
    public Interval Domain { get; }
    /// <summary>The domain as written when its ends depend on symbolic parameters: (-beta*pi/2, beta*pi/2).</summary>
    public ParametricDomain? ParametricDomain { get; }
    /// <summary>The domain as text: the parametric ends, or the interval.</summary>
    public string DomainDescription => ParametricDomain?.ToString() ?? DomainText.Format(Domain);
    /// <summary>w = shift + scale·t for a parametric domain: the derivation runs in t.</summary>
    internal DomainScaling? Scaling { get; }
    /// <summary>The parameter values that were substituted.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; }
    /// <summary>Parameters left symbolic (with their assumed domains).</summary>
    public IReadOnlyList<Symbol> SymbolicParameters => Rho.Symbols().Where(s => s.Name != Variable).ToList();
    /// <summary>For x = ρ(u) − ρ(v): the initial values u₀ and v₀; null for the one-variable form.</summary>
    public (Expr U0, Expr V0)? DifferenceInitialValues { get; }
    /// <summary>True for the two-variable form x = ρ(u) − ρ(v).</summary>
    public bool IsDifference => DifferenceInitialValues is not null;

    /// <summary>
    /// Parses ρ, e.g. "beta*sinh(w/beta)". Parameters with values are substituted as exact decimals; others stay
    /// symbolic, with domains from <paramref name="assumptions"/> ("beta&gt;0").
    /// </summary>
    /// <param name="rho">The reparametrization.</param>
    /// <param name="variable">Its variable.</param>
    /// <param name="domain">The open interval it acts on (default: the real line), e.g. "(0,inf)".</param>
    /// <param name="parameters">Values for parameters.</param>
    /// <param name="assumptions">Domains for symbolic parameters.</param>
    public static Reparametrization Parse(string rho, string variable = "w", string? domain = null,
        IReadOnlyDictionary<string, double>? parameters = null, IEnumerable<string>? assumptions = null) =>
        Create(Expr.Parse(rho), variable, domain is null ? ParametricDomain.Real : ParametricDomain.Parse(domain),
            parameters, Assumptions.Parse(assumptions ?? []));

    /// <summary>
    /// Builds a reparametrization on a domain whose ends may depend on parameters: given values are substituted;
    /// ends that stay symbolic must be a positive multiple (under the assumptions) of a constant interval, shifted,
    /// such as (−βπ/2, βπ/2) with β &gt; 0.
    /// </summary>
    /// <exception cref="SymbolicException">An end uses a symbol that is not a parameter of ρ, or no positive scale
    /// makes the ends constant.</exception>
    public static Reparametrization Create(Expr rho, string variable, ParametricDomain domain,
        IReadOnlyDictionary<string, double>? parameters = null, Assumptions? assumptions = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var ends = (domain.Lo ?? Expr.Zero).FreeSymbols().Union((domain.Hi ?? Expr.Zero).FreeSymbols()).ToList();
        foreach (var name in ends)
            if (name == variable || !rho.DependsOn(name))
                throw new SymbolicException(
                    $"the domain {domain} uses '{name}', which is not a parameter of ρ = {rho}");
        var plain = Bind(rho, variable, Interval.Real, parameters, assumptions);
        var bound = domain.Substitute(ends.ToDictionary(n => n, n => plain.Parameters.TryGetValue(n, out var v)
            ? Expr.Decimal(v) : (Expr)plain.SymbolicParameters.First(s => s.Name == n)));
        if (!bound.IsParametric)
            return Create(rho, variable, DomainText.Parse(bound.ToString()), parameters, assumptions);
        var scaling = DomainScaling.Of(bound);
        var hull = new Interval(bound.Lo?.Range().Lo ?? double.NegativeInfinity,
            bound.Hi?.Range().Hi ?? double.PositiveInfinity, true, true);
        var r = Bind(rho, variable, hull, parameters, assumptions);
        return new Reparametrization(r.Original, r.Rho, variable, r.Domain, r.Parameters, null, bound, scaling);
    }

    /// <summary>Builds a reparametrization from an expression.</summary>
    public static Reparametrization Create(Expr rho, string variable, Interval domain,
        IReadOnlyDictionary<string, double>? parameters = null, Assumptions? assumptions = null) =>
        Bind(rho, variable, domain, parameters, assumptions);

    /// <summary>
    /// Checks that ρ is real and finite on its whole domain (<see cref="Derive"/> and the flow check it first).
    /// </summary>
    /// <exception cref="SymbolicException">A pole or an argument outside a function's domain inside the domain: the
    /// message names the point and suggests a domain.</exception>
    public void RequireDefined()
    {
        if (Scaling is not null) return; // decided for ρ(a + s·t) on the constant interval of t
        var values = SymbolicParameters.Count == 0 ? new Dictionary<string, double>()
            : DomainSampler.ParameterSets(Rho, Variable)[0];
        DomainCheck.Require(Rho, Variable, Domain, values);
    }

    /// <summary>ρ with its parameters bound.</summary>
    private static Reparametrization Bind(Expr rho, string variable, Interval domain,
        IReadOnlyDictionary<string, double>? parameters, Assumptions? assumptions)
    {
        if (!Lexicon.IsIdentifier(variable)) throw new SymbolicException($"'{variable}' is not a valid variable name");
        parameters ??= new Dictionary<string, double>();
        assumptions ??= Assumptions.None;
        if (!rho.DependsOn(variable)) throw new SymbolicException($"ρ = {rho} does not depend on {variable}");
        foreach (var name in parameters.Keys)
        {
            if (name == variable) throw new SymbolicException($"the variable {variable} cannot also be a parameter");
            if (!double.IsFinite(parameters[name]))
                throw new SymbolicException($"parameter {name} must be a finite number");
        }
        var open = Narrowed(new Interval(domain.Lo, domain.Hi, true, true, domain.ExcludesZero), variable, assumptions);
        // a parameter keeps the domain its symbol carries unless the assumptions give one
        Interval DomainOf(string n) =>
            assumptions.ContainsKey(n) ? assumptions.DomainOf(n) : rho.Symbols().First(s => s.Name == n).Domain;
        var symbols = rho.FreeSymbols().ToDictionary(n => n, n => n == variable
            ? Expr.Var(variable, open)
            : parameters.TryGetValue(n, out var v) ? Expr.Decimal(v) : (Expr)Expr.Var(n, DomainOf(n)));
        var bound = rho.Substitute(symbols);
        if (!bound.DependsOn(variable))
            throw new SymbolicException($"ρ = {rho} is the constant {bound} with the parameter values given");
        var used = parameters.Where(p => rho.DependsOn(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        return new Reparametrization(rho, bound, variable, open, used, null);
    }

    /// <summary>
    /// The domain cut down by an assumption on the variable itself ("w&gt;1" with (0, ∞) gives (1, ∞)).
    /// </summary>
    /// <exception cref="SymbolicException">The assumption and the domain leave no values.</exception>
    private static Interval Narrowed(Interval open, string variable, Assumptions assumptions)
    {
        if (!assumptions.ContainsKey(variable)) return open;
        try
        {
            var both = assumptions.With(variable, open).DomainOf(variable);
            return new Interval(both.Lo, both.Hi, true, true, both.ExcludesZero);
        }
        catch (ArgumentException)
        {
            throw new SymbolicException($"the assumption {variable} ∈ {assumptions.DomainOf(variable)} leaves no " +
                $"values in the domain {open}");
        }
    }

    /// <summary>The two-variable form x = ρ(u) − ρ(v) with flows started at u₀ and v₀ (both in the domain).</summary>
    public Reparametrization Difference(Expr u0, Expr v0)
    {
        if (ParametricDomain is not null)
            throw new SymbolicException($"the two-variable form needs a constant domain, not {ParametricDomain}: " +
                "give values for its parameters");
        foreach (var (name, value) in new[] { ("u₀", u0), ("v₀", v0) })
        {
            var range = value.Range();
            if (value.IsConstant && !Domain.Contains(value.Evaluate()))
                throw new SymbolicException($"{name} = {value} is outside the domain {Domain}");
            if (!value.IsConstant && !(range.Lo >= Domain.Lo && range.Hi <= Domain.Hi))
                throw new SymbolicException(
                    $"{name} = {value} is not known to lie in the domain {Domain}; add an assumption");
        }
        return new Reparametrization(Original, Rho, Variable, Domain, Parameters, (u0, v0));
    }

    /// <summary>The two-variable form with numeric initial values.</summary>
    public Reparametrization Difference(double u0, double v0) => Difference(Expr.Decimal(u0), Expr.Decimal(v0));

    /// <summary>Derives the whole chain (see <see cref="Derivation"/>).</summary>
    /// <exception cref="SymbolicException">ρ is not defined on its whole domain (see <see cref="RequireDefined"/>).
    /// </exception>
    public Derivation Derive()
    {
        using var shared = Algebra.ShortestForm.Shared();
        RequireDefined();
        return Scaling is { } s ? AffineChain.Derive(this, s) : Bias.Deriver.Derive(this);
    }

    /// <summary>"ρ(w) = …, w ∈ (…)".</summary>
    public override string ToString() => IsDifference
        ? $"x = ρ(u) − ρ(v), ρ({Variable}) = {Rho}, {Variable} ∈ {(object?)ParametricDomain ?? Domain}, " +
            $"u₀ = {DifferenceInitialValues!.Value.U0}, v₀ = {DifferenceInitialValues.Value.V0}"
        : $"ρ({Variable}) = {Rho}, {Variable} ∈ {(object?)ParametricDomain ?? Domain}";
}
