using ImplicitBias.Symbolic.Analysis;
using ImplicitBias.Symbolic.Algebra.Calculus;
using ImplicitBias.Symbolic.Models;

namespace ImplicitBias.Symbolic;

/// <summary>
/// A strictly increasing link g: ℝ → <see cref="Range"/> applied to the linear predictions z = ⟨a, x⟩, so the model
/// fits g(Ax) ≈ y and the interpolation constraints are Ax = g⁻¹(y). The implicit-bias limit does not depend on the
/// link (it changes the speed of the flow, not its limit). Built-in links use hand-written, overflow-safe formulas;
/// formula links are validated (strictly increasing, defined on ℝ) and compiled once.
/// </summary>
public sealed class Link
{
    private readonly Func<double, double> _value, _derivative, _second, _inverse;

    private Link(string name, string description, Expr formula, Interval range,
        Func<double, double> value, Func<double, double> derivative, Func<double, double> second,
        Func<double, double> inverse)
    {
        Name = name;
        Description = description;
        Formula = formula;
        Range = range;
        _value = value;
        _derivative = derivative;
        _second = second;
        _inverse = inverse;
    }

    /// <summary>"identity", "sigmoid", "tanh", "exp", "softplus", or the formula's text; <see cref="Parse"/> reads it
    /// back.</summary>
    public string Name { get; }

    /// <summary>"the sigmoid link" or "the link g(z) = …", for messages.</summary>
    internal string Description { get; }

    /// <summary>g as an expression in z (for built-in links too: z, 1/(1 + exp(−z)), tanh(z), exp(z),
    /// log(1 + exp(z))).</summary>
    public Expr? Formula { get; }

    /// <summary>g(z).</summary>
    public double Value(double z) => _value(z);

    /// <summary>g′(z) &gt; 0.</summary>
    public double Derivative(double z) => _derivative(z);

    /// <summary>g″(z).</summary>
    public double SecondDerivative(double z) => _second(z);

    /// <summary>g⁻¹(y): a closed form when one is known (checked at sample points), else a bracketed Newton solve. NaN
    /// outside <see cref="Range"/>.</summary>
    public double Inverse(double y) => _inverse(y);

    /// <summary>The open interval g maps ℝ onto (the limits of g at −∞ and +∞). Data y must lie inside it.</summary>
    public Interval Range { get; }

    private static readonly Symbol Z = Expr.Var("z");

    /// <summary>g(z) = z, range ℝ.</summary>
    public static Link Identity { get; } =
        new("identity", "the identity link", Z, Interval.Real, z => z, _ => 1, _ => 0, y => y);

    /// <summary>g(z) = 1/(1 + e^−z), range (0, 1); g⁻¹(y) = log(y/(1 − y)).</summary>
    public static Link Sigmoid { get; } = new(
        "sigmoid", "the sigmoid link", 1 / (1 + Expr.Exp(-Z)), Interval.Open(0, 1),
        ModelNumerics.Sigmoid,
        z => { double s = ModelNumerics.Sigmoid(z), t = ModelNumerics.Sigmoid(-z); return s * t; },
        z => { double s = ModelNumerics.Sigmoid(z), t = ModelNumerics.Sigmoid(-z); return s * t * (t - s); },
        y => y is > 0 and < 1 ? Math.Log(y) - ModelNumerics.Log1p(-y)
            : y == 0 ? double.NegativeInfinity : y == 1 ? double.PositiveInfinity : double.NaN);

    /// <summary>g(z) = tanh z, range (−1, 1); g⁻¹ = atanh.</summary>
    public static Link Tanh { get; } = new("tanh", "the tanh link", Expr.Tanh(Z), Interval.Open(-1, 1),
        Math.Tanh,
        z => { double c = Math.Cosh(z); return 1 / (c * c); },
        z => { double c = Math.Cosh(z); return -2 * Math.Tanh(z) / (c * c); },
        y => Math.Abs(y) <= 1 ? Math.Atanh(y) : double.NaN);

    /// <summary>g(z) = e^z, range (0, ∞); g⁻¹ = log.</summary>
    public static Link Exp { get; } = new("exp", "the exp link", Expr.Exp(Z), Interval.Positive,
        Math.Exp, Math.Exp, Math.Exp,
        y => y >= 0 ? Math.Log(y) : double.NaN);

    /// <summary>g(z) = log(1 + e^z), range (0, ∞); g′ = sigmoid; g⁻¹(y) = log(e^y − 1), evaluated as y + log(1 − e^−y)
    /// for large y.</summary>
    public static Link Softplus { get; } = new(
        "softplus", "the softplus link", Expr.Log(1 + Expr.Exp(Z)), Interval.Positive,
        z => Math.Max(z, 0) + ModelNumerics.Log1p(Math.Exp(-Math.Abs(z))),
        ModelNumerics.Sigmoid,
        z => { double s = ModelNumerics.Sigmoid(z), t = ModelNumerics.Sigmoid(-z); return s * t; },
        y => y < 0 ? double.NaN : y == 0 ? double.NegativeInfinity
            : y > 1 ? y + ModelNumerics.Log1p(-Math.Exp(-y)) : Math.Log(ModelNumerics.Expm1(y)));

