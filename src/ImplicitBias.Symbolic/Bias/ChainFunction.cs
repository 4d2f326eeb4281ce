namespace ImplicitBias.Symbolic;

/// <summary>
/// One scalar function of the chain: its closed form where there is one (in <see cref="Argument"/>, or in w for
/// a parametric form), and a delegate that evaluates it at any point of its interval.
/// </summary>
public sealed class ChainFunction
{
    private readonly Lazy<Func<double, double>> _evaluate;

    internal ChainFunction(string name, string notation, string argument, Form form, Expr? expression, Expr? ofW,
        string? parametrization, Func<Func<double, double>> evaluate)
    {
        Parametrization = ofW is null ? null : parametrization;
        Name = name;
        Notation = notation;
        Argument = argument;
        Form = form;
        Expression = expression;
        OfW = ofW;
        _evaluate = new Lazy<Func<double, double>>(evaluate);
    }

    /// <summary>The JSON name: derivative, dualCoordinate, mirrorMap, …</summary>
    public string Name { get; }
    /// <summary>Mathematical notation, e.g. "f′(x)".</summary>
    public string Notation { get; }
    /// <summary>The argument of the explicit form: "w", "x" or "z".</summary>
    public string Argument { get; }
    /// <summary>How the function is known.</summary>
    public Form Form { get; }
    /// <summary>The closed form in <see cref="Argument"/>, or null unless <see cref="Form"/> is Explicit.</summary>
    public Expr? Expression { get; }
    /// <summary>The exact formula in w (as a function of w = ρ⁻¹(x) or w = Φ⁻¹(z)), when there is one.</summary>
    public Expr? OfW { get; }
    /// <summary>
    /// Where <see cref="OfW"/> is evaluated: "w = ρ⁻¹(x)", "w = Φ⁻¹(z)" or "z = f′(x)"; null without a formula.
    /// </summary>
    public string? Parametrization { get; }
    /// <summary>Evaluates the function (compiled on first use; thread-safe).</summary>
    public double Evaluate(double point) => _evaluate.Value(point);
    /// <summary>The evaluation delegate.</summary>
    public Func<double, double> Function => _evaluate.Value;

    /// <summary>"f′(x) = …" or a description of the form.</summary>
    public override string ToString() => Expression is not null
        ? $"{Notation} = {Expression}"
        : OfW is not null ? $"{Notation} = {OfW} at {Parametrization} ({Form.ToString().ToLowerInvariant()})"
        : $"{Notation}: {Form.ToString().ToLowerInvariant()}";
}
