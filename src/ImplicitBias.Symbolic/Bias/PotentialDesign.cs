using ImplicitBias.Symbolic.Algebra.Calculus;
using ImplicitBias.Symbolic.Analysis;

namespace ImplicitBias.Symbolic;

/// <summary>
/// A reparametrization designed for a wanted potential: ρ⁻¹(x) = ∫ √f″(x) dx, ρ its inverse, and the check that
/// deriving ρ back reproduces f″.
/// </summary>
public sealed class DesignResult
{
    internal DesignResult(Expr potential, Symbol x, Expr metric, Condition convexity,
        Antiderivative inverseReparametrization, Expr? reparametrization, string w, Interval wDomain, Derivation? check,
        bool verified, string verification)
    {
        Potential = potential;
        Variable = x.Name;
        Domain = x.Domain;
        Metric = metric;
        Convexity = convexity;
        InverseReparametrizationResult = inverseReparametrization;
        Reparametrization = reparametrization;
        ReparametrizationVariable = w;
        ReparametrizationDomain = wDomain;
        Check = check;
        Verified = verified;
        Verification = verification;
    }

    /// <summary>The wanted potential f(x).</summary>
    public Expr Potential { get; }
    /// <summary>Its variable.</summary>
    public string Variable { get; }
    /// <summary>The interval f lives on (the image of ρ).</summary>
    public Interval Domain { get; }
    /// <summary>f″(x).</summary>
    public Expr Metric { get; }
    /// <summary>
    /// Whether f″ &gt; 0 on the domain: holds (proven), fails (f″ vanishes somewhere, with where), or unknown
    /// (sampled). A design whose condition fails is not verified.
    /// </summary>
    public Condition Convexity { get; }
    /// <summary>ρ⁻¹(x) = ∫ √f″ dx as a closed form, or null when only numeric.</summary>
    public Expr? InverseReparametrization => InverseReparametrizationResult.Expression;
    /// <summary>The antiderivative behind <see cref="InverseReparametrization"/> (closed or numeric).</summary>
    public Antiderivative InverseReparametrizationResult { get; }
    /// <summary>ρ(w), or null when the inverse has no closed form.</summary>
    public Expr? Reparametrization { get; }
    /// <summary>The variable of ρ.</summary>
    public string ReparametrizationVariable { get; }
    /// <summary>The domain of ρ (the image of ρ⁻¹).</summary>
    public Interval ReparametrizationDomain { get; }
    /// <summary>The derivation of ρ used for the check (null when ρ has no closed form).</summary>
    public Derivation? Check { get; }
    /// <summary>True when the derived metric equals f″ at sample points (relative 1e-9).</summary>
    public bool Verified { get; }
    /// <summary>What the verification compared.</summary>
    public string Verification { get; }
    /// <summary>explicit (ρ closed), parametric (ρ⁻¹ closed) or numeric.</summary>
    public Form Form => Reparametrization is not null ? Form.Explicit
        : InverseReparametrization is not null ? Form.Parametric : Form.Numeric;

    /// <summary>"ρ(w) = …".</summary>
    public override string ToString() => Reparametrization is not null
        ? $"ρ({ReparametrizationVariable}) = {Reparametrization}, " +
            $"{ReparametrizationVariable} ∈ {ReparametrizationDomain}"
        : $"ρ⁻¹({Variable}) = {InverseReparametrizationResult}";
}

/// <summary>The inverse problem: from a wanted strictly convex potential to a reparametrization.</summary>
public static class PotentialDesign
{
    /// <summary>Designs ρ for the potential given as text on an interval such as "(0,inf)".</summary>
    public static DesignResult Design(string potential, string variable = "x", string? domain = null,
        IReadOnlyDictionary<string, double>? parameters = null, IEnumerable<string>? assumptions = null,
        string reparametrizationVariable = "w")
    {
        var interval = domain is null ? Interval.Real : DomainText.Parse(domain);
        var f = Expr.Parse(potential,
            Assumptions.Parse(assumptions ?? []).With(variable, new Interval(interval.Lo, interval.Hi, true, true)));
        if (parameters is { Count: > 0 })
            f = f.Substitute(parameters.ToDictionary(p => p.Key, p => Expr.Decimal(p.Value)));
        return Design(f, variable, reparametrizationVariable);
    }

