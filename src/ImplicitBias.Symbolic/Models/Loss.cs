using ImplicitBias.Symbolic.Analysis;
using System.Globalization;
using ImplicitBias.Symbolic.Algebra.Calculus;
using ImplicitBias.Symbolic.Models;

namespace ImplicitBias.Symbolic;

/// <summary>
/// A loss ℓ of the residual r = g(⟨a, x⟩) − y, with ℓ ≥ 0, ℓ(0) = 0 and sign ℓ′(r) = sign r (docs/ARCHITECTURE.md). The
/// implicit-bias limit does not depend on which loss is used; the loss changes only the speed of the flow.
/// Evaluation goes through delegates built once (hand-written for the built-in losses, compiled for formulas),
/// so <see cref="Value"/>, <see cref="Derivative"/> and <see cref="SecondDerivative"/> are cheap and allocation-free.
/// </summary>
public sealed class Loss
{
    private readonly Func<double, double> _value, _derivative, _second;

    private Loss(string name, Expr? formula, Func<double, double> value, Func<double, double> derivative,
        Func<double, double> second)
    {
        Name = name;
        Formula = formula;
        _value = value;
        _derivative = derivative;
        _second = second;
    }

    /// <summary>"square", "huber(1)", "power(1.5)", "logcosh", or the formula's text; <see cref="Parse"/> reads it
    /// back.</summary>
    public string Name { get; }

    /// <summary>ℓ as an expression in r when there is one (null for Huber, which is piecewise).</summary>
    public Expr? Formula { get; }

    /// <summary>ℓ(r) ≥ 0, with ℓ(0) = 0.</summary>
    public double Value(double r) => _value(r);

    /// <summary>ℓ′(r); its sign is the sign of r.</summary>
    public double Derivative(double r) => _derivative(r);

    /// <summary>
    /// ℓ″(r), for implicit integrators. For <see cref="Power"/> with 1 &lt; q &lt; 2 it is +∞ at r = 0 (the loss is not
    /// twice differentiable there); for Huber it is 1 inside [−δ, δ] and 0 outside.
    /// </summary>
    public double SecondDerivative(double r) => _second(r);

    /// <summary>ℓ(r) = r²/2.</summary>
    public static Loss Square { get; } =
        new("square", Expr.Pow(Expr.Var("r"), 2) / 2, r => 0.5 * r * r, r => r, _ => 1);

    /// <summary>ℓ(r) = log cosh r, evaluated as log1p(2 sinh²(r/2)) for |r| &lt; 1 and |r| − log 2 + log1p(e^(−2|r|))
    /// beyond, so it is accurate near 0 and large |r| does not overflow.</summary>
    public static Loss LogCosh { get; } = new("logcosh", Expr.Log(Expr.Cosh(Expr.Var("r"))),
        r =>
        {
            double a = Math.Abs(r);
            if (a < 1) { double s = Math.Sinh(0.5 * a); return ModelNumerics.Log1p(2 * s * s); }
            return a - Math.Log(2) + ModelNumerics.Log1p(Math.Exp(-2 * a));
        },
        Math.Tanh,
        r => { double c = Math.Cosh(r); return 1 / (c * c); });

    /// <summary>The Huber loss: r²/2 for |r| ≤ δ and δ(|r| − δ/2) beyond (quadratic near 0, linear in the
    /// tails).</summary>
    /// <param name="delta">The threshold δ &gt; 0.</param>
    /// <exception cref="SymbolicException">δ is not a positive finite number.</exception>
    public static Loss Huber(double delta)
    {
        if (!(delta > 0) || !double.IsFinite(delta))
            throw new SymbolicException(
                $"the Huber threshold δ = {ModelNumerics.Text(delta)} must be a positive finite number");
        return new Loss($"huber({ModelNumerics.Text(delta)})", null,
            r => Math.Abs(r) <= delta ? 0.5 * r * r : delta * (Math.Abs(r) - 0.5 * delta),
            r => Math.Abs(r) <= delta ? r : Math.CopySign(delta, r),
            r => Math.Abs(r) <= delta ? 1 : 0);
    }

    /// <summary>ℓ(r) = |r|^q / q, so ℓ′(r) = sign(r)|r|^(q−1).</summary>
    /// <param name="q">The exponent q &gt; 1.</param>
    /// <exception cref="SymbolicException">q is not a finite number above 1.</exception>
    public static Loss Power(double q)
    {
        if (!(q > 1) || !double.IsFinite(q))
            throw new SymbolicException(
                $"the power loss |r|^q/q needs a finite exponent q > 1, got q = {ModelNumerics.Text(q)}");
        var exponent = Expr.Decimal(q);
        var formula = Expr.Pow(Expr.Abs(Expr.Var("r")), exponent) / exponent;
        if (q == 2) return new Loss("power(2)", formula, Square._value, Square._derivative, Square._second);
        return new Loss($"power({ModelNumerics.Text(q)})", formula,
            r => Math.Pow(Math.Abs(r), q) / q,
            r => Math.CopySign(Math.Pow(Math.Abs(r), q - 1), r),
            r => (q - 1) * Math.Pow(Math.Abs(r), q - 2));
    }