    /// <summary>
    /// A link given by a formula in one variable. It must be defined on the whole real line and strictly increasing: g′
    /// may not change sign (sign analysis over about 800 points of ℝ), and unless the range analysis proves g′ &gt; 0,
    /// g′ must be positive at sample points 10⁻³ ≤ |z| ≤ 10 (which catches flat pieces built with abs or sign). The
    /// range is the interval between the limits at ±∞ (symbolic when possible, else numeric). g, g′, g″ and g⁻¹ (via
    /// <see cref="ExprCalculus.Solve(Expr, string, string)"/>) are compiled once.
    /// </summary>
    /// <param name="formula">g, e.g. 2*atan(z)/pi or z + z^3.</param>
    /// <param name="variable">Its variable.</param>
    /// <exception cref="SymbolicException">
    /// The formula has other symbols, is undefined somewhere on ℝ, or is not strictly increasing (the message says
    /// where g′ changes sign).
    /// </exception>
    public static Link FromFormula(Expr formula, string variable = "z")
    {
        ModelNumerics.RequireOnly(formula, variable, "link formula");
        string what = $"the link g({variable}) = {formula}";
        var first = formula.Differentiate(variable);
        var second = first.Differentiate(variable);
        var value = formula.Compile(variable);
        var derivative = first.Compile(variable);

        var none = new Dictionary<string, double>();
        DomainCheck.Require(formula, variable, Interval.Real, none,
            $"{what}, which must be defined on the whole real line,", suggest: false);
        var (sign, _, changes, vanishing) = SignAnalysis.Of(first, variable, Interval.Real, none);
        string increasing = $"{what} is not strictly increasing";
        if (sign < 0) throw new SymbolicException($"{increasing}: g′({variable}) = {first} is negative (g decreases)");
        if (sign == 0)
            throw new SymbolicException(changes.Count > 0
                ? $"{increasing}: g′ changes sign at {variable} ≈ {Approximations(changes)}"
                : $"{increasing}: g′({variable}) = {first} vanishes or is undefined on the real line");
        // g′ ≥ 0 without sign changes still allows flat pieces (z + abs(z))
        if (vanishing is var (from, to))
            throw new SymbolicException(from < to
                ? $"{increasing}: g′({variable}) = {first} vanishes on ({Text(from)}, {Text(to)})"
                : $"{increasing}: g′({variable}) = {first} vanishes at {variable} ≈ {ModelNumerics.Approx(from)}");
        var range = EndLimits.Image(formula, variable, Interval.Real, none).Image;
        var inverse = InverseOf(formula, variable, value, derivative);
        return new Link(formula.ToString(), what, formula, range, value, derivative, second.Compile(variable), inverse);
    }

    private static string Approximations(IReadOnlyList<double> points) =>
        string.Join(", ", points.Take(3).Select(ModelNumerics.Approx));

    private static string Text(double end) =>
        double.IsFinite(end) ? ModelNumerics.Approx(end) : ModelNumerics.Text(end);

    private static Func<double, double> InverseOf(Expr formula, string variable, Func<double, double> value,
        Func<double, double> derivative)
    {
        string y = variable == "y" ? "y1" : "y";
        try
        {
            var solved = formula.Solve(variable, y);
            return solved.Evaluate;
        }
        catch (SymbolicException)
        {
            return target => ScalarNumerics.InvertMonotone(value, derivative, Interval.Real, true, target);
        }
    }

    /// <summary>A link from text: "identity", "sigmoid" (or "logistic"), "tanh", "exp", "softplus", or a formula in
    /// z.</summary>
    /// <exception cref="SymbolicException">Unknown name or a formula that is not a valid link.</exception>
    public static Link Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Trim();
        switch (text.ToLowerInvariant())
        {
            case "identity" or "id" or "linear": return Identity;
            case "sigmoid" or "logistic": return Sigmoid;
            case "tanh": return Tanh;
            case "exp": return Exp;
            case "softplus": return Softplus;
        }
        const string expected = "identity, sigmoid, tanh, exp, softplus or a formula in z such as z + z^3";
        Expr formula;
        try { formula = Expr.Parse(text); }
        catch (ParseException e)
        {
            throw new SymbolicException($"unknown link '{text}': expected {expected} ({e.Message})", e);
        }
        if (!formula.DependsOn("z")) throw new SymbolicException($"unknown link '{text}': expected {expected}");
        return FromFormula(formula, "z");
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