    /// <summary>Designs ρ for a potential whose variable carries its domain.</summary>
    /// <exception cref="SymbolicException">f is not strictly convex on its domain.</exception>
    public static DesignResult Design(Expr potential, string variable, string reparametrizationVariable = "w")
    {
        var x = potential.Symbols().FirstOrDefault(s => s.Name == variable)
            ?? throw new SymbolicException($"the potential {potential} does not depend on {variable}");
        if (potential.DependsOn(reparametrizationVariable))
            throw new SymbolicException($"choose a reparametrization variable other than the symbols of {potential}");
        var metric = potential.Differentiate(variable, 2).Simplify();
        var values = DomainSampler.ParameterSets(potential, variable)[0];
        var (convexity, failure) = Bias.StrictConvexity.Check(metric, x, values);
        if (failure == Bias.ConvexityFailure.Negative)
            throw new SymbolicException($"f is not convex on {x.Domain}: {convexity.Reason}");
        var root = Expr.Sqrt(metric).Simplify();
        var inverse = root.Integrate(variable, values);
        Expr? rho = null;
        Interval wDomain = Interval.Real;
        // where f″ vanishes on an interval, ρ⁻¹ is constant there: it has no inverse
        if (inverse.IsClosedForm && failure != Bias.ConvexityFailure.VanishesOnInterval)
        {
            var h = inverse.Expression!;
            wDomain = ImageOf(h, x, values);
            var w = Expr.Var(reparametrizationVariable, wDomain);
            if (InverseSolver.Candidate(h, x, w) is var (candidate, _)
                && InverseSolver.SamplesAgree(h, x, w, candidate))
                rho = candidate.Simplify();
        }
        Derivation? check = null;
        bool verified;
        string verification;
        if (rho is not null)
        {
            check = ImplicitBias.Symbolic.Reparametrization.Create(rho, reparametrizationVariable, wDomain).Derive();
            if (check.Metric is { } derivedMetric)
                verified = MetricsAgree(derivedMetric, metric, x, values, out verification);
            else (verified, verification) = (false, "the derivation of ρ did not produce a metric");
        }
        else
        {
            // only ρ⁻¹ = h is known: f″ must equal h′² (since ρ′(ρ⁻¹(x)) = 1/h′(x))
            var hPrime = inverse.IsClosedForm ? inverse.Expression!.Differentiate(variable) : root;
            var certificate = Algebra.Calculus.Certifier.CompareAtPoints(Expr.Pow(hPrime, 2), metric, variable,
                x.Domain);
            verified = certificate is not null;
            verification = verified ? $"h′(x)² = f″(x) {certificate}" : "h′(x)² differs from f″(x) at sample points";
        }
        if (convexity.Status == ConditionStatus.Fails) (verified, verification) = (false, convexity.Reason);
        return new DesignResult(potential, x, metric, convexity, inverse, rho, reparametrizationVariable, wDomain,
            check, verified, verification);
    }

    private static bool MetricsAgree(ChainFunction derived, Expr metric, Symbol x,
        IReadOnlyDictionary<string, double> values, out string verification)
    {
        // an explicit derived metric is compared as an expression: exactly, or at sampled parameter values
        if (derived.Expression is { } explicitMetric)
        {
            var certificate = Algebra.Calculus.Certifier.CertifyEqual(explicitMetric.Substitute(derived.Argument, x),
                metric, x, x.Domain);
            verification = certificate is null
                ? $"the derived f″ = {explicitMetric} differs from f″"
                : $"derived f″ {certificate}";
            return certificate is not null;
        }
        var f2 = metric.Compile(x.Name, values);
        int compared = 0;
        double worst = 0;
        foreach (var point in DomainSampler.Points(x.Domain))
        {
            double want = f2(point);
            if (!double.IsFinite(want)) continue;
            double got;
            try { got = derived.Evaluate(point); }
            catch (EvaluationException)
            {
                verification = "parameters are unbound; the derived metric cannot be evaluated";
                return false;
            }
            double error = Math.Abs(got - want) / Math.Max(Math.Abs(want), 1e-300);
            if (!(error <= 1e-9))
            {
                verification = $"derived f″ = {got} but wanted {want} at {x.Name} = {point}";
                return false;
            }
            worst = Math.Max(worst, error);
            compared++;
        }
        verification = $"derived f″ matches at {compared} points (max relative error {worst:G2})";
        return compared >= 5;
    }

    /// <summary>The interval h maps the domain onto (h increasing, since h′ = √f″ &gt; 0).</summary>
    private static Interval ImageOf(Expr h, Symbol x, IReadOnlyDictionary<string, double> values)
    {
        var (image, _) = EndLimits.Image(h, x.Name, x.Domain, values);
        return image;
    }
}
