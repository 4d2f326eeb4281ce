using ImplicitBias.Symbolic.Analysis;
using ImplicitBias.Symbolic.Algebra.Calculus;

namespace ImplicitBias.Symbolic;

/// <summary>
/// An antiderivative F with F′ = integrand on the variable's domain: a certified closed form, or a numeric one
/// (adaptive quadrature from <see cref="BasePoint"/>, so F(BasePoint) = 0) with error estimates.
/// </summary>
public sealed class Antiderivative
{
    private readonly Func<double, double>? _integrand;

    internal Antiderivative(Expr integrand, Symbol variable, Expr? expression, IntegrationStep? steps,
        Certificate? certificate, IReadOnlyDictionary<string, double> parameters)
    {
        Integrand = integrand;
        Variable = variable.Name;
        Domain = variable.Domain;
        Expression = expression;
        Steps = steps;
        Method = steps is null ? "adaptive quadrature" : IntegrationRuleText.Method(steps);
        Certificate = certificate;
        Parameters = parameters;
        var unbound = integrand.FreeSymbols().Where(n => n != Variable && !parameters.ContainsKey(n)).ToList();
        Unbound = unbound;
        if (unbound.Count == 0) _integrand = integrand.CompileForChecks(Variable, parameters);
        BasePoint = ChooseBasePoint(variable.Domain, _integrand);
        if (expression is not null && unbound.Count == 0) _closed = expression.CompileForChecks(Variable, parameters);
    }

    private readonly Func<double, double>? _closed;

    /// <summary>The function integrated.</summary>
    public Expr Integrand { get; }
    /// <summary>The integration variable.</summary>
    public string Variable { get; }
    /// <summary>The variable's domain, on which the result holds.</summary>
    public Interval Domain { get; }
    /// <summary>The certified closed form, or null when the result is numeric.</summary>
    public Expr? Expression { get; }
    /// <summary>True for a certified closed form.</summary>
    public bool IsClosedForm => Expression is not null;
    /// <summary>
    /// The rules of <see cref="Steps"/> in the order they were applied ("table", "substitution", "partial fractions",
    /// …, comma-separated), or "adaptive quadrature".
    /// </summary>
    public string Method { get; }
    /// <summary>
    /// The tree of rule steps that produced the closed form, its root the integral of the integrand after the
    /// identities (before simplification); null for a numeric result.
    /// </summary>
    public IntegrationStep? Steps { get; }
    /// <summary>How the closed form was certified (null for numeric results).</summary>
    public Certificate? Certificate { get; }
    /// <summary>Values used for the symbols other than the variable when evaluating.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; }
    /// <summary>Symbols other than the variable that have no value (evaluation needs them).</summary>
    public IReadOnlyList<string> Unbound { get; }
    /// <summary>Where a numeric antiderivative is zero.</summary>
    public double BasePoint { get; }

    /// <summary>The closed form plus a constant (another antiderivative of the same integrand).</summary>
    internal Antiderivative WithConstant(Expr constant) =>
        IsClosedForm && !constant.Equals(Expr.Zero)
            ? new Antiderivative(Integrand, Expr.Var(Variable, Domain), (Expression! + constant).Simplify(), Steps,
                Certificate, Parameters)
            : this;

    /// <summary>F(x): the closed form, or ∫ from <see cref="BasePoint"/> to x.</summary>
    public double Evaluate(double x) => EvaluateWithError(x).Value;

    /// <summary>F(x) with an error estimate (0 for closed forms).</summary>
    public (double Value, double Error) EvaluateWithError(double x)
    {
        RequireBound();
        if (_closed is not null) return (_closed(x), 0);
        if (!Domain.Contains(x)) return (double.NaN, double.NaN);
        return ScalarNumerics.Quadrature(_integrand!, BasePoint, x);
    }

    /// <summary>
    /// A numeric F at each of <paramref name="points"/> (a monotone sequence), integrated segment by segment from one
    /// point to the next: for following F toward an end of the domain, where evaluating from the base point each time
    /// would repeat the whole integral, to about 10⁻¹¹ of F. Ends after a non-finite value;
    /// ends with NaN, marking an early stop, when a
    /// segment's error estimate exceeds 10⁻⁶ of F (an oscillating integrand over a long segment) or after about
    /// <paramref name="maxEvaluations"/> evaluations of the integrand.
    /// </summary>
    internal IEnumerable<double> EvaluateAlong(IEnumerable<double> points, int maxEvaluations = 200_000)
    {
        RequireBound();
        if (_closed is not null)
            throw new InvalidOperationException("EvaluateAlong integrates numeric antiderivatives");
        int evaluations = 0;
        double Counted(double w) { evaluations++; return _integrand!(w); }
        double previous = BasePoint, value = 0;
        foreach (var p in points)
        {
            if (!Domain.Contains(p)) yield break;
            if (evaluations >= maxEvaluations) { yield return double.NaN; yield break; }
            // A segment only needs accuracy relative to F: a coarse pass first, refined when F asks for more.
            var (segment, error) =
                ScalarNumerics.Quadrature(Counted, previous, p, relativeTolerance: 1e-6, maxDepth: 10);
            double wanted = 1e-11 * Math.Max(1, Math.Abs(value + segment));
            if (error > wanted && segment != 0)
                (segment, error) = ScalarNumerics.Quadrature(Counted, previous, p,
                    Math.Clamp(wanted / Math.Abs(segment), 1e-13, 1e-6), maxDepth: 10);
            value += segment;
            if (!(error <= 1e-6 * Math.Max(1, Math.Abs(value))) && double.IsFinite(value))
            {
                yield return double.NaN;
                yield break;
            }
            yield return value;
            if (!double.IsFinite(value)) yield break;
            previous = p;
        }
    }