    /// <summary>
    /// A loss given by a formula in one variable. ℓ, ℓ′ and ℓ″ are compiled once. The formula is checked at sample
    /// points 10⁻⁴ ≤ |r| ≤ 10³ (and by a sign analysis of ℓ′ on each half-line): ℓ(0) = 0, ℓ(r) ≥ 0 and defined, and
    /// sign ℓ′(r) = sign r.
    /// </summary>
    /// <param name="formula">ℓ, e.g. r^4/4 or log(cosh(r)).</param>
    /// <param name="variable">The residual variable.</param>
    /// <exception cref="SymbolicException">The formula has other symbols, or is not a loss; the message says which
    /// check failed and where.</exception>
    public static Loss FromFormula(Expr formula, string variable = "r")
    {
        ModelNumerics.RequireOnly(formula, variable, "loss formula");
        var first = formula.Differentiate(variable);
        var second = first.Differentiate(variable);
        var value = formula.Compile(variable);
        var derivative = first.Compile(variable);
        var secondDerivative = second.Compile(variable);
        string what = $"the loss ℓ({variable}) = {formula}";

        double atZero = value(0);
        if (!double.IsFinite(atZero) || Math.Abs(atZero) > 1e-12)
            throw new SymbolicException($"{what} has ℓ(0) = {ModelNumerics.Approx(atZero)}; a loss must vanish at 0");
        double slopeAtZero = derivative(0);
        if (double.IsFinite(slopeAtZero) && Math.Abs(slopeAtZero) > 1e-12)
            throw new SymbolicException($"{what} has ℓ′(0) = {ModelNumerics.Approx(slopeAtZero)}; " +
                "sign ℓ′(r) = sign r needs ℓ′(0) = 0");
        DomainCheck.Require(formula, variable, Interval.Real, new Dictionary<string, double>(),
            $"{what}, which must be defined on the whole real line,", suggest: false);
        foreach (var r in ModelNumerics.SymmetricSamples())
        {
            double l = value(r), d = derivative(r);
            if (l < 0)
                throw new SymbolicException($"{what} is negative at {variable} = {ModelNumerics.Approx(r)} " +
                    $"(ℓ = {ModelNumerics.Approx(l)}); a loss must be ≥ 0");
            if (double.IsNaN(d))
                throw new SymbolicException($"{what} has no derivative at {variable} = {ModelNumerics.Approx(r)}");
            if (Math.Sign(d) != Math.Sign(r))
                throw new SymbolicException($"{what} does not satisfy sign ℓ′(r) = sign r: " +
                    $"ℓ′({ModelNumerics.Approx(r)}) = {ModelNumerics.Approx(d)}");
        }
        foreach (var (half, want) in new[] { (Interval.Positive, 1), (Interval.Negative, -1) })
        {
            var (sign, _, changes, _) = SignAnalysis.Of(first, variable, half, new Dictionary<string, double>());
            if (sign != want)
            {
                string where = changes.Count > 0
                    ? $"ℓ′ changes sign at {variable} ≈ " +
                        $"{string.Join(", ", changes.Take(3).Select(ModelNumerics.Approx))}"
                    : $"ℓ′ = {first} does not have the sign of {variable} on {half}";
                throw new SymbolicException($"{what} does not satisfy sign ℓ′(r) = sign r: {where}");
            }
        }
        return new Loss(formula.ToString(), formula, value, derivative, secondDerivative);
    }

    /// <summary>
    /// A loss from text: "square", "huber" (δ = 1), "huber:0.5", "power:1.5", "logcosh", the names "huber(0.5)" and
    /// "power(1.5)" that <see cref="Name"/> prints, or a formula in r such as "r^4/4".
    /// </summary>
    /// <exception cref="SymbolicException">Unknown name, bad parameter, or a formula that is not a loss.</exception>
    public static Loss Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Trim();
        var lower = text.ToLowerInvariant();
        switch (lower)
        {
            case "square" or "squared" or "l2": return Square;
            case "huber": return Huber(1);
            case "logcosh" or "log-cosh" or "log_cosh": return LogCosh;
            case "power": throw new SymbolicException("the power loss needs an exponent, e.g. \"power:1.5\"");
        }
        if (Parameter(lower, "huber") is { } delta) return Huber(Number(delta, "huber", "the threshold δ"));
        if (Parameter(lower, "power") is { } q) return Power(Number(q, "power", "the exponent q"));
        Expr formula;
        try { formula = Expr.Parse(text); }
        catch (ParseException e)
        {
            throw new SymbolicException($"unknown loss '{text}': expected {Expected} ({e.Message})", e);
        }
        if (!formula.DependsOn("r")) throw new SymbolicException($"unknown loss '{text}': expected {Expected}");
        return FromFormula(formula, "r");
    }

    private const string Expected = "square, huber, huber:δ, power:q, logcosh or a formula in r such as r^4/4";

    /// <summary>The text after "name:" or inside "name(…)", or null when <paramref name="text"/> is not of that
    /// form.</summary>
    internal static string? Parameter(string text, string name)
    {
        if (text.StartsWith(name + ":", StringComparison.Ordinal)) return text[(name.Length + 1)..].Trim();
        if (text.StartsWith(name + "(", StringComparison.Ordinal) && text.EndsWith(')'))
            return text[(name.Length + 1)..^1].Trim();
        return null;
    }

    private static double Number(string text, string name, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new SymbolicException($"'{text}' is not a number ({what} of the {name} loss)");

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