    /// <summary>
    /// ∫_a^b of the integrand, split at its singular points: an improper integral that converges is computed (from
    /// the limits of the closed form, or by quadrature with an error estimate), one that diverges is reported.
    /// </summary>
    /// <exception cref="SymbolicException">An end is outside the domain, the integral diverges, or the integrand is
    /// not real between the ends.</exception>
    public (double Value, double Error) Definite(double a, double b)
    {
        RequireBound();
        if (!Domain.Contains(a) || !Domain.Contains(b))
            throw new SymbolicException($"the interval [{a}, {b}] is not inside the domain {Domain} of {Variable}");
        if (a == b) return (0, 0);
        if (a > b)
        {
            var (value, error) = Definite(b, a);
            return (-value, error);
        }
        return Analysis.ImproperIntegral.Of(Integrand, Expression, Variable, a, b, Parameters, _integrand!);
    }

    /// <summary>F as a delegate (closed form compiled, or quadrature).</summary>
    public Func<double, double> ToFunction()
    {
        RequireBound();
        return _closed ?? (x => Evaluate(x));
    }

    private void RequireBound()
    {
        if (Unbound.Count > 0)
            throw new EvaluationException($"give values for {string.Join(", ", Unbound.Select(u => $"'{u}'"))} "
                + $"to evaluate this antiderivative");
    }

    private static double ChooseBasePoint(Interval domain, Func<double, double>? f)
    {
        var candidates = new List<double>();
        if (domain.Contains(0)) candidates.Add(0);
        if (domain.Contains(1)) candidates.Add(1);
        candidates.Add(domain.Midpoint);
        candidates.AddRange(DomainSampler.Points(domain));
        foreach (var c in candidates)
            if (f is null || double.IsFinite(f(c))) return c;
        return domain.Midpoint;
    }

    /// <summary>The closed form's text, or a description of the numeric result.</summary>
    public override string ToString() => Expression?.ToString()
        ?? $"numeric antiderivative of {Integrand} (adaptive quadrature from {Variable} = {BasePoint})";
}

/// <summary>
/// The inverse w = g(x) of a strictly monotone x = e(w) on w's domain: a closed form on the right branch, checked
/// at sample points, or a numeric inverse (bracketed Newton).
/// </summary>
public sealed class Inverse
{
    private readonly Func<double, double>? _evaluate;

    internal Inverse(Expr function, Symbol variable, string forSymbol, Interval image, Expr? expression, string branch,
        bool increasing, bool monotonicityProven, Func<double, double>? evaluate, IReadOnlyList<string> unbound)
    {
        Function = function;
        Variable = variable.Name;
        Domain = variable.Domain;
        ForSymbol = forSymbol;
        Image = image;
        Expression = expression;
        Branch = branch;
        Increasing = increasing;
        MonotonicityProven = monotonicityProven;
        _evaluate = evaluate;
        Unbound = unbound;
    }

    /// <summary>The function inverted, e(w).</summary>
    public Expr Function { get; }
    /// <summary>Its variable w.</summary>
    public string Variable { get; }
    /// <summary>The domain of w.</summary>
    public Interval Domain { get; }
    /// <summary>The name of the value x = e(w).</summary>
    public string ForSymbol { get; }
    /// <summary>An interval holding every value e takes on the domain.</summary>
    public Interval Image { get; }
    /// <summary>w as an expression in x, or null when only a numeric inverse exists.</summary>
    public Expr? Expression { get; }
    /// <summary>True for a checked closed form.</summary>
    public bool IsClosedForm => Expression is not null;
    /// <summary>Which branch was taken ("principal asin", "quadratic root with +√", …, or "numeric").</summary>
    public string Branch { get; }
    /// <summary>True when e increases on the domain.</summary>
    public bool Increasing { get; }
    /// <summary>True when monotonicity was proven from the derivative's range (else
    /// established by dense sampling).</summary>
    public bool MonotonicityProven { get; }
    /// <summary>Symbols other than w that have no value (evaluation needs them).</summary>
    public IReadOnlyList<string> Unbound { get; }

    /// <summary>w for a given x (NaN outside the image).</summary>
    public double Evaluate(double x) => _evaluate is not null ? _evaluate(x)
        : throw new EvaluationException(
            $"give values for {string.Join(", ", Unbound.Select(u => $"'{u}'"))} to evaluate this inverse");

    /// <summary>The closed form's text or "numeric inverse".</summary>
    public override string ToString() => Expression?.ToString() ?? $"numeric inverse of {Function}";
}

/// <summary>The function to invert is not monotone on the domain.</summary>
public sealed class NotMonotoneException : SymbolicException
{
    /// <summary>Creates the exception.</summary>
    public NotMonotoneException(string message, IReadOnlyList<double> signChanges) : base(message) =>
        SignChanges = signChanges;
    /// <summary>Where the derivative changes sign (approximately).</summary>
    public IReadOnlyList<double> SignChanges { get; }
}
